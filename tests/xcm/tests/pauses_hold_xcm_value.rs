//! The breakers' pauses hold XCM too: while B's chain, or a pallet holding the value XCM moves
//! on B, is paused, a sibling's transfer into B waits in B's queue (never dropped) and lands
//! once the pause ends; a pause of a pallet holding nothing XCM moves does not hold it; a
//! monitor's playbook that pauses pallet-xcm holds inbound value the same way; and
//! governance's own messages get in behind a pause of everyone's inbound XCM, while its chain's
//! users wait like anyone.

use codec::Encode;
use frame_support::traits::fungible::Mutate;
use frame_support::{assert_noop, assert_ok};
use guardian_xcm_tests::{
	guardian_events, next_block, pallet,
	parachain::{Balances, ForeignBalances, Guardian, RuntimeCall, System},
	reserve_transfer_a_to_b, root, sibling, versioned, waiting_from, waiting_from_relay, MockNet,
	ParaA, ParaB, Relay, RelayChainXcmRouter, BOB, PARA_A, PARA_B,
};
use pallet_guardian::{
	Error, Event as GuardianEvent, Limit, MonitorInput, PauseTargetInput, PlaybookInput,
	ResumeReason, RiskLevel, Rule, Source,
};
use xcm::latest::prelude::*;
use xcm_simulator::TestExt;

/// Bob's balance of A's token on B.
fn bob_on_b() -> u128 {
	ParaB::execute_with(|| ForeignBalances::free_balance(&BOB))
}

/// B's next `blocks` blocks: A's transfer keeps waiting, whole, in B's queue.
fn waits_on_b(blocks: u32) {
	let before = bob_on_b();
	ParaB::execute_with(|| {
		for _ in 0..blocks {
			next_block();
			assert_eq!(waiting_from(PARA_A), 1, "the transfer waits in the queue");
			assert_eq!(ForeignBalances::free_balance(&BOB), before, "nothing moved");
		}
	});
}

/// B's next block: the transfer from A lands.
fn lands_on_b() {
	ParaB::execute_with(|| {
		next_block();
		assert_eq!(waiting_from(PARA_A), 0);
	});
	assert!(bob_on_b() > 0);
}

#[test]
fn safe_mode_and_a_value_pallets_pause_hold_inbound_value_in_the_queue() {
	MockNet::reset();
	// Safe mode on B: A's reserve transfer to Bob waits, block after block.
	ParaB::execute_with(|| {
		assert_ok!(Guardian::pause(root(), PauseTargetInput::Chain, 50));
	});
	ParaA::execute_with(|| reserve_transfer_a_to_b(1_000));
	waits_on_b(3);
	ParaB::execute_with(|| {
		assert_ok!(Guardian::resume(root(), PauseTargetInput::Chain));
	});
	lands_on_b();
	let first = bob_on_b();

	// The pallet holding A's token on B paused as a whole: the same.
	ParaB::execute_with(|| {
		assert_ok!(Guardian::pause(root(), pallet("ForeignBalances"), 50));
	});
	ParaA::execute_with(|| reserve_transfer_a_to_b(1_000));
	waits_on_b(2);
	// pallet-xcm paused (and ForeignBalances resumed): still held.
	ParaB::execute_with(|| {
		assert_ok!(Guardian::pause(root(), pallet("PolkadotXcm"), 50));
		assert_ok!(Guardian::resume(root(), pallet("ForeignBalances")));
	});
	waits_on_b(2);
	// A pallet holding nothing XCM moves: the transfer runs.
	ParaB::execute_with(|| {
		assert_ok!(Guardian::resume(root(), pallet("PolkadotXcm")));
		assert_ok!(Guardian::pause(root(), pallet("Treasury"), 50));
	});
	lands_on_b();
	assert!(bob_on_b() > first, "the second transfer landed too: nothing was dropped");
}

