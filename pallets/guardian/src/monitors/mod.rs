//! # Monitors
//!
//! The issuance, oracle feeds, reported metrics and the caps' high-water marks judged against
//! governance's thresholds; an anomaly answered by the monitor's playbook, through the
//! response engine ([`crate::responses`]), in the same block.
//!
//! ```text
//!  Issuance: judged against the value right before every extrinsic, inbound message and
//!            hook phase that changed it (issuance)
//!  Feed(k): OracleMonitor observes the combined value; in a transaction, judged after it
//!            (GuardedFeed judges a waiting value itself before serving it)
//!  Metric(id): MetricSink; anyone can move it, so it is judged as it stands at the block's
//!            end, against its time-weighted mean over the rule's window, and answered one
//!            block at a time (block_end, time_weighted)
//!  PolicyOutflow / GlobalOutflow: a cap's high-water mark, routed by the engine
//!        │
//!        ▼ rule: Flow {period, rise?, fall?} (net, exact ring) | Jump {within, max_jump}
//!        │       + stale_after (StaleWatch; once per silence)
//!        ▼ anomaly → AnomalyDetected → Engine::respond(Monitor(source), playbook)
//!  Watch {next_stale, issuance_watched, block_end} (whitelisted per-block key)
//! ```
//!
//! | concern | file |
//! |---|---|
//! | rules, monitors and what they remember (the types below) | `mod.rs` |
//! | validating, storing and removing monitors | [`configuration`] |
//! | judging a value under a rule ([`Rule::Flow`], [`Rule::Jump`]) | [`rules`] |
//! | observing a source and answering it | [`observation`] |
//! | a monitor's response through the engine, its extension and reset | [`responses`] |
//! | the issuance, bracketed around whatever may change it | [`issuance`] |
//! | values anyone can move, judged at the block's end | [`block_end`] |
//! | their time-weighted mean, and a rule judged against it | [`time_weighted`] |
//! | metrics other pallets report ([`MetricSink`]) | [`metrics`] |
//! | sources that went quiet (`stale_after`) | [`staleness`] |
//! | pallet-oracle's feeds ([`OracleMonitor`], [`GuardedFeed`]) | [`oracle`] (feature `oracle`) |
//! | the monitors' edges of every extrinsic | [`edges`] |
//! | the storage ([`Monitors`](crate::Monitors), [`Watch`] and the rest) | `storage.rs` |
//!
//! * **Rules** ([`Rule`]): [`Rule::Flow`] judges the net change (rises less falls; the
//!   issuance's gross rises and falls) over any `period` blocks with the caps' exact ring
//!   ([`rolling_window`](crate::rolling_window)), thresholds absolute or a share of the value
//!   when the window started; [`Rule::Jump`] compares each value with the last accepted one.
//!   A jumping value is not accepted, and `GuardedFeed` hides a flagged feed from consumers
//!   (fail closed).
//! * **Playbooks** ([`Playbook`](crate::Playbook)): every part lasts `duration` (at most
//!   [`Config::MaxProgrammaticPause`]): the pauses, the
//!   raised [`RiskLevel`](crate::RiskLevel), the response's record that keeps the playbook from
//!   running again meanwhile. Each part is the monitor's own
//!   ([`Contributor::Monitor`](crate::Contributor::Monitor)): resetting or extending one
//!   response touches only its parts ([`crate::responses`]).
//! * **Who configures them**: [`Config::ConfigureOrigin`]
//!   ([`Call::set_monitor`], [`Call::remove_monitor`]). Responses are extended by
//!   `PauseOrigin` and reset by `ResumeOrigin`.
//!
//! Use cost: idle `on_initialize` reads three whitelisted keys (the pause summary, the guard
//! index, the watch state [`Watch`]); an issuance monitor adds one observation at each of the
//! block's four points and two reads of the issuance per extrinsic (declared by it); a
//! staleness deadline adds the `check_stale(n)` work in the block it falls due. An observation
//! costs `observe_quiet`, or `observe_fire` when it responds, plus one read and one write of
//! [`PendingObservations`] when it is made inside a signed transaction.
//!
//! Integrating the monitors: `type MaxMonitors = ConstU32<16>;`, pallet-oracle's
//! `type OnNewData = OracleMonitor<Runtime, FreshOracleValue<Runtime, ValueLifetime>>;` (with
//! a `MinimumCount` of a majority of its members), consumers read prices through
//! `GuardedFeed<Runtime, Oracle>` and the level through `Guardian` as
//! [`RiskLevelProvider`](crate::RiskLevelProvider).
//!
//! ## Example (a test on the mock runtime)
//!
//! A mint inside a transaction is answered before the next extrinsic of the same block:
#![doc = docify::embed!("src/tests/monitors/mod.rs", a_mint_in_a_transaction_is_answered_before_the_next_extrinsic)]
//!
//! ## Metadata paths
//!
//! The types below appear in the runtime's metadata; `#[scale_info(replace_segment(..))]` keeps
//! their path `pallet_guardian::monitor_types::*` as in the pallet's first version.

