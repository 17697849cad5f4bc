//! Three parachains with the guardian (A = 2000, B = 2001, C = 2002) and a relay chain, in one
//! process (xcm-simulator): a mint bug on A reaches B and C as alerts in A's block and is
//! answered in their next block; messages from a paused origin wait in the queue and run
//! after the pause; a compromised chain cannot drain its sovereign account beyond the cap;
//! forged alerts are refused; every response expires or is reset by governance.

use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::fungible::{Inspect, Mutate},
};
use guardian_xcm_tests::{
	account_location, guardian_events, next_block, pallet,
	parachain::{Balances, ForeignBalances, Guardian, PolkadotXcm, Runtime, RuntimeOrigin, System},
	queue_events, reserve_transfer_a_to_b, root, sibling, sibling_account, versioned, waiting_from,
	MockNet, ParaA, ParaB, ParaC, ALICE, BOB, GUARDIAN_INDEX, INITIAL_BALANCE, PARA_A, PARA_B,
	PARA_C,
};
use pallet_guardian::{
	Anomaly, Contributor, Event as GuardianEvent, GuardianAlert, Limit, MonitorInput,
	PlaybookInput, PolicyInput, RiskLevel, Rule, Source, WindowSpec,
};
use sp_runtime::Perbill;
use xcm::{latest::prelude::*, VersionedAssets};
use xcm_simulator::TestExt;

/// How long A's own response lasts.
const A_RESPONSE: u64 = 10;
/// How long B's response to A's alert lasts.
const B_RESPONSE: u64 = 20;
/// How long C's response to A's alert lasts.
const C_RESPONSE: u64 = 15;

fn level() -> RiskLevel {
	Guardian::risk_level_now()
}

/// A: the issuance monitor (more than 1% minted in 100 blocks pauses Balances and raises the
/// level to Critical), and B and C subscribed to it.
fn a_watches_issuance_and_alerts_b_and_c() {
	ParaA::execute_with(|| {
		let one_percent = Limit::ShareOfBalance(Perbill::from_percent(1));
		assert_ok!(Guardian::set_monitor(
			root(),
			Source::Issuance,
			MonitorInput {
				rule: Some(Rule::Flow { period: 100, rise: Some(one_percent), fall: None }),
				stale_after: None,
				playbook: PlaybookInput {
					pause: vec![pallet("Balances")],
					pause_inbound: false,
					raise_to: RiskLevel::Critical,
					duration: A_RESPONSE,
				},
			},
		));
		for para in [PARA_B, PARA_C] {
			assert_ok!(Guardian::set_alert_subscription(
				root(),
				versioned(sibling(para)),
				GUARDIAN_INDEX,
				vec![Source::Issuance],
			));
		}
		next_block();
	});
}

/// B: A may alert; an issuance alert pauses inbound XCM from A and raises the level to
/// Elevated for `B_RESPONSE` blocks.
fn b_answers_a() {
	ParaB::execute_with(|| {
		assert_ok!(Guardian::set_alert_source(
			root(),
			versioned(sibling(PARA_A)),
			vec![(
				Source::Issuance,
				PlaybookInput {
					pause: vec![],
					pause_inbound: true,
					raise_to: RiskLevel::Elevated,
					duration: B_RESPONSE,
				},
			)],
		));
	});
}

/// C: A may alert; an issuance alert pauses C's own XCM transfers out (pallet-xcm) and raises
/// the level to Elevated for `C_RESPONSE` blocks.
fn c_answers_a() {
	ParaC::execute_with(|| {
		assert_ok!(Guardian::set_alert_source(
			root(),
			versioned(sibling(PARA_A)),
			vec![(
				Source::Issuance,
				PlaybookInput {
					pause: vec![pallet("PolkadotXcm")],
					pause_inbound: false,
					raise_to: RiskLevel::Elevated,
					duration: C_RESPONSE,
				},
			)],
		));
	});
}

