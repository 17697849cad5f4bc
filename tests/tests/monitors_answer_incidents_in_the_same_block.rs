//! Simulated incidents on the real template runtime: the monitors see them, the playbooks
//! answer in the same block, and every response expires or is reset by governance. Monitors
//! are set the way an operator sets them, through sudo; the attacks go through signed
//! transactions in `Executive`, as on a live chain.

use guardian_integration_tests::*;
use guardian_runtime::{
	collateral::{BASE_RATIO, COLLATERAL_RATIO_METRIC, ELEVATED_RATIO},
	oracle::NATIVE_PRICE_KEY,
	Runtime, RuntimeCall, System,
};
use pallet_guardian::{
	Anomaly, Contributor, Error as GuardianError, Event as GuardianEvent, Limit, MonitorInput,
	PlaybookInput, PolicyInput, RiskLevel, Rule, Source, WindowSpec, CAP_EXCEEDED_ERROR,
	PAUSED_CALL_ERROR,
};
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchError, MultiAddress, Perbill,
};

type Guardian = pallet_guardian::Pallet<Runtime>;
type Collateral = pallet_collateral::Pallet<Runtime>;

/// How long every response of these tests lasts.
const RESPONSE: BlockNumber = 30;
/// The price oracle members feed: 2 quote units per UNIT.
const PRICE: u128 = 2_000_000;

use guardian_runtime::BlockNumber;

fn set_monitor(source: Source, monitor: MonitorInput<BlockNumber>) {
	assert_eq!(
		sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_monitor {
			source,
			monitor
		})),
		Ok(())
	);
}

fn reset(source: Source) {
	assert_eq!(
		sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::reset_response { source })),
		Ok(())
	);
}

/// The issuance monitor's threshold: 1% of the issuance when its window started.
fn issuance_threshold() -> u128 {
	let monitor = pallet_guardian::Monitors::<Runtime>::get(Source::Issuance).expect("set");
	Perbill::from_percent(1).mul_floor(monitor.state.basis.expect("observed").0)
}

/// Issuance: more than 1% minted (of the issuance at the window's start), or burned, in any
/// 100 blocks pauses Balances and makes the chain Critical.
fn issuance_monitor() -> MonitorInput<BlockNumber> {
	let one_percent = Limit::ShareOfBalance(Perbill::from_percent(1));
	MonitorInput {
		rule: Some(Rule::Flow { period: 100, rise: Some(one_percent), fall: Some(one_percent) }),
		stale_after: None,
		playbook: PlaybookInput {
			pause: vec![pallet_target("Balances")],
			pause_inbound: false,
			raise_to: RiskLevel::Critical,
			duration: RESPONSE,
		},
	}
}

fn anomalies() -> Vec<(Source, Anomaly, u128, u128)> {
	anomalies_in(guardian_events())
}

fn anomalies_in(events: Vec<GuardianEvent<Runtime>>) -> Vec<(Source, Anomaly, u128, u128)> {
	events
		.into_iter()
		.filter_map(|e| match e {
			GuardianEvent::AnomalyDetected { source, anomaly, measured, threshold } => {
				Some((source, anomaly, measured, threshold))
			}
			_ => None,
		})
		.collect()
}

fn responses() -> Vec<(Source, u32, RiskLevel, BlockNumber)> {
	guardian_events()
		.into_iter()
		.filter_map(|e| match e {
			GuardianEvent::ResponseApplied { source, paused, level, until, .. } => {
				Some((source, paused, level, until))
			}
			_ => None,
		})
		.collect()
}

fn paused() -> Result<sp_runtime::DispatchOutcome, TransactionValidityError> {
	Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(PAUSED_CALL_ERROR)))
}

fn level() -> RiskLevel {
	Guardian::risk_level_now()
}

/// A signed transaction mints `amount` into Ferdie: the stand-in for an infinite-mint bug
/// (root's `force_set_balance` is a real minting path; the monitor cannot tell them apart).
fn mint_bug(amount: Balance) {
	let ferdie = Keyring::Ferdie.to_account_id();
	assert_eq!(
		sudo_dispatch(RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
			who: MultiAddress::Id(ferdie),
			new_free: free(Keyring::Ferdie) + amount,
		})),
		Ok(())
	);
}

