//! # Bonded reports
//!
//! Any signed account may put a bond behind an alarm: [`Pallet::report`] holds a deposit
//! ([`HoldReason::Report`](crate::HoldReason::Report)) and pauses a target governance has
//! declared reportable, briefly ([`Config::MaxReportPause`]). Governance then judges the report:
//! [`Pallet::confirm_report`] releases the deposit and pays [`Config::ReportReward`];
//! [`Pallet::reject_report`] slashes the deposit (to [`Config::ReportSlash`], the treasury) and
//! withdraws the report's pause. A report nobody judges keeps its deposit held for
//! [`Config::ReportReleaseDelay`] after its pause ended; then anyone may release it
//! ([`Pallet::release_report_deposit`]), as pallet-safe-mode does with its deposits.
//!
//! ```text
//!  reporter ── report(target, evidence, duration ≤ MaxReportPause) ──► deposit held
//!                 │ target reportable? reporter's own report not running?
//!                 ▼
//!        pause held by `Contributor::Reports` until now + duration   (pause-only)
//!                 │ K distinct reporters within the window
//!                 ▼
//!        escalated: held EscalatedReportPause, risk level Elevated
//!                 │
//!   governance:  confirm ──► deposit back + reward, reputation.confirmed += 1,
//!                            the report's pause (and escalation) now governance's
//!                reject  ──► deposit slashed to the treasury, reputation.rejected += 1,
//!                            the pause held only as long as the other running reports
//!                            justify (the escalation while K of them still run)
//!                resume  ──► the target's running reports stop running (still open to
//!                            judge), its escalation ends
//!   nobody:      until + ReportReleaseDelay ──► anyone releases the deposit
//! ```
//!
//! ## Threat model: griefing
//!
//! The attacker wants to keep a reportable target (a DEX, a bridge) paused for free. The bounds:
//!
//! * **Only reportable targets.** Governance declares them ([`Pallet::set_reportable`]); the
//!   guardian itself, whitelisted calls (governance, sudo, inherents) and the whole chain never
//!   are (`validate_target` and [`Error::ChainNotReportable`](crate::Error::ChainNotReportable)).
//! * **Short and pause-only.** One report pauses for at most [`Config::MaxReportPause`]; its
//!   reporter cannot extend it (a second report of the same target by the same account while
//!   the first runs is [`Error::AlreadyReported`](crate::Error::AlreadyReported)); only
//!   governance resumes early (`resume`, or `reject_report`).
//! * **Geometric deposits.** The deposit is [`Config::ReportDepositBase`], grown by
//!   [`Config::ReportDepositIncrease`] for every report open chain-wide and doubled for every
//!   report the same reporter has open ([`Pallet::report_deposit`]), like
//!   election-provider-multi-phase's signed deposits. A report stays open (its deposit held)
//!   until it is judged or released, so renewing a pause piles deposits up.
//! * **Escalation is a cost too.** [`Config::ReportsToEscalate`] distinct reporters with
//!   running reports filed within [`Config::ReportEscalationWindow`] — and after the target's
//!   latest escalation — escalate the target: its pause lasts [`Config::EscalatedReportPause`]
//!   and the risk level is `Elevated` (every guarded account's caps halved, chain-wide) for
//!   as long. That is what honest reporters want in an incident; for an attacker it is the
//!   cheapest way to a long pause, and every escalation costs K new geometric deposits, each
//!   slashed when governance rejects it. Governance's `resume` ends the target's running
//!   reports and its escalation, so resumed reports never count toward the next one.
//! * **Room.** Reports hold pauses in a room of their own
//!   ([`PauseRooms::reports`](crate::PauseRooms::reports), at least `MaxReportableTargets`, so
//!   every reportable target can always be reported): however many reports an attacker files,
//!   they never take the place governance's, the monitors' or an alert's response needs (see
//!   [`crate::responses`]).
//! * **No priority.** `report` is an ordinary (`Normal`) transaction: unlike governance's
//!   emergency calls it gets no reserved block space.
//!
//! With the template runtime's values (6 s blocks; base 100 UNIT, +10% per open report, ×2 per
//! own open report, 1 hour per report, K = 3 within an hour escalates to 6 hours, released 3
//! days after the pause), keeping one target paused for a day (14 400 blocks):
//!
//! * one account alone cannot: its n-th renewal costs 100 × 2ⁿ⁻¹ UNIT; the 24 hourly reports
//!   of a day would lock 100 × (2²⁴ − 1) ≈ 1.7 × 10⁹ UNIT;
//! * with fresh accounts and escalation: 4 escalations × 3 reports = 12 reports locking
//!   100 × (1.1¹² − 1) / 0.1 ≈ **2 138 UNIT** for at least 3 days, about **0.149 UNIT per
//!   blocked block** locked, **all of it slashed** (2 138 UNIT lost, plus 12 transaction fees)
//!   when governance rejects the reports — and governance can stop the attack at once with
//!   `resume` and `set_reportable(target, false)`.
//!
//! The runtime tests (`tests/tests/bonded_reports_cost_an_attacker_and_pay_the_honest.rs`)
//! measure these figures on the real runtime.
//!
//! **What is left to governance.** Deposits grow with every *open* report, so an attacker can
//! make reporting expensive: 30 open reports lock about 16 400 UNIT and raise the next
//! deposit to about 1 745 UNIT; 64 (`MaxOpenReports`) lock about 445 000 UNIT and refuse
//! every further report (`TooManyReports`) until they are judged or released — three days.
//! That is the price of silencing the alarm before an exploit, and all of it is lost when
//! governance rejects the reports; watching `OpenReportCount` is part of operating the
//! guardian. Rewards go to every confirmed report: governance confirms one report per
//! incident (duplicates may be left to expire, which only returns their deposits).
//!
//! ## What a report changes, and who undoes it
//!
//! * The pause: held by [`Contributor::Reports`](crate::Contributor::Reports) in
//!   [`PauseHolds`](crate::PauseHolds) until the latest running report (or escalation)
//!   ends, sharing the target with governance's and the responses' holds (see
//!   [`crate::responses::holds`]). Governance's `resume` ends it; a confirmation hands the
//!   report's part to governance.
//! * The risk level, on escalation: `Elevated` under `Contributor::Reports`, withdrawn when
//!   fewer than K distinct reporters still run (rejections), by `resume` of the target, or by
//!   `clear_risk_level` (which also forgets every escalation).
//! * The deposit: on hold, never spendable by anyone but its judgment or its release.

