//! The ledger guard shows a guarded account's cap as frozen balance, and must never store it.
//! pallet-balances writes an account back as it read it whenever it places, changes or
//! releases a hold; before the fix, the guardian's own holds and releases on a guarded account
//! (a first own limit on an account with a policy, its removal, `return_excess`,
//! `release_excess` — which anyone may call) left the shown cap stored as the account's
//! `frozen`, for good: transfers the allowance covered failed, and a guarded treasury's
//! spend-period `settle` failed after its beneficiaries were credited — a mint. Each test here
//! drives one of those paths through signed extrinsics and checks, after every step, that every
//! account's stored `frozen` is what its locks and freezes make it (`on_chain` checks it again
//! with the guardian's `try_state`, and conservation).

use guardian_integration_tests::*;
use guardian_runtime::{
	configs::{guardian::EXCESS_HOLD_PERIOD, TreasuryAccount},
	BlockNumber, Runtime, RuntimeCall, System, DAYS,
};
use pallet_guardian::{caps::ledger::LedgerTruth, HoldReason, Limit, PolicyInput, WindowSpec};
use sp_runtime::MultiAddress;

const CAP: Balance = 100 * UNIT;
const PERIOD: BlockNumber = 10;

/// Every account's stored `frozen` is its locks' and freezes'.
fn assert_truth() {
	assert_eq!(
		<pallet_balances::Pallet<Runtime> as LedgerTruth>::untrue_frozen(),
		Vec::<Vec<u8>>::new(),
		"no account stores a frozen balance its locks and freezes do not make"
	);
}

/// Root puts a policy of `CAP` per `period` blocks on `who`.
fn set_policy(who: &AccountId, period: BlockNumber) {
	let policy = PolicyInput {
		windows: vec![WindowSpec { period, limit: Limit::Absolute(CAP) }],
		high_water: None,
		response: None,
	};
	assert_eq!(
		sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
			who: MultiAddress::Id(who.clone()),
			policy,
		})),
		Ok(())
	);
}

/// `who` sends the whole of its remaining allowance to Ferdie: the pool accepts it and it
/// lands. With a cap stored as `frozen` the pool accepted it and the dispatch failed.
fn send_whole_allowance(who: Keyring) {
	let left = pallet_guardian::Pallet::<Runtime>::remaining_allowance(&who.to_account_id())
		.expect("guarded");
	assert!(left > 0);
	let call = keep_alive(Keyring::Ferdie, left);
	assert!(validate(who, call.clone()).is_ok(), "the pool accepts the allowance");
	let before = free(Keyring::Ferdie);
	submit_ok(who, call);
	assert_eq!(free(Keyring::Ferdie) - before, left, "the whole allowance moved");
}

fn own_limit(limit: Balance) -> RuntimeCall {
	RuntimeCall::Guardian(pallet_guardian::Call::limit_own_outflow {
		windows: vec![WindowSpec { period: PERIOD, limit: Limit::Absolute(limit) }],
	})
}

#[test]
fn a_first_own_limit_on_a_policy_account_and_its_removal_store_nothing_shown() {
	on_chain(|| {
		let bob = Keyring::Bob.to_account_id();
		set_policy(&bob, PERIOD);
		assert_truth();
		// Half the allowance goes, then Bob's first own limit holds its deposit: a hold
		// placed on a guarded account whose read shows the cap.
		submit_ok(Keyring::Bob, keep_alive(Keyring::Ferdie, CAP / 2));
		submit_ok(Keyring::Bob, own_limit(10 * CAP));
		assert_truth();
		// The window refills: the whole allowance is sendable, and moves.
		run_to_block(System::block_number() + PERIOD);
		send_whole_allowance(Keyring::Bob);
		assert_truth();
		// The announced removal, enacted, releases the deposit: a release on a guarded account.
		submit_ok(Keyring::Bob, RuntimeCall::Guardian(pallet_guardian::Call::remove_own_limit {}));
		jump_to_block(
			System::block_number() + guardian_runtime::configs::guardian::OWN_LIMIT_DELAY,
		);
		submit_ok(Keyring::Bob, RuntimeCall::Guardian(pallet_guardian::Call::enact_own_limit {}));
		assert_truth();
		run_to_block(System::block_number() + PERIOD);
		send_whole_allowance(Keyring::Bob);
		assert_truth();
	});
}

/// The treasury, funded and under a policy of `CAP` a day, pays `beneficiaries` `each` in
/// its next spend period: beyond the cap, the excess is held on them.
fn treasury_pays(beneficiaries: &[AccountId], each: Balance) {
	let treasury: AccountId = TreasuryAccount::get();
	submit_ok(
		Keyring::Ferdie,
		RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: MultiAddress::Id(treasury.clone()),
			value: 100_000 * UNIT,
		}),
	);
	if pallet_guardian::Pallet::<Runtime>::remaining_allowance(&treasury).is_none() {
		set_policy(&treasury, DAYS);
	}
	for beneficiary in beneficiaries {
		#[allow(deprecated)]
		let spend = RuntimeCall::Treasury(pallet_treasury::Call::spend_local {
			amount: each,
			beneficiary: MultiAddress::Id(beneficiary.clone()),
		});
		assert_eq!(sudo_dispatch(spend), Ok(()));
	}
	let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
	// The next spend period.
	jump_to_block((System::block_number() / DAYS + 1) * DAYS);
	assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), issuance, "nothing minted");
	assert_truth();
}