#[cfg(doc)]
use crate::{Call, Config, PendingObservations, Watch};

pub mod block_end;
pub mod configuration;
pub mod edges;
pub mod issuance;
pub mod metrics;
pub mod observation;
#[cfg(feature = "oracle")]
pub mod oracle;
pub mod responses;
pub mod rules;
pub mod staleness;
pub(crate) mod storage;
pub mod time_weighted;

pub use metrics::MetricSink;
#[cfg(feature = "oracle")]
pub use oracle::{CombinedFeed, FreshOracleValue, GuardedFeed, OracleMonitor};

use crate::{rolling_window::WindowUsage, Limit, Source};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::{fmt::Debug, marker::PhantomData};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound,
	PartialEqNoBound,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::Perbill;

/// The monitors: the functions of this capability (see the module docs).
pub struct Monitoring<T>(PhantomData<T>);

/// How a monitor judges the values of its source.
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
	Serialize,
	Deserialize,
)]
#[scale_info(replace_segment("monitors", "monitor_types"))]
pub enum Rule<BlockNumber> {
	/// For flows (issuance, a reported total): for a metric or a feed, the **net** rise over
	/// any `period` consecutive blocks (what the source rose less what it fell) must not exceed
	/// `rise`, and the net fall must not exceed `fall`. A round trip that ends where it began
	/// adds nothing, however large, so nobody can trip the monitor by moving a value out and
	/// back. The price of netting: a move one way held for the window is headroom for a move
	/// the other way (up by `R`, then down by `R + fall` unseen), paid for by keeping `R` of
	/// real value moved. The issuance is judged **gross** (rises alone, falls alone): its steps
	/// are committed changes measured from the value right before whatever made them, and a
	/// fee burnt or a slash must never cover a mint. Summed in the exact ring
	/// ([`crate::rolling_window`]), so a change split across a window boundary is still seen
	/// whole. A [`Limit::ShareOfBalance`] is a share of the value when
	/// the window started, fixed until the next start, so the change cannot raise its own
	/// threshold.
	Flow {
		/// The window's length in blocks.
		period: BlockNumber,
		/// The largest total rise tolerated within the window.
		rise: Option<Limit<u128>>,
		/// The largest total fall tolerated within the window.
		fall: Option<Limit<u128>>,
	},
	/// For levels (a price, a ratio): a value must lie within `max_jump` of the last accepted
	/// value while that value is at most `within` blocks old. A value that does not is flagged
	/// and **not accepted**: the last accepted value stays the reference, and consumers
	/// reading through [`crate::GuardedFeed`] get nothing while the flag lasts. Once the
	/// reference is older than `within`, the next value is accepted as the new reference.
	Jump {
		/// How long an accepted value stays the reference, in blocks.
		within: BlockNumber,
		/// The largest move from the reference, as a share of it.
		max_jump: Perbill,
	},
}