/// The contributor of the responses to `from`'s alerts.
fn alerts_of(from: Location) -> Contributor {
	Contributor::Alert(pallet_guardian::AlertSources::<Runtime>::get(from).expect("a source").id)
}

/// The responses to alerts: from where, of which kind, whether inbound XCM from there was
/// paused, how many targets, the level, until when.
fn alert_responses() -> Vec<(Location, Source, bool, u32, RiskLevel, u64)> {
	let sources: Vec<_> = pallet_guardian::AlertSources::<Runtime>::iter().collect();
	guardian_events()
		.into_iter()
		.filter_map(|e| match e {
			GuardianEvent::ResponseApplied {
				by: Contributor::Alert(id),
				source,
				inbound_paused,
				paused,
				level,
				until,
				..
			} => sources
				.iter()
				.find(|(_, entry)| entry.id == id)
				.map(|(from, _)| (from.clone(), source, inbound_paused, paused, level, until)),
			_ => None,
		})
		.collect()
}

#[test]
fn a_mint_bug_on_a_raises_b_and_c_in_their_next_block_and_nothing_is_lost() {
	MockNet::reset();
	a_watches_issuance_and_alerts_b_and_c();
	b_answers_a();
	c_answers_a();

	// A's block: the bug mints 50% of the issuance; the monitor fires at the block's next
	// observation point (its end), pauses A's transfers, and alerts B and C in the same block.
	let fired_at = ParaA::execute_with(|| {
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		assert_ok!(<Balances as Mutate<_>>::mint_into(&ALICE, issuance / 2));
		let minted_in = System::block_number();
		let block = next_block();
		assert_eq!(level(), RiskLevel::Critical);
		assert!(guardian_events()
			.iter()
			.any(|e| matches!(e, GuardianEvent::ResponseApplied { source: Source::Issuance, .. })));
		let sent: Vec<_> = guardian_events()
			.into_iter()
			.filter_map(|e| match e {
				GuardianEvent::AlertSent { dest, alert, .. } => Some((dest, alert)),
				_ => None,
			})
			.collect();
		let alert = GuardianAlert {
			kind: Source::Issuance,
			anomaly: Anomaly::Rise,
			severity: RiskLevel::Critical,
			until: (minted_in + A_RESPONSE) as u32,
		};
		assert_eq!(sent, vec![(sibling(PARA_B), alert), (sibling(PARA_C), alert)]);
		// The attacker moves the minted funds on over XCM while A's transfers are paused
		// (pallet-xcm is not), in the same block.
		reserve_transfer_a_to_b(1_000);
		block
	});

	// B's next block: the alert is answered — inbound XCM from A waits — and the transfer
	// queued behind it waits too: not executed, not dropped.
	let b_applied_at = ParaB::execute_with(|| {
		let start = System::block_number();
		assert_eq!(waiting_from(PARA_A), 2, "the alert and the transfer are queued");
		let block = next_block();
		let responses = alert_responses();
		assert_eq!(
			responses,
			vec![(
				sibling(PARA_A),
				Source::Issuance,
				true,
				0,
				RiskLevel::Elevated,
				block + B_RESPONSE
			)]
		);
		assert_eq!(level(), RiskLevel::Elevated);
		assert_eq!(Guardian::xcm_inbound_paused_until(&sibling(PARA_A)), Some(block + B_RESPONSE));
		assert_eq!(ForeignBalances::free_balance(&BOB), 0, "the transfer has not run");
		assert_eq!(waiting_from(PARA_A), 1, "the transfer still waits in the queue");
		// Other chains' messages are not held: only A's.
		assert_eq!(Guardian::xcm_inbound_paused_until(&sibling(PARA_C)), None);
		// It keeps waiting, block after block, until the pause ends.
		for _ in 1..B_RESPONSE {
			next_block();
			assert_eq!(ForeignBalances::free_balance(&BOB), 0);
			assert_eq!(waiting_from(PARA_A), 1);
		}
		// The block the pause ends: expiry first, then the queue runs the transfer.
		System::reset_events();
		next_block();
		assert!(guardian_events().contains(&GuardianEvent::XcmInboundResumed {
			from: Some(sibling(PARA_A)),
			reason: pallet_guardian::ResumeReason::Expired,
		}));
		assert_eq!(waiting_from(PARA_A), 0);
		let fee = ForeignBalances::total_issuance() - ForeignBalances::free_balance(&BOB);
		assert!(ForeignBalances::free_balance(&BOB) > 0 && fee < 1_000);
		assert_eq!(level(), RiskLevel::Normal, "B's level fell back when its response ended");
		block - start
	});

	// C's next block: its mapped playbook pauses its own XCM transfers out.
	let c_applied_at = ParaC::execute_with(|| {
		let start = System::block_number();
		let block = next_block();
		assert_eq!(
			alert_responses(),
			vec![(
				sibling(PARA_A),
				Source::Issuance,
				false,
				1,
				RiskLevel::Elevated,
				block + C_RESPONSE
			)]
		);
		assert_eq!(level(), RiskLevel::Elevated);
		assert_eq!(
			Guardian::call_paused_until(b"PolkadotXcm", b"transfer_assets"),
			Some(block + C_RESPONSE)
		);
		block - start
	});

	// The measured latency: the alert leaves A in the block its monitor fires, and is
	// answered in the destination's next block.
	println!(
		"alert latency: fired in A's block {fired_at}; answered after {b_applied_at} block(s) of B \
		 and {c_applied_at} block(s) of C"
	);
	assert_eq!((b_applied_at, c_applied_at), (1, 1));
}

