//! Unit tests of bonded reports: only reportable targets, short pause-only reports, geometric
//! deposits, escalation by distinct reporters, judgment (reward, slash) and the release of
//! unjudged deposits — and every bad input changes nothing.

use crate::{
	tests::mock::*, Contributor, Error, Escalations, Event, HoldReason, OpenReportCount,
	PauseTarget, Reportable, ReporterRecord, Reports, ReportsOf, ReportsOn, Reputation, RiskLevel,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold, Mutate},
};
use sp_core::H256;
use sp_runtime::DispatchError;

/// The mock's bounds (see `config_preludes::TestDefaultConfig`).
const MAX_REPORT_PAUSE: u64 = 10;
const ESCALATED: u64 = 40;
const RELEASE_DELAY: u64 = 30;

fn judge() -> RuntimeOrigin {
	RuntimeOrigin::signed(RESUMER)
}
fn evidence(n: u8) -> H256 {
	H256::repeat_byte(n)
}
fn reportable(name: &str) {
	assert_ok!(Guardian::set_reportable(capper(), target(name), true));
}
fn report(who: u64, name: &str, duration: u64) -> Result<(), DispatchError> {
	Guardian::report(RuntimeOrigin::signed(who), target(name), evidence(who as u8), duration)
}
fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::Report.into(), &who)
}
fn paused_until(name: &str) -> Option<u64> {
	<Guardian as crate::CircuitBreaker<u64>>::paused_until(&target(name))
}
fn level() -> RiskLevel {
	<Guardian as crate::RiskLevelProvider>::risk_level()
}
/// Runs `body` as [`test`] does, with the treasury holding 1000.
fn test(body: impl FnOnce()) {
	super::mock::test(|| {
		assert_ok!(Balances::mint_into(&TREASURY, 1000));
		body()
	})
}

#[test]
fn only_targets_governance_declared_reportable_can_be_reported() {
	test(|| {
		assert_noop!(report(1, "Balances", 5), Error::<Test>::NotReportable);
		assert_noop!(
			Guardian::set_reportable(RuntimeOrigin::signed(1), target("Balances"), true),
			DispatchError::BadOrigin
		);
		// Never the chain, a whitelisted call, the guardian, or an unknown pallet.
		assert_noop!(
			Guardian::set_reportable(capper(), PauseTarget::Chain, true),
			Error::<Test>::ChainNotReportable
		);
		assert_noop!(
			Guardian::set_reportable(capper(), target("System"), true),
			Error::<Test>::TargetWhitelisted
		);
		assert_noop!(
			Guardian::set_reportable(capper(), target("Guardian"), true),
			Error::<Test>::CannotPauseGuardian
		);
		assert_noop!(
			Guardian::set_reportable(capper(), target("Nowhere"), true),
			Error::<Test>::UnknownPallet
		);
		reportable("Balances");
		assert!(guardian_events()
			.contains(&Event::ReportableSet { target: stored("Balances"), reportable: true }));
		// Reportable is exact: a call of the pallet is another target.
		assert_noop!(report(1, "Balances::transfer_allow_death", 5), Error::<Test>::NotReportable);
		// At most MaxReportableTargets (4).
		reportable("Balances::transfer_allow_death");
		reportable("Utility::batch");
		reportable("Utility::batch_all");
		assert_noop!(
			Guardian::set_reportable(capper(), target("Timestamp"), true),
			Error::<Test>::TooManyReportable
		);
		// No longer reportable: refused again; declaring twice changes nothing.
		assert_ok!(Guardian::set_reportable(capper(), target("Balances"), false));
		assert_noop!(report(1, "Balances", 5), Error::<Test>::NotReportable);
		reportable("Utility::batch_all");
		assert_eq!(Reportable::<Test>::get().len(), 3);
	});
}

#[test]
fn a_report_holds_its_deposit_and_pauses_its_target_briefly() {
	test(|| {
		reportable("Balances");
		assert_noop!(report(1, "Balances", 0), Error::<Test>::ZeroDuration);
		assert_noop!(
			report(1, "Balances", MAX_REPORT_PAUSE + 1),
			Error::<Test>::DurationBeyondBound
		);
		assert_ok!(report(1, "Balances", MAX_REPORT_PAUSE));
		let until = 1 + MAX_REPORT_PAUSE;
		assert_eq!(held(1), REPORT_DEPOSIT);
		assert_eq!(paused_until("Balances"), Some(until));
		assert!(guardian_events().contains(&Event::Reported {
			id: 0,
			reporter: 1,
			target: stored("Balances"),
			deposit: REPORT_DEPOSIT,
			until,
		}));
		let owners = Guardian::pause_holders(&stored("Balances"));
		assert_eq!(owners, vec![(Contributor::Reports, until)]);
		assert_eq!(transfer(2, 3, 1), Err(frame_system::Error::<Test>::CallFiltered.into()));
		// Pause-only and short: it ends by itself; the report stays open for judgment.
		run_to_block(until);
		assert_eq!(paused_until("Balances"), None);
		assert_ok!(transfer(2, 3, 1));
		assert_eq!(held(1), REPORT_DEPOSIT);
		assert!(Reports::<Test>::contains_key(0));
	});
}

