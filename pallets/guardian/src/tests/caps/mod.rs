//! Unit tests of the velocity caps on the mock runtime: policies and their errors, the ledger
//! guard on every kind of balance change (polite paths refused by pallet-balances through the
//! cap the reads show, forced paths landing), slashes, reserved and held funds, value credited
//! in anticipation and its excess hold, own limits with their delay and deposit, the global
//! cap, the high-water response, the pool check and the guard work charged, the guard marker
//! and index, and a property test of the caps through real transfers against a brute-force
//! model.

use crate::{
	rolling_window::tests::Rng, tests::mock::*, AccountGuard, CapScope, CheckVelocity,
	DebitsBeyondCap, Error, Event, ExcessHolds, FreezeReason, GlobalCap, GuardIndex,
	GuardIndexOverflow, Guards, HoldReason, Limit, OwnLimitAnnouncements, OwnLimitDeposits,
	PauseTarget, PlaybookInput, PolicyInput, RiskLevel, WeightInfo, WindowSpec, CAP_EXCEEDED_ERROR,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::{
		fungible::{Balanced, BalancedHold, InspectFreeze, InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		Currency, ExistenceRequirement, Get, Imbalance, ReservableCurrency, WithdrawReasons,
	},
	weights::Weight,
};
use sp_runtime::{
	traits::{BadOrigin, DispatchTransaction, Dispatchable, TransactionExtension},
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	DispatchError, Perbill, TokenError,
};

mod accounts;
mod limits;
mod pool;

type Spec = WindowSpec<u64, u64>;

fn abs(period: u64, limit: u64) -> Spec {
	WindowSpec { period, limit: Limit::Absolute(limit) }
}
fn share(period: u64, percent: u32) -> Spec {
	WindowSpec { period, limit: Limit::ShareOfBalance(Perbill::from_percent(percent)) }
}
fn policy(windows: Vec<Spec>) -> PolicyInput<u64, u64> {
	PolicyInput { windows, high_water: None, response: None }
}
fn guard(who: u64, windows: Vec<Spec>) {
	assert_ok!(Guardian::set_policy(capper(), who, policy(windows)));
}
fn send(from: u64, to: u64, value: u64) -> Result<(), DispatchError> {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: to, value })
		.dispatch(RuntimeOrigin::signed(from))
		.map(|_| ())
		.map_err(|e| e.error)
}
fn transfer_call(to: u64, value: u64) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: to, value })
}
/// What pallet-balances answers a polite debit beyond the allowance: the cap shows as frozen
/// balance, and its own check refuses before anything moves.
fn capped() -> DispatchError {
	TokenError::Frozen.into()
}
/// The issuance equals the sum of all balances (nothing created or destroyed).
fn assert_conserved() {
	let sum: u64 =
		frame_system::Account::<Test>::iter().map(|(_, a)| a.data.free + a.data.reserved).sum();
	assert_eq!(Balances::total_issuance(), sum, "issuance = sum of balances");
}
fn beyond_cap() -> Vec<(u64, u64, u64)> {
	guardian_events()
		.into_iter()
		.filter_map(|e| match e {
			Event::DebitBeyondCap { who, amount, excess } => Some((who, amount, excess)),
			_ => None,
		})
		.collect()
}
fn free(who: u64) -> u64 {
	Balances::free_balance(who)
}

// ---- policies: set, change, remove, errors -----------------------------------------------

#[test]
fn set_change_and_remove_a_policy() {
	test(|| {
		assert_eq!(GuardIndex::<Test>::get(), None);
		guard(1, vec![abs(10, 100)]);
		assert!(Guardian::may_be_guarded(&1));
		assert_eq!(guardian_events().last(), Some(&Event::PolicySet { who: 1 }));

		assert_ok!(send(1, 2, 60));
		assert_ok!(Guardian::change_policy(capper(), 1, policy(vec![abs(20, 100)])));
		assert_eq!(guardian_events().last(), Some(&Event::PolicyChanged { who: 1 }));
		// The 60 already sent is carried over into the new window.
		assert_noop!(send(1, 2, 41), capped());
		assert_ok!(send(1, 2, 40));

		assert_ok!(Guardian::remove_policy(capper(), 1));
		assert_eq!(guardian_events().last(), Some(&Event::PolicyRemoved { who: 1 }));
		assert_eq!(Guards::<Test>::get(1), None);
		assert_eq!(GuardIndex::<Test>::get(), None, "the last guard takes the index with it");
		assert_ok!(send(1, 2, 500));
	});
}