#[test]
fn a_compromised_chain_cannot_drain_its_sovereign_account_beyond_the_cap() {
	MockNet::reset();
	let cap = 10_000u128;
	ParaB::execute_with(|| {
		assert_ok!(Guardian::set_policy(
			root(),
			sibling_account(PARA_A),
			PolicyInput {
				windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(cap) }],
				high_water: None,
				response: None,
			},
		));
	});
	// A (compromised) sends B a program withdrawing far beyond the cap from A's sovereign
	// account, paying for its execution from the same account.
	let drain = |amount: u128| {
		ParaA::execute_with(|| {
			let program = Xcm(vec![
				WithdrawAsset((Here, amount).into()),
				BuyExecution { fees: (Here, 1_000u128).into(), weight_limit: Unlimited },
				DepositAsset { assets: AllCounted(1).into(), beneficiary: account_location(&BOB) },
			]);
			assert_ok!(xcm::latest::send_xcm::<guardian_xcm_tests::parachain::XcmRouter>(
				sibling(PARA_B),
				program
			));
		});
	};
	drain(INITIAL_BALANCE / 2);
	ParaB::execute_with(|| {
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		next_block();
		// Refused: nothing left the sovereign account, nothing reached Bob, nothing was
		// minted or burned; the refusal is visible in the queue's events.
		assert_eq!(Balances::free_balance(sibling_account(PARA_A)), INITIAL_BALANCE);
		assert_eq!(Balances::free_balance(&BOB), INITIAL_BALANCE);
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), issuance);
		assert!(queue_events()
			.iter()
			.any(|e| matches!(e, pallet_message_queue::Event::Processed { success: false, .. })));
		assert_eq!(waiting_from(PARA_A), 0, "refused, not stuck");
	});
	// Within the cap the same program runs: the cap, not the path, decides.
	drain(cap / 2);
	ParaB::execute_with(|| {
		next_block();
		assert_eq!(Balances::free_balance(sibling_account(PARA_A)), INITIAL_BALANCE - cap / 2);
		assert!(Balances::free_balance(&BOB) > INITIAL_BALANCE);
		assert_eq!(
			Guardian::allowances(&sibling_account(PARA_A))[0].remaining,
			cap - cap / 2,
			"the XCM withdrawal counted in the sovereign account's window"
		);
	});
}