#[test]
fn a_reporter_cannot_extend_its_own_report() {
	test(|| {
		reportable("Balances");
		assert_ok!(report(1, "Balances", 5));
		assert_noop!(report(1, "Balances", 5), Error::<Test>::AlreadyReported);
		// Once its pause has ended it may report again, at a doubled deposit (its first report
		// is still open), chain-wide growth included.
		run_to_block(6);
		assert_ok!(report(1, "Balances", 5));
		assert_eq!(held(1), REPORT_DEPOSIT + REPORT_DEPOSIT * 3 / 2 * 2);
	});
}

#[test]
fn deposits_grow_geometrically_with_open_reports() {
	test(|| {
		reportable("Balances");
		// +50% per report open chain-wide (the mock), ×2 per report of the same reporter.
		assert_eq!(Guardian::report_deposit(&1), 10);
		assert_ok!(report(1, "Balances", 5));
		assert_eq!(Guardian::report_deposit(&2), 15);
		assert_eq!(Guardian::report_deposit(&1), 30);
		assert_ok!(report(2, "Balances", 5));
		assert_eq!(Guardian::report_deposit(&3), 22);
		// Both pauses have ended; both reports are still open.
		run_to_block(7);
		assert_ok!(report(1, "Balances", 5));
		assert_eq!(held(1), 10 + 44);
		assert_eq!(held(2), 15);
		assert_eq!(OpenReportCount::<Test>::get(), 3);
		assert_eq!(ReportsOf::<Test>::get(1), 2);
	});
}

#[test]
fn a_deposit_the_reporter_cannot_hold_changes_nothing() {
	test(|| {
		reportable("Balances");
		assert_ok!(Balances::mint_into(&7, 5));
		assert_noop!(report(7, "Balances", 5), Error::<Test>::DepositUnaffordable);
		assert_noop!(report(8, "Balances", 5), Error::<Test>::DepositUnaffordable);
	});
}

#[test]
fn distinct_reporters_within_the_window_escalate_the_target() {
	test(|| {
		reportable("Balances");
		assert_ok!(report(1, "Balances", 5));
		run_to_block(3);
		assert_ok!(report(2, "Balances", 5));
		assert_eq!(level(), RiskLevel::Normal, "two reporters do not escalate");
		run_to_block(5);
		assert_ok!(report(3, "Balances", 5));
		let until = 5 + ESCALATED;
		assert!(guardian_events().contains(&Event::ReportsEscalated {
			target: stored("Balances"),
			reporters: 3,
			until,
		}));
		assert_eq!(paused_until("Balances"), Some(until));
		assert_eq!(level(), RiskLevel::Elevated);
		assert_eq!(Escalations::<Test>::get(stored("Balances")), Some((5, until)));
		run_to_block(until);
		assert_eq!(paused_until("Balances"), None);
		assert_eq!(level(), RiskLevel::Normal);
	});
}

#[test]
fn reports_outside_the_window_or_already_ended_do_not_escalate() {
	test(|| {
		reportable("Balances");
		assert_ok!(report(1, "Balances", 2));
		assert_ok!(report(2, "Balances", MAX_REPORT_PAUSE));
		// Report 1's pause has ended: it no longer counts.
		run_to_block(4);
		assert_ok!(report(3, "Balances", MAX_REPORT_PAUSE));
		assert_eq!(level(), RiskLevel::Normal);
		// At block 12 report 2 has ended too: reporters 3 and 1 run, two of them.
		run_to_block(12);
		assert_ok!(report(1, "Balances", MAX_REPORT_PAUSE));
		assert_eq!(level(), RiskLevel::Normal);
		assert!(!guardian_events().iter().any(|e| matches!(e, Event::ReportsEscalated { .. })));
	});
}

