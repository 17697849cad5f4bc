//! What a pause targets, and checking a target against the runtime's own call metadata and
//! the whitelist, for every capability that names targets (governance's pauses, playbooks,
//! reportable targets).

use super::Engine;
use crate::{Config, Error, NameOf, Pallet, PauseTargetOf, PauseWhitelist};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	ensure,
	traits::{CallMetadata, Get, GetCallMetadata, PalletInfoAccess},
	BoundedVec,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::DispatchError;

use alloc::vec::Vec;

/// What a pause stops: one call, every call of one pallet, or the whole chain (safe mode).
///
/// Generic over the name type: extrinsics take [`PauseTargetInput`] (plain bytes, so that a
/// name over the bound is refused with a named error rather than at decoding), storage holds
/// the bounded form.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Serialize,
	Deserialize,
)]
pub enum PauseTarget<Name> {
	/// One call, named as in the runtime's metadata, e.g. `Balances` / `transfer_keep_alive`.
	Call {
		/// The pallet's name in `construct_runtime`/`#[runtime]`.
		pallet: Name,
		/// The call's name in the pallet's metadata.
		call: Name,
	},
	/// Every call of one pallet.
	Pallet {
		/// The pallet's name in `construct_runtime`/`#[runtime]`.
		pallet: Name,
	},
	/// Every call of every pallet except the whitelist and the guardian itself (safe mode).
	Chain,
}

/// A pause target as given to an extrinsic or to [`crate::CircuitBreaker`].
pub type PauseTargetInput = PauseTarget<Vec<u8>>;

impl<Name: AsRef<[u8]>> PauseTarget<Name> {
	/// The pallet this target names, if it names one.
	pub fn pallet_name(&self) -> Option<&[u8]> {
		match self {
			PauseTarget::Call { pallet, .. } | PauseTarget::Pallet { pallet } => {
				Some(pallet.as_ref())
			}
			PauseTarget::Chain => None,
		}
	}

	/// The call this target names, if it names one.
	pub fn call_name(&self) -> Option<&[u8]> {
		match self {
			PauseTarget::Call { call, .. } => Some(call.as_ref()),
			_ => None,
		}
	}

	/// Whether a pause of this target stops the call described by `meta`.
	pub fn covers(&self, meta: &CallMetadata) -> bool {
		match self {
			PauseTarget::Chain => true,
			PauseTarget::Pallet { pallet } => pallet.as_ref() == meta.pallet_name.as_bytes(),
			PauseTarget::Call { pallet, call } => {
				pallet.as_ref() == meta.pallet_name.as_bytes()
					&& call.as_ref() == meta.function_name.as_bytes()
			}
		}
	}
}

impl<S: Get<u32>> PauseTarget<BoundedVec<u8, S>> {
	/// The unbounded form, as taken by the extrinsics.
	pub fn to_input(&self) -> PauseTargetInput {
		match self {
			PauseTarget::Call { pallet, call } => {
				PauseTarget::Call { pallet: pallet.to_vec(), call: call.to_vec() }
			}
			PauseTarget::Pallet { pallet } => PauseTarget::Pallet { pallet: pallet.to_vec() },
			PauseTarget::Chain => PauseTarget::Chain,
		}
	}
}

impl<T: Config> Engine<T> {
	/// Turns an extrinsic's target into the stored form, refusing with a named error:
	/// a name over `MaxNameLen` ([`Error::NameTooLong`]), a pallet or call that the runtime
	/// does not have ([`Error::UnknownPallet`], [`Error::UnknownCall`]), the guardian itself
	/// ([`Error::CannotPauseGuardian`]) and anything covering a whitelisted call
	/// ([`Error::TargetWhitelisted`]). Reads no storage.
	pub fn validate_target(input: &PauseTargetInput) -> Result<PauseTargetOf<T>, DispatchError> {
		let pallet = match input.pallet_name() {
			None => return Ok(PauseTarget::Chain),
			Some(pallet) => pallet,
		};
		let bounded_pallet = Self::bounded_name(pallet)?;
		let bounded_call = input.call_name().map(Self::bounded_name).transpose()?;

		let pallet_str = <<T as Config>::RuntimeCall as GetCallMetadata>::get_module_names()
			.iter()
			.find(|name| name.as_bytes() == pallet)
			.ok_or(Error::<T>::UnknownPallet)?;
		if let Some(call) = input.call_name() {
			ensure!(
				<<T as Config>::RuntimeCall as GetCallMetadata>::get_call_names(pallet_str)
					.iter()
					.any(|name| name.as_bytes() == call),
				Error::<T>::UnknownCall
			);
		}
		ensure!(
			*pallet_str != <Pallet<T> as PalletInfoAccess>::name(),
			Error::<T>::CannotPauseGuardian
		);
		ensure!(
			!T::WhitelistedCalls::protects(pallet, input.call_name()),
			Error::<T>::TargetWhitelisted
		);

		Ok(match bounded_call {
			Some(call) => PauseTarget::Call { pallet: bounded_pallet, call },
			None => PauseTarget::Pallet { pallet: bounded_pallet },
		})
	}

	fn bounded_name(name: &[u8]) -> Result<NameOf<T>, DispatchError> {
		NameOf::<T>::try_from(name.to_vec()).map_err(|_| Error::<T>::NameTooLong.into())
	}

	/// `integrity_test`: every pallet and call name of the runtime fits `MaxNameLen`, so that
	/// every call can be paused by name (the filter refuses calls whose names do not fit).
	pub(crate) fn check_runtime_names() {
		let max = T::MaxNameLen::get() as usize;
		for pallet in <<T as Config>::RuntimeCall as GetCallMetadata>::get_module_names() {
			assert!(pallet.len() <= max, "pallet name {pallet} is longer than MaxNameLen ({max})");
			for call in <<T as Config>::RuntimeCall as GetCallMetadata>::get_call_names(pallet) {
				assert!(
					call.len() <= max,
					"call name {pallet}::{call} is longer than MaxNameLen ({max})"
				);
			}
		}
	}
}
