//! [`CheckVelocity`]: refuse a doomed transfer at transaction-pool validation, before anyone
//! pays a fee for a debit the ledger would refuse.

use super::{outflow::EstimateOutflow, Caps};
use crate::{lifecycle::memory, CheckVelocity, Config, WeightInfo};
use codec::Encode;
use frame_support::{pallet_prelude::TransactionSource, traits::Get, weights::Weight};
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, PostDispatchInfoOf,
		TransactionExtension, ValidateResult, Zero,
	},
	transaction_validity::{InvalidTransaction, TransactionValidityError, ValidTransaction},
	DispatchResult, SaturatedConversion,
};

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckVelocity<T>
where
	DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>: AsSystemOriginSigner<T::AccountId>,
{
	const IDENTIFIER: &'static str = "GuardianCheckVelocity";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	/// The unguarded check (a partial read of the whitelisted guard index) for a call that may
	/// move value; nothing for another. A guarded signer's check is guard work
	/// ([`Caps::guard_reservation`]).
	fn weight(&self, call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		if T::OutflowEstimator::moves_value(call) {
			T::WeightInfo::ledger_debit_unguarded()
		} else {
			Weight::zero()
		}
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
		if let Some(who) = origin.as_system_origin_signer() {
			let outflow = T::OutflowEstimator::outflow(who, call);
			if !outflow.is_zero() && Caps::<T>::may_be_guarded(who) {
				if Caps::<T>::remaining_allowance(who).is_some_and(|left| outflow > left) {
					return Err(
						InvalidTransaction::Custom(T::RefusalCodes::get().cap_exceeded).into()
					);
				}
				// The tip comes on top: `ExemptFees` checks both together.
				memory::note_outflow(who.encode(), outflow.saturated_into());
			}
		}
		Ok((ValidTransaction::default(), (), origin))
	}

	fn prepare(
		self,
		_val: Self::Val,
		_origin: &DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>,
		_call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		Ok(())
	}

	fn post_dispatch_details(
		_pre: Self::Pre,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_post_info: &PostDispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		Ok(Weight::zero())
	}
}
