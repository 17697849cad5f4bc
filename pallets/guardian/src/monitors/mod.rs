//! # Monitors and automatic response
//!
//! The issuance, oracle feeds, reported metrics and the caps' high-water marks judged against
//! governance's thresholds; an anomaly answered in the same block by a playbook that pauses and
//! raises the risk level, every response expiring.
//!
//! ```text
//!  Issuance (on_initialize; after every signed tx, vs before it)   Feed(k) (OracleMonitor:
//!  Metric(id) (MetricSink)   PolicyOutflow / GlobalOutflow          the combined value)
//!        │ observe(source, value): in a signed tx, kept in PendingObservations and judged
//!        │ once after dispatch on the value the tx left (net); else at once
//!        ▼
//!  rule: Flow {period, rise?, fall?} (net change over the window, exact ring) |
//!        Jump {within, max_jump} + stale_after (StaleWatch; on_initialize when due)
//!        │ anomaly → AnomalyDetected, source flagged until now + duration
//!        ▼ (unless a response for the source is in force)
//!  playbook: pause targets (held by Monitor(source) in PauseOwners) · raise_to (its own
//!        │ contribution in RiskContributions) · duration; no room → ResponseEscalated
//!        │ ResponseApplied; fired in a failing dispatch → applied again after it (trips)
//!        ▼ expires in on_initialize; extend_response / reset_response: its own parts only
//!  Alert {elevated_until, critical_until, next_stale} (whitelisted per-block key)
//!        → RiskLevel scales every cap (100% / 50% / 0%) → RiskLevelProvider for pallets
//! ```
//!
//! | concern | file |
//! |---|---|
//! | sources, rules, playbooks, flags, risk levels (the types below) | `mod.rs` |
//! | validating, storing and removing monitors | [`configuration`] |
//! | judging a value under a rule ([`Rule::Flow`], [`Rule::Jump`]) | [`rules`] |
//! | observing a source and responding in the same call | [`observation`] |
//! | metrics other pallets report ([`MetricSink`]) | [`metrics`] |
//! | sources that went quiet (`stale_after`) | [`staleness`] |
//! | pallet-oracle's feeds ([`OracleMonitor`], [`GuardedFeed`]) | [`oracle`] (feature `oracle`) |
//! | running, extending and resetting a playbook | [`playbooks`] |
//! | the risk level and [`RiskLevelProvider`] | [`risk`] |
//! | responses that persist although their dispatch failed | [`trips`] |
//!
//! * **Sources** ([`Source`]): [`Source::Issuance`] is read by `on_initialize` (one read of
//!   the total issuance) and, for same-block detection, before and after every signed
//!   transaction while an issuance monitor is set ([`CheckVelocity`](crate::CheckVelocity)
//!   compares the committed issuance after dispatch with the issuance before it: a rolled-back
//!   burn, a fee or a tip cannot hide a mint). [`Source::Feed`] values come from
//!   pallet-oracle through `OracleMonitor`, which observes the combined value consumers read,
//!   never one member's submission; [`Source::Metric`] from any pallet through
//!   [`MetricSink`]; the outflow sources from the caps' high-water marks (global and any
//!   policy). A value observed inside a signed transaction is judged once, after dispatch, on
//!   the last value the transaction left ([`observation`]).
//! * **Rules** ([`Rule`]): [`Rule::Flow`] judges the net change (rises less falls; the
//!   issuance's gross rises and falls) over any
//!   `period` blocks with the caps' exact ring ([`rolling_window`](crate::rolling_window)),
//!   thresholds absolute or a share of the value when the window started; [`Rule::Jump`]
//!   compares each value with the last accepted one. A jumping value is not accepted, and
//!   `GuardedFeed` hides a flagged feed from consumers (fail closed).
//! * **Playbooks** ([`Playbook`]): every part lasts `duration` (at most
//!   [`Config::MaxProgrammaticPause`], which bounds every programmatic pause and so every
//!   playbook): the pauses, the raised [`RiskLevel`], the flag that keeps the playbook from
//!   running again meanwhile. Each part is the source's own ([`Contributor::Monitor`]): a pause
//!   shared with governance or another response lasts until its latest holder, the level is
//!   the highest live contribution, and resetting or extending one response touches only its
//!   parts ([`playbooks`], [`risk`], [`breakers::pauses`](crate::breakers::pauses)). A
//!   response that finds no room for a pause escalates to `Critical` and says so; one fired in
//!   a dispatch that then failed is applied again after the rollback ([`trips`]).
//! * **Risk levels** ([`RiskLevel`]) scale every velocity-cap limit: `Elevated` halves them,
//!   `Critical` lets nothing leave a guarded account. [`RiskLevelProvider`] gives the level to
//!   other pallets.
//! * **Who configures them**: [`Config::CapOrigin`], the same slow and broad origin that
//!   configures the velocity caps ([`Call::set_monitor`], [`Call::remove_monitor`]).
//!   Responses are extended by [`Config::PauseOrigin`] and reset by [`Config::ResumeOrigin`].
//!
//! Use cost: idle `on_initialize` reads three whitelisted keys (the pause summary, the guard
//! index, the alert state [`Alert`]); an issuance monitor adds one read of the issuance, one
//! read and (if the issuance changed) one write of its monitor per block, and two reads of
//! the issuance per signed transaction (charged to it); a staleness deadline adds the
//! `check_stale(n)` work in the block it falls due. An observation costs `observe_quiet`, or
//! `observe_fire` when it responds, plus one read and one write of [`PendingObservations`]
//! when it is made inside a signed transaction.
//!
//! Integrating the monitors: `type MaxMonitors = ConstU32<16>;`, pallet-oracle's
//! `type OnNewData = OracleMonitor<Runtime, FreshOracleValue<Runtime, ValueLifetime>>;` (with
//! a `MinimumCount` of a majority of its members), consumers read prices through
//! `GuardedFeed<Runtime, Oracle>` and the level through `Guardian` as [`RiskLevelProvider`].
//!
//! ## Example (a test on the mock runtime)
//!
//! A mint inside a transaction is answered before the next extrinsic of the same block:
#![doc = docify::embed!("src/tests/monitors.rs", a_mint_in_a_transaction_is_answered_before_the_next_extrinsic)]
//!
//! ## Metadata paths
//!
//! The types below appear in the runtime's metadata; `#[scale_info(replace_segment(..))]` keeps
//! their path `pallet_guardian::monitor_types::*` as in the pallet's first version.