#[test]
fn infinite_mint_pauses_transfers_and_goes_critical_in_the_same_block() {
	on_chain(|| {
		set_monitor(Source::Issuance, issuance_monitor());
		next_block();
		let threshold = issuance_threshold();
		let minted = 50 * threshold;

		// Block 2: the bug mints 50 times the threshold in a transaction...
		mint_bug(minted);
		let now = System::block_number();
		assert_eq!(anomalies(), vec![(Source::Issuance, Anomaly::Rise, minted, threshold)]);
		assert_eq!(responses(), vec![(Source::Issuance, 1, RiskLevel::Critical, now + RESPONSE)]);
		assert!(guardian_events().contains(&GuardianEvent::RiskLevelChanged {
			from: RiskLevel::Normal,
			to: RiskLevel::Critical
		}));
		// ...and the very next extrinsics of the same block cannot move the minted funds:
		// not directly, not nested in a batch.
		assert_eq!(level(), RiskLevel::Critical);
		assert_eq!(submit(Keyring::Ferdie, keep_alive(Keyring::Eve, UNIT)), paused());
		assert_eq!(
			submit_err(
				Keyring::Ferdie,
				RuntimeCall::Utility(pallet_utility::Call::batch_all {
					calls: vec![keep_alive(Keyring::Eve, UNIT)]
				})
			),
			call_filtered()
		);

		// The response expires by itself.
		run_to_block(now + RESPONSE);
		assert_eq!(level(), RiskLevel::Normal);
		submit_ok(Keyring::Ferdie, keep_alive(Keyring::Eve, UNIT));

		// A second mint fires again; governance resets at once.
		mint_bug(minted);
		assert_eq!(level(), RiskLevel::Critical);
		reset(Source::Issuance);
		assert!(guardian_events().contains(&GuardianEvent::ResponseReset {
			by: Contributor::Monitor(Source::Issuance),
			resumed: 1
		}));
		assert_eq!(level(), RiskLevel::Normal);
		submit_ok(Keyring::Ferdie, keep_alive(Keyring::Eve, UNIT));
	});
}

#[test]
fn a_mint_outside_any_transaction_is_answered_at_the_next_point_of_its_block() {
	on_chain(|| {
		set_monitor(Source::Issuance, issuance_monitor());
		next_block();
		let threshold = issuance_threshold();
		// A hook or an XCM message mints: no transaction around it.
		let minted = 2 * threshold;
		assert_eq!(
			<pallet_balances::Pallet<Runtime> as frame_support::traits::fungible::Mutate<
				AccountId,
			>>::mint_into(&Keyring::Ferdie.to_account_id(), minted),
			Ok(minted)
		);
		assert!(anomalies().is_empty());
		// The block's next observation point (here its end: no transaction followed) judges
		// it, and the next block is paused from its first extrinsic.
		assert_eq!(
			anomalies_in(end_block()),
			vec![(Source::Issuance, Anomaly::Rise, minted, threshold)]
		);
		assert_eq!(submit(Keyring::Ferdie, keep_alive(Keyring::Eve, UNIT)), paused());
		assert_eq!(level(), RiskLevel::Critical);
	});
}

