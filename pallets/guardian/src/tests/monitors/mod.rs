//! Unit tests of the monitors, playbooks and risk levels on the mock runtime: each source
//! (issuance in the hook and after a minting transaction, oracle feeds, reported metrics,
//! outflow high-water marks), the response and its expiry, extension and reset, the risk
//! level's effect on the caps, and the configuration errors.

use crate::{
	tests::mock::*, Anomaly, CombinedFeed, Contributor, Error, Event, GuardedFeed, Limit,
	MetricSink, MonitorInput, Monitors, OracleMonitor, PauseTarget, PendingObservations,
	PlaybookInput, PolicyInput, RiskLevel, RiskLevelProvider, Rule, Source, StaleWatch, Watch,
	WeightInfo, WindowSpec,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::Mutate, Get, Hooks},
	weights::Weight,
};
use pallet_oracle::{DataProvider, OnNewData};
use sp_runtime::{traits::BadOrigin, DispatchError, Perbill};

mod attacks;

const DURATION: u64 = 10;

fn balances() -> PauseTarget<Vec<u8>> {
	PauseTarget::Pallet { pallet: b"Balances".to_vec() }
}
fn playbook(pause: Vec<PauseTarget<Vec<u8>>>, raise_to: RiskLevel) -> PlaybookInput<u64> {
	PlaybookInput { pause, pause_inbound: false, raise_to, duration: DURATION }
}
/// Issuance: at most 10% (of the issuance when the window started) minted, or 500 burned, in
/// any 20 blocks; a breach pauses Balances and makes the chain Critical.
fn issuance_monitor() -> MonitorInput<u64> {
	MonitorInput {
		rule: Some(Rule::Flow {
			period: 20,
			rise: Some(Limit::ShareOfBalance(Perbill::from_percent(10))),
			fall: Some(Limit::Absolute(500)),
		}),
		stale_after: None,
		playbook: playbook(vec![balances()], RiskLevel::Critical),
	}
}
/// A price feed: within 20% of the last accepted value (accepted in the last 5 blocks), stale
/// after 8 blocks; a breach pauses Balances and raises the level to Elevated.
fn feed_monitor() -> MonitorInput<u64> {
	MonitorInput {
		rule: Some(Rule::Jump { within: 5, max_jump: Perbill::from_percent(20) }),
		stale_after: Some(8),
		playbook: playbook(vec![balances()], RiskLevel::Elevated),
	}
}
fn set(source: Source, input: MonitorInput<u64>) {
	assert_ok!(Guardian::set_monitor(capper(), source, input));
}
fn paused() -> DispatchError {
	frame_system::Error::<Test>::CallFiltered.into()
}
fn anomalies() -> Vec<(Source, Anomaly, u128, u128)> {
	guardian_events()
		.into_iter()
		.filter_map(|event| match event {
			Event::AnomalyDetected { source, anomaly, measured, threshold } => {
				Some((source, anomaly, measured, threshold))
			}
			_ => None,
		})
		.collect()
}
/// Runs `body` in a storage layer of its own that is rolled back (a dispatch that failed
/// after `body`: the rest of a `batch_all`, a nested call's error).
fn then_fail(body: impl FnOnce()) {
	let _ = frame_support::storage::with_transaction(|| {
		body();
		sp_runtime::TransactionOutcome::Rollback(Ok::<(), DispatchError>(()))
	});
}
/// A reported metric: a net fall of more than 100 within 10 blocks pauses Balances and raises
/// the level to Elevated.
/// `source` reported at `value` now, and the blocks go by until its history covers `blocks`
/// (a metric is judged against its time-weighted mean only once it does).
fn watch_for(source: Source, value: u128, blocks: u64) {
	let Source::Metric(id) = source else { panic!("a metric") };
	<Guardian as MetricSink>::report(id, value);
	end_block();
	run_to_block(System::block_number() + blocks);
}