#[cfg(doc)]
use crate::{Alert, Call, Config, PendingObservations};

pub mod configuration;
pub mod metrics;
pub mod observation;
#[cfg(feature = "oracle")]
pub mod oracle;
pub mod playbooks;
pub mod risk;
pub mod rules;
pub mod staleness;
pub mod trips;

pub use metrics::MetricSink;
#[cfg(feature = "oracle")]
pub use oracle::{CombinedFeed, FreshOracleValue, GuardedFeed, OracleMonitor};
pub use risk::RiskLevelProvider;

use crate::{rolling_window::WindowUsage, Limit, PauseTarget, PauseTargetInput};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::Perbill;

use alloc::vec::Vec;

/// How alarmed the chain is. Responses raise it; it falls back when their time is up.
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
	PartialOrd,
	Ord,
	Debug,
	Default,
	Serialize,
	Deserialize,
)]
#[scale_info(replace_segment("monitors", "monitor_types"))]
pub enum RiskLevel {
	/// Nothing is wrong: every velocity-cap limit in full.
	#[default]
	Normal,
	/// Something looks wrong: every velocity-cap limit is halved.
	Elevated,
	/// An incident: guarded accounts can send nothing.
	Critical,
}

impl RiskLevel {
	/// The share of every velocity-cap limit (policies, own limits, the global cap) in force
	/// at this level.
	pub fn cap_scale(self) -> Perbill {
		match self {
			RiskLevel::Normal => Perbill::one(),
			RiskLevel::Elevated => Perbill::from_percent(50),
			RiskLevel::Critical => Perbill::zero(),
		}
	}
}

/// What a monitor watches.
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
	PartialOrd,
	Ord,
	Debug,
	Serialize,
	Deserialize,
)]
#[scale_info(replace_segment("monitors", "monitor_types"))]
pub enum Source {
	/// The guarded currency's total issuance (read by `on_initialize` every block, and after
	/// every signed transaction while watched).
	Issuance,
	/// An oracle feed, by key ([`crate::OracleMonitor`]).
	Feed(u32),
	/// A metric another pallet reports through [`crate::MetricSink`].
	Metric(u32),
	/// The velocity caps' global cap crossing its high-water mark.
	GlobalOutflow,
	/// Any account's cap policy crossing its high-water mark.
	PolicyOutflow,
}

impl Source {
	/// Whether values are observed for this source (outflows only report crossings).
	pub fn has_values(self) -> bool {
		!matches!(self, Source::GlobalOutflow | Source::PolicyOutflow)
	}
}

