//! The inbound cap counts what an origin really brings onto the chain — withdrawn from its own
//! account or minted on its word —, nets what goes back to it, attributes the excess to where it
//! came from (minted excess is burned, not returned), and the message pays for the accounting,
//! with what it did not use refunded. Each test fails on the previous main, where every deposit
//! made while an origin's message ran was counted, gross, and held as if from its sovereign
//! account.

use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold, Mutate},
};
use guardian_xcm_tests::{
	account_location, guardian_events, next_block, parachain, queue_events, root, sibling,
	sibling_account, versioned, MockNet, ParaA, ParaB, ParaC, ALICE, BOB, INITIAL_BALANCE, PARA_A,
	PARA_B, PARA_C,
};
use pallet_guardian::{Event as GuardianEvent, Limit, WindowSpec};
use parachain::{Balances, Guardian, PolkadotXcm, Runtime, RuntimeOrigin};
use xcm::latest::prelude::*;
use xcm_executor::traits::ConvertLocation;
use xcm_simulator::TestExt;

const CAP: u128 = 10_000;
const FEE: u128 = 1_000;

fn cap_a(limit: u128) {
	cap(PARA_A, limit)
}

fn cap(origin: u32, limit: u128) {
	ParaB::execute_with(|| {
		assert_ok!(Guardian::set_inbound_cap(
			root(),
			versioned(sibling(origin)),
			Some(WindowSpec { period: 100, limit: Limit::Absolute(limit) }),
		));
	});
}

/// A sends `program` to B.
fn a_sends(program: Xcm<()>) {
	ParaA::execute_with(|| {
		assert_ok!(xcm::latest::send_xcm::<parachain::XcmRouter>(sibling(PARA_B), program));
	});
}

/// A releases `amount` from its sovereign account on B to Bob (the fee paid from it).
fn a_brings_to_bob(amount: u128) {
	a_sends(Xcm(vec![
		WithdrawAsset((Here, amount).into()),
		BuyExecution { fees: (Here, FEE).into(), weight_limit: Unlimited },
		DepositAsset { assets: AllCounted(1).into(), beneficiary: account_location(&BOB) },
	]));
}

fn allowance() -> u128 {
	allowance_of(PARA_A)
}

fn allowance_of(origin: u32) -> u128 {
	Guardian::inbound_allowance(&sibling(origin)).expect("capped")
}

fn held(who: &parachain::AccountId) -> u128 {
	Balances::balance_on_hold(&pallet_guardian::HoldReason::Excess.into(), who)
}

/// Value a user sends back to the origin's chain nets what came in: one user going in and out
/// does not exhaust the origin's cap for everyone.
#[test]
fn value_that_goes_back_to_the_origin_nets_its_cap() {
	MockNet::reset();
	cap_a(CAP);
	a_brings_to_bob(8_000);
	ParaB::execute_with(|| {
		next_block();
		let arrived = Balances::total_balance(&BOB) - INITIAL_BALANCE;
		assert!(arrived > 8_000 - FEE);
		assert_eq!(allowance(), CAP - arrived);
		// Bob sends 5 000 back to A (a reserve transfer: into A's sovereign account here).
		let sovereign = sibling_account(PARA_A);
		let sovereign_before = Balances::free_balance(&sovereign);
		assert_ok!(PolkadotXcm::transfer_assets(
			RuntimeOrigin::signed(BOB),
			versioned(sibling(PARA_A)),
			versioned(account_location(&ALICE)),
			Box::new(xcm::VersionedAssets::from(Assets::from(vec![(Here, 5_000u128).into()]))),
			0,
			Unlimited,
		));
		assert_eq!(Balances::free_balance(&sovereign), sovereign_before + 5_000);
		assert_eq!(allowance(), CAP - arrived + 5_000);
		next_block();
	});
	// A brings 8 000 again: within what is left, nothing held.
	a_brings_to_bob(8_000);
	ParaB::execute_with(|| {
		next_block();
		assert_eq!(held(&BOB), 0);
		assert!(!guardian_events()
			.iter()
			.any(|e| matches!(e, GuardianEvent::InboundBeyondCap { .. })));
	});
}