#[test]
fn a_manipulated_price_is_flagged_kept_from_consumers_and_pauses_the_lending_pallet() {
	on_chain(|| {
		set_monitor(Source::Feed(NATIVE_PRICE_KEY), price_monitor(None, RESPONSE));
		// Fewer than 3 fresh submissions make no combined value: nothing to read yet.
		feed(Keyring::Alice, PRICE);
		feed(Keyring::Bob, PRICE);
		assert_eq!(guarded_price(), None);
		feed(Keyring::Charlie, PRICE);
		assert_eq!(guarded_price(), Some(PRICE));
		next_block();

		// A majority of the members (3 of 5) submit a price 50% off: the median moves with the
		// third of them.
		let now = System::block_number();
		feed(Keyring::Charlie, PRICE / 2);
		feed(Keyring::Dave, PRICE / 2);
		assert!(anomalies().is_empty());
		feed(Keyring::Eve, PRICE / 2);
		assert_eq!(
			anomalies(),
			vec![(Source::Feed(NATIVE_PRICE_KEY), Anomaly::Jump, PRICE / 2, PRICE / 5)]
		);
		assert_eq!(
			responses(),
			vec![(Source::Feed(NATIVE_PRICE_KEY), 1, RiskLevel::Elevated, now + RESPONSE)]
		);
		// Consumers get no price; the lending pallet is paused; the level is Elevated.
		assert_eq!(guarded_price(), None);
		assert_eq!(submit(Keyring::Dave, open(100 * UNIT, 10)), paused());
		assert_eq!(level(), RiskLevel::Elevated);
		// Honest values are still accepted (next block: one submission per member and
		// block); the bad one never became the reference.
		run_to_block(now + 1);
		set_price(PRICE + 1);
		let monitor = pallet_guardian::Monitors::<Runtime>::get(Source::Feed(NATIVE_PRICE_KEY));
		assert_eq!(monitor.expect("set").state.last, Some((PRICE + 1, now + 1)));

		// Expiry: the feed is trusted again and lending resumes.
		for block in now + 2..now + RESPONSE {
			run_to_block(block);
			set_price(PRICE);
		}
		run_to_block(now + RESPONSE);
		assert_eq!(guarded_price(), Some(PRICE));
		assert_eq!(level(), RiskLevel::Normal);
		submit_ok(Keyring::Dave, open(100 * UNIT, 10));

		// A second manipulation; governance resets the response at once.
		set_price(PRICE * 2);
		assert_eq!(guarded_price(), None);
		reset(Source::Feed(NATIVE_PRICE_KEY));
		assert!(guardian_events().contains(&GuardianEvent::ResponseReset {
			by: Contributor::Monitor(Source::Feed(NATIVE_PRICE_KEY)),
			resumed: 1
		}));
		assert_eq!(level(), RiskLevel::Normal);
		assert!(guarded_price().is_some());
		submit_ok(Keyring::Eve, open(100 * UNIT, 10));
	});
}

#[test]
fn a_stale_feed_is_flagged_until_a_fresh_value_arrives() {
	on_chain(|| {
		set_monitor(Source::Feed(NATIVE_PRICE_KEY), price_monitor(Some(5), RESPONSE));
		set_price(PRICE);
		let fed = System::block_number();
		run_to_block(fed + 4);
		assert!(anomalies().is_empty());
		run_to_block(fed + 5);
		assert_eq!(anomalies(), vec![(Source::Feed(NATIVE_PRICE_KEY), Anomaly::Stale, 5, 5)]);
		assert_eq!(guarded_price(), None);
		assert_eq!(submit(Keyring::Dave, open(100 * UNIT, 10)), paused());
		assert_eq!(level(), RiskLevel::Elevated);
		// A fresh combined value ends the staleness flag and its response at once: the
		// lending pallet resumes and the level falls, without governance.
		set_price(PRICE);
		assert_eq!(guarded_price(), Some(PRICE));
		assert_eq!(level(), RiskLevel::Normal);
		submit_ok(Keyring::Dave, open(100 * UNIT, 10));
	});
}

/// Ferdie is a bridge's account: at most `CAP` in any 100 blocks, high-water mark at 50%.
const CAP: Balance = 1_000 * UNIT;

fn guard_bridge() {
	let policy = PolicyInput {
		windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(CAP) }],
		high_water: Some(Perbill::from_percent(50)),
		response: None,
	};
	assert_eq!(
		sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
			who: MultiAddress::Id(Keyring::Ferdie.to_account_id()),
			policy,
		})),
		Ok(())
	);
}

fn outflow_monitor() -> MonitorInput<BlockNumber> {
	MonitorInput {
		rule: None,
		stale_after: None,
		playbook: PlaybookInput {
			pause: vec![],
			pause_inbound: false,
			raise_to: RiskLevel::Elevated,
			duration: RESPONSE,
		},
	}
}

