//! # Circuit breakers
//!
//! Stop one call, every call of one pallet, or the whole chain (safe mode) in the block the
//! decision is taken, and always end: every pause carries an expiry.
//!
//! ```text
//!  PauseOrigin (fast, narrow; Success = longest pause it may impose)      ResumeOrigin (slow, broad)
//!        │ pause / extend                                                       │ resume
//!        ▼                                                                      ▼
//!  ┌──────────────── validation: names exist in the runtime's call metadata ───────────────────┐
//!  │ not whitelisted, not the guardian, 0 < duration ≤ bound, ≤ MaxActivePauses               │
//!  └──────────────────────────────────────────────────────────────────────────────────────────┘
//!        │ writes                                     ▲ CircuitBreaker / TransactionPause /
//!        ▼                                            │ SafeMode traits (other pallets,
//!   Summary {active, next_expiry}  (whitelisted)      │ monitors): same rules, own bound
//!   Pauses  [ {target, since, until} ; MaxActivePauses ]
//!        │                                   │
//!        │ on_initialize: expire due pauses  │ read by
//!        ▼                                   ▼
//!   Resumed{Expired} events      BaseCallFilter (every dispatch, nested ones included)
//!                                CheckPaused extension (pool validation of top-level calls)
//! ```
//!
//! | concern | file |
//! |---|---|
//! | what a pause targets, records and summarises (the types below) | `mod.rs` |
//! | checking a target against the runtime's call metadata and the whitelist | [`validation`] |
//! | what can never be paused ([`PauseWhitelist`], [`WhitelistedPallets`]) | [`whitelist`] |
//! | pausing, extending, resuming: the storage transitions | [`pauses`] |
//! | the call filter (`BaseCallFilter`) | [`filter`] |
//! | refusing paused calls in the pool ([`CheckPaused`]) | [`check_paused`] |
//! | resuming expired pauses in `on_initialize` | [`expiry`] |
//! | programmatic access for other pallets ([`CircuitBreaker`]) | [`circuit_breaker`] |
//! | polkadot-sdk's `TransactionPause` and `SafeMode` traits | [`sdk_traits`] |
//!
//! * **Targets** ([`PauseTarget`]): `Call { pallet, call }`, `Pallet { pallet }` and `Chain`.
//!   Names are checked against the runtime's own call metadata
//!   ([`GetCallMetadata`](frame_support::traits::GetCallMetadata)), so an unknown pallet or
//!   call is refused ([`Error::UnknownPallet`], [`Error::UnknownCall`]) and a name longer than
//!   [`Config::MaxNameLen`] is refused with [`Error::NameTooLong`]. The filter fails closed on
//!   a runtime name over the bound (and `integrity_test` refuses such a runtime).
//! * **Never pausable**: the guardian's own calls, and the runtime's
//!   [`Config::WhitelistedCalls`] (a [`Contains<RuntimeCall>`](frame_support::traits::Contains),
//!   so it may look at arguments). A pause that would cover a whitelisted call is refused
//!   ([`Error::TargetWhitelisted`], [`Error::CannotPauseGuardian`]). And, whatever the
//!   whitelist says, every `DispatchClass::Mandatory` call (the inherents): a chain-wide or
//!   pallet pause never stops `Timestamp::set` or a parachain's validation data, so a
//!   whitelist that forgets one cannot stall the chain. (Mandatory calls are inherents, with
//!   the `None` origin; FRAME refuses a signed extrinsic of that class.)
//! * **Who holds a pause** ([`pauses`]): a pause placed by governance is governance's; one
//!   placed by an automatic response or another pallet records its holders
//!   ([`PauseOwners`](crate::PauseOwners)), shares the target with later holders, and lasts
//!   until the latest of them. Governance's `resume` ends it outright; a response's reset and
//!   another pallet's resume withdraw only their own hold. Governance and other pallets may
//!   fill `MaxActivePauses − MaxResponseTargets` slots, leaving room for a full response.
//! * **Operational class**: `pause`, `extend` and `resume` (and the responses' and risk
//!   level's emergency calls) are `DispatchClass::Operational`, so they are included in a
//!   block whose normal-class space a spammer has filled.
//! * **Expiry**: the pause origin's `Success` is the longest pause it may impose; extending is
//!   allowed while the remaining time stays within the caller's bound. The filter treats an
//!   expired pause as resumed, so correctness never depends on the hook; the hook only tidies
//!   up and emits [`Event::Resumed`] with [`ResumeReason::Expired`].
//! * **Two origins**: [`Config::PauseOrigin`] (fast and narrow, e.g. a council majority with a
//!   short bound) and [`Config::ResumeOrigin`] (slow and broad, e.g. a super-majority).
//! * **Root** bypasses every call filter in FRAME (including this one): `sudo(call)` still runs
//!   while `call` is paused, on purpose. `sudo_as` does too: pallet-sudo dispatches it with
//!   the signed origin *bypassing* the filter (`dispatch_bypass_filter`), so a paused call
//!   still runs under `sudo_as`. Both need the sudo key; neither is a path for anyone else.
//!
//! ## Use cost
//!
//! * **Call filter** (every dispatch, nested ones included): the whitelist check and the
//!   call's metadata cost no storage access. It then reads [`Summary`], a per-block key that
//!   `on_initialize` reads anyway and that is whitelisted for benchmarks the way
//!   frame-system's `Number` is: **no charged read while nothing is paused**. While pauses are
//!   stored it reads [`Pauses`] once (a bounded vector of at most [`Config::MaxActivePauses`]
//!   records) and `System::Number` (whitelisted): **one charged read per dispatch**.
//! * **[`CheckPaused`] extension** (pool validation and block inclusion of a signed
//!   transaction): the same check on the top-level call, so a paused call is refused before
//!   anyone pays a fee.
//! * **`on_initialize`**: one whitelisted read of [`Summary`] per block when nothing expires;
//!   when pauses expire, one read and one write of [`Pauses`], one write of [`Summary`] and
//!   one event each.
//!
//! ## Example (a test on the mock runtime)
//!
//! A pause is in force until its expiry, when `on_initialize` resumes it with an event:
#![doc = docify::embed!("src/tests/breakers.rs", on_initialize_resumes_expired_pauses_with_an_event)]
//!
//! ## Metadata paths
//!
//! The types below appear in the runtime's metadata, where clients (polkadot.js apps among
//! them) name them by their path. They are declared here, in the capability's `mod.rs`, with
//! `#[scale_info(replace_segment(..))]` so that their path stays `pallet_guardian::types::*`
//! (and `pallet_guardian::extension::CheckPaused`) as in the pallet's first version.

