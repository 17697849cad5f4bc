//! The response engine's rooms and the ledger's truth on a parachain runtime (xcm-simulator,
//! chains A = 2000 and B = 2001): bonded reports and governance cannot fill the room another
//! chain's alerts need; resuming inbound XCM leaves an alert's response consistent; a treasury
//! declared before the guardian pays beyond its cap without minting; value held beyond an
//! inbound cap on a guarded account is never stored as its frozen balance. Every block ends
//! with the guardian's `try_state`, which checks every account's stored `frozen` against its
//! locks and freezes.

use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold, Mutate},
};
use guardian_xcm_tests::{
	account_location, call, guardian_events, next_block, pallet,
	parachain::{
		Balances, Guardian, Runtime, RuntimeOrigin, System, Treasury, TreasuryAccount,
		TREASURY_SPEND_PERIOD,
	},
	root, sibling, sibling_account, versioned, MockNet, ParaA, ParaB, ALICE, BOB, GUARDIAN_INDEX,
	INITIAL_BALANCE, PARA_A, PARA_B,
};
use pallet_guardian::caps::ledger::LedgerTruth;
use pallet_guardian::{
	Anomaly, Contributor, Error, Event as GuardianEvent, GuardianAlert, HoldReason, Limit,
	PlaybookInput, PolicyInput, RiskLevel, Source, WindowSpec,
};
use sp_runtime::AccountId32;
use xcm::latest::prelude::*;
use xcm_simulator::TestExt;

/// B lets A alert it: an issuance alert runs `playbook`.
fn b_answers_a_with(playbook: PlaybookInput<u64>) {
	ParaB::execute_with(|| {
		assert_ok!(Guardian::set_alert_source(
			root(),
			versioned(sibling(PARA_A)),
			vec![(Source::Issuance, playbook)],
		));
	});
}

/// A sends B an issuance alert; B services it in its next block.
fn a_alerts_b() {
	let alert = GuardianAlert {
		kind: Source::Issuance,
		anomaly: Anomaly::Rise,
		severity: RiskLevel::Critical,
		until: 1_000,
	};
	ParaA::execute_with(|| {
		assert_ok!(xcm::latest::send_xcm::<guardian_xcm_tests::parachain::XcmRouter>(
			sibling(PARA_B),
			Guardian::alert_message(GUARDIAN_INDEX, &alert),
		));
	});
	ParaB::execute_with(|| {
		System::reset_events();
		next_block();
	});
}

/// The contributor of the responses to A's alerts, on B.
fn alerts_of_a() -> Contributor {
	Contributor::Alert(
		pallet_guardian::AlertSources::<Runtime>::get(sibling(PARA_A)).expect("a source").id,
	)
}

/// A fresh account of the attacker's, funded with `amount`.
fn sybil(i: u8, amount: u128) -> AccountId32 {
	let who = AccountId32::new([0x5b ^ i; 32]);
	assert_ok!(Balances::mint_into(&who, amount));
	who
}

#[test]
fn sybil_reports_and_governance_cannot_fill_the_room_alerts_need() {
	MockNet::reset();
	b_answers_a_with(PlaybookInput {
		pause: vec![pallet("PolkadotXcm")],
		pause_inbound: false,
		raise_to: RiskLevel::Elevated,
		duration: 20,
	});
	ParaB::execute_with(|| {
		// The reports' room (4) is filled by four sybils, each reporting a reportable target.
		let reportable = [
			pallet("ForeignBalances"),
			pallet("Treasury"),
			pallet("MessageQueue"),
			call("Balances", "upgrade_accounts"),
		];
		for target in &reportable {
			assert_ok!(Guardian::set_reportable(root(), target.clone(), true));
		}
		for (i, target) in reportable.iter().enumerate() {
			let who = sybil(i as u8, 1_000_000);
			assert_ok!(Guardian::report(
				RuntimeOrigin::signed(who),
				target.clone(),
				Default::default(),
				10
			));
		}
		// Governance fills its own room (8) with call pauses.
		let calls = [
			"transfer_allow_death",
			"transfer_keep_alive",
			"transfer_all",
			"force_transfer",
			"burn",
			"force_set_balance",
			"force_adjust_total_issuance",
			"force_unreserve",
		];
		for name in calls {
			assert_ok!(Guardian::pause(root(), call("Balances", name), 100));
		}
		assert_noop!(
			Guardian::pause(root(), call("PolkadotXcm", "send"), 100),
			Error::<Runtime>::TooManyPauses
		);
		assert_eq!(Guardian::active_pauses().len(), 12);
	});
	// A's alert still gets its pause in: the alerts' room is their own.
	a_alerts_b();
	ParaB::execute_with(|| {
		assert!(Guardian::call_paused_until(b"PolkadotXcm", b"transfer_assets").is_some());
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Elevated);
		assert!(guardian_events().iter().any(|e| matches!(
			e,
			GuardianEvent::ResponseApplied { by: Contributor::Alert(_), paused: 1, .. }
		)));
		assert!(!guardian_events()
			.iter()
			.any(|e| matches!(e, GuardianEvent::ResponseEscalated { .. })));
	});
}

