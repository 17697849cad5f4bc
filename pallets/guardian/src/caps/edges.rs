//! The caps' edges of every transaction: the guard work a call may cause, reserved on the block
//! before it runs and settled after it (see [`crate::WatchTransaction`]).
//!
//! **Why a reservation and not up-front weight.** A transaction extension's weight is known from
//! the call alone, before anyone knows who signed it. Declaring every call's worst guard work
//! (a guarded debit with its high-water response: about 2.5 ms of the template's weight) made
//! every wallet show a fee eight times too high for a plain transfer between unguarded
//! accounts. The guard work only happens when a guarded account is debited, which the signer
//! and the call tell; so it is reserved once the signer is known:
//!
//! * **Who reserves.** A call whose debited accounts ([`EstimateOutflow::debited`](super::EstimateOutflow::debited)) include one
//!   that may be guarded (the guard index says so), or whose debited accounts the estimator
//!   cannot name while some account is guarded. An unguarded transfer reserves nothing.
//! * **How much.** [`Caps::guard_budget`] for the call's debits, plus the guarded signer's
//!   pool check ([`CheckVelocity`](crate::CheckVelocity) declares only the unguarded one).
//! * **The block's room.** The reservation is added to the block's weight in the transaction's
//!   class before dispatch, refused with `InvalidTransaction::ExhaustsResources` when it does
//!   not fit (the transaction stays in the pool for a later block), and what was not used is
//!   given back after dispatch.
//! * **The fee.** [`ExemptFees`](crate::ExemptFees) withdraws the reservation's fee with the
//!   transaction's and keeps, after dispatch, the fee of the work actually done; a payer who
//!   cannot afford it is refused in the pool.
//! * **The unforeseen.** Work no estimate could foresee (a guarded debit through a call the
//!   estimator names wrongly, the answer to a mint) is added to the block after dispatch and
//!   charged from what the payer paid.

use super::{outflow::Debited, Caps};
use crate::{lifecycle::Edge, Config, GuardIndex, WeightInfo};
use frame_support::{dispatch::DispatchClass, traits::Get, weights::Weight};
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchResult,
};

impl<T: Config> Caps<T> {
	/// The most guard work a call making up to `debits` debits can cause: per debit, a guarded
	/// outflow with its high-water response at its worst (`ledger_debit_guarded_response`, and
	/// the alerts the response's monitor sends) and the reads of the guard records of its two
	/// accounts.
	pub fn guard_budget(debits: u32) -> Weight {
		T::WeightInfo::ledger_debit_guarded_response()
			.saturating_add(crate::responses::Engine::<T>::alert_fanout_weight())
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_mul(debits.into())
	}

	/// The guard work to reserve for `call` signed by `who` (see the module docs): zero when
	/// nothing it may debit can be guarded.
	pub fn guard_reservation(
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
	) -> Weight {
		let (budget, check) = Self::reservation_parts(who, call);
		budget.saturating_add(check)
	}

	/// [`Self::guard_reservation`] in its two parts: the guard budget of the call's debits
	/// (settled to what the debits used) and the guarded signer's pool check (done at
	/// validation, so always used).
	pub(crate) fn reservation_parts(
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
	) -> (Weight, Weight) {
		use crate::EstimateOutflow;
		let signer_guarded = Self::may_be_guarded(who);
		let reserve = signer_guarded
			|| match T::OutflowEstimator::debited(who, call) {
				Debited::Nobody => false,
				Debited::Accounts(accounts) => accounts.iter().any(Self::may_be_guarded),
				Debited::Unknown => GuardIndex::<T>::exists(),
			};
		if !reserve {
			return (Weight::zero(), Weight::zero());
		}
		let check = if signer_guarded && T::OutflowEstimator::moves_value(call) {
			T::WeightInfo::check_velocity().saturating_sub(T::WeightInfo::ledger_debit_unguarded())
		} else {
			Weight::zero()
		};
		(Self::guard_budget(T::OutflowEstimator::max_debits(call)), check)
	}

	/// Whether a transaction declaring `info` could fit a block at all with `reserved` guard
	/// work on top (as `CheckWeight` checks a transaction's own weight in the pool). A
	/// reservation no block can hold (a batch of hundreds of transfers from a guarded account)
	/// is refused in the pool with `InvalidTransaction::ExhaustsResources`, instead of being
	/// kept there, retried by every author and never included.
	pub(crate) fn reservation_fits(
		info: &frame_support::dispatch::DispatchInfo,
		reserved: Weight,
	) -> Result<(), TransactionValidityError> {
		if reserved == Weight::zero() {
			return Ok(());
		}
		let limits = T::BlockWeights::get();
		let class = limits.get(info.class);
		let total =
			info.total_weight().saturating_add(class.base_extrinsic).saturating_add(reserved);
		let over_extrinsic = class.max_extrinsic.is_some_and(|max| total.any_gt(max));
		let over_class = class.max_total.is_some_and(|max| total.any_gt(max));
		if over_extrinsic || over_class || total.any_gt(limits.max_block) {
			return Err(InvalidTransaction::ExhaustsResources.into());
		}
		Ok(())
	}

	/// Add `weight` to the block's weight in `class`, within the block's limits (as
	/// `CheckWeight` books a call's weight).
	fn reserve(weight: Weight, class: DispatchClass) -> Result<(), TransactionValidityError> {
		if weight == Weight::zero() {
			return Ok(());
		}
		let limits = T::BlockWeights::get();
		let class_limits = limits.get(class);
		let mut all = frame_system::BlockWeight::<T>::get();
		all.checked_accrue(weight, class).map_err(|_| InvalidTransaction::ExhaustsResources)?;
		let in_class = *all.get(class);
		if class_limits.max_total.is_some_and(|max| in_class.any_gt(max)) {
			return Err(InvalidTransaction::ExhaustsResources.into());
		}
		if all.total().any_gt(limits.max_block)
			&& class_limits.reserved.is_some_and(|reserved| in_class.any_gt(reserved))
		{
			return Err(InvalidTransaction::ExhaustsResources.into());
		}
		frame_system::BlockWeight::<T>::put(all);
		Ok(())
	}

	/// After dispatch: give the block back what was `reserved` and not `used`, and add to it
	/// what was used beyond the reservation.
	fn settle(reserved: Weight, used: Weight, class: DispatchClass) {
		let unused = reserved.saturating_sub(used);
		if unused != Weight::zero() {
			frame_system::BlockWeight::<T>::mutate(|all| all.reduce(unused, class));
		}
		let beyond = used.saturating_sub(reserved);
		if beyond != Weight::zero() {
			frame_system::Pallet::<T>::register_extra_weight_unchecked(beyond, class);
		}
	}
}

/// The caps' edges: the reservation taken before dispatch, settled after it against all the
/// work the transaction caused the guardian (the ledger's, the engine's, the monitors').
impl<T: Config> crate::lifecycle::TransactionEdges<T> for Caps<T> {
	type Kept = ();

	fn begin(edge: &Edge) -> Result<(), TransactionValidityError> {
		Self::reserve(edge.reserved, edge.class)
	}

	fn end(
		_kept: (),
		edge: &Edge,
		noted: &mut crate::lifecycle::memory::Finished,
		_result: &DispatchResult,
	) -> Weight {
		Self::settle(edge.reserved, noted.guard_work, edge.class);
		Weight::zero()
	}
}
