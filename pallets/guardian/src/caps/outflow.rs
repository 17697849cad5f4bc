//! Estimating what a call will debit from its signer, so that the pool can refuse a transfer
//! the cap would refuse anyway (see [`crate::CheckVelocity`]).

use alloc::vec::Vec;
use core::marker::PhantomData;
#[cfg(feature = "utility")]
use frame_support::traits::IsType;
use frame_support::traits::{
	fungible::Inspect,
	tokens::{Fortitude, Preservation},
	IsSubType,
};
#[cfg(feature = "utility")]
use sp_runtime::traits::Saturating;
use sp_runtime::traits::Zero;

/// Which accounts a call may debit (fees aside), as far as it can be told before dispatch.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Debited<AccountId> {
	/// Nobody: the call moves no value.
	Nobody,
	/// These accounts (the signer of a transfer, the delegator of a proxy, a multisig's
	/// account), and nobody else.
	Accounts(Vec<AccountId>),
	/// The estimator cannot tell (a call of a pallet it does not know, or one dispatched as
	/// root).
	Unknown,
}

/// The most accounts [`Debited::Accounts`] names. A call that may debit more is
/// [`Debited::Unknown`]: its reservation then depends on one read (whether any account is
/// guarded), not on a look-up per account, and merging stays linear in the call's size (a
/// batch of thousands of proxied calls, each naming another account, costs its validation a
/// bounded amount per nested call).
pub const MAX_NAMED_DEBITED: usize = 8;

impl<AccountId: PartialEq> Debited<AccountId> {
	/// Both `self`'s accounts and `other`'s ([`Debited::Unknown`] beyond
	/// [`MAX_NAMED_DEBITED`]).
	pub fn and(self, other: Self) -> Self {
		match (self, other) {
			(Debited::Unknown, _) | (_, Debited::Unknown) => Debited::Unknown,
			(Debited::Nobody, other) | (other, Debited::Nobody) => other,
			(Debited::Accounts(mut these), Debited::Accounts(those)) => {
				for who in those {
					if !these.contains(&who) {
						if these.len() >= MAX_NAMED_DEBITED {
							return Debited::Unknown;
						}
						these.push(who);
					}
				}
				Debited::Accounts(these)
			}
		}
	}
}

/// How much a call signed by `who` will move out of `who`'s free balance, and whose balances it
/// may debit, as far as it can be told before dispatch. Fees are not included (they are exempt
/// from the caps).
pub trait EstimateOutflow<AccountId, Call, Balance> {
	/// The estimated debit of `who`.
	fn outflow(who: &AccountId, call: &Call) -> Balance;

	/// The most debits (of any account) `call` can make, for the guard work
	/// [`WatchTransaction`](crate::WatchTransaction) reserves; at least one.
	fn max_debits(_call: &Call) -> u32 {
		1
	}

	/// The accounts `call`, signed by `who`, may debit: guard work is reserved for it when one
	/// of them may be guarded, or when the estimator cannot tell and some account is.
	fn debited(_who: &AccountId, _call: &Call) -> Debited<AccountId> {
		Debited::Unknown
	}

	/// Whether [`Self::outflow`] may be above zero for some signer: the pool check
	/// ([`CheckVelocity`](crate::CheckVelocity)) then costs its one partial read.
	fn moves_value(_call: &Call) -> bool {
		false
	}
}

/// Estimates nothing: the pool never refuses (pallet-balances still does, through the cap the
/// ledger shows), and while any account is guarded every call reserves one guarded debit.
impl<AccountId, Call, Balance: Zero> EstimateOutflow<AccountId, Call, Balance> for () {
	fn outflow(_: &AccountId, _: &Call) -> Balance {
		Balance::zero()
	}
}

/// How deep into nested utility batches the estimate looks (utility itself allows 6 levels).
pub const MAX_ESTIMATE_DEPTH: u32 = 6;

/// The transfers of pallet-balances (`transfer_allow_death`, `transfer_keep_alive`,
/// `transfer_all`, `burn`) at the top level; any other call debits someone unknown. For a
/// runtime without pallet-utility ([`BalancesTransfersInBatches`] also looks inside its
/// batches).
pub struct BalancesTransfers<R>(PhantomData<R>);