fn metric_monitor() -> MonitorInput<u64> {
	MonitorInput {
		rule: Some(Rule::Flow { period: 10, rise: None, fall: Some(Limit::Absolute(100)) }),
		stale_after: None,
		playbook: playbook(vec![balances()], RiskLevel::Elevated),
	}
}
std::thread_local! {
	/// The combined value the mock oracle gives for every key (pallet-oracle's median).
	static COMBINED: core::cell::Cell<Option<u128>> = const { core::cell::Cell::new(None) };
	static FRESH: core::cell::Cell<bool> = const { core::cell::Cell::new(true) };
}
/// The mock oracle: the combined value is whatever the test last set.
struct Combined;
impl CombinedFeed<u32, u128> for Combined {
	fn combined(_: &u32) -> Option<(u128, bool)> {
		COMBINED.with(|combined| combined.get()).map(|value| (value, FRESH.with(|f| f.get())))
	}
}
/// A member submits `raw` for `key` while the oracle's combined value is `combined`.
fn submit_to_oracle(key: u32, raw: u128, combined: Option<u128>) {
	COMBINED.with(|cell| cell.set(combined));
	<OracleMonitor<Test, Combined> as OnNewData<u64, u32, u128>>::on_new_data(&1, &key, &raw);
}
/// A submission that moves the combined value to `value`.
fn feed(key: u32, value: u128) {
	submit_to_oracle(key, value, Some(value));
}
/// The price consumers read through the guard, from a provider that always says 100.
struct Hundred;
impl DataProvider<u32, u128> for Hundred {
	fn get(_: &u32) -> Option<u128> {
		Some(100)
	}
}
fn guarded_price(key: u32) -> Option<u128> {
	<GuardedFeed<Test, Hundred> as DataProvider<u32, u128>>::get(&key)
}

#[docify::export]
#[test]
fn a_mint_in_a_transaction_is_answered_before_the_next_extrinsic() {
	test(|| {
		set(Source::Issuance, issuance_monitor());
		// Issuance 8000: 10% is 800. The bug mints 5000 inside a signed transaction.
		in_signed_transaction(1, || {
			assert_ok!(<Balances as Mutate<u64>>::mint_into(&2, 5000));
		});
		assert_eq!(anomalies(), vec![(Source::Issuance, Anomaly::Rise, 5000, 800)]);
		assert!(guardian_events().contains(&Event::ResponseApplied {
			by: Contributor::Monitor(Source::Issuance),
			source: Source::Issuance,
			anomaly: Anomaly::Rise,
			inbound_paused: false,
			paused: 1,
			level: RiskLevel::Critical,
			until: 1 + DURATION,
		}));
		// The very next extrinsic of the same block: the minted funds cannot move.
		assert_eq!(Guardian::risk_level(), RiskLevel::Critical);
		assert_noop!(transfer(2, 3, 100), paused());
	});
}

#[test]
fn a_mint_outside_transactions_is_seen_by_the_next_block_hook() {
	test(|| {
		set(Source::Issuance, issuance_monitor());
		// A hook or an XCM message mints: no transaction scope.
		assert_ok!(<Balances as Mutate<u64>>::mint_into(&2, 900));
		assert!(anomalies().is_empty());
		run_to_block(2);
		assert_eq!(anomalies(), vec![(Source::Issuance, Anomaly::Rise, 900, 800)]);
		assert_noop!(transfer(2, 3, 100), paused());
		assert_eq!(Guardian::risk_level(), RiskLevel::Critical);
		// The response expires: Balances resumes and the level falls back.
		run_to_block(2 + DURATION);
		assert_eq!(Guardian::risk_level(), RiskLevel::Normal);
		assert_ok!(transfer(2, 3, 100));
		assert!(guardian_events().contains(&Event::RiskLevelChanged {
			from: RiskLevel::Critical,
			to: RiskLevel::Normal
		}));
	});
}

#[test]
fn changes_just_under_every_threshold_trigger_nothing() {
	test(|| {
		set(Source::Issuance, issuance_monitor());
		set(Source::Feed(7), feed_monitor());
		feed(7, 1000);
		// 8000 issued: mint 800 (exactly 10%) over the window, in steps, then burn 500.
		for block in 2..=9u64 {
			run_to_block(block);
			assert_ok!(<Balances as Mutate<u64>>::mint_into(&2, 100));
			// The price moves by 20% at most from the last accepted value, well within 8.
			feed(7, if block % 2 == 0 { 1200 } else { 1000 });
		}
		run_to_block(11);
		assert_ok!(<Balances as Mutate<u64>>::burn_from(
			&3,
			500,
			frame_support::traits::tokens::Preservation::Expendable,
			frame_support::traits::tokens::Precision::Exact,
			frame_support::traits::tokens::Fortitude::Polite,
		));
		for block in 12..=14 {
			run_to_block(block);
			assert!(anomalies().is_empty());
		}
		assert_eq!(Guardian::risk_level(), RiskLevel::Normal);
		assert_eq!(guarded_price(7), Some(100));
		assert_ok!(transfer(2, 3, 100));
	});
}