fn excess_held(on: &AccountId) -> Balance {
	<pallet_balances::Pallet<Runtime> as frame_support::traits::fungible::InspectHold<
		AccountId,
	>>::balance_on_hold(&HoldReason::Excess.into(), on)
}

#[test]
fn returning_and_releasing_excess_held_on_guarded_accounts_store_nothing_shown() {
	on_chain(|| {
		let (charlie, dave) = (Keyring::Charlie.to_account_id(), Keyring::Dave.to_account_id());
		// Both beneficiaries are guarded accounts themselves (a bridge's, a pot's).
		set_policy(&charlie, PERIOD);
		set_policy(&dave, PERIOD);
		treasury_pays(&[charlie.clone(), dave.clone()], 1_000 * UNIT);
		assert!(excess_held(&charlie) > 0 && excess_held(&dave) > 0);
		let treasury: AccountId = TreasuryAccount::get();
		// Governance returns Charlie's: a hold released on a guarded account.
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::return_excess {
				on: MultiAddress::Id(charlie.clone()),
				from: MultiAddress::Id(treasury.clone()),
			})),
			Ok(())
		);
		assert_truth();
		// Anyone releases Dave's once the hold period is over.
		jump_to_block(System::block_number() + EXCESS_HOLD_PERIOD);
		submit_ok(
			Keyring::Eve,
			RuntimeCall::Guardian(pallet_guardian::Call::release_excess {
				on: MultiAddress::Id(dave.clone()),
				from: MultiAddress::Id(treasury.clone()),
			}),
		);
		assert_eq!(excess_held(&dave), 0);
		assert_truth();
		send_whole_allowance(Keyring::Charlie);
		send_whole_allowance(Keyring::Dave);
	});
}

#[test]
fn seventeen_guarded_accounts_released_in_one_transaction_store_nothing_shown() {
	on_chain(|| {
		// 17 guarded beneficiaries: more than the 16 accounts the old repair list held.
		let accounts: Vec<AccountId> = (0..17u8)
			.map(|i| {
				let who = AccountId::from([0x60 + i; 32]);
				submit_ok(
					Keyring::Ferdie,
					RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
						dest: MultiAddress::Id(who.clone()),
						value: 10 * UNIT,
					}),
				);
				set_policy(&who, PERIOD);
				who
			})
			.collect();
		// A hook window holds excess on its 16 most recent credits (the rest is reported): two
		// spend periods.
		let (first, second) = accounts.split_at(16);
		treasury_pays(first, 2 * CAP);
		treasury_pays(second, 2 * CAP);
		let treasury: AccountId = TreasuryAccount::get();
		jump_to_block(System::block_number() + EXCESS_HOLD_PERIOD);
		let releases = accounts
			.iter()
			.filter(|on| excess_held(on) > 0)
			.map(|on| {
				RuntimeCall::Guardian(pallet_guardian::Call::release_excess {
					on: MultiAddress::Id(on.clone()),
					from: MultiAddress::Id(treasury.clone()),
				})
			})
			.collect::<Vec<_>>();
		assert_eq!(releases.len(), 17, "the treasury's cap held back part of every payout");
		submit_ok(
			Keyring::Eve,
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: releases }),
		);
		assert!(accounts.iter().all(|on| excess_held(on) == 0));
		assert_truth();
	});
}

#[test]
fn a_guarded_treasury_with_a_limit_of_its_own_still_mints_nothing() {
	on_chain(|| {
		let treasury: AccountId = TreasuryAccount::get();
		let dave = Keyring::Dave.to_account_id();
		submit_ok(
			Keyring::Ferdie,
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: MultiAddress::Id(treasury.clone()),
				value: 10_000 * UNIT,
			}),
		);
		if pallet_guardian::Pallet::<Runtime>::remaining_allowance(&treasury).is_none() {
			set_policy(&treasury, DAYS);
		}
		// The treasury's first own limit (root acting as the treasury): a hold on a policy
		// account. Before the fix it stored the treasury's whole balance less its allowance as
		// its frozen balance, so the spend period's settle failed after Dave was credited.
		System::reset_events();
		submit_ok(
			Keyring::Alice,
			RuntimeCall::Sudo(pallet_sudo::Call::sudo_as {
				who: MultiAddress::Id(treasury.clone()),
				call: Box::new(RuntimeCall::Guardian(pallet_guardian::Call::limit_own_outflow {
					windows: vec![WindowSpec { period: DAYS, limit: Limit::Absolute(10 * CAP) }],
				})),
			}),
		);
		assert!(events().contains(&guardian_runtime::RuntimeEvent::Sudo(
			pallet_sudo::Event::SudoAsDone { sudo_result: Ok(()) }
		)));
		assert_truth();
		#[allow(deprecated)]
		let spend = RuntimeCall::Treasury(pallet_treasury::Call::spend_local {
			amount: 1_000 * UNIT,
			beneficiary: MultiAddress::Id(dave.clone()),
		});
		assert_eq!(sudo_dispatch(spend), Ok(()));
		let (issuance, treasury_before) =
			(pallet_balances::TotalIssuance::<Runtime>::get(), free_of(&treasury));
		jump_to_block(DAYS);
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), issuance, "nothing minted");
		assert_eq!(free_of(&treasury), treasury_before - 1_000 * UNIT, "the treasury paid");
		assert_eq!(excess_held(&dave), 900 * UNIT, "beyond its cap, held on Dave");
		assert_truth();
	});
}