#[test]
fn outbound_xcm_transfers_from_a_guarded_account_are_capped() {
	MockNet::reset();
	let cap = 5_000u128;
	ParaA::execute_with(|| {
		assert_ok!(Guardian::set_policy(
			root(),
			ALICE,
			PolicyInput {
				windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(cap) }],
				high_water: None,
				response: None,
			},
		));
		// Beyond the allowance: pallet-xcm's reserve transfer fails and moves nothing.
		let before = Balances::free_balance(&ALICE);
		assert!(PolkadotXcm::transfer_assets(
			RuntimeOrigin::signed(ALICE),
			versioned(sibling(PARA_B)),
			versioned(account_location(&BOB)),
			Box::new(VersionedAssets::from(Assets::from(vec![(Here, cap + 1).into()]))),
			0,
			Unlimited,
		)
		.is_err());
		assert_eq!(Balances::free_balance(&ALICE), before);
		// Within it, the transfer goes.
		reserve_transfer_a_to_b(cap);
		assert_eq!(Balances::free_balance(&ALICE), before - cap);
	});
	ParaB::execute_with(|| {
		next_block();
		assert!(ForeignBalances::free_balance(&BOB) > 0);
	});
}

#[test]
fn forged_alerts_are_refused_and_unmapped_kinds_only_emit_an_event() {
	MockNet::reset();
	b_answers_a();
	let alert = GuardianAlert {
		kind: Source::Issuance,
		anomaly: Anomaly::Rise,
		severity: RiskLevel::Critical,
		until: 100,
	};
	// C is not an allowed source on B: its alert, unpaid, is stopped by the barrier...
	ParaC::execute_with(|| {
		assert_ok!(xcm::latest::send_xcm::<guardian_xcm_tests::parachain::XcmRouter>(
			sibling(PARA_B),
			Guardian::alert_message(GUARDIAN_INDEX, &alert),
		));
	});
	// ...and, paid from C's sovereign account, by the call's origin check.
	ParaC::execute_with(|| {
		let mut paid = Guardian::alert_message(GUARDIAN_INDEX, &alert).0;
		paid[0] = BuyExecution { fees: (Here, 1_000_000u128).into(), weight_limit: Unlimited };
		paid.insert(0, WithdrawAsset((Here, 1_000_000u128).into()));
		assert_ok!(xcm::latest::send_xcm::<guardian_xcm_tests::parachain::XcmRouter>(
			sibling(PARA_B),
			Xcm(paid),
		));
	});
	ParaB::execute_with(|| {
		next_block();
		assert!(!guardian_events()
			.iter()
			.any(|e| matches!(e, GuardianEvent::AlertReceived { .. })));
		assert_eq!(level(), RiskLevel::Normal);
		assert!(Guardian::xcm_inbound_pauses().is_empty());
		let processed = |success: bool| {
			queue_events()
				.iter()
				.filter(
					|e| matches!(e, pallet_message_queue::Event::Processed { success: s, .. } if *s == success),
				)
				.count()
		};
		// The unpaid forgery failed the barrier; the paid one ran (C's sovereign account paid
		// for it) but its Transact was refused: C is not an allowed origin.
		assert_eq!((processed(false), processed(true)), (1, 1));
		assert!(Balances::free_balance(sibling_account(PARA_C)) < INITIAL_BALANCE);
		assert_eq!(waiting_from(PARA_C), 0);
	});
	// An allowed source's alert of a kind B maps nothing to: an event, nothing else.
	ParaA::execute_with(|| {
		let unmapped = GuardianAlert { kind: Source::Metric(7), ..alert };
		assert_ok!(xcm::latest::send_xcm::<guardian_xcm_tests::parachain::XcmRouter>(
			sibling(PARA_B),
			Guardian::alert_message(GUARDIAN_INDEX, &unmapped),
		));
	});
	ParaB::execute_with(|| {
		System::reset_events();
		next_block();
		let received: Vec<_> = guardian_events()
			.into_iter()
			.filter(|e| matches!(e, GuardianEvent::AlertReceived { .. }))
			.collect();
		assert_eq!(
			received,
			vec![GuardianEvent::AlertReceived {
				from: sibling(PARA_A),
				alert: GuardianAlert { kind: Source::Metric(7), ..alert },
				mapped: false,
			}]
		);
		assert!(alert_responses().is_empty());
		assert_eq!(level(), RiskLevel::Normal);
		assert!(Guardian::xcm_inbound_pauses().is_empty());
		// It ran unpaid, so it takes from the queue's budget only what it used: the
		// executor's instructions and the call's actual weight, the rest refunded.
		let used: Vec<_> = queue_events()
			.into_iter()
			.filter_map(|e| match e {
				pallet_message_queue::Event::Processed { weight_used, success: true, .. } => {
					Some(weight_used)
				}
				_ => None,
			})
			.collect();
		let instructions = Guardian::alert_message(GUARDIAN_INDEX, &alert).len() as u64;
		let unanswered =
			pallet_guardian::cross_chain::CrossChain::<Runtime>::unanswered_alert_weight();
		let declared = guardian_xcm_tests::parachain::RuntimeCall::Guardian(
			pallet_guardian::Call::receive_alert { alert },
		)
		.get_dispatch_info()
		.call_weight;
		assert_eq!(
			used,
			vec![guardian_xcm_tests::parachain::UnitWeightCost::get()
				.saturating_mul(instructions)
				.saturating_add(unanswered)]
		);
		assert!(unanswered.all_lt(declared));
	});
}

