//! # pallet-guardian: chain-level security automation
//!
//! Exploits run at machine speed; governance does not. The guardian lives in the runtime and
//! gives a chain five capabilities, each a folder of this crate that never calls another: they
//! meet in the response engine and in the transaction lifecycle.
//!
//! | capability | module | what it does |
//! |---|---|---|
//! | circuit breakers | [`breakers`] | stop a call, a pallet or the whole chain (safe mode) in the block the decision is taken; every pause expires |
//! | velocity caps | [`caps`] | bound how fast value leaves protected accounts, enforced in the balances ledger itself so that no path escapes |
//! | monitors | [`monitors`] | judge the issuance, oracle feeds, reported metrics and the caps' high-water marks; answer an anomaly in the same block |
//! | bonded reports | [`reports`] | any account puts a deposit behind an alarm on a target governance declared reportable: a short pause, judged by governance (reward or slash) |
//! | cross-chain orchestration | [`cross_chain`] | pause inbound XCM by origin (messages wait in the queue, never dropped); alert subscribed chains over XCM; answer allowed chains' alerts with a mapped playbook |
//!
//! | where they meet | module | what it does |
//! |---|---|---|
//! | the response engine | [`responses`] | the one playbook type; who holds each pause, in a room per class of contributor; the risk level; responses that survive a rollback |
//! | the transaction lifecycle | [`lifecycle`] | the edges of every extrinsic and block, the per-transaction memory, [`WatchTransaction`] |
//!
//! Shared pieces, where a FRAME developer expects them: the pallet itself (config, storage,
//! events, errors, genesis, hooks and calls, one `#[pallet_section]` each in `src/sections/`,
//! each capability's storage in its own folder), [`rolling_window`] (the exact rolling window
//! the caps and the monitors both count in, and its limits), [`excess`] (value held on a
//! recipient for governance to return), [`runtime_api`] (the `GuardianApi` wallets and
//! polkadot.js apps read), `invariants` (`try_state`), [`migrations`], [`weights`] and
//! `benchmarking`. Unit tests are in `src/tests/`, one file per capability.
//!
//! ## How the pieces fit
//!
//! ```text
//!            governance (PauseOrigin fast/narrow · ResumeOrigin, ConfigureOrigin slow/broad)
//!                  │ pause/resume/levels           │ policies · monitors · sources
//!                  ▼                               ▼
//!  ┌──────────────────────── responses: the engine ────────────────────────────────┐
//!  │ PauseHolds (rooms per class) · RiskContributions → RiskState · Responses       │
//!  │ respond / extend / withdraw · trips · findings routed between capabilities     │
//!  └──────▲──────────────▲───────────────▲──────────────▲──────────────▲───────────┘
//!         │ place/set/remove             │ respond       │ hold          │ respond, inbound
//!   breakers (Pauses,     caps (LedgerGuard,      monitors (rules,   reports (bonds)   cross_chain
//!   filter, CheckPaused)  CheckVelocity, fees)    observation)                         (processor, alerts)
//!         ▲                    ▲                       ▲
//!         └──── lifecycle: WatchTransaction (begin/end of every extrinsic), block edges ─┘
//! ```
//!
//! ## Integrating
//!
//! 1. Add the pallet with `PauseOrigin`, `ResumeOrigin`, `ConfigureOrigin`, `WhitelistedCalls`,
//!    `PauseRooms` and the bounds (see the template runtime in `runtime/src/configs/guardian.rs`).
//! 2. Wire the filter: `type BaseCallFilter = pallet_guardian::Pallet<Runtime>;` (or combine it
//!    with your own with `InsideBoth`). Without this the breakers are inert.
//! 3. Add [`CheckPaused<Runtime>`], [`CheckVelocity<Runtime>`] and
//!    [`WatchTransaction<Runtime>`] to the runtime's transaction extension tuple, before
//!    `ChargeTransactionPayment`.
//! 4. frame-system: `type PreInherents = Guardian; type PostInherents = Guardian;
//!    type PostTransactions = Guardian;` (the block's observation points, [`lifecycle::block`]).
//! 5. Whitelist Sudo and the governance pallet (and System), so that governance can always
//!    act. Inherents (`DispatchClass::Mandatory`) are never paused, listed or not.
//! 6. For the caps: `type AccountStore = pallet_guardian::LedgerGuard<Runtime, System>;` in
//!    pallet-balances and `ExemptFees` around the fee handler ([`caps`] has the details).
//! 7. For the monitors: pallet-oracle's
//!    `OnNewData = OracleMonitor<Runtime, FreshOracleValue<Runtime, ValueLifetime>>` (with a
//!    `MinimumCount` of a majority of its members) and consumers reading through `GuardedFeed`
//!    (feature `oracle`, on by default); other pallets report through [`MetricSink`] and read
//!    the level through [`RiskLevelProvider`].
//!
//! Pallets written for polkadot-sdk's pallet-tx-pause or pallet-safe-mode work with the
//! guardian unchanged: it implements [`TransactionPause`](frame_support::traits::TransactionPause)
//! and [`SafeMode`](frame_support::traits::SafeMode) (safe mode is the `Chain` target), beside
//! its own [`CircuitBreaker`] (see [`breakers::sdk_traits`]).
//!
//! ## On a network of validators
//!
//! Every decision the guardian takes is a state transition of the runtime, so it is a
//! consensus decision and nothing else:
//!
//! * **In force from the including block, on every node.** A `pause` (or a policy, a monitor's
//!   response, a risk level) submitted to any node is gossiped, included by whichever validator
//!   authors the next block, and in force for every later extrinsic of that block and every
//!   block built on it — on each node that imports it. No node-local switch exists: nodes
//!   that import the same block hold the same `Pauses`, policies and level.
//! * **Forks and finality.** Until GRANDPA finalizes the including block, a competing fork may
//!   not contain the pause; a node following that fork does not enforce it. An operator waits
//!   for finality before treating a pause as settled. A pause expires at a block number, so it
//!   expires at the same height on every fork.
//! * **Other nodes' pools.** [`CheckPaused`] and [`CheckVelocity`] validate against each
//!   node's best block: once a node imports the pausing block, its pool refuses new
//!   transactions calling the paused call (`Custom(PAUSED_CALL_ERROR)`) and re-validates the
//!   ones it holds; a transaction a node accepted before it saw the pause is still filtered
//!   by `BaseCallFilter` when a block includes it (a nested call fails `CallFiltered`).
//! * **The runtime API** ([`runtime_api`]) reads state at a block hash: asked at the same hash,
//!   every node answers the same bytes.
//!
//! ## Features
//!
//! * `oracle` (default): [`OracleMonitor`] and [`GuardedFeed`], the adapters to pallet-oracle.
//! * `utility` (default): [`BalancesTransfersInBatches`], which also estimates transfers
//!   inside pallet-utility's batches ([`BalancesTransfers`] sees top-level pallet-balances
//!   transfers only, and needs no pallet-utility). Additive: it adds a type and changes none.
//! * `runtime-benchmarks`, `try-runtime`, `std` as usual.
//!
//! ## Weights
//!
//! [`weights`] is generated by frame-benchmarking on the template runtime
//! (`benchmarking/generate-weights.sh`). Extrinsics charge their worst case; `on_initialize`
//! returns what it did. The extensions declare up front only what every transaction costs
//! them — with nothing paused and nothing guarded in reach, a transfer declares what it uses
//! and wallets show the fee it pays — while the guard work a guarded debit causes is reserved
//! on the block and paid with the fee ([`caps::edges`]). The measured cost against the same
//! runtime without the guardian is in `benchmarking/REPORT.md`.
//!
//! ## Safety
//!
//! No `unsafe` code (`#![forbid(unsafe_code)]`); outside tests, no `unwrap`, `expect`, indexing
//! or unchecked arithmetic (denied by clippy for the crate).
//!
//! ## Logging
//!
//! Under the target [`LOG_TARGET`] (`runtime::guardian`).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]
#![forbid(unsafe_code)]
#![cfg_attr(
	not(test),
	deny(
		clippy::arithmetic_side_effects,
		clippy::indexing_slicing,
		clippy::unwrap_used,
		clippy::expect_used
	)
)]