/// [`BalancesTransfers`], also inside pallet-utility's `batch`, `batch_all`, `force_batch`
/// and `if_else` (its costlier branch). With the crate's `utility` feature (on by default). A
/// type of its own rather than a feature changing [`BalancesTransfers`]' bounds: features are
/// unified across a workspace, and a runtime without pallet-utility must still compile.
#[cfg(feature = "utility")]
pub struct BalancesTransfersInBatches<R>(PhantomData<R>);

/// What a pallet-balances call signed by `who` moves out of `who`'s free balance; `None` if
/// `call` is not a pallet-balances call.
fn balances_outflow<R>(
	who: &R::AccountId,
	call: &<R as frame_system::Config>::RuntimeCall,
) -> Option<R::Balance>
where
	R: pallet_balances::Config,
	<R as frame_system::Config>::RuntimeCall: IsSubType<pallet_balances::Call<R>>,
{
	let call = IsSubType::<pallet_balances::Call<R>>::is_sub_type(call)?;
	Some(match call {
		pallet_balances::Call::transfer_allow_death { value, .. }
		| pallet_balances::Call::transfer_keep_alive { value, .. }
		| pallet_balances::Call::burn { value, .. } => *value,
		pallet_balances::Call::transfer_all { keep_alive, .. } => {
			let preservation =
				if *keep_alive { Preservation::Preserve } else { Preservation::Expendable };
			<pallet_balances::Pallet<R> as Inspect<R::AccountId>>::reducible_balance(
				who,
				preservation,
				Fortitude::Polite,
			)
		}
		_ => Zero::zero(),
	})
}

impl<R> EstimateOutflow<R::AccountId, <R as frame_system::Config>::RuntimeCall, R::Balance>
	for BalancesTransfers<R>
where
	R: pallet_balances::Config,
	<R as frame_system::Config>::RuntimeCall: IsSubType<pallet_balances::Call<R>>,
{
	fn outflow(who: &R::AccountId, call: &<R as frame_system::Config>::RuntimeCall) -> R::Balance {
		balances_outflow::<R>(who, call).unwrap_or_else(Zero::zero)
	}

	fn debited(
		who: &R::AccountId,
		call: &<R as frame_system::Config>::RuntimeCall,
	) -> Debited<R::AccountId> {
		match balances_outflow::<R>(who, call) {
			Some(_) => Debited::Accounts(alloc::vec![who.clone()]),
			None => Debited::Unknown,
		}
	}

	fn moves_value(call: &<R as frame_system::Config>::RuntimeCall) -> bool {
		IsSubType::<pallet_balances::Call<R>>::is_sub_type(call).is_some()
	}
}

#[cfg(feature = "utility")]
impl<R> EstimateOutflow<R::AccountId, <R as frame_system::Config>::RuntimeCall, R::Balance>
	for BalancesTransfersInBatches<R>
where
	R: pallet_balances::Config + pallet_utility::Config,
	<R as frame_system::Config>::RuntimeCall:
		IsSubType<pallet_balances::Call<R>> + IsSubType<pallet_utility::Call<R>>,
{
	fn outflow(who: &R::AccountId, call: &<R as frame_system::Config>::RuntimeCall) -> R::Balance {
		estimate::<R>(who, call, 0)
	}

	fn max_debits(call: &<R as frame_system::Config>::RuntimeCall) -> u32 {
		count_debits::<R>(call, 0).max(1)
	}

	fn debited(
		who: &R::AccountId,
		call: &<R as frame_system::Config>::RuntimeCall,
	) -> Debited<R::AccountId> {
		debited::<R>(who, call, 0)
	}

	fn moves_value(call: &<R as frame_system::Config>::RuntimeCall) -> bool {
		count_debits::<R>(call, 0) > 0
	}
}