/// A user of A's chain moving their own account on B (its value was already here) through A's
/// message brings nothing: neither a `TransferAsset` from it nor a withdrawal and deposit is
/// counted, and nothing of theirs is held as if it came from A's sovereign account.
#[test]
fn a_users_own_value_moved_by_the_origins_message_is_not_counted() {
	MockNet::reset();
	cap_a(FEE);
	let alice_on_a = Location::new(
		1,
		[Parachain(PARA_A), AccountId32 { network: None, id: ALICE.clone().into() }],
	);
	let alices_account =
		parachain::LocationToAccountId::convert_location(&alice_on_a).expect("hashed");
	ParaB::execute_with(|| {
		assert_ok!(Balances::mint_into(&alices_account, 20_000));
	});
	let as_alice =
		|| DescendOrigin([AccountId32 { network: None, id: ALICE.clone().into() }].into());
	// A direct transfer out of her account.
	a_sends(Xcm(vec![
		WithdrawAsset((Here, FEE).into()),
		BuyExecution { fees: (Here, FEE).into(), weight_limit: Unlimited },
		as_alice(),
		TransferAsset { assets: (Here, 5_000u128).into(), beneficiary: account_location(&BOB) },
	]));
	ParaB::execute_with(|| {
		next_block();
		assert_eq!(Balances::free_balance(&BOB), INITIAL_BALANCE + 5_000);
		assert_eq!(held(&BOB), 0);
		assert_eq!(allowance(), FEE);
		assert_eq!(Balances::total_balance(&alices_account), 15_000);
	});
	// A withdrawal from her account and a deposit of everything in the holding: only what
	// A withdrew from its own account counts.
	a_sends(Xcm(vec![
		WithdrawAsset((Here, FEE).into()),
		BuyExecution { fees: (Here, FEE).into(), weight_limit: Unlimited },
		as_alice(),
		WithdrawAsset((Here, 5_000u128).into()),
		DepositAsset { assets: AllCounted(1).into(), beneficiary: account_location(&BOB) },
	]));
	ParaB::execute_with(|| {
		next_block();
		let arrived = Balances::total_balance(&BOB) - INITIAL_BALANCE - 5_000;
		let from_a = arrived - 5_000;
		assert!(from_a < FEE);
		assert_eq!(held(&BOB), 0);
		// What A withdrew from its own account counts in full, the fee it paid from it
		// included (the holding's notes spend what the origin brought first); her 5 000 not.
		assert_eq!(allowance(), 0);
		assert_eq!(Balances::total_balance(&alices_account), 10_000);
	});
}

