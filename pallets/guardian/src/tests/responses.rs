//! Unit tests of the automatic responses an attacker cannot undo or turn against the chain:
//! responses fired inside a dispatch that later failed persist (and are charged), each source
//! keeps its own contribution to the risk level and its own hold on shared pauses, a response
//! that finds no room escalates, and a monitor's response outlives neither its reset nor its
//! replacement.

use crate::{
	responses::{holds::HoldMode, Engine},
	tests::mock::*,
	Contributor, Error, Event, Limit, MonitorInput, Monitors, PauseTarget, PlaybookInput,
	PolicyInput, RiskContributions, RiskLevel, Rule, Source, WeightInfo, WindowSpec,
};
use frame_support::{assert_noop, assert_ok, traits::fungible::Mutate, BoundedVec};
use sp_runtime::{DispatchError, Perbill};

const DURATION: u64 = 10;

fn paused() -> DispatchError {
	frame_system::Error::<Test>::CallFiltered.into()
}
/// Whether `name` is paused now.
fn is_paused(name: &str) -> bool {
	<Guardian as crate::CircuitBreaker<u64>>::paused_until(&target(name)).is_some()
}
/// A feed monitor: a net fall of more than 100 in 10 blocks pauses `pause` and raises the
/// level to `raise_to` for `duration` blocks.
fn feed_monitor(pause: &[&str], raise_to: RiskLevel, duration: u64) -> MonitorInput<u64> {
	MonitorInput {
		rule: Some(Rule::Flow { period: 10, rise: None, fall: Some(Limit::Absolute(100)) }),
		stale_after: None,
		playbook: PlaybookInput {
			pause: pause.iter().map(|p| target(p)).collect(),
			pause_inbound: false,
			raise_to,
			duration,
		},
	}
}
/// Sets the monitor of feed `id` and fires it (a fall of 500).
fn fire(id: u32, monitor: MonitorInput<u64>) {
	assert_ok!(Guardian::set_monitor(capper(), Source::Feed(id), monitor));
	observe(Source::Feed(id), 1000);
	observe(Source::Feed(id), 500);
	assert!(Guardian::flagged(Source::Feed(id)));
}
/// Runs `body` in a storage layer that is then rolled back (the rest of the dispatch failed).
fn then_fail(body: impl FnOnce()) {
	let _ = frame_support::storage::with_transaction(|| {
		body();
		sp_runtime::TransactionOutcome::Rollback(Ok::<(), DispatchError>(()))
	});
}
/// Account 1 under a policy of 400 per 10 blocks, high-water at 50%, whose crossing pauses
/// `Utility::batch`; crossing it also runs the PolicyOutflow monitor's playbook (Elevated).
fn guarded_with_a_response() {
	assert_ok!(Guardian::set_monitor(
		capper(),
		Source::PolicyOutflow,
		MonitorInput {
			rule: None,
			stale_after: None,
			playbook: PlaybookInput {
				pause: vec![],
				pause_inbound: false,
				raise_to: RiskLevel::Elevated,
				duration: 5,
			},
		}
	));
	assert_ok!(Guardian::set_policy(
		capper(),
		1,
		PolicyInput {
			windows: vec![WindowSpec { period: 10, limit: Limit::Absolute(400) }],
			high_water: Some(Perbill::from_percent(50)),
			response: Some(PlaybookInput {
				pause: vec![target("Utility::batch")],
				pause_inbound: false,
				raise_to: RiskLevel::Normal,
				duration: 5,
			}),
		}
	));
}

#[test]
fn a_response_fired_in_a_failed_dispatch_stays_in_force_and_is_charged() {
	test(|| {
		guarded_with_a_response();
		let quiet = in_signed_transaction(1, || {});
		// The prober crosses the high-water mark inside a batch_all that then fails: the
		// transfer, the usage and the response are rolled back with it...
		let charged = in_signed_transaction(1, || {
			then_fail(|| {
				assert_ok!(<Balances as Mutate<u64>>::burn_from(
					&1,
					300,
					frame_support::traits::tokens::Preservation::Expendable,
					frame_support::traits::tokens::Precision::Exact,
					frame_support::traits::tokens::Fortitude::Polite,
				));
			});
		});
		// ...but the response is applied again after the rollback: Utility is paused, the
		// level is raised, the monitor's flag is set. The probe had its consequence.
		assert!(is_paused("Utility::batch"));
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Elevated);
		assert!(Guardian::flagged(Source::PolicyOutflow));
		// The money did not move and the usage was not counted.
		assert_eq!(Balances::free_balance(1), 1000);
		assert_eq!(Guardian::remaining_allowance(&1), Some(200));
		// And the transaction pays for it: the guard work charged with its fee covers the
		// response applied again.
		assert!(charged.all_gt(quiet), "{charged:?} vs {quiet:?}");
		assert!(charged
			.saturating_sub(quiet)
			.all_gte(<Test as crate::Config>::WeightInfo::pause()));
	});
}