#[test]
fn resuming_inbound_xcm_ends_an_alert_response_that_holds_nothing_else() {
	MockNet::reset();
	// B's answer to A: pause inbound XCM from A, nothing else.
	b_answers_a_with(PlaybookInput {
		pause: vec![],
		pause_inbound: true,
		raise_to: RiskLevel::Normal,
		duration: 50,
	});
	a_alerts_b();
	ParaB::execute_with(|| {
		assert!(Guardian::xcm_inbound_paused(&sibling(PARA_A)));
		assert!(Guardian::response_in_force(alerts_of_a()).is_some());
		// Governance judges A safe again and resumes its messages: the response held nothing
		// else, so it is over — not left in force, ignoring A's next alert.
		assert_ok!(Guardian::resume_xcm_inbound(root(), Some(versioned(sibling(PARA_A)))));
		assert!(!Guardian::xcm_inbound_paused(&sibling(PARA_A)));
		assert_eq!(Guardian::response_in_force(alerts_of_a()), None);
		assert!(guardian_events()
			.contains(&GuardianEvent::ResponseReset { by: alerts_of_a(), resumed: 0 }));
	});
	// A's next alert is answered afresh.
	a_alerts_b();
	ParaB::execute_with(|| {
		assert!(Guardian::xcm_inbound_paused(&sibling(PARA_A)));
		assert!(Guardian::response_in_force(alerts_of_a()).is_some());
	});
}

#[test]
fn resuming_inbound_xcm_keeps_an_alert_response_that_still_raises_the_level() {
	MockNet::reset();
	b_answers_a_with(PlaybookInput {
		pause: vec![],
		pause_inbound: true,
		raise_to: RiskLevel::Elevated,
		duration: 50,
	});
	a_alerts_b();
	ParaB::execute_with(|| {
		assert_ok!(Guardian::resume_xcm_inbound(root(), Some(versioned(sibling(PARA_A)))));
		// Still in force: it raises the level, which ends with it (or governance's reset).
		assert!(Guardian::response_in_force(alerts_of_a()).is_some());
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Elevated);
		assert_ok!(Guardian::reset_alert_response(root(), versioned(sibling(PARA_A))));
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Normal);
		assert_eq!(Guardian::response_in_force(alerts_of_a()), None);
	});
}

#[test]
fn clearing_the_level_ends_an_alert_response_that_only_raised_it() {
	MockNet::reset();
	b_answers_a_with(PlaybookInput {
		pause: vec![],
		pause_inbound: false,
		raise_to: RiskLevel::Elevated,
		duration: 50,
	});
	a_alerts_b();
	ParaB::execute_with(|| {
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Elevated);
		// Governance clears the level: the response held nothing else, so it is over.
		assert_ok!(Guardian::clear_risk_level(root()));
		assert_eq!(Guardian::response_in_force(alerts_of_a()), None);
	});
	// A's next alert is answered afresh.
	a_alerts_b();
	ParaB::execute_with(|| {
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Elevated);
		assert!(Guardian::response_in_force(alerts_of_a()).is_some());
	});
}

const CAP: u128 = 1_000;

fn put_under_policy(who: AccountId32) {
	assert_ok!(Guardian::set_policy(
		root(),
		who,
		PolicyInput {
			windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(CAP) }],
			high_water: None,
			response: None,
		},
	));
}

