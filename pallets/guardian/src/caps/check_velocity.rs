//! [`CheckVelocity`]: refuse a doomed transfer at transaction-pool validation, and record the
//! debits the ledger refused once the dispatch's storage has been rolled back.

use super::{outflow::EstimateOutflow, tx_scope};
use crate::{CheckVelocity, Config, Pallet, WeightInfo};
use codec::Encode;
use frame_support::{
	dispatch::DispatchClass, pallet_prelude::TransactionSource, traits::Get, weights::Weight,
};
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, PostDispatchInfoOf,
		TransactionExtension, ValidateResult, Zero,
	},
	transaction_validity::{InvalidTransaction, TransactionValidityError, ValidTransaction},
	DispatchResult, SaturatedConversion,
};

/// The `InvalidTransaction::Custom` code of a transaction whose transfers exceed the signer's
/// remaining allowance.
pub const CAP_EXCEEDED_ERROR: u8 = 181;

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckVelocity<T>
where
	DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>: AsSystemOriginSigner<T::AccountId>,
{
	const IDENTIFIER: &'static str = "GuardianCheckVelocity";
	type Implicit = ();
	/// The weight the pool check actually took.
	type Val = Weight;
	/// The pool check's unspent weight, and the guard work charged up front.
	type Pre = (Weight, Weight);

	/// The guarded signer's pool check, and the most guard work the call can cause (see
	/// [`Pallet::guard_budget`]); `post_dispatch` refunds what was not used.
	fn weight(&self, call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		T::WeightInfo::check_velocity()
			.saturating_add(Pallet::<T>::guard_budget(T::OutflowEstimator::max_debits(call)))
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		let mut spent = Weight::zero();
		if let Some(who) = origin.as_system_origin_signer() {
			let outflow = T::OutflowEstimator::outflow(who, call);
			if !outflow.is_zero() {
				if Pallet::<T>::may_be_guarded(who) {
					spent = T::WeightInfo::check_velocity();
					if Pallet::<T>::remaining_allowance(who).is_some_and(|left| outflow > left) {
						return Err(InvalidTransaction::Custom(CAP_EXCEEDED_ERROR).into());
					}
					// The tip comes on top: `ExemptFees` checks both together.
					tx_scope::note_outflow(who.encode(), outflow.saturated_into());
				} else {
					spent = T::WeightInfo::ledger_debit_unguarded();
				}
			}
		}
		Ok((ValidTransaction::default(), spent, origin))
	}

	fn prepare(
		self,
		spent: Self::Val,
		_origin: &DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		tx_scope::begin();
		if let Some(issuance) = Pallet::<T>::issuance_if_watched() {
			tx_scope::note_issuance(issuance);
		}
		let budget = Pallet::<T>::guard_budget(T::OutflowEstimator::max_debits(call));
		Ok((T::WeightInfo::check_velocity().saturating_sub(spent), budget))
	}

	fn post_dispatch_details(
		(unspent, budget): Self::Pre,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_post_info: &PostDispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		let finished = tx_scope::finish();
		// The alert state (whitelisted) and, when watched, the issuance before and after.
		let mut work = finished.guard_work.saturating_add(
			T::DbWeight::get().reads(if finished.issuance.is_some() { 2 } else { 0 }),
		);
		// Responses the dispatch's rollback erased are applied again: trips persist.
		work = work.saturating_add(Pallet::<T>::persist_trips(finished.trips));
		// The values reported during the transaction, judged once, as committed.
		work = work.saturating_add(Pallet::<T>::judge_pending(finished.pending));
		if let Some(before) = finished.issuance {
			// Value was created (committed): the issuance monitor sees it before the next
			// extrinsic. A fee or a rolled-back burn cannot hide it.
			// Judged from the issuance right before it (fees burnt earlier in the block are
			// a fall of their own, observed first), so the rise measured is exactly this
			// transaction's.
			if Pallet::<T>::total_issuance() > before {
				work = work
					.saturating_add(Pallet::<T>::observe_now(crate::Source::Issuance, before))
					.saturating_add(Pallet::<T>::observe_issuance_now());
			}
		}
		if finished.repair_scheduled {
			work = work.saturating_add(Pallet::<T>::repair_markers());
		}
		// Guard work beyond what the call declared (a path the estimator could not see) is
		// added to the block; the rest of the declared budget is refunded.
		let beyond = work.saturating_sub(budget);
		if beyond.any_gt(Weight::zero()) {
			frame_system::Pallet::<T>::register_extra_weight_unchecked(
				beyond,
				DispatchClass::Mandatory,
			);
		}
		Ok(unspent.saturating_add(budget.saturating_sub(work)))
	}
}

impl<T: Config> Pallet<T> {
	/// The most guard work a call making up to `debits` debits can cause, charged up front by
	/// [`CheckVelocity`] and refunded to what the ledger did: per debit, a guarded outflow with
	/// its high-water response at its worst (`ledger_debit_guarded_response`) and the reads of
	/// the guard records of its two accounts; once, the issuance read before and after the
	/// transaction and, when it rose, its two observations (before and after the transaction,
	/// `observe_fire` each).
	pub fn guard_budget(debits: u32) -> Weight {
		T::WeightInfo::ledger_debit_guarded_response()
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_mul(debits.into())
			.saturating_add(T::WeightInfo::observe_fire().saturating_mul(2))
			.saturating_add(T::DbWeight::get().reads(2))
	}
}
