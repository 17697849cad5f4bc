//! # The response engine
//!
//! Every capability that reacts — a monitor's playbook, a velocity cap's high-water response,
//! a bonded report, another chain's alert, governance itself, another pallet — asks this
//! engine to apply, extend or withdraw a response. The engine alone decides who holds what: the
//! pauses (through the breakers, a pure mechanism that stores a pause and its expiry), the
//! risk level, the pauses of inbound XCM, and the responses in force. Capabilities never call
//! each other: they meet here and in the transaction lifecycle ([`crate::lifecycle`]).
//!
//! ```text
//!  monitors ──┐ respond(Monitor(source), finding, playbook)
//!  caps ──────┤ respond(CapResponse, …) · finding(PolicyOutflow | GlobalOutflow) → monitors
//!  reports ───┤ hold_pause(Reports, target) · raise_risk(Reports, Elevated)
//!  cross_chain┤ respond(Alert(id), …, inbound from the source)
//!  governance ┘ pause / extend / resume · raise / clear the level
//!        ▼
//!  Engine: PauseHolds (who holds each pause, until when; rooms per class)
//!          RiskContributions → RiskState (the level in force, whitelisted)
//!          Responses (what each contributor answered, until when: the cooldown)
//!          trips (a response fired in a failed dispatch is applied again after it)
//!        ▼ place / set / remove a pause record          ▼ hold / release inbound XCM
//!  breakers (Pauses, Summary, the filter)          cross_chain (XcmInboundPauses, processor)
//! ```
//!
//! | concern | file |
//! |---|---|
//! | the vocabulary (contributors, classes, rooms, levels, sources, findings, playbooks) | `mod.rs` |
//! | what a pause targets, and checking a target against the runtime | [`targets`] |
//! | who holds each pause, the room of each class of contributor | [`holds`] |
//! | the risk level: each contributor's own contribution, the level in force | [`risk`] |
//! | applying, extending and withdrawing a playbook; the responses in force | [`playbooks`] |
//! | governance's own pauses, extensions and resumes | [`governance`] |
//! | routing findings between capabilities (high-water marks to monitors, firings to subscribers) | [`findings`] |
//! | responses that persist although their dispatch failed | [`trips`] |
//! | the engine's storage | `storage.rs` |
//!
//! ## Rooms: no class of contributor can fill another's
//!
//! Every pause is held by one or more contributors, each until its own block; the pause lasts
//! until the latest of them. Contributors fall in five classes ([`Class`]), each with its own
//! room ([`Config::PauseRooms`]): how many targets its contributors
//! may hold at once, a shared target counting for every class that holds it. The rooms sum to
//! at most `MaxActivePauses` (checked by `integrity_test`), so a sybil filing reports, a
//! compromised chain alerting, or a monitor firing cannot take the place governance's, an
//! allowed source's or another monitor's response needs. An automatic response (a monitor's, a
//! cap's) that finds its class's room full raises its own contribution to `Critical` instead
//! ([`Event::ResponseEscalated`](crate::Event::ResponseEscalated)): it never silently does
//! nothing. An alert's response never goes beyond what governance mapped it to; a report is
//! refused (`TooManyPauses`) and its deposit is not taken.
//!
//! ## Consistent whoever resumes
//!
//! The parts of a response are the holds themselves ([`PauseHolds`](crate::PauseHolds), the
//! inbound pauses, [`RiskContributions`](crate::RiskContributions)): there is no second list
//! to fall out of step. Governance's `resume` ends a pause and every hold on it; the engine
//! tells the reports (their running reports on the target stop) and the response stays in
//! force without that part until it expires or governance resets it (so a false positive
//! governance lifted is not re-triggered at once). `resume_xcm_inbound` does the same for the
//! inbound pauses.

#[cfg(doc)]
use crate::Config;

pub mod findings;
pub mod governance;
pub mod holds;
pub mod playbooks;
pub mod risk;
pub(crate) mod storage;
pub mod targets;
pub mod trips;

pub use risk::RiskLevelProvider;
pub use targets::{PauseTarget, PauseTargetInput};

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::{fmt::Debug, marker::PhantomData};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::Perbill;

use alloc::vec::Vec;

/// The response engine: the functions every capability asks to apply, extend or withdraw a
/// response (see the module docs).
pub struct Engine<T>(PhantomData<T>);

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
#[scale_info(replace_segment("responses", "monitor_types"))]
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

/// What a monitor watches, and what an alert between chains is about.
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
#[scale_info(replace_segment("responses", "monitor_types"))]
pub enum Source {
	/// The guarded currency's total issuance (judged against the value right before every
	/// transaction, XCM message and hook phase that changed it).
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

	/// Whether any account can move this source's value at will, and back (a metric a
	/// consumer reports from its users' positions): such a value is judged as it stands at
	/// the end of a block, and a response to it lasts only while it stays there (see
	/// [`crate::monitors`]).
	pub fn moved_by_anyone(self) -> bool {
		matches!(self, Source::Metric(_))
	}
}

/// What a monitor (or another chain's) found wrong.
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
#[scale_info(replace_segment("responses", "monitor_types"))]
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

/// What a rule found wrong with a value: the anomaly, what was measured and the threshold it
/// crossed (for a flow, the window's total change; for a jump, the move; for staleness, blocks
/// without a value; for a high-water mark, the window's usage against the mark).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode)]
pub struct Finding {
	/// The anomaly.
	pub anomaly: Anomaly,
	/// What was measured.
	pub measured: u128,
	/// The threshold it crossed.
	pub threshold: u128,
}

/// Who raised a risk level or holds a pause: each keeps its own contribution, with its own
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
#[scale_info(replace_segment("responses", "monitor_types"))]
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