mod deposits;
mod filing;
// For the links above.
#[cfg(doc)]
use crate::{Config, Pallet};
mod judgment;
mod reportable;
pub(crate) mod storage;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use scale_info::TypeInfo;

/// Bonded reports: the functions of this capability (see the module docs).
pub struct Reporting<T>(PhantomData<T>);

/// The identifier of a report, counting from 0.
pub type ReportId = u32;

/// An open report: its deposit is held until it is judged or released.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
#[scale_info(replace_segment("reports", "report_types"))]
pub struct Report<AccountId, Target, Hash, Balance, BlockNumber> {
	/// Who filed it (and whose deposit is held).
	pub reporter: AccountId,
	/// What it paused.
	pub target: Target,
	/// The reporter's evidence: a hash of what it saw (an agent's finding, a transaction).
	pub evidence: Hash,
	/// The deposit held.
	pub deposit: Balance,
	/// The block in which it was filed.
	pub filed: BlockNumber,
	/// The first block in which its pause no longer holds the target.
	pub until: BlockNumber,
}

/// A reporter's record of judged reports: who to trust.
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
#[scale_info(replace_segment("reports", "report_types"))]
pub struct ReporterRecord {
	/// Reports governance confirmed.
	pub confirmed: u32,
	/// Reports governance rejected (their deposits slashed).
	pub rejected: u32,
}
