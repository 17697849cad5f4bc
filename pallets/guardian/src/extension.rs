//! [`CheckPaused`]: refuse a paused top-level call at transaction-pool validation, before
//! anyone pays a fee for a call that cannot run.

use crate::{Config, Pallet, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::TransactionSource, traits::IsType, weights::Weight, DefaultNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::{InvalidTransaction, ValidTransaction},
};

/// The `InvalidTransaction::Custom` code of a transaction whose call is paused.
pub const PAUSED_CALL_ERROR: u8 = 180;

/// Transaction extension refusing a transaction whose (top-level) call is paused with
/// `InvalidTransaction::Custom(`[`PAUSED_CALL_ERROR`]`)`. Nested calls are stopped by the
/// call filter at dispatch. Add it to the runtime's transaction extension tuple, before
/// `ChargeTransactionPayment`.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckPaused<T>(PhantomData<T>);

impl<T> CheckPaused<T> {
	/// The extension; it carries no data.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> core::fmt::Debug for CheckPaused<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckPaused")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckPaused<T>
{
	const IDENTIFIER: &'static str = "GuardianCheckPaused";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, _call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		T::WeightInfo::check_paused()
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
		if !Pallet::<T>::call_allowed(<T as Config>::RuntimeCall::from_ref(call)) {
			return Err(InvalidTransaction::Custom(PAUSED_CALL_ERROR).into());
		}
		Ok((ValidTransaction::default(), (), origin))
	}

	impl_tx_ext_default!(<T as frame_system::Config>::RuntimeCall; prepare);
}