#[test]
fn bad_policies_are_refused_and_change_nothing() {
	test(|| {
		let cases: Vec<(PolicyInput<u64, u64>, Error<Test>)> = vec![
			(policy(vec![]), Error::NoWindows),
			(policy(vec![abs(1, 1), abs(2, 1), abs(3, 1), abs(4, 1)]), Error::TooManyWindows),
			(policy(vec![abs(0, 100)]), Error::ZeroPeriod),
			(policy(vec![abs(10, 0)]), Error::ZeroLimit),
			(policy(vec![share(10, 0)]), Error::ZeroLimit),
			(policy(vec![abs(10, u64::MAX / 4)]), Error::LimitOverflow),
			(policy(vec![abs(10, 5), abs(10, 6)]), Error::DuplicatePeriod),
			(
				PolicyInput { high_water: Some(Perbill::zero()), ..policy(vec![abs(10, 5)]) },
				Error::HighWaterOutOfRange,
			),
			(
				PolicyInput {
					response: Some(PlaybookInput {
						pause: vec![],
						pause_inbound: false,
						raise_to: RiskLevel::Normal,
						duration: 5,
					}),
					..policy(vec![abs(10, 5)])
				},
				Error::ResponseWithoutHighWater,
			),
		];
		let with_response = |targets: Vec<_>, duration| PolicyInput {
			high_water: Some(Perbill::from_percent(80)),
			response: Some(PlaybookInput {
				pause: targets,
				pause_inbound: false,
				raise_to: RiskLevel::Normal,
				duration,
			}),
			..policy(vec![abs(10, 5)])
		};
		let balances = PauseTarget::Pallet { pallet: b"Balances".to_vec() };
		let more_cases = vec![
			(with_response(vec![], 5), Error::NoResponseTargets),
			(with_response(vec![balances.clone(); 3], 5), Error::TooManyTargets),
			(with_response(vec![balances.clone()], 0), Error::ZeroDuration),
			(
				with_response(vec![balances.clone()], PROGRAMMATIC_BOUND + 1),
				Error::DurationBeyondBound,
			),
			(
				with_response(vec![PauseTarget::Pallet { pallet: b"Nope".to_vec() }], 5),
				Error::UnknownPallet,
			),
			(
				with_response(vec![PauseTarget::Pallet { pallet: b"System".to_vec() }], 5),
				Error::TargetWhitelisted,
			),
		];
		for (input, error) in cases.into_iter().chain(more_cases) {
			assert_noop!(Guardian::set_policy(capper(), 1, input), error);
		}
		assert_noop!(
			Guardian::set_policy(RuntimeOrigin::signed(1), 1, policy(vec![abs(10, 5)])),
			BadOrigin
		);
		assert_noop!(
			Guardian::change_policy(capper(), 1, policy(vec![abs(10, 5)])),
			Error::<Test>::NoPolicy
		);
		assert_noop!(Guardian::remove_policy(capper(), 1), Error::<Test>::NoPolicy);
		guard(1, vec![abs(10, 5)]);
		assert_noop!(
			Guardian::set_policy(capper(), 1, policy(vec![abs(10, 5)])),
			Error::<Test>::PolicyExists
		);
		assert_noop!(
			Guardian::set_global_cap(capper(), Some(policy(vec![share(10, 5)]))),
			Error::<Test>::ShareNotAllowed
		);
		assert_noop!(Guardian::set_global_cap(capper(), None), Error::<Test>::NoPolicy);
		assert_noop!(Guardian::reset_usage(capper(), CapScope::Global), Error::<Test>::NoPolicy);
		assert_noop!(Guardian::reset_usage(capper(), CapScope::Own(1)), Error::<Test>::NoOwnLimit);
		assert_noop!(Guardian::reset_usage(RuntimeOrigin::signed(1), CapScope::Global), BadOrigin);
	});
}

// ---- the ledger guard -------------------------------------------------------------------

#[docify::export]
#[test]
fn a_debit_beyond_the_allowance_fails_and_moves_nothing() {
	test(|| {
		guard(1, vec![abs(10, 100), abs(50, 150)]);
		assert_ok!(send(1, 2, 100));
		let before = (free(1), free(2), Guards::<Test>::get(1));
		assert_noop!(send(1, 2, 1), capped());
		assert_eq!((free(1), free(2), Guards::<Test>::get(1)), before);

		// The short window refills after 10 blocks, the long one still binds.
		run_to_block(11);
		assert_ok!(send(1, 2, 50));
		assert_noop!(send(1, 2, 1), capped());
		// Block 1 left the 50-block window at block 51, but its bucket (blocks 0..=7 for a
		// 50-block window) counts until block 56: conservative by at most one bucket.
		run_to_block(56);
		assert_noop!(send(1, 2, 1), capped());
		run_to_block(57);
		assert_ok!(send(1, 2, 100));
		assert_noop!(send(1, 2, 1), capped());
	});
}