#[test]
fn every_response_expires_and_governance_can_reset_it() {
	MockNet::reset();
	a_watches_issuance_and_alerts_b_and_c();
	b_answers_a();
	c_answers_a();
	ParaA::execute_with(|| {
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		assert_ok!(<Balances as Mutate<_>>::mint_into(&ALICE, issuance / 2));
		next_block();
		// A's own response expires after its duration.
		for _ in 0..A_RESPONSE {
			next_block();
		}
		assert_eq!(level(), RiskLevel::Normal);
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_keep_alive"), None);
	});
	// C: governance resets the response at once; the pause and the level go with it.
	ParaC::execute_with(|| {
		next_block();
		assert_eq!(level(), RiskLevel::Elevated);
		assert_noop!(
			Guardian::reset_alert_response(
				RuntimeOrigin::signed(ALICE),
				versioned(sibling(PARA_A))
			),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Guardian::remove_alert_source(root(), versioned(sibling(PARA_A))),
			pallet_guardian::Error::<Runtime>::ResponseInForce
		);
		assert_ok!(Guardian::reset_alert_response(root(), versioned(sibling(PARA_A))));
		assert_eq!(level(), RiskLevel::Normal);
		assert_eq!(Guardian::call_paused_until(b"PolkadotXcm", b"transfer_assets"), None);
		assert!(guardian_events().contains(&GuardianEvent::ResponseReset {
			by: alerts_of(sibling(PARA_A)),
			resumed: 1
		}));
		// Nothing left to reset; the source may now be removed.
		assert_noop!(
			Guardian::reset_alert_response(root(), versioned(sibling(PARA_A))),
			pallet_guardian::Error::<Runtime>::NotFlagged
		);
		assert_ok!(Guardian::remove_alert_source(root(), versioned(sibling(PARA_A))));
	});
	// B: governance resumes inbound XCM from A before the expiry.
	ParaB::execute_with(|| {
		next_block();
		assert!(Guardian::xcm_inbound_paused_until(&sibling(PARA_A)).is_some());
		assert_ok!(Guardian::resume_xcm_inbound(root(), Some(versioned(sibling(PARA_A)))));
		assert_eq!(Guardian::xcm_inbound_paused_until(&sibling(PARA_A)), None);
		// The level it raised expires on its own.
		for _ in 0..B_RESPONSE {
			next_block();
		}
		assert_eq!(level(), RiskLevel::Normal);
	});
}

