//! [`LedgerGuard`]: the velocity caps enforced where balances are stored, so that no path
//! escapes them.
//!
//! pallet-balances keeps every account's `AccountData` through its `AccountStore`, a
//! [`StoredMap`]. `LedgerGuard<Runtime, System>` is that store with the guardian in front: every
//! change of every account's balance, whatever caused it (a transfer call, a batch, a proxy, a
//! multisig, the scheduler, another pallet's `fungible::Mutate::transfer`, an XCM asset
//! transactor), passes through [`LedgerGuard::try_mutate_exists`].
//!
//! # What a debit is
//!
//! A **debit** is a decrease of the free balance that is not moved into the reserve (holds
//! included): `debit = (free_before − free_after) − (reserved_after − reserved_before)`, each
//! term floored at zero. So:
//!
//! * transfers, withdrawals, burns and the dust of a reaped account are debits;
//! * reserving funds (`ReservableCurrency::reserve`, one write moving free into reserved) is
//!   not: the funds stay in the account; unreserving or releasing them is an inflow;
//! * slashing, burning or transferring *held or reserved* funds reduces the reserve, not the
//!   free balance, so **a cap can never be used to dodge a slash**;
//! * a `fungible::MutateHold::hold` is the exception: pallet-balances performs it as two
//!   writes, a withdrawal of free balance and then a reserve, and the first is
//!   indistinguishable from any other withdrawal. A new hold therefore counts as a debit and
//!   is refused while the allowance is used up. We keep it that way on purpose: funds on hold
//!   can later leave with `transfer_on_hold` without touching the free balance, so counting
//!   them when they enter the hold is what keeps that path capped;
//! * **transaction fees** are exempt: [`crate::ExemptFees`] marks the inclusion fee while
//!   pallet-transaction-payment withdraws it. Fees are bounded by the block's weight and length
//!   limits and go to the chain, not to a recipient, and a cap that blocked fees would lock a
//!   capped account out of every transaction, including cancelling its own announcements. The
//!   **tip** is not exempt: it is value the signer chooses to pay to the block author, so it
//!   counts like a transfer (a tip over the allowance makes the transaction invalid).
//!
//! A debit beyond the remaining allowance fails with [`crate::Error::VelocityCapExceeded`] (or
//! [`crate::Error::GlobalCapExceeded`]) and nothing moves: the mutation runs in its own storage
//! layer, rolled back on refusal. Inflows are never checked, let alone refused.
//!
//! # Cost
//!
//! * Any balance change: one partial read of the guard index (8 bytes of a key read by
//!   `on_initialize` and whitelisted): **no charged read** for an unguarded account, and the
//!   index is only consulted for debits.
//! * A debit of an account with an own limit only: one read and one write of
//!   [`crate::Guards`]. With a governance policy: one read of [`crate::GlobalCap`] more, and
//!   one write of it if a global cap is set. Measured on the template runtime
//!   (`tests/tests/unguarded_transfers_pay_no_extra_storage.rs`, charged distinct keys of a
//!   transfer, baseline 2 reads and 2 writes): unguarded sender +0/+0, own limit +1/+1,
//!   policy +2/+1, policy with a global cap +2/+2.
//! * The storage layer a guarded debit runs in costs the `:transaction_level:` key, which
//!   frame-benchmarking whitelists.
//! * **Who pays**: pallet-balances' weights are benchmarked from unguarded accounts, so they
//!   include the unguarded cost (nothing charged). Each debit of a guarded account adds the
//!   benchmarked `ledger_debit_guarded` weight to the block as extra weight, whichever path it
//!   came by (a transaction, a proxy or multisig, another pallet, a hook); a refused debit is
//!   charged the same when [`crate::CheckVelocity`] records it.

use crate::{Config, Pallet, WeightInfo};
use core::marker::PhantomData;
use frame_support::{
	dispatch::DispatchClass,
	storage::{with_transaction, TransactionOutcome},
	traits::StoredMap,
};
use pallet_balances::AccountData;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError,
};

/// The debit a change of `before` into `after` makes (see the module docs).
pub fn debit_of<Balance: Copy + Saturating + Zero + Ord>(
	before: Option<&AccountData<Balance>>,
	after: Option<&AccountData<Balance>>,
) -> Balance {
	let parts = |data: Option<&AccountData<Balance>>| {
		data.map_or((Balance::zero(), Balance::zero()), |d| (d.free, d.reserved))
	};
	let (free_before, reserved_before) = parts(before);
	let (free_after, reserved_after) = parts(after);
	free_before
		.saturating_sub(free_after)
		.saturating_sub(reserved_after.saturating_sub(reserved_before))
}

/// Free plus reserved, as the issuance counts it.
fn total_of<Balance: Copy + Saturating + sp_runtime::traits::UniqueSaturatedInto<u128>>(
	data: Option<&AccountData<Balance>>,
) -> u128 {
	data.map_or(0, |d| d.free.saturating_add(d.reserved).unique_saturated_into())
}

/// The guarded account store. Use as pallet-balances' `AccountStore`:
/// `type AccountStore = pallet_guardian::LedgerGuard<Runtime, System>;`.
pub struct LedgerGuard<T, Inner>(PhantomData<(T, Inner)>);

impl<T, Inner> StoredMap<T::AccountId, AccountData<T::Balance>> for LedgerGuard<T, Inner>
where
	T: Config,
	Inner: StoredMap<T::AccountId, AccountData<T::Balance>>,
{
	fn get(who: &T::AccountId) -> AccountData<T::Balance> {
		Inner::get(who)
	}

	fn try_mutate_exists<R, E: From<DispatchError>>(
		who: &T::AccountId,
		f: impl FnOnce(&mut Option<AccountData<T::Balance>>) -> Result<R, E>,
	) -> Result<R, E> {
		// Every change also notes, in memory, how the account's total moved: the hint that a
		// transaction created value (see `tx_scope`).
		let f = |account: &mut Option<AccountData<T::Balance>>| {
			let before = total_of(account.as_ref());
			let result = f(account)?;
			crate::tx_scope::note_total(before, total_of(account.as_ref()));
			Ok(result)
		};
		if !Pallet::<T>::may_be_guarded(who) {
			return Inner::try_mutate_exists(who, f);
		}
		// A refusal comes after `f` ran (and pallet-balances' `f` adjusts reference counts in
		// storage): run in a layer of our own so that a refusal leaves nothing behind.
		let mut committed = false;
		let outcome = with_transaction(|| {
			let mut plan = None;
			let result = Inner::try_mutate_exists(who, |account| {
				let before = account.clone();
				let result = f(account)?;
				let debit = debit_of(before.as_ref(), account.as_ref());
				if !debit.is_zero() {
					let free = before.as_ref().map_or_else(Zero::zero, |d| d.free);
					plan = Pallet::<T>::plan_debit(who, debit, free).map_err(E::from)?;
				}
				Ok(result)
			});
			match result {
				Ok(result) => {
					if let Some(plan) = plan {
						Pallet::<T>::apply_debit(plan);
						committed = true;
					}
					TransactionOutcome::Commit(Ok(result))
				}
				Err(error) => TransactionOutcome::Rollback(Err(error)),
			}
		});
		if committed {
			// The check's benchmarked cost, on whatever path the debit came (a transfer's own
			// weight is measured from an unguarded account). A refused debit fails its
			// dispatch, whose rollback would discard this: `CheckVelocity` charges refusals
			// when it records them.
			frame_system::Pallet::<T>::register_extra_weight_unchecked(
				T::WeightInfo::ledger_debit_guarded(),
				DispatchClass::Normal,
			);
		}
		outcome
	}
}