#[test]
fn inflows_are_never_blocked_and_unguarded_accounts_are_untouched() {
	test(|| {
		guard(1, vec![abs(10, 10)]);
		for _ in 0..5 {
			assert_ok!(send(2, 1, 100));
		}
		assert_eq!(free(1), 1500);
		assert_ok!(send(2, 3, 400));
		assert_eq!(Guards::<Test>::get(2), None);
	});
}

#[test]
fn every_polite_way_out_is_capped_before_it_moves_anything() {
	test(|| {
		guard(1, vec![abs(100, 50)]);
		// fungible::Mutate::transfer, as another pallet would call it.
		assert_noop!(
			<Balances as Mutate<u64>>::transfer(&1, &2, 51, Preservation::Preserve),
			capped()
		);
		// Burning and withdrawing through both APIs.
		assert_noop!(
			<Balances as Mutate<u64>>::burn_from(
				&1,
				51,
				Preservation::Preserve,
				Precision::Exact,
				Fortitude::Polite
			),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			<Balances as Currency<u64>>::transfer(&1, &2, 51, ExistenceRequirement::AllowDeath),
			capped()
		);
		assert!(<Balances as Currency<u64>>::withdraw(
			&1,
			51,
			WithdrawReasons::TRANSFER,
			ExistenceRequirement::KeepAlive
		)
		.is_err());
		assert_eq!(free(1), 1000);
		// `transfer_all` sends what it may: the allowance, and nothing beyond.
		assert_ok!(RuntimeCall::Balances(pallet_balances::Call::transfer_all {
			dest: 2,
			keep_alive: false
		})
		.dispatch(RuntimeOrigin::signed(1)));
		assert_eq!(free(1), 950);
		assert_noop!(send(1, 2, 1), capped());
		assert!(beyond_cap().is_empty(), "nothing went beyond the cap");
		assert_conserved();
	});
}

#[test]
fn reserving_and_unreserving_move_nothing_out() {
	test(|| {
		guard(1, vec![abs(100, 10)]);
		assert_ok!(<Balances as ReservableCurrency<u64>>::reserve(&1, 500));
		assert_eq!(Balances::reserved_balance(1), 500);
		<Balances as ReservableCurrency<u64>>::unreserve(&1, 200);
		assert_eq!((free(1), Balances::reserved_balance(1)), (700, 300));
		// The allowance is untouched: 10 may still leave.
		assert_eq!(Guardian::remaining_allowance(&1), Some(10));
		assert_ok!(send(1, 2, 10));
		assert_noop!(send(1, 2, 1), capped());
		assert_conserved();
	});
}

#[test]
fn reserved_funds_moved_to_another_account_are_capped() {
	test(|| {
		guard(1, vec![abs(100, 50)]);
		assert_ok!(<Balances as ReservableCurrency<u64>>::reserve(&1, 500));
		// Repatriation (a deposit passed to a new owner) moves only what the cap allows.
		let repatriate = |value, status| {
			<Balances as ReservableCurrency<u64>>::repatriate_reserved(&1, &2, value, status)
		};
		assert_eq!(repatriate(300, frame_support::traits::BalanceStatus::Free), Ok(250));
		assert_eq!((Balances::reserved_balance(1), free(2)), (450, 1050));
		assert_eq!(Guardian::remaining_allowance(&1), Some(0));
		assert_eq!(repatriate(100, frame_support::traits::BalanceStatus::Reserved), Ok(100));
		// The window refills.
		run_to_block(116);
		assert_eq!(repatriate(50, frame_support::traits::BalanceStatus::Free), Ok(0));
		assert_conserved();
	});
}