#[test]
fn bad_input_is_refused_with_a_named_error_and_changes_nothing() {
	MockNet::reset();
	ParaA::execute_with(|| {
		use pallet_guardian::Error;
		// A destination the router cannot reach.
		assert_noop!(
			Guardian::set_alert_subscription(
				root(),
				versioned(Location::new(2, [GlobalConsensus(NetworkId::Polkadot)])),
				GUARDIAN_INDEX,
				vec![Source::Issuance],
			),
			Error::<Runtime>::AlertDestinationUnreachable
		);
		// A mapping to a target that does not exist.
		let playbook = |target: &str| PlaybookInput {
			pause: vec![pallet(target)],
			pause_inbound: false,
			raise_to: RiskLevel::Elevated,
			duration: 5,
		};
		assert_noop!(
			Guardian::set_alert_source(
				root(),
				versioned(sibling(PARA_B)),
				vec![(Source::Issuance, playbook("NoSuchPallet"))],
			),
			Error::<Runtime>::UnknownPallet
		);
		// The same kind mapped twice.
		assert_noop!(
			Guardian::set_alert_source(
				root(),
				versioned(sibling(PARA_B)),
				vec![
					(Source::Issuance, playbook("Balances")),
					(Source::Issuance, playbook("Balances"))
				],
			),
			Error::<Runtime>::DuplicateAlertKind
		);
		// This chain as its own alert source.
		assert_noop!(
			Guardian::set_alert_source(root(), versioned(Location::here()), vec![]),
			Error::<Runtime>::BadLocation
		);
		// An alert from a location that is not a source: the origin is refused.
		assert_noop!(
			Guardian::receive_alert(
				pallet_xcm::Origin::Xcm(sibling(PARA_C)).into(),
				GuardianAlert {
					kind: Source::Issuance,
					anomaly: Anomaly::Rise,
					severity: RiskLevel::Critical,
					until: 1,
				},
			),
			sp_runtime::DispatchError::BadOrigin
		);
		// Pausing inbound XCM: zero blocks, or twice.
		assert_noop!(Guardian::pause_xcm_inbound(root(), None, 0), Error::<Runtime>::ZeroDuration);
		assert_ok!(Guardian::pause_xcm_inbound(root(), None, 5));
		assert_noop!(Guardian::pause_xcm_inbound(root(), None, 5), Error::<Runtime>::AlreadyPaused);
		assert_noop!(
			Guardian::resume_xcm_inbound(root(), Some(versioned(sibling(PARA_C)))),
			Error::<Runtime>::NotPaused
		);
		assert_eq!(Guardian::xcm_inbound_paused_until(&sibling(PARA_C)), Some(6));
		// Inbound caps: a zero limit, removing a cap that does not exist.
		assert_noop!(
			Guardian::set_inbound_cap(
				root(),
				versioned(sibling(PARA_B)),
				Some(WindowSpec { period: 10, limit: Limit::Absolute(0) }),
			),
			Error::<Runtime>::ZeroLimit
		);
		assert_noop!(
			Guardian::set_inbound_cap(root(), versioned(sibling(PARA_B)), None),
			Error::<Runtime>::NoInboundCap
		);
	});
}