#[test]
fn governance_confirms_a_report_its_reporter_is_repaid_and_rewarded() {
	test(|| {
		reportable("Balances");
		let issuance = Balances::total_issuance();
		assert_ok!(report(1, "Balances", 5));
		assert_noop!(
			Guardian::confirm_report(RuntimeOrigin::signed(1), 0),
			DispatchError::BadOrigin
		);
		assert_noop!(Guardian::confirm_report(judge(), 1), Error::<Test>::UnknownReport);
		assert_ok!(Guardian::confirm_report(judge(), 0));
		assert_eq!(held(1), 0);
		assert_eq!(Balances::free_balance(1), 1000 + REPORT_REWARD);
		assert_eq!(Balances::free_balance(TREASURY), 1000 - REPORT_REWARD);
		assert_eq!(Balances::total_issuance(), issuance, "the reward is paid, not minted");
		assert_eq!(Reputation::<Test>::get(1), ReporterRecord { confirmed: 1, rejected: 0 });
		assert!(guardian_events().contains(&Event::ReportConfirmed {
			id: 0,
			reporter: 1,
			reward: REPORT_REWARD
		}));
		// The pause runs on; the report is closed.
		assert_eq!(paused_until("Balances"), Some(6));
		assert_noop!(Guardian::confirm_report(judge(), 0), Error::<Test>::UnknownReport);
	});
}

#[test]
fn a_confirmation_the_pot_cannot_pay_still_repays_the_deposit() {
	test(|| {
		reportable("Balances");
		assert_ok!(report(1, "Balances", 5));
		Balances::set_balance(&TREASURY, REPORT_REWARD);
		assert_ok!(Guardian::confirm_report(judge(), 0));
		assert_eq!(Balances::free_balance(1), 1000);
		assert_eq!(Balances::free_balance(TREASURY), REPORT_REWARD, "never reaped to pay");
		assert!(guardian_events().contains(&Event::ReportConfirmed {
			id: 0,
			reporter: 1,
			reward: 0
		}));
	});
}

#[test]
fn a_rejected_report_is_slashed_to_the_treasury_and_its_target_resumes() {
	test(|| {
		reportable("Balances");
		let issuance = Balances::total_issuance();
		assert_ok!(report(1, "Balances", 5));
		assert_noop!(
			Guardian::reject_report(RuntimeOrigin::signed(2), 0),
			DispatchError::BadOrigin
		);
		assert_ok!(Guardian::reject_report(judge(), 0));
		assert_eq!(held(1), 0);
		assert_eq!(Balances::total_balance(&1), 1000 - REPORT_DEPOSIT);
		assert_eq!(Balances::free_balance(TREASURY), 1000 + REPORT_DEPOSIT);
		assert_eq!(Balances::total_issuance(), issuance, "slashed to the treasury, not burnt");
		assert_eq!(Reputation::<Test>::get(1), ReporterRecord { confirmed: 0, rejected: 1 });
		assert!(guardian_events().contains(&Event::ReportRejected {
			id: 0,
			reporter: 1,
			slashed: REPORT_DEPOSIT
		}));
		assert_eq!(paused_until("Balances"), None);
		assert_ok!(transfer(2, 3, 1));
	});
}

#[test]
fn rejecting_one_of_several_reports_keeps_only_what_the_others_justify() {
	test(|| {
		reportable("Balances");
		assert_ok!(report(1, "Balances", 5));
		assert_ok!(report(2, "Balances", 8));
		assert_ok!(report(3, "Balances", 5));
		assert_ok!(report(4, "Balances", 3));
		assert_eq!(level(), RiskLevel::Elevated);
		// Three distinct reporters still run: the escalation stands.
		assert_ok!(Guardian::reject_report(judge(), 0));
		assert_eq!(paused_until("Balances"), Some(1 + ESCALATED));
		assert_eq!(level(), RiskLevel::Elevated);
		// Two: the escalation goes, the pause lasts as long as the longest running report.
		assert_ok!(Guardian::reject_report(judge(), 2));
		assert_eq!(paused_until("Balances"), Some(1 + 8));
		assert_eq!(level(), RiskLevel::Normal);
		assert!(guardian_events()
			.contains(&Event::PauseShortened { target: stored("Balances"), until: 9 }));
		assert_ok!(Guardian::reject_report(judge(), 1));
		assert_eq!(paused_until("Balances"), Some(1 + 3));
		assert_ok!(Guardian::reject_report(judge(), 3));
		// No running report left: the pause and the escalation are withdrawn.
		assert_eq!(paused_until("Balances"), None);
		assert_eq!(level(), RiskLevel::Normal);
		assert_eq!(Escalations::<Test>::get(stored("Balances")), None);
		assert!(!ReportsOn::<Test>::contains_key(stored("Balances")));
	});
}

