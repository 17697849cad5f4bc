//! Attacks that try to turn the guard against the chain, on the real template runtime: a
//! refusal that would mint (pallet-treasury's `spend_local`, which credits first and settles
//! after), a proxy that may not move funds freezing its delegator, storage taken for free, and
//! the storage migration that marks accounts guarded before it. After each, the total issuance
//! equals the sum of all balances (checked by `on_chain`).

use guardian_integration_tests::*;
use guardian_runtime::{
	configs::{guardian::OWN_LIMIT_DEPOSIT, ProxyType, TreasuryAccount},
	Runtime, RuntimeCall, RuntimeEvent, DAYS,
};
use pallet_guardian::{Event as GuardianEvent, HoldReason, Limit, PolicyInput, WindowSpec};
use sp_runtime::MultiAddress;

const CAP: Balance = 100 * UNIT;

fn guard_treasury() -> AccountId {
	let treasury: AccountId = TreasuryAccount::get();
	submit_ok(
		Keyring::Ferdie,
		RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: MultiAddress::Id(treasury.clone()),
			value: 10_000 * UNIT,
		}),
	);
	let policy = PolicyInput {
		windows: vec![WindowSpec { period: DAYS, limit: Limit::Absolute(CAP) }],
		high_water: None,
		response: None,
	};
	assert_eq!(
		sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
			who: MultiAddress::Id(treasury.clone()),
			policy,
		})),
		Ok(())
	);
	treasury
}

fn held_excess(who: &AccountId) -> Balance {
	<pallet_balances::Pallet<Runtime> as frame_support::traits::fungible::InspectHold<
		AccountId,
	>>::balance_on_hold(&HoldReason::Excess.into(), who)
}

#[test]
fn a_treasury_spend_beyond_its_cap_mints_nothing_and_its_excess_is_held() {
	on_chain(|| {
		let treasury = guard_treasury();
		let dave = Keyring::Dave.to_account_id();
		let (treasury_before, dave_before) = (free_of(&treasury), free(Keyring::Dave));
		#[allow(deprecated)]
		let spend = RuntimeCall::Treasury(pallet_treasury::Call::spend_local {
			amount: 1_000 * UNIT,
			beneficiary: MultiAddress::Id(dave.clone()),
		});
		assert_eq!(sudo_dispatch(spend), Ok(()));
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		// The spend period: pallet-treasury credits Dave, then settles from the treasury and
		// drops any error. Before the guardian's fix a refused settle minted the 1 000 UNIT.
		jump_to_block(DAYS);
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), issuance, "nothing minted");
		assert_eq!(free_of(&treasury), treasury_before - 1_000 * UNIT);
		// The 900 beyond the treasury's allowance is held on Dave, for governance to return.
		assert_eq!(held_excess(&dave), 900 * UNIT);
		assert_eq!(free(Keyring::Dave), dave_before + CAP);
		assert!(guardian_events().contains(&GuardianEvent::DebitBeyondCap {
			who: treasury.clone(),
			amount: 1_000 * UNIT,
			excess: 900 * UNIT,
		}));
		assert_conserved();
		// Governance returns it.
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::return_excess {
				on: MultiAddress::Id(dave.clone()),
				from: MultiAddress::Id(treasury.clone()),
			})),
			Ok(())
		);
		assert_eq!(free_of(&treasury), treasury_before - CAP);
		assert_eq!((held_excess(&dave), free(Keyring::Dave)), (0, dave_before + CAP));
	});
}

#[test]
fn a_non_transfer_proxy_cannot_freeze_its_delegator() {
	on_chain(|| {
		submit_ok(
			Keyring::Bob,
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: MultiAddress::Id(Keyring::Charlie.to_account_id()),
				proxy_type: ProxyType::NonTransfer,
				delay: 0,
			}),
		);
		let limit = RuntimeCall::Guardian(pallet_guardian::Call::limit_own_outflow {
			windows: vec![WindowSpec { period: u32::MAX, limit: Limit::Absolute(1) }],
		});
		submit_ok(
			Keyring::Charlie,
			RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: MultiAddress::Id(Keyring::Bob.to_account_id()),
				force_proxy_type: None,
				call: Box::new(limit),
			}),
		);
		assert!(events().contains(&RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted {
			result: Err(call_filtered())
		})));
		assert!(pallet_guardian::Guards::<Runtime>::get(Keyring::Bob.to_account_id()).is_none());
	});
}