#[test]
fn a_trip_fired_twice_in_one_transaction_is_applied_once() {
	test(|| {
		guarded_with_a_response();
		in_signed_transaction(1, || {
			for _ in 0..5 {
				then_fail(|| {
					assert_ok!(transfer(1, 2, 300));
				});
			}
		});
		// Once each: the cap's response and the outflow monitor's.
		let applied = |who: Contributor| {
			guardian_events()
				.into_iter()
				.filter(|e| matches!(e, Event::ResponseApplied { by, .. } if *by == who))
				.count()
		};
		assert_eq!(applied(Contributor::CapResponse), 1);
		assert_eq!(applied(Contributor::Monitor(Source::PolicyOutflow)), 1);
		assert_eq!(crate::Pauses::<Test>::get().len(), 1);
	});
}

#[test]
fn resetting_one_response_withdraws_only_its_own_part() {
	test(|| {
		// Governance raises Elevated for 50 blocks and pauses Utility for 3.
		assert_ok!(Guardian::raise_risk_level(RuntimeOrigin::root(), RiskLevel::Elevated, 50));
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Utility::batch"), 3));
		// Two monitors fire: one pauses Balances and goes Critical, the other pauses Balances
		// and Utility and goes Elevated.
		fire(1, feed_monitor(&["Balances"], RiskLevel::Critical, DURATION));
		fire(2, feed_monitor(&["Balances", "Utility::batch"], RiskLevel::Elevated, DURATION));
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Critical);
		// Resetting the first: its Critical ends, the other monitor's and governance's
		// Elevated stay; Balances stays paused (the second still holds it).
		assert_ok!(Guardian::reset_response(RuntimeOrigin::signed(RESUMER), Source::Feed(1)));
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Elevated);
		assert!(is_paused("Balances"));
		assert!(guardian_events().contains(&Event::ResponseReset {
			by: Contributor::Monitor(Source::Feed(1)),
			resumed: 0
		}));
		// Resetting the second: Balances resumes; Utility falls back to governance's own
		// (shorter) pause; governance's Elevated stays.
		assert_ok!(Guardian::reset_response(RuntimeOrigin::signed(RESUMER), Source::Feed(2)));
		assert!(!is_paused("Balances"));
		assert!(guardian_events()
			.contains(&Event::PauseShortened { target: stored("Utility::batch"), until: 4 }));
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Elevated);
		assert_ok!(transfer(2, 3, 10));
		run_to_block(4);
		assert!(!is_paused("Utility::batch"));
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Elevated);
		assert_eq!(
			RiskContributions::<Test>::iter().collect::<Vec<_>>(),
			vec![(Contributor::Governance, RiskLevel::Elevated, 51)]
		);
	});
}

#[test]
fn a_response_extends_what_it_can_on_a_shared_target() {
	test(|| {
		// Governance (root, bound 1000) pauses Balances for 100 blocks; a monitor's response
		// shares it. The fast pauser (bound 10) extends the response: its own part grows,
		// governance's longer pause is left as it is — no error.
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Balances"), 100));
		fire(1, feed_monitor(&["Balances", "Utility::batch"], RiskLevel::Elevated, 5));
		assert_ok!(Guardian::extend_response(RuntimeOrigin::signed(PAUSER), Source::Feed(1), 5));
		assert!(guardian_events().contains(&Event::ResponseExtended {
			by: Contributor::Monitor(Source::Feed(1)),
			until: 11
		}));
		let owners = Guardian::pause_holders(&stored("Balances"));
		assert_eq!(
			owners,
			vec![(Contributor::Governance, 101), (Contributor::Monitor(Source::Feed(1)), 11)]
		);
		assert_eq!(
			<Guardian as crate::CircuitBreaker<u64>>::paused_until(&target("Utility::batch")),
			Some(11)
		);
		assert_eq!(
			RiskContributions::<Test>::get(
				Contributor::Monitor(Source::Feed(1)),
				RiskLevel::Elevated
			),
			Some(11)
		);
		// The bound counts from now: nothing more fits this block.
		assert_noop!(
			Guardian::extend_response(RuntimeOrigin::signed(PAUSER), Source::Feed(1), 1),
			Error::<Test>::DurationBeyondBound
		);
		// Governance resumes Utility::batch outright; the extension still works on what is
		// left, and never resurrects the resumed pause.
		run_to_block(3);
		assert_ok!(Guardian::resume(RuntimeOrigin::signed(RESUMER), target("Utility::batch")));
		assert_ok!(Guardian::extend_response(RuntimeOrigin::signed(PAUSER), Source::Feed(1), 1));
		assert!(!is_paused("Utility::batch"));
		let owners = Guardian::pause_holders(&stored("Balances"));
		assert_eq!(owners[1], (Contributor::Monitor(Source::Feed(1)), 12));
	});
}