/// What C mints here beyond its cap (a teleport C is trusted for) is held as minted: it cannot
/// be returned to C's sovereign account (which never had it), governance burns it, and only
/// governance may release it before the hold period is over.
#[test]
fn minted_excess_is_held_as_minted_and_governance_burns_it() {
	MockNet::reset();
	cap(PARA_C, CAP);
	ParaC::execute_with(|| {
		assert_ok!(xcm::latest::send_xcm::<parachain::XcmRouter>(
			sibling(PARA_B),
			Xcm(vec![
				ReceiveTeleportedAsset((Here, 50_000u128).into()),
				BuyExecution { fees: (Here, FEE).into(), weight_limit: Unlimited },
				DepositAsset { assets: AllCounted(1).into(), beneficiary: account_location(&BOB) },
			])
		));
	});
	ParaB::execute_with(|| {
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		let sovereign = sibling_account(PARA_C);
		let sovereign_balance = Balances::total_balance(&sovereign);
		next_block();
		let arrived = Balances::total_balance(&BOB) - INITIAL_BALANCE;
		assert!(arrived > 50_000 - FEE);
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), issuance + arrived);
		let excess = arrived - CAP;
		assert_eq!(Balances::free_balance(&BOB), INITIAL_BALANCE + CAP);
		assert_eq!(
			pallet_guardian::MintedExcessHolds::<Runtime>::get(&BOB, sibling(PARA_C))
				.map(|h| h.amount),
			Some(excess)
		);
		assert!(guardian_events().contains(&GuardianEvent::InboundBeyondCap {
			origin: sibling(PARA_C),
			excess,
			minted: excess,
			held: excess,
		}));
		// Nothing of it is C's sovereign account's to get back.
		assert_noop!(
			Guardian::return_excess(root(), BOB, sovereign.clone()),
			pallet_guardian::Error::<Runtime>::NoExcessHold
		);
		assert_noop!(
			Guardian::release_minted_excess(
				RuntimeOrigin::signed(ALICE),
				BOB,
				versioned(sibling(PARA_C))
			),
			pallet_guardian::Error::<Runtime>::ExcessHoldNotDue
		);
		assert_noop!(
			Guardian::burn_excess(RuntimeOrigin::signed(ALICE), BOB, versioned(sibling(PARA_C))),
			sp_runtime::DispatchError::BadOrigin
		);
		// Governance burns the mint: the supply is what it was plus the allowance.
		assert_ok!(Guardian::burn_excess(root(), BOB, versioned(sibling(PARA_C))));
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), issuance + CAP);
		assert_eq!(Balances::total_balance(&BOB), INITIAL_BALANCE + CAP);
		assert_eq!(Balances::total_balance(&sovereign), sovereign_balance);
		assert!(guardian_events().contains(&GuardianEvent::ExcessBurned {
			origin: sibling(PARA_C),
			on: BOB,
			amount: excess,
		}));
		assert_noop!(
			Guardian::burn_excess(root(), BOB, versioned(sibling(PARA_C))),
			pallet_guardian::Error::<Runtime>::NoExcessHold
		);
		next_block();
	});
}

/// C sends `program` to B.
fn c_sends(program: Xcm<()>) {
	ParaC::execute_with(|| {
		assert_ok!(xcm::latest::send_xcm::<parachain::XcmRouter>(sibling(PARA_B), program));
	});
}

fn minted_held(on: &parachain::AccountId, origin: u32) -> u128 {
	pallet_guardian::MintedExcessHolds::<Runtime>::get(on, sibling(origin)).map_or(0, |h| h.amount)
}

/// A withdrawal that fails and is rolled back leaves no note behind: C cannot make its mint
/// look like a user's value already here by withdrawing that value in an instruction that
/// fails (the user keeps it) before its appendix deposits the mint.
#[test]
fn a_withdrawal_rolled_back_does_not_disguise_a_mint() {
	MockNet::reset();
	cap(PARA_C, CAP);
	let user = Location::new(
		1,
		[Parachain(PARA_C), AccountId32 { network: None, id: ALICE.clone().into() }],
	);
	let users_account = parachain::LocationToAccountId::convert_location(&user).expect("hashed");
	ParaB::execute_with(|| {
		assert_ok!(Balances::mint_into(&users_account, 30_000));
	});
	let a_token = Location::new(1, [Parachain(PARA_A)]);
	c_sends(Xcm(vec![
		ReceiveTeleportedAsset((Here, 50_000u128).into()),
		BuyExecution { fees: (Here, FEE).into(), weight_limit: Unlimited },
		SetAppendix(Xcm(vec![DepositAsset {
			assets: AllCounted(1).into(),
			beneficiary: account_location(&BOB),
		}])),
		DescendOrigin([AccountId32 { network: None, id: ALICE.clone().into() }].into()),
		// Her 30 000 leave her account, then her A tokens (she has none) fail: rolled back.
		WithdrawAsset(vec![(Here, 30_000u128).into(), (a_token, 1u128).into()].into()),
	]));
	ParaB::execute_with(|| {
		next_block();
		assert_eq!(Balances::total_balance(&users_account), 30_000);
		let arrived = Balances::total_balance(&BOB) - INITIAL_BALANCE;
		assert!(arrived > 50_000 - FEE);
		// All of the mint counts: everything beyond the cap is held as minted.
		assert_eq!(minted_held(&BOB, PARA_C), arrived - CAP);
		assert_eq!(allowance_of(PARA_C), 0);
	});
}