#[test]
fn a_report_shares_a_pause_governance_placed_and_governance_ends_it() {
	test(|| {
		reportable("Balances");
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Balances"), 100));
		assert_ok!(report(1, "Balances", 5));
		assert_eq!(paused_until("Balances"), Some(101), "a report never shortens a pause");
		// Rejecting the report leaves governance's pause alone.
		assert_ok!(Guardian::reject_report(judge(), 0));
		assert_eq!(paused_until("Balances"), Some(101));
		// Governance resumes a report's pause early; the report stays open to be judged.
		assert_ok!(report(2, "Balances", 5));
		assert_ok!(Guardian::resume(judge(), target("Balances")));
		assert_eq!(paused_until("Balances"), None);
		assert!(Reports::<Test>::contains_key(1));
	});
}

#[test]
fn reports_have_a_room_of_their_own_for_every_reportable_target() {
	test(|| {
		// Governance's room (2) and the automatic responses' (4) are full.
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Timestamp"), 50));
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Utility::batch_all"), 50));
		let automatic = [
			"Utility::force_batch",
			"Utility::dispatch_as",
			"Utility::with_weight",
			"Utility::if_else",
		]
		.map(stored);
		// Two playbooks of MaxResponseTargets (2) each.
		assert_eq!(respond(Contributor::CapResponse, &automatic[..2], 50), 2);
		assert_eq!(respond(Contributor::CapResponse, &automatic[2..], 50), 2);
		assert_noop!(
			Guardian::pause(RuntimeOrigin::root(), target("Utility::batch"), 5),
			Error::<Test>::TooManyPauses
		);
		// Every reportable target (at most MaxReportableTargets, the reports' room) can still
		// be reported, and a report shares a target already paused.
		for name in ["Balances", "Utility::batch", "Timestamp"] {
			reportable(name);
		}
		for (who, name) in [(1, "Balances"), (2, "Utility::batch"), (3, "Timestamp")] {
			assert_ok!(report(who, name, 5));
		}
		assert_eq!(paused_until("Utility::batch"), Some(6));
		// Filing reports never takes governance's or the responses' room: governance's
		// resume still works, and the responses still hold theirs.
		assert_ok!(Guardian::resume(judge(), target("Timestamp")));
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), PauseTarget::Chain, 5));
	});
}

#[test]
fn anyones_report_is_an_ordinary_transaction() {
	use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
	let call = crate::Call::<Test>::report {
		target: target("Balances"),
		evidence: evidence(1),
		duration: 5,
	};
	assert_eq!(call.get_dispatch_info().class, DispatchClass::Normal);
}

#[test]
fn a_confirmed_report_keeps_its_pause_whatever_is_rejected_after() {
	test(|| {
		reportable("Balances");
		assert_ok!(report(1, "Balances", MAX_REPORT_PAUSE));
		assert_ok!(Guardian::confirm_report(judge(), 0));
		// A bogus one-block report, rejected as it should be: the confirmed pause stands.
		assert_ok!(report(2, "Balances", 1));
		assert_ok!(Guardian::reject_report(judge(), 1));
		assert_eq!(paused_until("Balances"), Some(1 + MAX_REPORT_PAUSE));
		let owners = Guardian::pause_holders(&stored("Balances"));
		assert!(owners.iter().any(|(by, until)| *by == Contributor::Governance && *until == 11));
	});
}

#[test]
fn a_confirmed_escalation_becomes_governances() {
	test(|| {
		reportable("Balances");
		for who in [1, 2, 3] {
			assert_ok!(report(who, "Balances", 5));
		}
		assert_ok!(Guardian::confirm_report(judge(), 2));
		assert_ok!(Guardian::reject_report(judge(), 0));
		assert_ok!(Guardian::reject_report(judge(), 1));
		assert_eq!(paused_until("Balances"), Some(1 + ESCALATED));
		assert_eq!(level(), RiskLevel::Elevated, "held by governance now");
		assert_eq!(
			crate::RiskContributions::<Test>::get(Contributor::Governance, RiskLevel::Elevated),
			Some(1 + ESCALATED)
		);
	});
}

