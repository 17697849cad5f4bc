//! The caps through real transfers against a brute-force model, the guard index and marker,
//! own-limit deposits, genesis and the runtime API's answers.

use super::*;

// ---- property: the caps hold through real transfers ---------------------------------------

/// For random sequences of debits (transfers of random size from the guarded account),
/// credits into it and block advances, the total debited in every interval of each window's
/// period never exceeds its limit — checked from scratch against the list of successful
/// debits (a brute-force model), with balances confirming each debit really happened.
#[test]
fn property_caps_hold_through_real_transfers() {
	for seed in 0..40u64 {
		new_test_ext().execute_with(|| {
			let mut rng = Rng::new(seed);
			let windows =
				vec![abs(5 + rng.below(20), 50 + rng.below(100)), abs(60, 200 + rng.below(100))];
			guard(1, windows.clone());
			assert_ok!(<Balances as Mutate<u64>>::mint_into(&2, 1_000_000));
			let mut debits: Vec<(u64, u64)> = Vec::new();
			let mut block = 1;
			for _ in 0..120 {
				match rng.below(6) {
					0 => {
						block += 1 + rng.below(15);
						run_to_block(block);
					}
					1 => {
						let value = 1 + rng.below(100);
						assert_ok!(send(2, 1, value));
					}
					_ => {
						let value = 1 + rng.below(80);
						let before = free(1);
						match send(1, 3, value) {
							Ok(()) => {
								assert_eq!(free(1), before - value);
								debits.push((block, value));
							}
							Err(e) => {
								assert_eq!(e, capped());
								assert_eq!(free(1), before);
							}
						}
					}
				}
			}
			for spec in &windows {
				let Limit::Absolute(limit) = spec.limit else { unreachable!() };
				for start in 1..=block {
					let total: u64 = debits
						.iter()
						.filter(|(at, _)| *at >= start && *at < start + spec.period)
						.map(|(_, v)| v)
						.sum();
					assert!(total <= limit, "seed {seed}: {total} > {limit} from {start}");
				}
			}
			assert!(!debits.is_empty(), "seed {seed}: some debits went through");
			crate::Pallet::<Test>::do_try_state().expect("invariants");
		});
	}
}

#[test]
fn the_guard_index_forgets_removed_accounts() {
	test(|| {
		for who in 1..=5u64 {
			guard(who, vec![abs(10, 10)]);
		}
		let index = GuardIndex::<Test>::get().expect("an index");
		for who in 1..=5u64 {
			assert!(index.contains(&crate::guard_index::Position::of(&who)));
		}
		for who in 1..=5 {
			assert_ok!(Guardian::remove_policy(capper(), who));
		}
		assert_eq!(GuardIndex::<Test>::get(), None);
		assert_eq!(Guards::<Test>::get(1), None::<AccountGuard<_, _, _, _, _>>);
	});
}

#[test]
fn the_guard_index_cannot_be_saturated_for_good() {
	test(|| {
		// Grind accounts onto one counter, as an attacker would, until it is past 255.
		let target = crate::guard_index::Position::of(&1u64).offsets().next().expect("a counter");
		let colliding: Vec<u64> = (1_000u64..)
			.filter(|who| crate::guard_index::Position::of(who).offsets().any(|o| o == target))
			.take(300)
			.collect();
		for who in &colliding {
			assert_ok!(<Balances as Mutate<u64>>::mint_into(who, 100));
			assert_ok!(Guardian::limit_own_outflow(RuntimeOrigin::signed(*who), vec![abs(10, 10)]));
		}
		let key = crate::guard_index::offset_key(target);
		assert_eq!(GuardIndexOverflow::<Test>::get(key), 300 - 255);
		crate::Pallet::<Test>::do_try_state().expect("the index counts exactly");
		// Every one of them leaves: the counter comes all the way down.
		run_to_block(2);
		for who in &colliding {
			assert_ok!(Guardian::remove_own_limit(RuntimeOrigin::signed(*who)));
		}
		run_to_block(2 + OWN_LIMIT_DELAY);
		for who in &colliding {
			assert_ok!(Guardian::enact_own_limit(RuntimeOrigin::signed(*who)));
		}
		assert_eq!(GuardIndexOverflow::<Test>::get(key), 0);
		assert_eq!(GuardIndex::<Test>::get(), None);
	});
}