#[test]
fn held_funds_moved_to_another_account_are_capped() {
	test(|| {
		// Funds held before the guard was placed count when they leave.
		assert_ok!(<Balances as MutateHold<u64>>::hold(&DEPOSIT, &1, 300));
		guard(1, vec![abs(100, 50)]);
		let transfer_on_hold = |amount, precision| {
			<Balances as MutateHold<u64>>::transfer_on_hold(
				&DEPOSIT,
				&1,
				&2,
				amount,
				precision,
				Restriction::Free,
				Fortitude::Polite,
			)
		};
		assert_noop!(transfer_on_hold(51, Precision::Exact), capped());
		assert_eq!(transfer_on_hold(100, Precision::BestEffort), Ok(50));
		assert_eq!(transfer_on_hold(100, Precision::BestEffort), Ok(0));
		assert_eq!((Balances::balance_on_hold(&DEPOSIT, &1), free(2)), (250, 1050));
		// Releasing held funds back to the owner is free, and moves nothing out.
		assert_ok!(<Balances as MutateHold<u64>>::release(&DEPOSIT, &1, 100, Precision::Exact));
		assert_eq!(Guardian::remaining_allowance(&1), Some(0));
		assert_conserved();
	});
}

#[test]
fn a_new_hold_counts_as_outflow() {
	test(|| {
		guard(1, vec![abs(100, 50)]);
		// pallet-balances withdraws, then holds: the withdrawal counts (see the ledger docs).
		assert_ok!(<Balances as MutateHold<u64>>::hold(&DEPOSIT, &1, 30));
		assert_eq!(Guardian::remaining_allowance(&1), Some(20));
		assert_noop!(send(1, 2, 21), capped());
		assert_ok!(send(1, 2, 20));
		assert_conserved();
	});
}

#[test]
fn slashes_always_succeed_whatever_the_cap_or_the_level() {
	test(|| {
		guard(1, vec![abs(100, 1)]);
		assert_ok!(Guardian::raise_risk_level(RuntimeOrigin::root(), RiskLevel::Critical, 50));
		assert_eq!(Guardian::remaining_allowance(&1), Some(0));
		assert_ok!(<Balances as MutateHold<u64>>::hold(&DEPOSIT, &1, 200));
		assert_ok!(<Balances as ReservableCurrency<u64>>::reserve(&1, 100));
		System::reset_events();
		// Currency: free and reserved.
		let (imbalance, left) = <Balances as Currency<u64>>::slash(&1, 50);
		assert_eq!((imbalance.peek(), left), (50, 0));
		drop(imbalance);
		let (imbalance, left) = <Balances as ReservableCurrency<u64>>::slash_reserved(&1, 60);
		assert_eq!((imbalance.peek(), left), (60, 0));
		drop(imbalance);
		// fungible: a forced withdrawal, a forced burn, a slash of held funds, a forced burn of
		// held funds and a forced transfer of held funds (the power of a slash).
		let credit = <Balances as Balanced<u64>>::withdraw(
			&1,
			40,
			Precision::Exact,
			Preservation::Expendable,
			Fortitude::Force,
		)
		.expect("a forced withdrawal");
		assert_eq!(credit.peek(), 40);
		drop(credit);
		assert_eq!(
			<Balances as Mutate<u64>>::burn_from(
				&1,
				30,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Force
			),
			Ok(30)
		);
		let (credit, left) = <Balances as BalancedHold<u64>>::slash(&DEPOSIT, &1, 70);
		assert_eq!((credit.peek(), left), (70, 0));
		drop(credit);
		assert_eq!(
			<Balances as MutateHold<u64>>::burn_held(
				&DEPOSIT,
				&1,
				20,
				Precision::Exact,
				Fortitude::Force
			),
			Ok(20)
		);
		assert_eq!(
			<Balances as MutateHold<u64>>::transfer_on_hold(
				&DEPOSIT,
				&1,
				&2,
				10,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force
			),
			Ok(10)
		);
		let left = 1000 - 50 - 60 - 40 - 30 - 70 - 20 - 10;
		assert_eq!(free(1) + Balances::reserved_balance(1), left);
		// Each went beyond the (zero) allowance, and each was reported.
		assert_eq!(beyond_cap().len(), 7, "{:?}", beyond_cap());
		// With the hold made at the start (a new hold counts as outflow), eight in all.
		assert_eq!(DebitsBeyondCap::<Test>::get(), 8);
		assert_conserved();
	});
}

/// pallet-treasury's spend period, reduced to what matters: in `on_initialize`, after the
/// guardian's hook, the beneficiaries are credited first (`deposit_creating`) and the treasury
/// settles afterwards, dropping any error.
fn treasury_like_payout(treasury: u64, beneficiaries: &[(u64, u64)]) {
	let mut imbalance = <Balances as Currency<u64>>::PositiveImbalance::zero();
	for (who, value) in beneficiaries {
		imbalance.subsume(<Balances as Currency<u64>>::deposit_creating(who, *value));
	}
	if let Err(problem) = <Balances as Currency<u64>>::settle(
		&treasury,
		imbalance,
		WithdrawReasons::TRANSFER,
		ExistenceRequirement::KeepAlive,
	) {
		drop(problem);
	}
}