#[test]
fn a_drain_crossing_the_high_water_mark_raises_the_level_and_the_cap_holds() {
	on_chain(|| {
		guard_bridge();
		set_monitor(Source::PolicyOutflow, outflow_monitor());
		let doomed =
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(CAP_EXCEEDED_ERROR)));
		let chunk = 300 * UNIT;
		submit_ok(Keyring::Ferdie, keep_alive(Keyring::Eve, chunk));
		assert!(anomalies().is_empty());
		System::reset_events();
		let now = System::block_number();
		submit_ok(Keyring::Ferdie, keep_alive(Keyring::Eve, chunk));
		assert_eq!(
			anomalies(),
			vec![(Source::PolicyOutflow, Anomaly::HighWater, 2 * chunk, CAP / 2)]
		);
		assert_eq!(
			responses(),
			vec![(Source::PolicyOutflow, 0, RiskLevel::Elevated, now + RESPONSE)]
		);
		// Elevated halves the cap to 500, of which 600 are used: the drain stops in this very
		// block, at the pool and nested in a batch alike.
		assert_eq!(Guardian::remaining_allowance(&Keyring::Ferdie.to_account_id()), Some(0));
		assert_eq!(submit(Keyring::Ferdie, keep_alive(Keyring::Eve, UNIT)), doomed);
		assert_eq!(
			submit(
				Keyring::Ferdie,
				RuntimeCall::Utility(pallet_utility::Call::batch_all {
					calls: vec![remark(), keep_alive(Keyring::Eve, UNIT)]
				})
			),
			doomed
		);
		// Past the pool (a path the pool's estimate does not see), pallet-balances refuses it
		// through the cap the ledger shows.
		assert_eq!(
			sudo_dispatch(RuntimeCall::Balances(pallet_balances::Call::force_transfer {
				source: MultiAddress::Id(Keyring::Ferdie.to_account_id()),
				dest: MultiAddress::Id(Keyring::Eve.to_account_id()),
				value: UNIT,
			})),
			Err(sp_runtime::TokenError::Frozen.into())
		);
		// Expiry: the full cap again, which still holds at 1000 in the window.
		run_to_block(now + RESPONSE);
		assert_eq!(level(), RiskLevel::Normal);
		submit_ok(Keyring::Ferdie, keep_alive(Keyring::Eve, chunk));
		assert_eq!(submit(Keyring::Ferdie, keep_alive(Keyring::Eve, chunk)), doomed);
		// Governance resets the monitor (nothing left to resume).
		reset(Source::PolicyOutflow);
		assert!(guardian_events().contains(&GuardianEvent::ResponseReset {
			by: Contributor::Monitor(Source::PolicyOutflow),
			resumed: 0
		}));
	});
}

fn open(collateral: Balance, debt: u128) -> RuntimeCall {
	RuntimeCall::Collateral(pallet_collateral::Call::open { collateral, debt })
}

#[test]
fn the_collateral_controller_raises_margins_with_the_risk_level() {
	on_chain(|| {
		set_price(PRICE);
		// 100 UNIT at PRICE per UNIT: at 150% it carries two thirds of its value as debt.
		let collateral = 100 * UNIT;
		let value = 100 * PRICE;
		let at = |ratio: u32| value * 100 / u128::from(ratio);
		assert_eq!(Collateral::required_ratio(), Some(BASE_RATIO));
		assert_eq!(
			submit_err(Keyring::Bob, open(collateral, at(BASE_RATIO) + 1)),
			pallet_collateral::Error::<Runtime>::InsufficientCollateral.into()
		);
		submit_ok(Keyring::Bob, open(collateral, at(BASE_RATIO)));
		// Elevated: 200% required.
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::raise_risk_level {
				level: RiskLevel::Elevated,
				duration: 10
			})),
			Ok(())
		);
		assert_eq!(Collateral::required_ratio(), Some(ELEVATED_RATIO));
		assert_eq!(
			submit_err(Keyring::Charlie, open(collateral, at(BASE_RATIO))),
			pallet_collateral::Error::<Runtime>::InsufficientCollateral.into()
		);
		submit_ok(Keyring::Charlie, open(collateral, at(ELEVATED_RATIO)));
		// Critical: no new positions.
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::raise_risk_level {
				level: RiskLevel::Critical,
				duration: 10
			})),
			Ok(())
		);
		assert_eq!(
			submit_err(Keyring::Dave, open(collateral, 1)),
			pallet_collateral::Error::<Runtime>::RiskTooHigh.into()
		);
		// Closing is always possible; the reserve comes back.
		let before = free(Keyring::Bob);
		submit_ok(Keyring::Bob, RuntimeCall::Collateral(pallet_collateral::Call::close {}));
		assert!(free(Keyring::Bob) > before + collateral - UNIT);
	});
}