#[test]
fn a_burn_beyond_the_fall_threshold_fires() {
	test(|| {
		set(Source::Issuance, issuance_monitor());
		assert_ok!(<Balances as Mutate<u64>>::burn_from(
			&3,
			501,
			frame_support::traits::tokens::Preservation::Expendable,
			frame_support::traits::tokens::Precision::Exact,
			frame_support::traits::tokens::Fortitude::Polite,
		));
		run_to_block(2);
		assert_eq!(anomalies(), vec![(Source::Issuance, Anomaly::Fall, 501, 500)]);
	});
}

#[test]
fn a_manipulated_price_is_flagged_kept_from_consumers_and_paused() {
	test(|| {
		set(Source::Feed(7), feed_monitor());
		feed(7, 1000);
		assert_eq!(guarded_price(7), Some(100));
		run_to_block(2);
		// A member submits 50% off.
		feed(7, 500);
		assert_eq!(anomalies(), vec![(Source::Feed(7), Anomaly::Jump, 500, 200)]);
		assert_eq!(guarded_price(7), None);
		assert!(Guardian::feed_flagged(7));
		assert_eq!(Guardian::risk_level(), RiskLevel::Elevated);
		assert_noop!(transfer(2, 3, 100), paused());
		// The deviating value was not accepted: the reference is still 1000, and an honest
		// value is accepted; a second bad one during the response runs no second response.
		assert_eq!(Monitors::<Test>::get(Source::Feed(7)).unwrap().state.last, Some((1000, 1)));
		feed(7, 1010);
		feed(7, 400);
		assert_eq!(anomalies().len(), 1);
		// The response expires.
		run_to_block(2 + DURATION);
		assert_eq!(guarded_price(7), Some(100));
		assert_eq!(Guardian::risk_level(), RiskLevel::Normal);
		assert_ok!(transfer(2, 3, 100));
	});
}

#[test]
fn a_stale_feed_is_flagged_until_a_fresh_value_arrives() {
	test(|| {
		set(Source::Feed(7), MonitorInput { stale_after: Some(8), ..feed_monitor() });
		feed(7, 1000);
		assert_eq!(Watch::<Test>::get().next_stale, Some(9));
		run_to_block(8);
		assert!(anomalies().is_empty());
		run_to_block(9);
		assert_eq!(anomalies(), vec![(Source::Feed(7), Anomaly::Stale, 8, 8)]);
		assert_eq!(guarded_price(7), None);
		assert_eq!(Guardian::risk_level(), RiskLevel::Elevated);
		assert_noop!(transfer(2, 3, 100), paused());
		// The watch re-arms; a fresh value ends the staleness flag at once, and with it the
		// staleness response: Balances resumes, the level falls.
		assert_eq!(StaleWatch::<Test>::get().to_vec(), vec![(Source::Feed(7), 17)]);
		feed(7, 1001);
		assert_eq!(guarded_price(7), Some(100));
		assert_eq!(StaleWatch::<Test>::get().to_vec(), vec![(Source::Feed(7), 17)]);
		assert_eq!(Guardian::risk_level(), RiskLevel::Normal);
		assert_ok!(transfer(2, 3, 100));
	});
}

#[test]
fn a_reported_metric_needs_no_guardian_code() {
	test(|| {
		// A lending pallet's collateral ratio in per mille: more than a 10% fall in 10 blocks
		// is an anomaly that raises the level (no pause).
		set(
			Source::Metric(1),
			MonitorInput {
				rule: Some(Rule::Flow {
					period: 10,
					rise: None,
					fall: Some(Limit::ShareOfBalance(Perbill::from_percent(10))),
				}),
				stale_after: None,
				playbook: playbook(vec![], RiskLevel::Elevated),
			},
		);
		// Watched for a window at 1500, then 1400: 100 below the mean of 1500, tolerated.
		watch_for(Source::Metric(1), 1500, 10);
		<Guardian as MetricSink>::report(1, 1400);
		end_block();
		assert!(anomalies().is_empty());
		// Judged as the metric stands at the block's end, not as it is reported: 1300 against
		// the mean of the window before it (nine blocks at 1500, one at 1400: 1490).
		run_to_block(System::block_number() + 1);
		<Guardian as MetricSink>::report(1, 1250);
		<Guardian as MetricSink>::report(1, 1300);
		assert!(anomalies().is_empty());
		end_block();
		assert_eq!(anomalies(), vec![(Source::Metric(1), Anomaly::Fall, 190, 149)]);
		assert_eq!(<Guardian as RiskLevelProvider>::risk_level(), RiskLevel::Elevated);
		// A metric nobody monitors costs one read and does nothing.
		<Guardian as MetricSink>::report(2, 0);
		end_block();
		assert_eq!(anomalies().len(), 1);
	});
}