/// Who raised a risk level or placed a pause: each keeps its own contribution, with its own
/// expiry, so that ending one (a reset of one monitor's response) never lifts another's.
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
	PartialOrd,
	Ord,
	Debug,
	Serialize,
	Deserialize,
)]
pub enum Contributor {
	/// Governance: the pause and resume origins' own decisions (and genesis).
	Governance,
	/// The playbook of the monitor of a source.
	Monitor(Source),
	/// A velocity cap's high-water response (a policy's or the global cap's).
	CapResponse,
	/// Another pallet, through [`crate::CircuitBreaker`] or polkadot-sdk's pause traits.
	Programmatic,
	/// Bonded reports (see [`crate::reports`]): the running reports on a target and the
	/// escalations they caused.
	Reports,
	/// The response to the alerts of one allowed alert source, by its identifier (see
	/// [`crate::cross_chain`]).
	Alert(u32),
}

/// What a monitor found wrong.
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
pub enum Anomaly {
	/// The rises within a window exceeded the rule's `rise`.
	Rise,
	/// The falls within a window exceeded the rule's `fall`.
	Fall,
	/// A value strayed from the last accepted one by more than `max_jump`.
	Jump,
	/// No value for more than `stale_after` blocks.
	Stale,
	/// A velocity cap crossed its high-water mark.
	HighWater,
}

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
	/// are already committed changes of one transaction or one block, and a fee burnt or a
	/// slash must never cover a mint. Summed in the
	/// velocity caps' exact ring ([`crate::velocity`]), so a change split across a window
	/// boundary is still seen whole. A [`Limit::ShareOfBalance`] is a share of the value when
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

/// The pre-programmed response to a monitor's anomaly, as stored. Every part of it lasts
/// `duration` blocks: the pauses, the raised risk level, the source's flag (which keeps the
/// playbook from running again meanwhile).
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
pub struct Playbook<Name, BlockNumber, MaxTargets: Get<u32>>
where
	Name: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
{
	/// What to pause (through [`crate::CircuitBreaker`]).
	pub pause: BoundedVec<PauseTarget<Name>, MaxTargets>,
	/// The risk level to raise the chain to (`Normal`: leave it).
	pub raise_to: RiskLevel,
	/// How long the response lasts, in blocks (at most [`crate::Config::MaxProgrammaticPause`]).
	pub duration: BlockNumber,
}

/// A playbook as given to an extrinsic.
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
pub struct PlaybookInput<BlockNumber> {
	/// What to pause.
	pub pause: Vec<PauseTargetInput>,
	/// The risk level to raise the chain to (`Normal`: leave it).
	pub raise_to: RiskLevel,
	/// How long the response lasts, in blocks.
	pub duration: BlockNumber,
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
	pub playbook: PlaybookInput<BlockNumber>,
}

/// A source's flag: what was found and until when (exclusive) the response lasts.
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
#[scale_info(replace_segment("monitors", "monitor_types"))]
pub struct Flag<BlockNumber> {
	/// The anomaly.
	pub anomaly: Anomaly,
	/// The first block the flag no longer holds.
	pub until: BlockNumber,
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
	/// The anomaly in force, if any.
	pub flag: Option<Flag<BlockNumber>>,
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
	pub playbook: Playbook<Name, BlockNumber, MaxTargets>,
	/// What the monitor remembers.
	pub state: MonitorState<BlockNumber>,
}

/// The per-block alert state: the risk level's deadlines and the next staleness check. One
/// whitelisted value that `on_initialize` reads every block.
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
pub struct AlertState<BlockNumber> {
	/// The level last announced with [`crate::Event::RiskLevelChanged`].
	pub announced: RiskLevel,
	/// `Elevated` holds before this block.
	pub elevated_until: Option<BlockNumber>,
	/// `Critical` holds before this block.
	pub critical_until: Option<BlockNumber>,
	/// The earliest block at which a watched feed or metric turns stale.
	pub next_stale: Option<BlockNumber>,
	/// Whether an issuance monitor is configured.
	pub issuance_watched: bool,
}

impl<BlockNumber: PartialOrd + Copy> AlertState<BlockNumber> {
	/// The level in force at `now`.
	pub fn level_at(&self, now: BlockNumber) -> RiskLevel {
		if self.critical_until.is_some_and(|until| now < until) {
			RiskLevel::Critical
		} else if self.elevated_until.is_some_and(|until| now < until) {
			RiskLevel::Elevated
		} else {
			RiskLevel::Normal
		}
	}
}