/// The classes of contributors, each with its own room among the pauses ([`PauseRooms`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Class {
	/// [`Contributor::Governance`].
	Governance,
	/// The guardian's own automatic responses: [`Contributor::Monitor`] and
	/// [`Contributor::CapResponse`].
	Automatic,
	/// [`Contributor::Programmatic`].
	Programmatic,
	/// [`Contributor::Reports`].
	Reports,
	/// Every [`Contributor::Alert`].
	Alerts,
}

impl Contributor {
	/// The class whose room this contributor's pauses take.
	pub fn class(&self) -> Class {
		match self {
			Contributor::Governance => Class::Governance,
			Contributor::Monitor(_) | Contributor::CapResponse => Class::Automatic,
			Contributor::Programmatic => Class::Programmatic,
			Contributor::Reports => Class::Reports,
			Contributor::Alert(_) => Class::Alerts,
		}
	}

	/// Whether this contributor shares a target already paused (the automatic responses,
	/// reports and alerts), rather than being refused with `AlreadyPaused` (governance and
	/// other pallets, which `extend` instead).
	pub fn shares(&self) -> bool {
		!matches!(self, Contributor::Governance | Contributor::Programmatic)
	}
}

/// How many targets each class of contributors may hold paused at once (see the module
/// docs). Their sum is at most `MaxActivePauses`.
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
	Serialize,
	Deserialize,
)]
pub struct PauseRooms {
	/// Governance's own pauses.
	pub governance: u32,
	/// The monitors' playbooks and the caps' high-water responses.
	pub automatic: u32,
	/// Other pallets' (through [`crate::CircuitBreaker`] and polkadot-sdk's pause traits).
	pub programmatic: u32,
	/// Bonded reports': at least `MaxReportableTargets`, so that every reportable target can
	/// always be reported.
	pub reports: u32,
	/// Other chains' alerts': at least `MaxAlertSources × MaxResponseTargets`, so that every
	/// allowed source's full response always fits.
	pub alerts: u32,
}

impl PauseRooms {
	/// The room of `class`.
	pub fn of(&self, class: Class) -> u32 {
		match class {
			Class::Governance => self.governance,
			Class::Automatic => self.automatic,
			Class::Programmatic => self.programmatic,
			Class::Reports => self.reports,
			Class::Alerts => self.alerts,
		}
	}

	/// The rooms' sum.
	pub fn total(&self) -> u32 {
		self.governance
			.saturating_add(self.automatic)
			.saturating_add(self.programmatic)
			.saturating_add(self.reports)
			.saturating_add(self.alerts)
	}
}

/// A pre-programmed response, as stored, for every source of responses: a monitor's anomaly, a
/// cap's high-water mark, another chain's alert. Every part of it lasts `duration` blocks: the
/// pauses, the raised risk level, the pause of inbound XCM, and the response's record (which
/// keeps it from running again meanwhile).
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
#[scale_info(skip_type_params(MaxTargets), replace_segment("responses", "monitor_types"))]
#[codec(mel_bound(Name: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Playbook<Name, BlockNumber, MaxTargets: Get<u32>>
where
	Name: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
{
	/// What to pause.
	pub pause: BoundedVec<PauseTarget<Name>, MaxTargets>,
	/// Pause inbound XCM from the location the response answers (an alert's source). Only
	/// for responses that answer a location: refused elsewhere (`InboundNotApplicable`).
	pub pause_inbound: bool,
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
#[scale_info(replace_segment("responses", "monitor_types"))]
pub struct PlaybookInput<BlockNumber> {
	/// What to pause.
	pub pause: Vec<PauseTargetInput>,
	/// Pause inbound XCM from the location the response answers (alerts only).
	#[serde(default)]
	pub pause_inbound: bool,
	/// The risk level to raise the chain to (`Normal`: leave it).
	pub raise_to: RiskLevel,
	/// How long the response lasts, in blocks.
	pub duration: BlockNumber,
}

/// A response in force: what a contributor answered and until when (exclusive). While it is in
/// force the contributor does not respond again (one response at a time per monitor and per
/// alert source), and consumers of a flagged feed get nothing.
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
#[scale_info(replace_segment("responses", "monitor_types"))]
pub struct Response<BlockNumber> {
	/// The source it answered (the monitor's, or the kind an alert named).
	pub source: Source,
	/// What was found.
	pub anomaly: Anomaly,
	/// The block it was applied in.
	pub since: BlockNumber,
	/// The first block it no longer holds.
	pub until: BlockNumber,
}

/// The level in force and its deadlines: one whitelisted value `on_initialize` reads every
/// block, recomputed from [`crate::RiskContributions`].
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
#[scale_info(replace_segment("responses", "monitor_types"))]
pub struct LevelState<BlockNumber> {
	/// The level last announced with [`crate::Event::RiskLevelChanged`].
	pub announced: RiskLevel,
	/// `Elevated` holds before this block.
	pub elevated_until: Option<BlockNumber>,
	/// `Critical` holds before this block.
	pub critical_until: Option<BlockNumber>,
}

impl<BlockNumber: PartialOrd + Copy> LevelState<BlockNumber> {
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

/// The contributors holding one paused target, each until its own block.
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
#[scale_info(skip_type_params(MaxHolders))]
#[codec(mel_bound(Target: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct TargetHolds<Target, BlockNumber, MaxHolders: Get<u32>>
where
	Target: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
{
	/// The paused target.
	pub target: Target,
	/// Who holds it, until when (exclusive).
	pub holds: BoundedVec<(Contributor, BlockNumber), MaxHolders>,
}