/// Value C mints into its own sovereign account stays on this chain: it counts, and what goes
/// beyond the cap is held there as minted (moved on by a path the transactor does not see, it
/// would escape the count).
#[test]
fn a_mint_deposited_into_the_origins_own_account_counts() {
	MockNet::reset();
	cap(PARA_C, CAP);
	let sovereign = sibling_account(PARA_C);
	c_sends(Xcm(vec![
		ReceiveTeleportedAsset((Here, 50_000u128).into()),
		BuyExecution { fees: (Here, FEE).into(), weight_limit: Unlimited },
		DepositAsset {
			assets: AllCounted(1).into(),
			beneficiary: Location::new(1, [Parachain(PARA_C)]),
		},
	]));
	ParaB::execute_with(|| {
		let before = Balances::total_balance(&sovereign);
		next_block();
		let arrived = Balances::total_balance(&sovereign) - before;
		assert!(arrived > 50_000 - FEE);
		assert_eq!(allowance_of(PARA_C), 0);
		assert_eq!(minted_held(&sovereign, PARA_C), arrived - CAP);
		assert_eq!(held(&sovereign), arrived - CAP);
	});
}

/// The message pays for the inflow accounting up front, and what it did not use comes back
/// to the queue's budget: a deposit from an uncapped origin takes what the executor's
/// instructions weigh and the holding's notes, no more; the same deposit beyond a cap takes the hold too.
#[test]
fn the_message_pays_for_the_inflow_accounting_and_is_refunded_what_it_did_not_use() {
	MockNet::reset();
	let program = || {
		Xcm(vec![
			WithdrawAsset((Here, 20_000u128).into()),
			BuyExecution { fees: (Here, FEE).into(), weight_limit: Unlimited },
			DepositAsset { assets: AllCounted(1).into(), beneficiary: account_location(&BOB) },
		])
	};
	let processed = || {
		queue_events()
			.into_iter()
			.filter_map(|e| match e {
				pallet_message_queue::Event::Processed { weight_used, success: true, .. } => {
					Some(weight_used)
				}
				_ => None,
			})
			.collect::<Vec<_>>()
	};
	let unit = parachain::UnitWeightCost::get();
	let charge = ParaB::execute_with(|| {
		use xcm_executor::traits::WeightBounds;
		let mut message: Xcm<parachain::RuntimeCall> = program().into();
		let weighed = <parachain::XcmConfig as xcm_executor::Config>::Weigher::weight(
			&mut message,
			Weight::MAX,
		)
		.expect("weighs");
		let accounting =
			pallet_guardian::cross_chain::CrossChain::<Runtime>::inflow_operation_weight();
		assert!(accounting.all_gt(Weight::zero()));
		let notes = pallet_guardian::cross_chain::CrossChain::<Runtime>::holding_note_weight();
		assert_eq!(weighed, unit * 3 + accounting + notes);
		weighed
	});
	a_sends(program());
	ParaB::execute_with(|| {
		next_block();
		// The instructions and the holding's notes (noted by the withdrawal, taken by the
		// deposit): the rest of the accounting's charge came back.
		let notes = pallet_guardian::cross_chain::CrossChain::<Runtime>::holding_note_weight();
		assert_eq!(processed().last(), Some(&(unit * 3 + notes * 2)));
	});
	cap_a(CAP);
	a_sends(program());
	ParaB::execute_with(|| {
		next_block();
		let used = *processed().last().expect("processed");
		assert!(used.all_gt(unit * 3), "the hold is paid");
		assert!(used.all_lte(charge), "never more than charged");
		assert!(held(&BOB) > 0);
	});
}