#[test]
fn an_own_limit_holds_a_deposit_released_with_it() {
	test(|| {
		let deposit = <<Test as crate::Config>::OwnLimitDeposit as Get<u64>>::get();
		let me = RuntimeOrigin::signed(1);
		assert_ok!(Guardian::limit_own_outflow(me.clone(), vec![abs(10, 100)]));
		assert_eq!(Balances::balance_on_hold(&HoldReason::OwnLimit.into(), &1), deposit);
		assert_eq!(OwnLimitDeposits::<Test>::get(1), Some(deposit));
		// Tightening takes no second deposit.
		assert_ok!(Guardian::limit_own_outflow(me.clone(), vec![abs(10, 50)]));
		assert_eq!(Balances::balance_on_hold(&HoldReason::OwnLimit.into(), &1), deposit);
		assert_ok!(Guardian::remove_own_limit(me.clone()));
		run_to_block(1 + OWN_LIMIT_DELAY);
		assert_ok!(Guardian::enact_own_limit(me));
		assert_eq!(Balances::balance_on_hold(&HoldReason::OwnLimit.into(), &1), 0);
		assert_eq!(OwnLimitDeposits::<Test>::get(1), None);
		// An account that cannot pay the deposit cannot take an own limit.
		assert_ok!(<Balances as Mutate<u64>>::mint_into(&77, deposit));
		assert_noop!(
			Guardian::limit_own_outflow(RuntimeOrigin::signed(77), vec![abs(10, 1)]),
			Error::<Test>::CannotHoldDeposit
		);
		assert_conserved();
	});
}

#[test]
fn a_guarded_account_carries_the_marker_and_cannot_be_reaped() {
	test(|| {
		let marker = FreezeReason::Guarded.into();
		guard(1, vec![abs(10, 1000)]);
		assert_eq!(Balances::balance_frozen(&marker, &1), 1);
		// Emptying the account does not reap it: the guard (and its marker) stay.
		assert_ok!(RuntimeCall::Balances(pallet_balances::Call::transfer_all {
			dest: 2,
			keep_alive: false
		})
		.dispatch(RuntimeOrigin::signed(1)));
		assert!(frame_system::Account::<Test>::contains_key(1));
		assert!(Guards::<Test>::contains_key(1));
		assert_ok!(Guardian::remove_policy(capper(), 1));
		assert_eq!(Balances::balance_frozen(&marker, &1), 0);
		// An account that does not exist cannot be guarded.
		assert_noop!(
			Guardian::set_policy(capper(), 99, policy(vec![abs(10, 5)])),
			Error::<Test>::AccountCannotBeGuarded
		);
	});
}

#[test]
fn a_hold_change_never_stores_the_shown_cap() {
	test(|| {
		guard(1, vec![abs(100, 10)]);
		let stored = || frame_system::Account::<Test>::get(1).data;
		assert_eq!(stored().frozen, 1);
		// The read shows the cap, tagged...
		let shown =
			<<Test as pallet_balances::Config>::AccountStore as frame_support::traits::StoredMap<
				u64,
				pallet_balances::AccountData<u64>,
			>>::get(&1);
		assert!(shown.frozen > 1 && crate::caps::liquidity::is_shown(&shown.flags));
		// ...and pallet-balances writes the account back as it read it when it changes a hold:
		// what is stored is still the account's own frozen balance, with no tag.
		for _ in 0..20 {
			assert_ok!(<Balances as MutateHold<u64>>::hold(&DEPOSIT, &1, 1));
			assert_eq!(stored().frozen, 1);
		}
		assert_ok!(<Balances as MutateHold<u64>>::release(
			&DEPOSIT,
			&1,
			20,
			frame_support::traits::tokens::Precision::Exact
		));
		assert_eq!(stored().frozen, 1);
		assert!(!crate::caps::liquidity::is_shown(&stored().flags));
		// New holds count as outflow (conservative: held value never leaves uncounted): the
		// 20 held used the allowance of 10 up; the stored frozen balance is still the
		// account's own, so the allowance refills with the window.
		assert_eq!(Guardian::remaining_allowance(&1), Some(0));
		System::set_block_number(200);
		assert_eq!(Guardian::remaining_allowance(&1), Some(10));
		assert_ok!(send(1, 2, 10));
	});
}

