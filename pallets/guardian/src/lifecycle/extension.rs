//! [`WatchTransaction`]: the transaction extension that runs the guardian's lifecycle around
//! every extrinsic (see [`crate::lifecycle`]).

use super::{memory, Edge, TransactionEdges};
use crate::{caps::Caps, monitors::Monitoring, responses::Engine, Config};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::{fmt::Debug, marker::PhantomData};
use frame_support::{
	dispatch::{DispatchInfo, PostDispatchInfo},
	pallet_prelude::TransactionSource,
	weights::Weight,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, Dispatchable, PostDispatchInfoOf,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{TransactionValidityError, ValidTransaction},
	DispatchResult,
};

/// The guardian's transaction lifecycle, as a transaction extension carrying no data. Add it
/// to the runtime's extension tuple after [`CheckPaused`](crate::CheckPaused) and
/// [`CheckVelocity`](crate::CheckVelocity) and before `ChargeTransactionPayment`.
///
/// * **Up front** it declares only what every transaction costs it: nothing, or the two reads
///   of the total issuance while an issuance monitor is set. An unguarded transfer therefore
///   declares what it uses, and wallets show the fee it pays.
/// * **Guard work** (the ledger's reads and writes of a guarded account's records, its
///   high-water response) is reserved when the call may debit an account that may be guarded
///   ([`Caps::guard_reservation`]): the block must have room for it
///   (`InvalidTransaction::ExhaustsResources` otherwise, as `CheckWeight` says of the call
///   itself), and [`ExemptFees`](crate::ExemptFees) withdraws its fee with the transaction's.
///   After dispatch the unused part goes back to the block and the payer is charged for what
///   was used. Work nobody could foresee (a guarded debit through a call the estimator does
///   not know, the answer to a mint) is added to the block and charged from what the payer
///   paid.
/// * **After dispatch** the response engine applies again what a rollback erased, and the
///   monitors judge what the transaction committed.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct WatchTransaction<T>(PhantomData<T>);

impl<T> WatchTransaction<T> {
	/// The extension; it carries no data.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> Default for WatchTransaction<T> {
	fn default() -> Self {
		Self::new()
	}
}

impl<T> Debug for WatchTransaction<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "WatchTransaction")
	}
}

/// What the lifecycle keeps from before dispatch to after it.
pub struct Watched<T: Config> {
	/// The payer, encoded (for the guard fee), if the transaction is signed.
	payer: Option<alloc::vec::Vec<u8>>,
	/// The class and the reservation.
	edge: Edge,
	/// What each capability keeps.
	kept: Kept<T>,
}

/// What the capabilities keep, in their order.
type Kept<T> = (
	<Caps<T> as TransactionEdges<T>>::Kept,
	<Monitoring<T> as TransactionEdges<T>>::Kept,
	<Engine<T> as TransactionEdges<T>>::Kept,
);

/// Every capability's `begin`, in order.
fn begin_all<T: Config>(edge: &Edge) -> Result<Kept<T>, TransactionValidityError> {
	memory::begin();
	#[allow(clippy::let_unit_value)]
	let caps = <Caps<T> as TransactionEdges<T>>::begin(edge)?;
	let monitors = <Monitoring<T> as TransactionEdges<T>>::begin(edge)?;
	#[allow(clippy::let_unit_value)]
	let engine = <Engine<T> as TransactionEdges<T>>::begin(edge)?;
	Ok((caps, monitors, engine))
}

/// Every capability's `end`, in reverse order, on what the transaction's memory noted.
/// Returns all the work the transaction caused the guardian.
fn end_all<T: Config>(kept: Kept<T>, edge: &Edge, result: &DispatchResult) -> Weight {
	let (caps, monitors, engine) = kept;
	let mut noted = memory::finish();
	noted.guard_work = noted.guard_work.saturating_add(edge.checked);
	let engine = <Engine<T> as TransactionEdges<T>>::end(engine, edge, &mut noted, result);
	noted.guard_work = noted.guard_work.saturating_add(engine);
	let judged = <Monitoring<T> as TransactionEdges<T>>::end(monitors, edge, &mut noted, result);
	noted.guard_work = noted.guard_work.saturating_add(judged);
	<Caps<T> as TransactionEdges<T>>::end(caps, edge, &mut noted, result);
	noted.guard_work
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for WatchTransaction<T>
where
	<T as frame_system::Config>::RuntimeCall:
		Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
	DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>: AsSystemOriginSigner<T::AccountId>,
{
	const IDENTIFIER: &'static str = "GuardianWatchTransaction";
	type Implicit = ();
	/// The guard work to reserve.
	/// The guard work reserved, and the part of it the validation did.
	type Val = (Weight, Weight);
	type Pre = Watched<T>;

	fn weight(&self, _call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		Monitoring::<T>::declared_per_transaction()
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>,
		call: &<T as frame_system::Config>::RuntimeCall,
		info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		let (budget, checked) = match origin.as_system_origin_signer() {
			Some(who) => Caps::<T>::reservation_parts(who, call),
			None => (Weight::zero(), Weight::zero()),
		};
		let reserved = budget.saturating_add(checked);
		Caps::<T>::reservation_fits(info, reserved)?;
		if let Some(who) = origin.as_system_origin_signer() {
			// For `ExemptFees::can_withdraw_fee`: the payer must afford it too.
			memory::note_reservation(who.encode(), reserved);
		}
		Ok((ValidTransaction::default(), (reserved, checked), origin))
	}

	fn prepare(
		self,
		(reserved, checked): Self::Val,
		origin: &DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>,
		_call: &<T as frame_system::Config>::RuntimeCall,
		info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		let payer = origin.as_system_origin_signer().map(|who| who.encode());
		let edge = Edge { class: info.class, reserved, checked };
		let kept = begin_all::<T>(&edge)?;
		if let Some(payer) = payer.as_ref() {
			// For `ExemptFees::withdraw_fee`, next in the pipeline.
			memory::note_reservation(payer.clone(), reserved);
		}
		Ok(Watched { payer, edge, kept })
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_post_info: &PostDispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		let used = end_all::<T>(pre.kept, &pre.edge, result);
		if let Some(payer) = pre.payer {
			// Paid with the fee by `ExemptFees::correct_and_deposit_fee`, next in the pipeline.
			memory::note_guard_fee(payer, used);
		}
		Ok(Weight::zero())
	}

	fn bare_validate_and_prepare(
		_call: &<T as frame_system::Config>::RuntimeCall,
		info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
	) -> Result<(), TransactionValidityError> {
		let edge = Edge { class: info.class, reserved: Weight::zero(), checked: Weight::zero() };
		let kept = begin_all::<T>(&edge)?;
		memory::keep_bare(kept.1);
		Ok(())
	}

	fn bare_post_dispatch(
		info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_post_info: &mut PostDispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		result: &DispatchResult,
	) -> Result<(), TransactionValidityError> {
		// A bare extrinsic pays no fee: its guardian work is the block's, like its own.
		let edge = Edge { class: info.class, reserved: Weight::zero(), checked: Weight::zero() };
		let kept = ((), memory::take_bare(), ());
		end_all::<T>(kept, &edge, result);
		Ok(())
	}
}