#[test]
fn governance_over_xcm_gets_in_behind_a_pause_of_everyone() {
	MockNet::reset();
	// B pauses every origin's inbound XCM; A's transfer waits.
	ParaB::execute_with(|| {
		assert_ok!(Guardian::pause_xcm_inbound(root(), None, 50));
		// The relay chain is governance here: it cannot be paused by name.
		assert_noop!(
			Guardian::pause_xcm_inbound(root(), Some(versioned(Location::parent())), 50),
			Error::<guardian_xcm_tests::parachain::Runtime>::GovernanceLocation
		);
		assert_eq!(Guardian::xcm_inbound_paused_until(&sibling(PARA_A)), Some(51));
		// The pause of everyone holds the relay chain's users too; governance's own messages
		// (origin kept) pass it.
		assert_eq!(Guardian::xcm_inbound_paused_until(&Location::parent()), Some(51));
	});
	ParaA::execute_with(|| reserve_transfer_a_to_b(1_000));
	waits_on_b(1);
	// The relay chain's governance resumes it over XCM (as root): its message runs although
	// everyone's inbound XCM is paused, and A's transfer follows.
	Relay::execute_with(|| {
		let resume =
			RuntimeCall::Guardian(pallet_guardian::Call::resume_xcm_inbound { from: None });
		let message = Xcm(vec![
			UnpaidExecution { weight_limit: Unlimited, check_origin: None },
			Transact {
				origin_kind: OriginKind::Superuser,
				fallback_max_weight: None,
				call: resume.encode().into(),
			},
		]);
		assert_ok!(send_xcm::<RelayChainXcmRouter>(Parachain(PARA_B).into(), message));
	});
	ParaB::execute_with(|| {
		assert_eq!(waiting_from_relay(), 1);
		System::reset_events();
		next_block();
		assert_eq!(waiting_from_relay(), 0);
		assert!(guardian_events().contains(&GuardianEvent::XcmInboundResumed {
			from: None,
			reason: ResumeReason::Governance,
		}));
		// The queues are serviced in turn: A's transfer runs in this block or the next.
		if waiting_from(PARA_A) > 0 {
			next_block();
		}
		assert_eq!(waiting_from(PARA_A), 0);
	});
	assert!(bob_on_b() > 0);
	// A user of the relay chain (its origin descended into the user's account) does not ride
	// governance's exemption: in safe mode, their value waits like anyone's.
	ParaB::execute_with(|| {
		assert_ok!(Guardian::pause(root(), PauseTargetInput::Chain, 50));
	});
	Relay::execute_with(|| {
		let user = Junction::AccountId32 { network: None, id: [7; 32] };
		let message = Xcm(vec![
			DescendOrigin(user.into()),
			WithdrawAsset((Here, 1_000u128).into()),
			BuyExecution { fees: (Here, 1_000u128).into(), weight_limit: Unlimited },
			DepositAsset { assets: Wild(AllCounted(1)), beneficiary: sibling(PARA_A) },
		]);
		assert_ok!(send_xcm::<RelayChainXcmRouter>(Parachain(PARA_B).into(), message));
	});
	ParaB::execute_with(|| {
		for _ in 0..3 {
			next_block();
			assert_eq!(waiting_from_relay(), 1, "the relay user's message waits");
		}
		assert_ok!(Guardian::resume(root(), PauseTargetInput::Chain));
		next_block();
		assert_eq!(waiting_from_relay(), 0);
	});
}

#[test]
fn a_monitors_playbook_pausing_pallet_xcm_holds_inbound_value_until_its_response_ends() {
	MockNet::reset();
	const RESPONSE: u64 = 5;
	// B's issuance monitor: a rise of more than 1% in 100 blocks pauses pallet-xcm.
	ParaB::execute_with(|| {
		assert_ok!(Guardian::set_monitor(
			root(),
			Source::Issuance,
			MonitorInput {
				rule: Some(Rule::Flow {
					period: 100,
					rise: Some(Limit::ShareOfBalance(sp_runtime::Perbill::from_percent(1))),
					fall: None,
				}),
				stale_after: None,
				playbook: PlaybookInput {
					pause: vec![pallet("PolkadotXcm")],
					pause_inbound: false,
					raise_to: RiskLevel::Elevated,
					duration: RESPONSE,
				},
			},
		));
		next_block();
		// A mint bug on B: the monitor fires at the block's end.
		let issuance =
			pallet_balances::TotalIssuance::<guardian_xcm_tests::parachain::Runtime>::get();
		assert_ok!(<Balances as Mutate<_>>::mint_into(&BOB, issuance / 2));
		next_block();
		assert!(Guardian::call_paused_until(b"PolkadotXcm", b"transfer_assets").is_some());
	});
	// Value from A waits in B's queue for as long as the response holds pallet-xcm...
	ParaA::execute_with(|| reserve_transfer_a_to_b(1_000));
	waits_on_b(RESPONSE as u32 - 2);
	// ...and lands once it ends.
	ParaB::execute_with(|| {
		next_block();
		next_block();
		assert_eq!(Guardian::call_paused_until(b"PolkadotXcm", b"transfer_assets"), None);
		assert_eq!(waiting_from(PARA_A), 0);
	});
	assert!(bob_on_b() > 0);
}
