//! [`CheckVelocity`]: refuse a doomed transfer at transaction-pool validation, and record the
//! debits the ledger refused once the dispatch's storage has been rolled back.

use super::{debits::Refusal, outflow::EstimateOutflow, tx_scope};
use crate::{CheckVelocity, Config, Event, Guards, Pallet, RejectedDebits, WeightInfo};
use codec::{Decode, Encode};
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
	/// The weight the check actually took.
	type Val = Weight;
	/// The weight to refund.
	type Pre = Weight;

	/// The guarded signer's worst case up front; `prepare` works out the refund.
	fn weight(&self, _call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		T::WeightInfo::check_velocity()
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
		Ok(self.weight(call).saturating_sub(spent))
	}

	fn post_dispatch_details(
		refund: Self::Pre,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_post_info: &PostDispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		let finished = tx_scope::finish();
		if finished.created {
			// Value was created: let the issuance monitor see it before the next extrinsic.
			let weight = Pallet::<T>::observe_issuance();
			frame_system::Pallet::<T>::register_extra_weight_unchecked(
				weight,
				DispatchClass::Mandatory,
			);
		}
		Pallet::<T>::record_refusals(finished);
		Ok(refund)
	}
}

impl<T: Config> Pallet<T> {
	/// Write the refusals noted during the transaction: one event and counter update each,
	/// charged to the block as extra weight (refusals are rare; ordinary transactions pay
	/// nothing for this).
	pub(crate) fn record_refusals(finished: tx_scope::Finished) {
		let tx_scope::Finished { noted, dropped, .. } = finished;
		if noted.is_empty() && dropped == 0 {
			return;
		}
		let count = noted.len().saturated_into::<u64>().saturating_add(dropped.into());
		RejectedDebits::<T>::mutate(|total| *total = total.saturating_add(count));
		for encoded in &noted {
			let Ok(refusal) = Refusal::<T::AccountId, T::Balance>::decode(&mut &encoded[..]) else {
				continue;
			};
			Guards::<T>::mutate_exists(&refusal.who, |guard| {
				if let Some(guard) = guard {
					guard.rejected = guard.rejected.saturating_add(1);
				}
			});
			Self::deposit_event(Event::DebitRejected {
				who: refusal.who,
				amount: refusal.amount,
				global: refusal.global,
			});
		}
		// The writes above, and each refused debit's check, whose own charge the dispatch's
		// rollback discarded (see `LedgerGuard`).
		let entries = noted.len().saturated_into::<u64>();
		frame_system::Pallet::<T>::register_extra_weight_unchecked(
			T::DbWeight::get()
				.reads_writes(entries.saturating_add(1), entries.saturating_add(1))
				.saturating_add(T::WeightInfo::ledger_debit_guarded().saturating_mul(count)),
			DispatchClass::Mandatory,
		);
	}
}