#[test]
fn value_credited_in_anticipation_lands_and_its_excess_is_held_on_the_recipients() {
	test(|| {
		guard(1, vec![abs(100, 100)]);
		let issuance = Balances::total_issuance();
		// Block 2's initialization: the guardian's hook has opened its window.
		initialize_block(2);
		System::reset_events();
		treasury_like_payout(1, &[(40, 150), (50, 200)]);
		// Nothing minted: the treasury paid all 350, and the 250 beyond its allowance is on
		// hold on the beneficiaries, the most recent first (each keeps its existential
		// deposit free).
		assert_eq!(Balances::total_issuance(), issuance);
		assert_eq!(free(1), 650);
		let held = |who| Balances::balance_on_hold(&HoldReason::Excess.into(), &who);
		assert_eq!((held(50), held(40)), (199, 51));
		assert_eq!((free(50), free(40)), (1, 99));
		assert_eq!(beyond_cap(), vec![(1, 350, 250)]);
		let until = 2 + <<Test as crate::Config>::ExcessHoldPeriod as Get<u64>>::get();
		assert!(guardian_events().contains(&Event::ExcessHeld {
			from: 1,
			on: 50,
			amount: 199,
			until
		}));
		assert_conserved();
		// Governance returns one to the treasury; the other is released once the period is
		// over, by anyone.
		assert_noop!(
			Guardian::release_excess(RuntimeOrigin::signed(3), 40, 1),
			Error::<Test>::ExcessHoldNotDue
		);
		assert_noop!(Guardian::return_excess(RuntimeOrigin::signed(3), 50, 1), BadOrigin);
		assert_ok!(Guardian::return_excess(capper(), 50, 1));
		assert_eq!((free(1), free(50), held(50)), (849, 1, 0));
		assert_noop!(Guardian::return_excess(capper(), 50, 1), Error::<Test>::NoExcessHold);
		run_to_block(until);
		assert_ok!(Guardian::release_excess(RuntimeOrigin::signed(3), 40, 1));
		assert_eq!((free(40), held(40)), (150, 0));
		assert_eq!(ExcessHolds::<Test>::iter().count(), 0);
		assert_conserved();
	});
}

#[test]
fn inside_an_extrinsic_the_cap_shows_whatever_was_credited() {
	test(|| {
		guard(1, vec![abs(100, 100)]);
		run_to_block(2);
		// The same credit inside a storage layer (any dispatch): the cap shows, the settle is
		// refused before it moves anything. (A caller that then drops the error mints, as it
		// would for any frozen or locked account: the hook window is the guardian's exception,
		// and an extrinsic never gets it.)
		let issuance = Balances::total_issuance();
		let settled = frame_support::storage::with_storage_layer(|| {
			<Balances as Currency<u64>>::settle(
				&1,
				<Balances as Currency<u64>>::deposit_creating(&40, 350),
				WithdrawReasons::TRANSFER,
				ExistenceRequirement::KeepAlive,
			)
			.map_err(|imbalance| {
				let amount = imbalance.peek();
				core::mem::forget(imbalance);
				DispatchError::Other(if amount == 350 { "refused" } else { "partial" })
			})
		});
		assert_eq!(settled, Err(DispatchError::Other("refused")));
		assert_eq!((free(1), free(40), Balances::total_issuance()), (1000, 0, issuance));
		assert_conserved();
	});
}

#[test]
fn batches_proxies_of_the_call_cannot_escape() {
	test(|| {
		guard(1, vec![abs(100, 50)]);
		let transfer = |value| {
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: 2, value })
		};
		// batch: the second transfer is refused, the batch stops there.
		assert_ok!(RuntimeCall::Utility(pallet_utility::Call::batch {
			calls: vec![transfer(40), transfer(40)]
		})
		.dispatch(RuntimeOrigin::signed(1)));
		assert_eq!(free(1), 960);
		// batch_all: all or nothing.
		assert_noop!(
			RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![transfer(5), transfer(6)]
			})
			.dispatch(RuntimeOrigin::signed(1))
			.map_err(|e| e.error),
			capped()
		);
		// force_batch: the refused one is skipped.
		assert_ok!(RuntimeCall::Utility(pallet_utility::Call::force_batch {
			calls: vec![transfer(30), transfer(10)]
		})
		.dispatch(RuntimeOrigin::signed(1)));
		assert_eq!(free(1), 950);
	});
}
