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

/// Charlie is Bob's `NonTransfer` proxy; `call`, made through the proxy, is refused by its
/// filter (directly, and nested in a batch) and changes none of Bob's funds.
fn refused_to_non_transfer(call: RuntimeCall) {
	let bob = Keyring::Bob.to_account_id();
	let funds = || {
		let account = frame_system::Account::<Runtime>::get(&bob).data;
		(account.free, account.reserved, account.frozen)
	};
	let before = funds();
	for call in [
		call.clone(),
		RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![remark(), call] }),
	] {
		guardian_runtime::System::reset_events();
		submit_ok(
			Keyring::Charlie,
			RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: MultiAddress::Id(bob.clone()),
				force_proxy_type: None,
				call: Box::new(call),
			}),
		);
		let executed = events().into_iter().find_map(|e| match e {
			RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(result),
			_ => None,
		});
		match executed {
			Some(Err(e)) => assert_eq!(e, call_filtered()),
			// A batch reports the failure of its nested call as its own.
			other => panic!("not refused: {other:?}"),
		}
	}
	assert_eq!(funds(), before, "Bob's funds are untouched");
}

#[test]
fn a_non_transfer_proxy_can_neither_move_nor_bind_its_delegators_funds() {
	on_chain(|| {
		submit_ok(
			Keyring::Bob,
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: MultiAddress::Id(Keyring::Charlie.to_account_id()),
				proxy_type: ProxyType::NonTransfer,
				delay: 0,
			}),
		);
		let bob = MultiAddress::Id(Keyring::Bob.to_account_id());
		let dave = MultiAddress::Id(Keyring::Dave.to_account_id());
		// An own limit freezes Bob's funds for `OwnLimitDelay`.
		refused_to_non_transfer(RuntimeCall::Guardian(pallet_guardian::Call::limit_own_outflow {
			windows: vec![WindowSpec { period: u32::MAX, limit: Limit::Absolute(1) }],
		}));
		// A bonded report holds a deposit that doubles with every open one and is slashed on
		// rejection.
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_reportable {
				target: pallet_target("Collateral"),
				reportable: true,
			})),
			Ok(())
		);
		refused_to_non_transfer(RuntimeCall::Guardian(pallet_guardian::Call::report {
			target: pallet_target("Collateral"),
			evidence: sp_core::H256::repeat_byte(1),
			duration: 10,
		}));
		// A collateral position reserves funds and can be liquidated.
		refused_to_non_transfer(RuntimeCall::Collateral(pallet_collateral::Call::open {
			collateral: 100 * UNIT,
			debt: 1,
		}));
		// Proxies, announcements and multisig operations reserve deposits.
		refused_to_non_transfer(RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
			delegate: dave.clone(),
			proxy_type: ProxyType::Any,
			delay: 0,
		}));
		refused_to_non_transfer(RuntimeCall::Proxy(pallet_proxy::Call::announce {
			real: dave.clone(),
			call_hash: Default::default(),
		}));
		refused_to_non_transfer(RuntimeCall::Multisig(pallet_multisig::Call::approve_as_multi {
			threshold: 2,
			other_signatories: vec![Keyring::Dave.to_account_id()],
			maybe_timepoint: None,
			call_hash: [0; 32],
			max_weight: frame_support::weights::Weight::zero(),
		}));
		// Acting as another account escapes the filter's view of whose funds move.
		refused_to_non_transfer(RuntimeCall::Utility(pallet_utility::Call::as_derivative {
			index: 0,
			call: Box::new(remark()),
		}));
		refused_to_non_transfer(RuntimeCall::Proxy(pallet_proxy::Call::proxy {
			real: dave,
			force_proxy_type: None,
			call: Box::new(remark()),
		}));
		// And moving them, of course.
		refused_to_non_transfer(keep_alive(Keyring::Dave, UNIT));
		assert!(pallet_guardian::Guards::<Runtime>::get(Keyring::Bob.to_account_id()).is_none());
		// What leaves the funds alone goes through.
		guardian_runtime::System::reset_events();
		submit_ok(
			Keyring::Charlie,
			RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: bob,
				force_proxy_type: None,
				call: Box::new(remark()),
			}),
		);
		assert!(events()
			.contains(&RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result: Ok(()) })));
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