#[test]
fn a_response_that_finds_no_room_escalates_and_says_so() {
	test(|| {
		// The automatic responses' room (4): a cap response holds three targets, so one is
		// left.
		assert_ok!(Engine::<Test>::hold(
			Contributor::CapResponse,
			&stored("Utility::force_batch"),
			50,
			HoldMode::AtLeast
		));
		assert_ok!(Engine::<Test>::hold(
			Contributor::CapResponse,
			&stored("Utility::batch_all"),
			50,
			HoldMode::AtLeast
		));
		assert_ok!(Engine::<Test>::hold(
			Contributor::CapResponse,
			&stored("Utility::dispatch_as"),
			50,
			HoldMode::AtLeast
		));
		// Governance's own pauses take governance's room, never this one.
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Balances"), 50));
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), PauseTarget::Chain, 50));
		// The monitor wants Utility and Timestamp: one is placed, the other escalates.
		fire(1, feed_monitor(&["Utility::batch", "Timestamp"], RiskLevel::Elevated, DURATION));
		assert!(is_paused("Utility::batch"));
		assert!(!is_paused("Timestamp"));
		assert!(guardian_events().contains(&Event::ResponseEscalated {
			by: Contributor::Monitor(Source::Feed(1)),
			unplaced: BoundedVec::truncate_from(vec![stored("Timestamp")]),
			level: RiskLevel::Critical,
			until: 1 + DURATION,
		}));
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Critical);
		// Its reset withdraws the escalation with the rest.
		assert_ok!(Guardian::reset_response(RuntimeOrigin::signed(RESUMER), Source::Feed(1)));
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Normal);
	});
}

#[test]
fn joining_a_pause_its_class_already_counts_takes_no_room() {
	test(|| {
		// The automatic room (4) full with a cap response's holds.
		for target in
			["Utility::force_batch", "Utility::batch_all", "Utility::dispatch_as", "Balances"]
		{
			assert_ok!(Engine::<Test>::hold(
				Contributor::CapResponse,
				&stored(target),
				50,
				HoldMode::AtLeast
			));
		}
		assert_noop!(
			Engine::<Test>::hold(
				Contributor::CapResponse,
				&stored("Timestamp"),
				50,
				HoldMode::AtLeast
			),
			Error::<Test>::TooManyPauses
		);
		// A monitor's response wanting a target the cap response holds shares it: the target
		// already counts in the automatic room.
		fire(1, feed_monitor(&["Balances"], RiskLevel::Normal, 40));
		assert!(!guardian_events().iter().any(|e| matches!(e, Event::ResponseEscalated { .. })));
		assert_eq!(
			Engine::<Test>::held_until(Contributor::Monitor(Source::Feed(1)), &stored("Balances")),
			Some(41)
		);
		// The pause lasts as long as its latest hold.
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_keep_alive"), Some(50));
	});
}

#[test]
fn a_monitor_cannot_be_removed_or_replaced_out_from_under_its_response() {
	test(|| {
		fire(1, feed_monitor(&["Balances"], RiskLevel::Elevated, DURATION));
		assert_noop!(
			Guardian::remove_monitor(capper(), Source::Feed(1)),
			Error::<Test>::ResponseInForce
		);
		// Replacing it (another playbook) keeps the response in force, with its flag: the new
		// playbook does not run on top, and the reset still finds the old pauses.
		assert_ok!(Guardian::set_monitor(
			capper(),
			Source::Feed(1),
			feed_monitor(&["Utility::batch"], RiskLevel::Critical, DURATION)
		));
		assert!(Guardian::flagged(Source::Feed(1)));
		observe(Source::Feed(1), 1000);
		observe(Source::Feed(1), 1);
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Elevated);
		assert!(!is_paused("Utility::batch"));
		assert_noop!(transfer(2, 3, 10), paused());
		assert_ok!(Guardian::reset_response(RuntimeOrigin::signed(RESUMER), Source::Feed(1)));
		assert!(!is_paused("Balances"));
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Normal);
		assert_ok!(Guardian::remove_monitor(capper(), Source::Feed(1)));
		assert!(Monitors::<Test>::get(Source::Feed(1)).is_none());
	});
}

#[test]
fn holders_whose_time_is_up_never_fill_a_long_pause() {
	test(|| {
		// Governance pauses Balances for 500 blocks. One monitor after another (at most three
		// exist at once) fires a 5-block response sharing it, expires and is removed: more
		// holders over time than a pause may have at once (MaxMonitors + 4 = 7). Each new one
		// still finds room — nothing escalates to Critical.
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Balances"), 500));
		for id in 0..10u32 {
			fire(id, feed_monitor(&["Balances"], RiskLevel::Elevated, 5));
			let level = <Guardian as crate::RiskLevelProvider>::risk_level();
			assert_eq!(level, RiskLevel::Elevated, "monitor {id}");
			let escalated = |e: &Event<Test>| matches!(e, Event::ResponseEscalated { .. });
			assert!(!guardian_events().iter().any(escalated), "monitor {id}");
			let owners = Guardian::pause_holders(&stored("Balances"));
			assert_eq!(owners.len(), 2, "governance and monitor {id} only");
			run_to_block(System::block_number() + 6);
			assert_ok!(Guardian::remove_monitor(capper(), Source::Feed(id)));
		}
	});
}