fn held_excess(on: &AccountId32) -> u128 {
	Balances::balance_on_hold(&HoldReason::Excess.into(), on)
}

#[test]
fn a_treasury_declared_before_the_guardian_pays_beyond_its_cap_without_minting() {
	MockNet::reset();
	ParaB::execute_with(|| {
		let treasury: AccountId32 = TreasuryAccount::get();
		assert_ok!(Balances::mint_into(&treasury, 100_000));
		put_under_policy(treasury.clone());
		let carol = AccountId32::new([3u8; 32]);
		for beneficiary in [ALICE, BOB, carol.clone()] {
			#[allow(deprecated)]
			let spent = Treasury::spend_local(root(), 2 * CAP, beneficiary);
			assert_ok!(spent);
		}
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		let before = [ALICE, BOB, carol.clone()].map(|who| Balances::total_balance(&who));
		// The spend period: the treasury's `on_initialize` (before the guardian's) credits the
		// beneficiaries, then settles from the treasury, beyond its cap.
		while System::block_number() < TREASURY_SPEND_PERIOD {
			next_block();
		}
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), issuance, "nothing minted");
		let after = [ALICE, BOB, carol.clone()].map(|who| Balances::total_balance(&who));
		assert!(before.iter().zip(after).all(|(b, a)| a == b + 2 * CAP), "every spend paid");
		assert_eq!(Balances::total_balance(&treasury), 100_000 - 6 * CAP);
		// Everything beyond the cap is held on the most recent credits, to be returned.
		let held: u128 = [ALICE, BOB, carol.clone()].iter().map(held_excess).sum();
		assert_eq!(held, 6 * CAP - CAP);
		assert_ok!(Guardian::return_excess(root(), carol.clone(), treasury.clone()));
		assert_eq!(held_excess(&carol), 0);
		next_block();
	});
}

#[test]
fn value_beyond_an_inbound_cap_held_on_a_guarded_account_is_never_stored_as_frozen() {
	MockNet::reset();
	let cap = 10_000u128;
	ParaB::execute_with(|| {
		assert_ok!(Guardian::set_inbound_cap(
			root(),
			versioned(sibling(PARA_A)),
			Some(WindowSpec { period: 100, limit: Limit::Absolute(cap) }),
		));
		// Bob's account is guarded (a bridge's pot): the hold the inbound cap places on it
		// is placed on an account whose reads show its cap as frozen.
		put_under_policy(BOB);
	});
	ParaA::execute_with(|| {
		assert_ok!(xcm::latest::send_xcm::<guardian_xcm_tests::parachain::XcmRouter>(
			sibling(PARA_B),
			Xcm(vec![
				WithdrawAsset((Here, 50_000u128).into()),
				BuyExecution { fees: (Here, 1_000u128).into(), weight_limit: Unlimited },
				DepositAsset { assets: AllCounted(1).into(), beneficiary: account_location(&BOB) },
			]),
		));
	});
	ParaB::execute_with(|| {
		next_block();
		let sovereign = sibling_account(PARA_A);
		assert!(held_excess(&BOB) > 0);
		// The stored frozen balance is what Bob's locks and freezes make it (`try_state` ran
		// in `next_block`); his whole allowance is sendable, and moves.
		assert_eq!(Balances::untrue_frozen(), Vec::<Vec<u8>>::new());
		let left = Guardian::remaining_allowance(&BOB).expect("guarded");
		assert_eq!(left, CAP);
		let before = Balances::total_balance(&ALICE);
		assert_ok!(Balances::transfer_keep_alive(RuntimeOrigin::signed(BOB), ALICE, left));
		assert_eq!(Balances::total_balance(&ALICE), before + left);
		// Governance returns the excess: a hold released on a guarded account.
		assert_ok!(Guardian::return_excess(root(), BOB, sovereign));
		assert_eq!(held_excess(&BOB), 0);
		assert_eq!(Balances::untrue_frozen(), Vec::<Vec<u8>>::new());
		next_block();
		assert!(Balances::free_balance(&BOB) > INITIAL_BALANCE - CAP);
	});
}