#[test]
fn a_reported_metric_feeds_a_monitor_without_guardian_code() {
	on_chain(|| {
		// The collateral book's ratio (per mille): a fall of more than 30% within 50 blocks
		// raises the level.
		set_monitor(
			Source::Metric(COLLATERAL_RATIO_METRIC),
			MonitorInput {
				rule: Some(Rule::Flow {
					period: 50,
					rise: None,
					fall: Some(Limit::ShareOfBalance(Perbill::from_percent(30))),
				}),
				stale_after: None,
				playbook: PlaybookInput {
					pause: vec![],
					pause_inbound: false,
					raise_to: RiskLevel::Elevated,
					duration: RESPONSE,
				},
			},
		);
		set_price(PRICE);
		// 100 UNIT are worth 100 * PRICE. Bob borrows half of that (2000 per mille). The
		// collateral pallet reports the book at every block's start and after every change;
		// the monitor judges it at the block's end against its mean over the window, once it
		// has watched a whole window.
		let value = 100 * PRICE;
		submit_ok(Keyring::Bob, open(100 * UNIT, value / 2));
		let mut seen = Vec::new();
		for _ in 0..50 {
			seen.extend(anomalies_in(end_block()));
		}
		// Charlie borrows two thirds, Dave too: 1636 per mille, 364 below the mean of 2000,
		// under the 600 tolerated.
		submit_ok(Keyring::Charlie, open(100 * UNIT, value * 2 / 3));
		submit_ok(Keyring::Dave, open(100 * UNIT, value * 2 / 3));
		seen.extend(anomalies_in(end_block()));
		assert_eq!(seen, vec![]);
		// The price falls 25% (three members agree, so the median follows) and Dave closes:
		// 200 UNIT at 0.75 PRICE against 7/6 of the value, 1285 — more than 30% below the
		// book's mean.
		for member in [Keyring::Bob, Keyring::Charlie, Keyring::Dave] {
			feed(member, PRICE * 3 / 4);
		}
		submit_ok(Keyring::Dave, RuntimeCall::Collateral(pallet_collateral::Call::close {}));
		let found = anomalies_in(end_block());
		assert_eq!(found.len(), 1, "{found:?}");
		let (source, anomaly, measured, threshold) = found[0];
		assert_eq!((source, anomaly), (Source::Metric(COLLATERAL_RATIO_METRIC), Anomaly::Fall));
		// The mean: 49 blocks at 2000, one at 1636 (and the window's buckets); 30% of it.
		assert!(measured > threshold && (590..=600).contains(&threshold), "{found:?}");
		assert_eq!(level(), RiskLevel::Elevated);
	});
}

#[test]
fn normal_volatility_just_under_every_threshold_triggers_nothing() {
	on_chain(|| {
		guard_bridge();
		set_monitor(Source::Issuance, issuance_monitor());
		set_monitor(Source::Feed(NATIVE_PRICE_KEY), price_monitor(Some(5), RESPONSE));
		set_monitor(Source::PolicyOutflow, outflow_monitor());
		next_block();
		let threshold = issuance_threshold();
		let mut seen = Vec::new();
		for step in 0..12u32 {
			// Mints adding up to just under 1% of the issuance over the window.
			mint_bug(threshold / 13);
			// The price swings by up to 19% from the last accepted value, every other block.
			set_price(if step % 2 == 0 { PRICE * 119 / 100 } else { PRICE });
			// The bridge sends just under half its cap in the window.
			submit_ok(Keyring::Ferdie, keep_alive(Keyring::Eve, CAP / 2 / 12 - UNIT));
			// Ordinary users transfer.
			submit_ok(Keyring::Bob, keep_alive(Keyring::Charlie, 10 * UNIT));
			seen.extend(anomalies());
			next_block();
			seen.extend(anomalies());
		}
		assert_eq!(seen, vec![]);
		assert_eq!(level(), RiskLevel::Normal);
		assert!(pallet_guardian::Pauses::<Runtime>::get().is_empty());
		assert_eq!(guarded_price(), Some(PRICE));
	});
}