extern crate alloc;

pub mod breakers;
pub mod caps;
pub mod cross_chain;
pub mod excess;
mod invariants;
pub mod lifecycle;
pub mod migrations;
pub mod monitors;
pub mod reports;
pub mod responses;
pub mod rolling_window;
pub mod runtime_api;
mod sections;
pub mod types;
pub mod weights;

// Benchmark set-up, never a runtime path: it may expect what it just built.
#[cfg(feature = "runtime-benchmarks")]
#[allow(
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing,
	clippy::unwrap_used,
	clippy::expect_used
)]
mod benchmarking;
#[cfg(test)]
mod tests;

pub use breakers::{
	CheckPaused, CircuitBreaker, PauseRecord, PauseSummary, PauseWhitelist, ResumeReason,
	WhitelistedPallets,
};
#[cfg(feature = "utility")]
pub use caps::BalancesTransfersInBatches;
pub use caps::{
	debit_of, guard_index, AccountGuard, Announcement, BalancesTransfers, CapScope, CheckVelocity,
	EstimateOutflow, ExcessHold, ExemptFees, GuardFilter, LedgerGuard, Policy, PolicyInput, Window,
};
pub use cross_chain::{
	AlertSource, AllowAlertsFrom, CappedInflow, GuardianAlert, InboundCap, InboundPause,
	InflowWeigher, IsAlertSource, PausableProcessor, Subscription, UndeliveredAlert,
	RECEIVE_ALERT_CALL_INDEX,
};
pub use lifecycle::{
	DefaultRefusalCodes, RefusalCodes, WatchTransaction, CAP_EXCEEDED_ERROR, PAUSED_CALL_ERROR,
};
#[cfg(feature = "oracle")]
pub use monitors::{CombinedFeed, FreshOracleValue, GuardedFeed, OracleMonitor};
pub use monitors::{MetricSink, Monitor, MonitorInput, MonitorState, Rule, WatchState};
pub use reports::{Report, ReportId, ReporterRecord};
pub use responses::{
	Anomaly, Contributor, Finding, LevelState, PauseRooms, PauseTarget, PauseTargetInput, Playbook,
	PlaybookInput, Response, RiskLevel, RiskLevelProvider, Source,
};
pub use rolling_window::{Limit, WindowSpec};
pub use sections::pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::GetCallMetadata;

/// The log target of everything the guardian logs.
pub const LOG_TARGET: &str = "runtime::guardian";

/// How many contributors may hold one pause: every monitor, governance, the caps' responses,
/// other pallets, bonded reports and every alert source.
pub struct MaxPauseHolders<T>(core::marker::PhantomData<T>);
impl<T: Config> frame_support::traits::Get<u32> for MaxPauseHolders<T> {
	fn get() -> u32 {
		T::MaxMonitors::get().saturating_add(4).saturating_add(T::MaxAlertSources::get())
	}
}