#[cfg(doc)]
use crate::{Config, Error, Event, Pauses, Summary};

pub mod check_paused;
pub mod circuit_breaker;
pub mod expiry;
pub mod filter;
pub mod pauses;
pub mod sdk_traits;
pub mod validation;
pub mod whitelist;

pub use check_paused::PAUSED_CALL_ERROR;
pub use circuit_breaker::CircuitBreaker;
pub use whitelist::{PauseWhitelist, WhitelistedPallets};

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	traits::{CallMetadata, Get},
	BoundedVec,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

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
#[scale_info(replace_segment("breakers", "types"))]
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

/// One active pause.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
#[scale_info(replace_segment("breakers", "types"))]
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
#[scale_info(replace_segment("breakers", "types"))]
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
#[scale_info(replace_segment("breakers", "types"))]
pub enum ResumeReason {
	/// Its expiry was reached; `on_initialize` removed it.
	Expired,
	/// The resume origin ended it with [`crate::Call::resume`].
	Governance,
	/// Another pallet ended it through [`crate::CircuitBreaker::resume`].
	Programmatic,
}

/// Transaction extension refusing a transaction whose (top-level) call is paused with
/// `InvalidTransaction::Custom(`[`PAUSED_CALL_ERROR`]`)`. Nested calls are stopped by the
/// call filter at dispatch. Add it to the runtime's transaction extension tuple, before
/// `ChargeTransactionPayment`. The checks are in [`check_paused`].
///
/// Weight: charges the benchmarked `check_paused(MaxActivePauses)` up front and refunds down to
/// what the filter did: `check_paused(n)` for the `n` pauses stored, `check_paused_none` (the
/// whitelisted summary) with nothing paused, nothing for the guardian's own and whitelisted
/// calls.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	frame_support::DefaultNoBound,
	Clone,
	Eq,
	PartialEq,
	TypeInfo,
)]
#[scale_info(skip_type_params(T), replace_segment("breakers", "extension"))]
pub struct CheckPaused<T>(core::marker::PhantomData<T>);

impl<T> CheckPaused<T> {
	/// The extension; it carries no data.
	pub fn new() -> Self {
		Self(core::marker::PhantomData)
	}
}

impl<T> Debug for CheckPaused<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckPaused")
	}
}