#[test]
fn an_own_limit_pays_for_its_storage_and_gets_it_back() {
	on_chain(|| {
		let eve = Keyring::Eve.to_account_id();
		let on_hold = || {
			<pallet_balances::Pallet<Runtime> as frame_support::traits::fungible::InspectHold<
				AccountId,
			>>::balance_on_hold(&HoldReason::OwnLimit.into(), &eve)
		};
		submit_ok(
			Keyring::Eve,
			RuntimeCall::Guardian(pallet_guardian::Call::limit_own_outflow {
				windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(UNIT) }],
			}),
		);
		assert_eq!(on_hold(), OWN_LIMIT_DEPOSIT);
		submit_ok(Keyring::Eve, RuntimeCall::Guardian(pallet_guardian::Call::remove_own_limit {}));
		jump_to_block(guardian_runtime::System::block_number() + DAYS);
		submit_ok(Keyring::Eve, RuntimeCall::Guardian(pallet_guardian::Call::enact_own_limit {}));
		assert_eq!(on_hold(), 0);
		assert!(pallet_guardian::Guards::<Runtime>::get(&eve).is_none());
	});
}

#[test]
fn the_migration_marks_accounts_guarded_before_it() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	on_chain(|| {
		let bob = Keyring::Bob.to_account_id();
		// A guard as version 1 stored it: a record and the index, no marker.
		let policy = PolicyInput {
			windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(UNIT) }],
			high_water: None,
			response: None,
		};
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
				who: MultiAddress::Id(bob.clone()),
				policy,
			})),
			Ok(())
		);
		let marker = pallet_guardian::FreezeReason::Guarded.into();
		let frozen = |who: &AccountId| {
			<pallet_balances::Pallet<Runtime> as frame_support::traits::fungible::InspectFreeze<
				AccountId,
			>>::balance_frozen(&marker, who)
		};
		assert_eq!(
			<pallet_balances::Pallet<Runtime> as frame_support::traits::fungible::MutateFreeze<
				AccountId,
			>>::thaw(&marker, &bob),
			Ok(())
		);
		assert_eq!(frozen(&bob), 0);
		StorageVersion::new(1).put::<pallet_guardian::Pallet<Runtime>>();
		// Unmarked, the ledger sees the account as unguarded: its whole free balance is
		// spendable by any path that asks pallet-balances directly.
		let spendable = || {
			<pallet_balances::Pallet<Runtime> as frame_support::traits::fungible::Inspect<
				AccountId,
			>>::reducible_balance(
				&bob,
				frame_support::traits::tokens::Preservation::Preserve,
				frame_support::traits::tokens::Fortitude::Polite,
			)
		};
		assert!(spendable() > 2 * UNIT);
		guardian_runtime::Migrations::on_runtime_upgrade();
		assert_eq!(frozen(&bob), 1);
		// The runtime's migrations run on to the pallet's current version.
		assert_eq!(
			pallet_guardian::Pallet::<Runtime>::on_chain_storage_version(),
			pallet_guardian::Pallet::<Runtime>::in_code_storage_version()
		);
		// Marked, the cap shows again: one unit is all that can leave.
		assert_eq!(spendable(), UNIT);
		let dave = Keyring::Dave.to_account_id();
		let before = free_of(&dave);
		submit_ok(
			Keyring::Bob,
			RuntimeCall::Balances(pallet_balances::Call::transfer_all {
				dest: MultiAddress::Id(dave.clone()),
				keep_alive: true,
			}),
		);
		assert_eq!(free_of(&dave) - before, UNIT);
		// Running it again does nothing (the version is current).
		guardian_runtime::Migrations::on_runtime_upgrade();
		assert_eq!(frozen(&bob), 1);
	});
}
