//! [`CheckPaused`]: refuse a paused top-level call at transaction-pool validation, before
//! anyone pays a fee for a call that cannot run.

use super::Breakers;
use crate::{CheckPaused, Config, Summary, WeightInfo};
use codec::Encode;
use frame_support::{
	pallet_prelude::TransactionSource,
	traits::{Get, IsType},
	weights::Weight,
};
use sp_runtime::{
	traits::{
		DispatchInfoOf, DispatchOriginOf, PostDispatchInfoOf, TransactionExtension, ValidateResult,
	},
	transaction_validity::{InvalidTransaction, TransactionValidityError, ValidTransaction},
	DispatchResult,
};

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckPaused<T>
{
	const IDENTIFIER: &'static str = "GuardianCheckPaused";
	type Implicit = ();
	/// The weight the check actually took.
	type Val = Weight;
	/// The weight to refund.
	type Pre = Weight;

	/// Honest up front: nothing for the guardian's own and whitelisted calls, the summary's
	/// (whitelisted) read while nothing is paused, the filter's worst case while anything is
	/// (the summary is the block's, so this is what the check below will find).
	fn weight(&self, call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		let call = <T as Config>::RuntimeCall::from_ref(call);
		if Breakers::<T>::never_paused(call) {
			Weight::zero()
		} else if Summary::<T>::get().active == 0 {
			T::WeightInfo::check_paused_none()
		} else {
			T::WeightInfo::check_paused(T::MaxActivePauses::get())
		}
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		let check = Breakers::<T>::check_call(<T as Config>::RuntimeCall::from_ref(call));
		if !check.allowed {
			return Err(InvalidTransaction::Custom(T::RefusalCodes::get().paused_call).into());
		}
		let spent = match check.pauses_stored {
			None => Weight::zero(),
			Some(0) => T::WeightInfo::check_paused_none(),
			Some(n) => T::WeightInfo::check_paused(n),
		};
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
		Ok(self.weight(call).saturating_sub(spent))
	}

	fn post_dispatch_details(
		refund: Self::Pre,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_post_info: &PostDispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		Ok(refund)
	}
}