#[test]
fn value_beyond_an_origins_inbound_cap_is_held_and_governance_can_return_it() {
	MockNet::reset();
	let cap = 10_000u128;
	let sovereign = sibling_account(PARA_A);
	ParaB::execute_with(|| {
		assert_noop!(
			Guardian::set_inbound_cap(
				root(),
				versioned(sibling(PARA_A)),
				Some(WindowSpec { period: 100, limit: Limit::ShareOfBalance(Perbill::one()) }),
			),
			pallet_guardian::Error::<Runtime>::ShareNotAllowed
		);
		assert_ok!(Guardian::set_inbound_cap(
			root(),
			versioned(sibling(PARA_A)),
			Some(WindowSpec { period: 100, limit: Limit::Absolute(cap) }),
		));
	});
	// A (compromised, or with a mint bug) releases 50 000 from its sovereign account on B to
	// Bob: once by a deposit, once by a direct transfer.
	let send = |program: Xcm<()>| {
		ParaA::execute_with(|| {
			assert_ok!(xcm::latest::send_xcm::<guardian_xcm_tests::parachain::XcmRouter>(
				sibling(PARA_B),
				program
			));
		})
	};
	let fee = 1_000u128;
	send(Xcm(vec![
		WithdrawAsset((Here, 50_000u128).into()),
		BuyExecution { fees: (Here, fee).into(), weight_limit: Unlimited },
		DepositAsset { assets: AllCounted(1).into(), beneficiary: account_location(&BOB) },
	]));
	ParaB::execute_with(|| {
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		next_block();
		// Everything arrived (nothing trapped, nothing lost), and all beyond the cap is held.
		let arrived = Balances::total_balance(&BOB) - INITIAL_BALANCE;
		assert!(arrived > 50_000 - fee && arrived <= 50_000);
		let excess = arrived - cap;
		assert_eq!(Balances::free_balance(&BOB), INITIAL_BALANCE + cap);
		assert_eq!(
			pallet_guardian::ExcessHolds::<Runtime>::get(&BOB, &sovereign).map(|h| h.amount),
			Some(excess)
		);
		assert!(guardian_events().contains(&GuardianEvent::InboundBeyondCap {
			origin: sibling(PARA_A),
			excess,
			minted: 0,
			held: excess
		}));
		assert_eq!(Guardian::inbound_allowance(&sibling(PARA_A)), Some(0));
		// Nothing is created: the execution fee (all that did not arrive) is burned.
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), issuance - (50_000 - arrived));
	});
	// A direct transfer out of the sovereign account counts the same way: all of it held now.
	send(Xcm(vec![
		WithdrawAsset((Here, fee).into()),
		BuyExecution { fees: (Here, fee).into(), weight_limit: Unlimited },
		TransferAsset { assets: (Here, 5_000u128).into(), beneficiary: account_location(&BOB) },
	]));
	ParaB::execute_with(|| {
		let held_before =
			pallet_guardian::ExcessHolds::<Runtime>::get(&BOB, &sovereign).map_or(0, |h| h.amount);
		next_block();
		let held =
			pallet_guardian::ExcessHolds::<Runtime>::get(&BOB, &sovereign).map_or(0, |h| h.amount);
		assert_eq!(held, held_before + 5_000);
		assert_eq!(Balances::free_balance(&BOB), INITIAL_BALANCE + cap);
		// Governance returns the held value to A's sovereign account: the mint is undone
		// without anything being destroyed.
		let sovereign_before = Balances::free_balance(&sovereign);
		assert_ok!(Guardian::return_excess(root(), BOB, sovereign.clone()));
		assert_eq!(Balances::free_balance(&sovereign), sovereign_before + held);
		assert_eq!(Balances::total_balance(&BOB), INITIAL_BALANCE + cap);
		// The window refills as it rolls (once the bucket the deposit fell in has left it).
		for _ in 0..100 + pallet_guardian::rolling_window::bucket_len(100) {
			next_block();
		}
		assert_eq!(Guardian::inbound_allowance(&sibling(PARA_A)), Some(cap));
		// Another origin is not capped by A's cap.
		assert_eq!(Guardian::inbound_allowance(&sibling(PARA_C)), None);
	});
}
