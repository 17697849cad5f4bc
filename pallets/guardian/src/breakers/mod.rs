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
//! | what a pause records and summarises (the types below) | `mod.rs` |
//! | what can never be paused ([`PauseWhitelist`], [`WhitelistedPallets`]) | [`whitelist`] |
//! | placing, changing and removing a pause record: the storage transitions | [`records`] |
//! | the call filter (`BaseCallFilter`) | [`filter`] |
//! | refusing paused calls in the pool ([`CheckPaused`]) | [`check_paused`] |
//! | resuming expired pauses in `on_initialize` | [`expiry`] |
//! | programmatic access for other pallets ([`CircuitBreaker`]) | [`circuit_breaker`] |
//! | polkadot-sdk's `TransactionPause` and `SafeMode` traits | [`sdk_traits`] |
//! | the storage ([`Pauses`], [`Summary`]) | `storage.rs` |
//!
//! **A pure mechanism.** The breakers store a pause — its target, when it began, when it ends —
//! and enforce it. Who holds it, and so how long it lasts, is the response engine's
//! ([`crate::responses`]): governance's `pause`, a monitor's playbook, a report, another
//! pallet's `CircuitBreaker::pause` all ask the engine, which places, moves and removes the
//! record here, like pallet-safe-mode's `do_enter`/`do_extend`/`do_exit`.
//!
//! * **Targets** ([`PauseTarget`](crate::PauseTarget)): `Call { pallet, call }`, `Pallet { pallet }` and `Chain`.
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
//! * **Who holds a pause** (the engine's [`holds`](crate::responses::holds)): every holder is
//!   recorded ([`PauseHolds`](crate::PauseHolds)) with its own end; the pause lasts until the
//!   latest of them. Governance's `resume` ends it outright; a response's reset and another
//!   pallet's resume withdraw only their own hold. Each class of holders has its own room
//!   ([`PauseRooms`](crate::PauseRooms)).
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
//!   still runs under `sudo_as`. So do pallet-utility's `dispatch_as` and
//!   `dispatch_as_fallible` (Root chooses the origin) and `with_weight` (as Root). All of them
//!   need Root (the sudo key, or whatever a runtime maps to Root); none is a path for anyone
//!   else (the template's test `only_root_dispatches_past_a_pause_and_the_calls_that_do_need_root`).
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
#![doc = docify::embed!("src/tests/breakers/expiry_and_filter.rs", on_initialize_resumes_expired_pauses_with_an_event)]
//!
//! ## Metadata paths
//!
//! The types below appear in the runtime's metadata, where clients (polkadot.js apps among
//! them) name them by their path. They are declared here, in the capability's `mod.rs`, with
//! `#[scale_info(replace_segment(..))]` so that their path stays `pallet_guardian::types::*`
//! (and `pallet_guardian::extension::CheckPaused`) as in the pallet's first version; the
//! target, now the engine's vocabulary, is [`PauseTarget`](crate::PauseTarget).

#[cfg(doc)]
use crate::{Config, Error, Event, Pauses, Summary};

pub mod check_paused;
pub mod circuit_breaker;
pub mod expiry;
pub mod filter;
pub mod records;
pub mod sdk_traits;
pub(crate) mod storage;
pub mod whitelist;

pub use circuit_breaker::CircuitBreaker;
pub use whitelist::{PauseWhitelist, WhitelistedPallets};

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::{fmt::Debug, marker::PhantomData};
use scale_info::TypeInfo;

/// The circuit breakers' mechanism: the functions that store, move and remove pause records
/// and answer whether something is paused (see the module docs).
pub struct Breakers<T>(PhantomData<T>);

/// One active pause.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
#[scale_info(replace_segment("breakers", "types"))]
pub struct PauseRecord<Name, BlockNumber> {
	/// What is paused.
	pub target: crate::PauseTarget<Name>,
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
/// `InvalidTransaction::Custom(`[`RefusalCodes::paused_call`](crate::RefusalCodes)`)` (180
/// by default). Nested calls are stopped by the call filter at dispatch. Add it to the
/// runtime's transaction extension tuple, before `ChargeTransactionPayment`. The checks are in
/// [`check_paused`].
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