#[test]
fn bad_monitors_return_named_errors_and_change_nothing() {
	on_chain(|| {
		let refused = |source: Source, monitor: MonitorInput<BlockNumber>| {
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_monitor {
				source,
				monitor,
			}))
		};
		let error = |e: GuardianError<Runtime>| -> Result<(), DispatchError> { Err(e.into()) };
		let zero_window = MonitorInput {
			rule: Some(Rule::Flow { period: 0, rise: Some(Limit::Absolute(1)), fall: None }),
			..issuance_monitor()
		};
		assert_eq!(refused(Source::Issuance, zero_window), error(GuardianError::ZeroPeriod));
		let zero_jump = MonitorInput {
			rule: Some(Rule::Jump { within: 10, max_jump: Perbill::zero() }),
			..price_monitor(None, RESPONSE)
		};
		assert_eq!(refused(Source::Feed(0), zero_jump), error(GuardianError::ThresholdOutOfRange));
		let unknown = MonitorInput {
			playbook: PlaybookInput {
				pause: vec![pallet_target("Lending")],
				pause_inbound: false,
				raise_to: RiskLevel::Critical,
				duration: RESPONSE,
			},
			..issuance_monitor()
		};
		assert_eq!(refused(Source::Issuance, unknown), error(GuardianError::UnknownPallet));
		let whitelisted = MonitorInput {
			playbook: PlaybookInput {
				pause: vec![pallet_target("Sudo")],
				pause_inbound: false,
				raise_to: RiskLevel::Critical,
				duration: RESPONSE,
			},
			..issuance_monitor()
		};
		assert_eq!(refused(Source::Issuance, whitelisted), error(GuardianError::TargetWhitelisted));
		let too_many = MonitorInput {
			playbook: PlaybookInput {
				pause: ["Balances", "Utility", "Proxy", "Multisig", "Treasury"]
					.into_iter()
					.map(pallet_target)
					.collect(),
				pause_inbound: false,
				raise_to: RiskLevel::Critical,
				duration: RESPONSE,
			},
			..issuance_monitor()
		};
		assert_eq!(refused(Source::Issuance, too_many), error(GuardianError::TooManyTargets));
		let too_long = MonitorInput {
			playbook: PlaybookInput {
				duration: guardian_runtime::guardian::PROGRAMMATIC_MAX_PAUSE + 1,
				..issuance_monitor().playbook
			},
			..issuance_monitor()
		};
		assert_eq!(refused(Source::Issuance, too_long), error(GuardianError::DurationBeyondBound));
		assert_eq!(
			refused(Source::GlobalOutflow, issuance_monitor()),
			error(GuardianError::RuleNotApplicable)
		);
		// Only an alert's response answers a location whose inbound XCM it could pause.
		let inbound = MonitorInput {
			playbook: PlaybookInput { pause_inbound: true, ..issuance_monitor().playbook },
			..issuance_monitor()
		};
		assert_eq!(refused(Source::Issuance, inbound), error(GuardianError::InboundNotApplicable));
		let policy = PolicyInput {
			windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(CAP) }],
			high_water: Some(Perbill::from_percent(50)),
			response: Some(PlaybookInput { pause_inbound: true, ..issuance_monitor().playbook }),
		};
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
				who: MultiAddress::Id(Keyring::Ferdie.to_account_id()),
				policy,
			})),
			error(GuardianError::InboundNotApplicable)
		);
		assert!(pallet_guardian::Guards::<Runtime>::get(Keyring::Ferdie.to_account_id()).is_none());
		assert_eq!(pallet_guardian::Monitors::<Runtime>::count(), 0);
		// Too many entries: the runtime allows 16 monitors.
		for key in 0..16 {
			set_monitor(Source::Feed(key), price_monitor(Some(10), RESPONSE));
		}
		assert_eq!(
			refused(Source::Feed(16), price_monitor(None, RESPONSE)),
			error(GuardianError::TooManyMonitors)
		);
		assert_eq!(pallet_guardian::Monitors::<Runtime>::count(), 16);
		assert!(!pallet_guardian::Monitors::<Runtime>::contains_key(Source::Issuance));
		// A council majority may not configure monitors (the cap origin is two thirds).
		assert_eq!(
			council_motion(
				RuntimeCall::Guardian(pallet_guardian::Call::set_monitor {
					source: Source::Issuance,
					monitor: issuance_monitor()
				}),
				3
			),
			Some(Err(DispatchError::BadOrigin))
		);
	});
}