#[test]
fn governances_resume_ends_running_reports_and_their_escalation() {
	test(|| {
		reportable("Balances");
		for who in [1, 2, 3] {
			assert_ok!(report(who, "Balances", MAX_REPORT_PAUSE));
		}
		assert_eq!(level(), RiskLevel::Elevated);
		assert_ok!(Guardian::resume(judge(), target("Balances")));
		assert_eq!(level(), RiskLevel::Normal);
		assert_eq!(Escalations::<Test>::get(stored("Balances")), None);
		// One fresh report cannot escalate again on the back of the resumed ones.
		assert_ok!(report(4, "Balances", MAX_REPORT_PAUSE));
		assert_eq!(paused_until("Balances"), Some(1 + MAX_REPORT_PAUSE));
		assert_eq!(level(), RiskLevel::Normal);
		// The resumed reports stay open to be judged.
		assert_eq!(OpenReportCount::<Test>::get(), 4);
		assert_ok!(Guardian::reject_report(judge(), 0));
		assert_eq!(paused_until("Balances"), Some(1 + MAX_REPORT_PAUSE), "report 3 runs");
	});
}

#[test]
fn re_escalating_needs_as_many_new_reporters() {
	test(|| {
		reportable("Balances");
		for who in [1, 2, 3] {
			assert_ok!(report(who, "Balances", MAX_REPORT_PAUSE));
		}
		run_to_block(3);
		// One more reporter: no new escalation (the first three already escalated).
		assert_ok!(report(4, "Balances", MAX_REPORT_PAUSE));
		assert_eq!(Escalations::<Test>::get(stored("Balances")), Some((1, 1 + ESCALATED)));
		assert_ok!(report(5, "Balances", MAX_REPORT_PAUSE));
		assert_ok!(report(PAUSER, "Balances", MAX_REPORT_PAUSE));
		assert_eq!(Escalations::<Test>::get(stored("Balances")), Some((3, 3 + ESCALATED)));
		assert_eq!(paused_until("Balances"), Some(3 + ESCALATED));
	});
}

#[test]
fn clearing_the_level_forgets_escalations_for_good() {
	test(|| {
		reportable("Balances");
		reportable("Utility::batch");
		for who in [1, 2, 3] {
			assert_ok!(report(who, "Balances", MAX_REPORT_PAUSE));
		}
		assert_ok!(Guardian::clear_risk_level(judge()));
		assert_eq!(level(), RiskLevel::Normal);
		// Rejecting one of them must not bring the level back.
		assert_ok!(Guardian::reject_report(judge(), 0));
		assert_eq!(level(), RiskLevel::Normal);
	});
}

#[test]
fn at_most_max_open_reports_are_open() {
	test(|| {
		reportable("Balances");
		for who in [1, 2, 3, 4, 5, PAUSER, RESUMER, CAPPER] {
			assert_ok!(report(who, "Balances", 5));
		}
		assert_noop!(report(TREASURY, "Balances", 5), Error::<Test>::TooManyReports);
	});
}

#[test]
fn an_unjudged_deposit_is_released_by_anyone_after_the_delay() {
	test(|| {
		reportable("Balances");
		assert_ok!(report(1, "Balances", 5));
		let releasable = 6 + RELEASE_DELAY;
		run_to_block(releasable - 1);
		assert_noop!(
			Guardian::release_report_deposit(RuntimeOrigin::signed(5), 0),
			Error::<Test>::ReportNotReleasable
		);
		// Governance may still judge it meanwhile; here nobody does.
		run_to_block(releasable);
		assert_noop!(
			Guardian::release_report_deposit(RuntimeOrigin::signed(5), 1),
			Error::<Test>::UnknownReport
		);
		assert_ok!(Guardian::release_report_deposit(RuntimeOrigin::signed(5), 0));
		assert_eq!(held(1), 0);
		assert_eq!(Balances::free_balance(1), 1000);
		assert_eq!(Reputation::<Test>::get(1), ReporterRecord::default(), "not judged");
		assert!(guardian_events().contains(&Event::ReportDepositReleased {
			id: 0,
			reporter: 1,
			deposit: REPORT_DEPOSIT
		}));
		assert_eq!(OpenReportCount::<Test>::get(), 0);
		assert!(!ReportsOf::<Test>::contains_key(1));
	});
}

#[test]
fn a_rejection_slashes_even_a_guarded_reporter_beyond_its_cap() {
	test(|| {
		reportable("Balances");
		assert_ok!(report(1, "Balances", 5));
		// Reporter 1 caps itself to 1 per 10 blocks: the slash still lands in full.
		assert_ok!(Guardian::limit_own_outflow(
			RuntimeOrigin::signed(1),
			vec![crate::WindowSpec { period: 10, limit: crate::Limit::Absolute(1) }],
		));
		assert_ok!(Guardian::reject_report(judge(), 0));
		assert_eq!(Balances::free_balance(TREASURY), 1000 + REPORT_DEPOSIT);
	});
}