/// The levels announced in this block.
fn changes() -> Vec<RiskLevel> {
	guardian_events()
		.into_iter()
		.filter_map(|e| match e {
			Event::RiskLevelChanged { to, .. } => Some(to),
			_ => None,
		})
		.collect()
}

#[test]
fn risk_levels_scale_every_cap() {
	test(|| {
		assert_ok!(Guardian::set_policy(
			capper(),
			1,
			PolicyInput {
				windows: vec![WindowSpec { period: 10, limit: Limit::Absolute(100) }],
				high_water: None,
				response: None
			}
		));
		assert_ok!(Guardian::raise_risk_level(RuntimeOrigin::root(), RiskLevel::Elevated, 5));
		// Elevated: 50 of 100.
		assert_eq!(Guardian::remaining_allowance(&1), Some(50));
		assert_noop!(transfer(1, 2, 51), sp_runtime::TokenError::Frozen);
		assert_ok!(transfer(1, 2, 50));
		// Critical: nothing leaves a guarded account; unguarded accounts are untouched.
		assert_ok!(Guardian::raise_risk_level(RuntimeOrigin::root(), RiskLevel::Critical, 2));
		assert_noop!(transfer(1, 2, 1), sp_runtime::TokenError::Frozen);
		assert_ok!(transfer(3, 2, 500));
		assert_eq!(changes(), vec![RiskLevel::Elevated, RiskLevel::Critical]);
		// Critical ends first; Elevated still holds until its own deadline.
		System::reset_events();
		run_to_block(3);
		assert_eq!(Guardian::risk_level(), RiskLevel::Elevated);
		assert_eq!(changes(), vec![RiskLevel::Elevated]);
		System::reset_events();
		run_to_block(6);
		assert_eq!(Guardian::risk_level(), RiskLevel::Normal);
		assert_eq!(changes(), vec![RiskLevel::Normal]);
		// Lowering is a reset, for the resume origin only.
		assert_ok!(Guardian::raise_risk_level(
			RuntimeOrigin::signed(PAUSER),
			RiskLevel::Critical,
			3
		));
		assert_noop!(Guardian::clear_risk_level(RuntimeOrigin::signed(PAUSER)), BadOrigin);
		assert_ok!(Guardian::clear_risk_level(RuntimeOrigin::signed(RESUMER)));
		assert_eq!(Guardian::risk_level(), RiskLevel::Normal);
	});
}

#[test]
fn an_outflow_high_water_mark_runs_its_playbook_and_the_cap_still_holds() {
	test(|| {
		set(
			Source::PolicyOutflow,
			MonitorInput {
				rule: None,
				stale_after: None,
				playbook: playbook(vec![], RiskLevel::Elevated),
			},
		);
		assert_ok!(Guardian::set_policy(
			capper(),
			1,
			PolicyInput {
				windows: vec![WindowSpec { period: 10, limit: Limit::Absolute(400) }],
				high_water: Some(Perbill::from_percent(50)),
				response: None
			}
		));
		assert_ok!(transfer(1, 2, 150));
		assert!(anomalies().is_empty());
		assert_ok!(transfer(1, 2, 100));
		assert_eq!(anomalies(), vec![(Source::PolicyOutflow, Anomaly::HighWater, 250, 200)]);
		assert_eq!(Guardian::risk_level(), RiskLevel::Elevated);
		// Elevated halves the limit to 200, of which 250 are used: the drain stops here.
		assert_noop!(transfer(1, 2, 1), sp_runtime::TokenError::Frozen);
	});
}

