//! The data the circuit breakers store and take as input.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{traits::CallMetadata, BoundedVec};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

extern crate alloc;
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

use frame_support::traits::Get;

/// One active pause.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct PauseRecord<Name, BlockNumber> {
	/// What is paused.
	pub target: PauseTarget<Name>,
	/// The block in which the pause began.
	pub since: BlockNumber,
	/// The first block in which the target runs again: the pause is in force while
	/// `now < until`, and `on_initialize` of block `until` removes it.
	pub until: BlockNumber,
}

/// The per-block summary of all pauses, read by `on_initialize` in every block and by the call
/// filter on every dispatch. Its storage key is whitelisted for benchmarks (like frame-system's
/// per-block keys), so with nothing paused the filter costs no charged storage read.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Debug,
)]
pub struct PauseSummary<BlockNumber> {
	/// How many pause records are stored (expired ones included until the hook removes them).
	pub active: u32,
	/// The earliest `until` among them: the block whose `on_initialize` has work to do.
	pub next_expiry: Option<BlockNumber>,
}

/// Why a pause ended.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum ResumeReason {
	/// Its expiry was reached; `on_initialize` removed it.
	Expired,
	/// The resume origin ended it with [`crate::Call::resume`].
	Governance,
	/// Another pallet ended it through [`crate::CircuitBreaker::resume`].
	Programmatic,
}