/// Whose balances `call`, signed by `who`, may debit: `who` for pallet-balances' calls, the
/// union of the calls of utility's batches, [`Debited::Unknown`] for anything else.
#[cfg(feature = "utility")]
pub fn debited<R>(
	who: &R::AccountId,
	call: &<R as frame_system::Config>::RuntimeCall,
	depth: u32,
) -> Debited<R::AccountId>
where
	R: pallet_balances::Config + pallet_utility::Config,
	<R as frame_system::Config>::RuntimeCall:
		IsSubType<pallet_balances::Call<R>> + IsSubType<pallet_utility::Call<R>>,
{
	if depth > MAX_ESTIMATE_DEPTH {
		return Debited::Unknown;
	}
	if IsSubType::<pallet_balances::Call<R>>::is_sub_type(call).is_some() {
		return Debited::Accounts(alloc::vec![who.clone()]);
	}
	let inner = |c: &<R as pallet_utility::Config>::RuntimeCall| {
		debited::<R>(who, c.into_ref(), depth.saturating_add(1))
	};
	match IsSubType::<pallet_utility::Call<R>>::is_sub_type(call) {
		Some(
			pallet_utility::Call::batch { calls }
			| pallet_utility::Call::batch_all { calls }
			| pallet_utility::Call::force_batch { calls },
		) => calls.iter().fold(Debited::Nobody, |all, c| all.and(inner(c))),
		Some(pallet_utility::Call::if_else { main, fallback }) => inner(main).and(inner(fallback)),
		_ => Debited::Unknown,
	}
}

/// How many pallet-balances calls `call` holds, in nested utility batches (both branches of
/// an `if_else`).
#[cfg(feature = "utility")]
pub fn count_debits<R>(call: &<R as frame_system::Config>::RuntimeCall, depth: u32) -> u32
where
	R: pallet_balances::Config + pallet_utility::Config,
	<R as frame_system::Config>::RuntimeCall:
		IsSubType<pallet_balances::Call<R>> + IsSubType<pallet_utility::Call<R>>,
{
	if depth > MAX_ESTIMATE_DEPTH {
		return 0;
	}
	if IsSubType::<pallet_balances::Call<R>>::is_sub_type(call).is_some() {
		return 1;
	}
	let inner = |c: &<R as pallet_utility::Config>::RuntimeCall| {
		count_debits::<R>(c.into_ref(), depth.saturating_add(1))
	};
	match IsSubType::<pallet_utility::Call<R>>::is_sub_type(call) {
		Some(
			pallet_utility::Call::batch { calls }
			| pallet_utility::Call::batch_all { calls }
			| pallet_utility::Call::force_batch { calls },
		) => calls.iter().fold(0u32, |total, c| total.saturating_add(inner(c))),
		Some(pallet_utility::Call::if_else { main, fallback }) => {
			inner(main).saturating_add(inner(fallback))
		}
		_ => 0,
	}
}

#[cfg(feature = "utility")]
fn estimate<R>(
	who: &R::AccountId,
	call: &<R as frame_system::Config>::RuntimeCall,
	depth: u32,
) -> R::Balance
where
	R: pallet_balances::Config + pallet_utility::Config,
	<R as frame_system::Config>::RuntimeCall:
		IsSubType<pallet_balances::Call<R>> + IsSubType<pallet_utility::Call<R>>,
{
	if depth > MAX_ESTIMATE_DEPTH {
		return Zero::zero();
	}
	if let Some(outflow) = balances_outflow::<R>(who, call) {
		return outflow;
	}
	let inner = |c: &<R as pallet_utility::Config>::RuntimeCall| {
		estimate::<R>(who, c.into_ref(), depth.saturating_add(1))
	};
	match IsSubType::<pallet_utility::Call<R>>::is_sub_type(call) {
		Some(
			pallet_utility::Call::batch { calls }
			| pallet_utility::Call::batch_all { calls }
			| pallet_utility::Call::force_batch { calls },
		) => calls.iter().fold(Zero::zero(), |total: R::Balance, c| total.saturating_add(inner(c))),
		Some(pallet_utility::Call::if_else { main, fallback }) => inner(main).max(inner(fallback)),
		_ => Zero::zero(),
	}
}