#[test]
fn governance_extends_and_resets_a_response() {
	test(|| {
		set(Source::Feed(7), feed_monitor());
		feed(7, 1000);
		feed(7, 100);
		let until = 1 + DURATION;
		assert_noop!(
			Guardian::extend_response(RuntimeOrigin::signed(PAUSER), Source::Feed(7), 1),
			Error::<Test>::DurationBeyondBound
		);
		assert_noop!(
			Guardian::extend_response(RuntimeOrigin::signed(PAUSER), Source::Feed(7), 0),
			Error::<Test>::ZeroDuration
		);
		assert_noop!(
			Guardian::extend_response(RuntimeOrigin::signed(PAUSER), Source::Feed(8), 1),
			Error::<Test>::NoMonitor
		);
		assert_ok!(Guardian::extend_response(RuntimeOrigin::root(), Source::Feed(7), 5));
		assert!(guardian_events().contains(&Event::ResponseExtended {
			by: Contributor::Monitor(Source::Feed(7)),
			until: until + 5
		}));
		run_to_block(until);
		assert!(Guardian::feed_flagged(7));
		assert_noop!(transfer(2, 3, 100), paused());
		assert_eq!(Guardian::risk_level(), RiskLevel::Elevated);
		// Reset: Balances resumes, the level clears, the next value is the new reference.
		assert_noop!(
			Guardian::reset_response(RuntimeOrigin::signed(PAUSER), Source::Feed(7)),
			BadOrigin
		);
		assert_noop!(
			Guardian::reset_response(RuntimeOrigin::signed(RESUMER), Source::Feed(8)),
			Error::<Test>::NoMonitor
		);
		assert_ok!(Guardian::reset_response(RuntimeOrigin::signed(RESUMER), Source::Feed(7)));
		assert!(guardian_events().contains(&Event::ResponseReset {
			by: Contributor::Monitor(Source::Feed(7)),
			resumed: 1
		}));
		assert_eq!(Guardian::risk_level(), RiskLevel::Normal);
		assert!(!Guardian::feed_flagged(7));
		assert_ok!(transfer(2, 3, 100));
		System::reset_events();
		feed(7, 100);
		assert!(anomalies().is_empty());
		assert_noop!(
			Guardian::extend_response(RuntimeOrigin::root(), Source::Feed(7), 5),
			Error::<Test>::NotFlagged
		);
	});
}