/// A monitor as given to an extrinsic.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Serialize,
	Deserialize,
)]
#[scale_info(replace_segment("monitors", "monitor_types"))]
pub struct MonitorInput<BlockNumber> {
	/// How values are judged (`None` for the outflow sources, whose threshold is the caps'
	/// high-water mark).
	pub rule: Option<Rule<BlockNumber>>,
	/// Flag the source when no value arrives for this many blocks (feeds and metrics only).
	pub stale_after: Option<BlockNumber>,
	/// What to do on an anomaly.
	pub playbook: crate::PlaybookInput<BlockNumber>,
}

/// What a monitor remembers of its source.
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
	Default,
)]
#[scale_info(replace_segment("monitors", "monitor_types"))]
pub struct MonitorState<BlockNumber> {
	/// The last accepted value and the block it was accepted at.
	pub last: Option<(u128, BlockNumber)>,
	/// The block of the last observation, accepted or not (for staleness).
	pub seen: Option<BlockNumber>,
	/// [`Rule::Flow`]: the rises in the window.
	pub rises: WindowUsage<u128>,
	/// [`Rule::Flow`]: the falls in the window.
	pub falls: WindowUsage<u128>,
	/// [`Rule::Flow`] with shares: the value the shares are taken of, and when it was taken.
	pub basis: Option<(u128, u64)>,
	/// A value anyone can move: its block-end values over the rule's window, the mean it is
	/// judged against ([`time_weighted`]).
	pub history: time_weighted::TimeWeighted,
}

impl<BlockNumber: Copy + sp_runtime::traits::UniqueSaturatedInto<u64>> MonitorState<BlockNumber> {
	/// Take `value`, observed at `now`, as the first value: the reference, and the basis of
	/// the window that starts now.
	pub fn start_at(&mut self, value: u128, now: BlockNumber) {
		self.last = Some((value, now));
		self.basis = Some((value, sp_runtime::SaturatedConversion::saturated_into(now)));
	}
}

/// A monitor as stored: one read per observation.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxTargets), replace_segment("monitors", "monitor_types"))]
#[codec(mel_bound(Name: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Monitor<Name, BlockNumber, MaxTargets: Get<u32>>
where
	Name: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
{
	/// How values are judged.
	pub rule: Option<Rule<BlockNumber>>,
	/// Staleness threshold in blocks.
	pub stale_after: Option<BlockNumber>,
	/// The response.
	pub playbook: crate::Playbook<Name, BlockNumber, MaxTargets>,
	/// What the monitor remembers.
	pub state: MonitorState<BlockNumber>,
}

/// The monitors' per-block state: the next staleness check, whether the issuance is watched,
/// and the sources to judge at the next block's start (values anyone can move, judged as they
/// stood at the end of the block). One whitelisted value that `on_initialize` reads every
/// block.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	DefaultNoBound,
)]
#[scale_info(skip_type_params(MaxSources), replace_segment("monitors", "monitor_types"))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
pub struct WatchState<BlockNumber, MaxSources: Get<u32>>
where
	BlockNumber: Clone + PartialEq + Eq + Debug,
{
	/// The earliest block at which a watched feed or metric turns stale.
	pub next_stale: Option<BlockNumber>,
	/// Whether an issuance monitor is configured.
	pub issuance_watched: bool,
	/// The issuance at the last point the guardian read it (a span's edge, a block point),
	/// while watched: the value a rise found at the next point is judged from.
	pub issuance_seen: Option<u128>,
	/// The sources whose value is judged at the end of block `block_end_at` (or, if that end
	/// passed unjudged, at the next block's start), as it stands then.
	pub block_end: BoundedVec<Source, MaxSources>,
	/// The block at whose end [`Self::block_end`] is due.
	pub block_end_at: Option<BlockNumber>,
}