#[test]
fn genesis_guards_accounts_and_sets_the_global_cap() {
	new_test_ext_with(crate::GenesisConfig {
		guarded: vec![(1, policy(vec![abs(10, 100)])), (2, policy(vec![abs(10, 100)]))],
		global_cap: Some(policy(vec![abs(10, 150)])),
		..Default::default()
	})
	.execute_with(|| {
		assert!(Guardian::may_be_guarded(&1) && Guardian::may_be_guarded(&2));
		assert_noop!(send(1, 3, 101), capped());
		assert_ok!(send(1, 3, 100));
		assert_noop!(send(2, 3, 51), capped());
		crate::Pallet::<Test>::do_try_state().expect("invariants");
	});
}

#[test]
#[should_panic(expected = "genesis policy of 1 is invalid")]
fn genesis_refuses_invalid_policies() {
	new_test_ext_with(crate::GenesisConfig {
		guarded: vec![(1, policy(vec![abs(0, 100)]))],
		..Default::default()
	});
}

// ---- the runtime API's answers ------------------------------------------------------------

#[test]
fn the_runtime_api_reports_pauses_as_the_filter_applies_them() {
	test(|| {
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_keep_alive"), None);
		assert_ok!(Guardian::pause(
			RuntimeOrigin::root(),
			PauseTarget::Call {
				pallet: b"Balances".to_vec(),
				call: b"transfer_keep_alive".to_vec()
			},
			5
		));
		assert_ok!(Guardian::pause(
			RuntimeOrigin::root(),
			PauseTarget::Pallet { pallet: b"Balances".to_vec() },
			9
		));
		// Covered by both: runs again when the later one ends.
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_keep_alive"), Some(10));
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_all"), Some(10));
		assert_eq!(Guardian::call_paused_until(b"Utility", b"batch"), None);
		// The third pause is a response's (governance may fill two of the mock's four).
		let chain = Guardian::validate_target(&PauseTarget::Chain).expect("valid");
		assert_eq!(respond(crate::Contributor::CapResponse, &[chain], 3), 1);
		assert_eq!(Guardian::call_paused_until(b"Utility", b"batch"), Some(4));
		// The whitelist and the guardian never pause, safe mode or not.
		assert_eq!(Guardian::call_paused_until(b"System", b"remark"), None);
		assert_eq!(Guardian::call_paused_until(b"Guardian", b"resume"), None);
		assert_eq!(Guardian::active_pauses().len(), 3);
		// Expired pauses are not reported, even before the hook removes them.
		System::set_block_number(6);
		assert_eq!(Guardian::active_pauses().len(), 1);
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_keep_alive"), Some(10));
		assert_eq!(Guardian::call_paused_until(b"Utility", b"batch"), None);
		System::set_block_number(10);
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_keep_alive"), None);
		run_to_block(10);
	});
}

#[test]
fn the_runtime_api_reports_allowances_per_window() {
	use crate::runtime_api::AllowanceScope;
	test(|| {
		assert!(Guardian::allowances(&1).is_empty());
		guard(1, vec![abs(10, 100), share(20, 50)]);
		assert_ok!(Guardian::limit_own_outflow(RuntimeOrigin::signed(1), vec![abs(10, 80)]));
		assert_ok!(Guardian::set_global_cap(capper(), Some(policy(vec![abs(10, 300)]))));
		assert_ok!(send(1, 2, 30));
		let windows: Vec<_> = Guardian::allowances(&1)
			.into_iter()
			.map(|w| (w.scope, w.limit, w.used, w.remaining))
			.collect();
		assert_eq!(
			windows,
			vec![
				(AllowanceScope::Own, 80, 30, 50),
				(AllowanceScope::Policy, 100, 30, 70),
				// 50% of the balance when the window started (1000).
				(AllowanceScope::Policy, 500, 30, 470),
				(AllowanceScope::Global, 300, 30, 270),
			]
		);
		assert_eq!(Guardian::remaining_allowance(&1), Some(50));
		assert_eq!(Guardian::global_allowances().len(), 1);
	});
}