#[test]
fn bad_monitors_are_refused_and_change_nothing() {
	test(|| {
		let flow = |rise, fall| MonitorInput {
			rule: Some(Rule::Flow { period: 10, rise, fall }),
			..issuance_monitor()
		};
		let cases: Vec<(Source, MonitorInput<u64>, Error<Test>)> = vec![
			(
				Source::Issuance,
				MonitorInput {
					rule: Some(Rule::Flow {
						period: 0,
						rise: Some(Limit::Absolute(1)),
						fall: None,
					}),
					..issuance_monitor()
				},
				Error::ZeroPeriod,
			),
			(Source::Issuance, flow(None, None), Error::NoThreshold),
			(Source::Issuance, flow(Some(Limit::Absolute(0)), None), Error::ThresholdOutOfRange),
			(
				Source::Issuance,
				flow(None, Some(Limit::ShareOfBalance(Perbill::zero()))),
				Error::ThresholdOutOfRange,
			),
			(
				Source::Feed(1),
				MonitorInput {
					rule: Some(Rule::Jump { within: 5, max_jump: Perbill::zero() }),
					..feed_monitor()
				},
				Error::ThresholdOutOfRange,
			),
			(
				Source::Feed(1),
				MonitorInput {
					rule: Some(Rule::Jump { within: 0, max_jump: Perbill::one() }),
					..feed_monitor()
				},
				Error::ZeroPeriod,
			),
			(
				Source::Feed(1),
				MonitorInput { stale_after: Some(0), ..feed_monitor() },
				Error::ZeroPeriod,
			),
			(
				Source::Feed(1),
				MonitorInput { rule: None, stale_after: None, ..feed_monitor() },
				Error::NoThreshold,
			),
			(
				Source::Issuance,
				MonitorInput { stale_after: Some(5), ..issuance_monitor() },
				Error::RuleNotApplicable,
			),
			(Source::GlobalOutflow, issuance_monitor(), Error::RuleNotApplicable),
			(
				Source::Issuance,
				MonitorInput {
					playbook: PlaybookInput {
						duration: 0,
						..playbook(vec![], RiskLevel::Critical)
					},
					..issuance_monitor()
				},
				Error::ZeroDuration,
			),
			(
				Source::Issuance,
				MonitorInput {
					playbook: PlaybookInput {
						duration: PROGRAMMATIC_BOUND + 1,
						..playbook(vec![], RiskLevel::Critical)
					},
					..issuance_monitor()
				},
				Error::DurationBeyondBound,
			),
			(
				Source::Issuance,
				MonitorInput {
					playbook: playbook(
						vec![PauseTarget::Pallet { pallet: b"Nope".to_vec() }],
						RiskLevel::Critical,
					),
					..issuance_monitor()
				},
				Error::UnknownPallet,
			),
			(
				Source::Issuance,
				MonitorInput {
					playbook: playbook(
						vec![PauseTarget::Call {
							pallet: b"Balances".to_vec(),
							call: b"nope".to_vec(),
						}],
						RiskLevel::Critical,
					),
					..issuance_monitor()
				},
				Error::UnknownCall,
			),
			(
				Source::Issuance,
				MonitorInput {
					playbook: playbook(
						vec![PauseTarget::Pallet { pallet: b"System".to_vec() }],
						RiskLevel::Critical,
					),
					..issuance_monitor()
				},
				Error::TargetWhitelisted,
			),
			(
				Source::Issuance,
				MonitorInput {
					playbook: playbook(
						vec![
							balances(),
							PauseTarget::Call {
								pallet: b"Balances".to_vec(),
								call: b"transfer_allow_death".to_vec(),
							},
							PauseTarget::Chain,
						],
						RiskLevel::Critical,
					),
					..issuance_monitor()
				},
				Error::TooManyTargets,
			),
		];
		for (source, input, error) in cases {
			assert_noop!(Guardian::set_monitor(capper(), source, input), error);
		}
		assert_noop!(
			Guardian::set_monitor(
				RuntimeOrigin::signed(PAUSER),
				Source::Issuance,
				issuance_monitor()
			),
			BadOrigin
		);
		assert_noop!(
			Guardian::remove_monitor(capper(), Source::Issuance),
			Error::<Test>::NoMonitor
		);
		assert_noop!(
			Guardian::raise_risk_level(RuntimeOrigin::root(), RiskLevel::Normal, 5),
			Error::<Test>::NotARaise
		);
		assert_noop!(
			Guardian::raise_risk_level(
				RuntimeOrigin::signed(PAUSER),
				RiskLevel::Critical,
				FAST_BOUND + 1
			),
			Error::<Test>::DurationBeyondBound
		);
		assert_noop!(
			Guardian::raise_risk_level(RuntimeOrigin::root(), RiskLevel::Critical, 0),
			Error::<Test>::ZeroDuration
		);
		// Too many entries: the mock allows 3 monitors.
		set(Source::Feed(1), feed_monitor());
		set(Source::Feed(2), feed_monitor());
		set(Source::Feed(3), feed_monitor());
		assert_noop!(
			Guardian::set_monitor(capper(), Source::Feed(4), feed_monitor()),
			Error::<Test>::TooManyMonitors
		);
		// Replacing one is fine; removing frees its place and its staleness watch.
		set(Source::Feed(3), MonitorInput { stale_after: None, ..feed_monitor() });
		assert_eq!(StaleWatch::<Test>::get().len(), 2);
		assert_ok!(Guardian::remove_monitor(capper(), Source::Feed(1)));
		assert_eq!(StaleWatch::<Test>::get().len(), 1);
		set(Source::Feed(4), feed_monitor());
	});
}

#[test]
fn the_hook_is_constant_work_until_something_is_due() {
	test(|| {
		let read: Weight = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get()
		.reads(1);
		// The pause summary and the guard index, both whitelisted, and the watch state.
		let idle = <() as WeightInfo>::on_initialize_idle() + read;
		assert_eq!(Guardian::on_initialize(2), idle);
		set(Source::Feed(7), feed_monitor());
		// A feed with a future deadline adds nothing; an issuance monitor one observation.
		assert_eq!(Guardian::on_initialize(2), idle);
		set(Source::Issuance, issuance_monitor());
		// An issuance monitor: one observation now, and three more accounted for the block's
		// later points.
		let point = read + <() as WeightInfo>::observe_quiet();
		assert_eq!(Guardian::on_initialize(2), idle + point + point * 3);
	});
}
