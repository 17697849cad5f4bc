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

// ---- own limits ---------------------------------------------------------------------------

#[test]
fn own_limits_tighten_at_once_and_loosen_after_the_delay() {
	test(|| {
		let me = RuntimeOrigin::signed(1);
		assert_ok!(Guardian::limit_own_outflow(me.clone(), vec![abs(10, 100)]));
		assert_eq!(guardian_events().last(), Some(&Event::OwnLimitSet { who: 1 }));
		assert_ok!(send(1, 2, 80));
		// Tightening: in force at once, usage carried over.
		assert_ok!(Guardian::limit_own_outflow(me.clone(), vec![abs(20, 90)]));
		assert_noop!(send(1, 2, 11), capped());
		assert_ok!(send(1, 2, 10));

		// Loosening: only announced.
		assert_ok!(Guardian::limit_own_outflow(me.clone(), vec![abs(20, 1000)]));
		let effective_at = 1 + OWN_LIMIT_DELAY;
		assert_eq!(
			guardian_events().last(),
			Some(&Event::OwnLimitAnnounced { who: 1, effective_at, removal: false })
		);
		assert_noop!(send(1, 2, 1), capped());
		assert_noop!(Guardian::enact_own_limit(me.clone()), Error::<Test>::AnnouncementNotDue);
		run_to_block(effective_at);
		assert_ok!(Guardian::enact_own_limit(me.clone()));
		assert_eq!(
			guardian_events().last(),
			Some(&Event::OwnLimitEnacted { who: 1, removed: false })
		);
		assert_ok!(send(1, 2, 500));

		// Removal: announced, cancellable.
		assert_ok!(Guardian::remove_own_limit(me.clone()));
		assert_ok!(Guardian::cancel_own_announcement(me.clone()));
		assert_eq!(
			guardian_events().last(),
			Some(&Event::OwnLimitAnnouncementCancelled { who: 1 })
		);
		assert_noop!(Guardian::cancel_own_announcement(me.clone()), Error::<Test>::NoAnnouncement);
		assert_noop!(Guardian::enact_own_limit(me.clone()), Error::<Test>::NoAnnouncement);
		assert_ok!(Guardian::remove_own_limit(me.clone()));
		run_to_block(effective_at + OWN_LIMIT_DELAY);
		assert_ok!(Guardian::enact_own_limit(me.clone()));
		assert_eq!(Guards::<Test>::get(1), None);
		assert_eq!(OwnLimitAnnouncements::<Test>::get(1), None);
		assert_noop!(Guardian::remove_own_limit(me.clone()), Error::<Test>::NoOwnLimit);
		assert_noop!(Guardian::limit_own_outflow(me, vec![abs(0, 1)]), Error::<Test>::ZeroPeriod);
		assert_noop!(
			Guardian::limit_own_outflow(RuntimeOrigin::root(), vec![abs(10, 1)]),
			BadOrigin
		);
	});
}

#[test]
fn an_own_limit_and_a_policy_both_apply() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		assert_ok!(Guardian::limit_own_outflow(RuntimeOrigin::signed(1), vec![abs(10, 30)]));
		assert_noop!(send(1, 2, 31), capped());
		assert_ok!(send(1, 2, 30));
		assert_eq!(Guardian::remaining_allowance(&1), Some(0), "the own limit is the tighter one");
	});
}

// ---- share limits -------------------------------------------------------------------------

#[test]
fn a_share_limit_is_fixed_when_its_window_starts() {
	test(|| {
		guard(1, vec![share(10, 10)]);
		assert_ok!(send(1, 2, 50));
		// A mint into the account does not raise this window's quota (10% of 1000).
		assert_ok!(<Balances as Mutate<u64>>::mint_into(&1, 1_000_000));
		assert_ok!(send(1, 2, 50));
		assert_noop!(send(1, 2, 1), capped());
		// The next window takes the new balance as its basis.
		run_to_block(11);
		assert_ok!(send(1, 2, 10_000));
	});
}

#[test]
fn re_submitting_a_share_limit_never_re_bases_it_mid_window() {
	test(|| {
		let me = RuntimeOrigin::signed(1);
		assert_ok!(Guardian::limit_own_outflow(me.clone(), vec![share(100, 10), abs(50, 1000)]));
		// An inflow, then the same limit again (it counts as tightening) and re-ordered.
		assert_ok!(<Balances as Mutate<u64>>::mint_into(&1, 9_000));
		assert_ok!(Guardian::limit_own_outflow(me.clone(), vec![share(100, 10), abs(50, 1000)]));
		assert_ok!(Guardian::limit_own_outflow(me, vec![abs(50, 1000), share(100, 10)]));
		// Still 10% of the 995 the window started with (1000 less the limit's deposit), not
		// of 9 995.
		assert_eq!(Guardian::remaining_allowance(&1), Some(99));
		assert_noop!(send(1, 2, 100), capped());
		// Governance's changes carry it too.
		guard(2, vec![share(100, 10)]);
		assert_ok!(<Balances as Mutate<u64>>::mint_into(&2, 9_000));
		assert_ok!(Guardian::change_policy(capper(), 2, policy(vec![share(100, 10)])));
		assert_eq!(Guardian::remaining_allowance(&2), Some(100));
	});
}

// ---- the global cap -----------------------------------------------------------------------

#[test]
fn the_global_cap_bounds_the_sum_over_guarded_accounts_only() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		guard(2, vec![abs(10, 100)]);
		assert_ok!(Guardian::set_global_cap(capper(), Some(policy(vec![abs(10, 150)]))));
		assert_eq!(guardian_events().last(), Some(&Event::GlobalCapSet));
		// A self-limited account does not draw on the global cap.
		assert_ok!(Guardian::limit_own_outflow(RuntimeOrigin::signed(3), vec![abs(10, 500)]));
		assert_ok!(send(3, 4, 500));
		assert_ok!(send(1, 4, 100));
		assert_noop!(send(2, 4, 51), capped());
		assert_ok!(send(2, 4, 50));
		assert_ok!(Guardian::reset_usage(capper(), CapScope::Global));
		assert_ok!(send(2, 4, 50));
		assert_ok!(Guardian::set_global_cap(capper(), None));
		assert_eq!(GlobalCap::<Test>::get(), None);
	});
}

#[test]
fn reset_usage_restores_the_allowance() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		assert_ok!(send(1, 2, 100));
		assert_ok!(Guardian::reset_usage(capper(), CapScope::Account(1)));
		assert_eq!(
			guardian_events().last(),
			Some(&Event::UsageReset { scope: CapScope::Account(1) })
		);
		assert_ok!(send(1, 2, 100));
		assert_noop!(
			Guardian::reset_usage(capper(), CapScope::Account(2)),
			Error::<Test>::NoPolicy
		);
	});
}

// ---- high-water response ------------------------------------------------------------------

#[test]
fn crossing_the_high_water_mark_pauses_in_the_same_block() {
	test(|| {
		let balances = PauseTarget::Pallet { pallet: b"Balances".to_vec() };
		assert_ok!(Guardian::set_policy(
			capper(),
			1,
			PolicyInput {
				windows: vec![abs(100, 100)],
				high_water: Some(Perbill::from_percent(80)),
				response: Some(PlaybookInput {
					pause: vec![balances.clone()],
					pause_inbound: false,
					raise_to: RiskLevel::Normal,
					duration: 30
				}),
			}
		));
		assert_ok!(send(1, 2, 79));
		assert!(!guardian_events().iter().any(|e| matches!(e, Event::HighWaterCrossed { .. })));
		// The debit that crosses 80 succeeds, and the response is in force at once.
		assert_ok!(send(1, 2, 1));
		let events = guardian_events();
		assert!(events.contains(&Event::HighWaterCrossed {
			scope: CapScope::Account(1),
			window: 0,
			used: 80,
			limit: 100
		}));
		assert!(events.contains(&Event::Paused {
			target: Guardian::validate_target(&balances).unwrap(),
			until: 31
		}));
		assert_noop!(send(3, 4, 1), frame_system::Error::<Test>::CallFiltered);
		// The response expires by itself; the cap still holds.
		run_to_block(31);
		assert_ok!(send(3, 4, 1));
		assert_ok!(send(1, 2, 20));
		assert_noop!(send(1, 2, 1), capped());
	});
}

// ---- the pool check and the recording of refusals -----------------------------------------

fn validate(who: u64, call: &RuntimeCall) -> Result<(), TransactionValidityError> {
	CheckVelocity::<Test>::new()
		.validate_only(
			RuntimeOrigin::signed(who),
			call,
			&call.get_dispatch_info(),
			0,
			TransactionSource::External,
			0,
		)
		.map(|_| ())
}

#[test]
fn the_pool_refuses_doomed_transfers_top_level_and_in_batches() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		let doomed = InvalidTransaction::Custom(CAP_EXCEEDED_ERROR).into();
		let transfer = |value| {
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: 2, value })
		};
		assert_eq!(validate(1, &transfer(100)), Ok(()));
		assert_eq!(validate(1, &transfer(101)), Err(doomed));
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![transfer(60), transfer(60)],
		});
		assert_eq!(validate(1, &batch), Err(doomed));
		// `transfer_all` moves what it may: the allowance, so it is valid.
		let all = RuntimeCall::Balances(pallet_balances::Call::transfer_all {
			dest: 2,
			keep_alive: true,
		});
		assert_eq!(validate(1, &all), Ok(()));
		// Unguarded signers and calls that move nothing are never refused.
		assert_eq!(validate(2, &transfer(900)), Ok(()));
		assert_eq!(
			validate(1, &RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
			Ok(())
		);
	});
}

#[test]
fn a_refused_debit_moves_nothing_on_any_path() {
	test(|| {
		// The pool check cannot see into `as_derivative` (the debit is the derivative
		// account's), so the refusal happens at dispatch: pallet-balances refuses the debit
		// through the cap the ledger shows, before anything moves.
		let derivative = pallet_utility::derivative_account_id(1u64, 1);
		assert_ok!(send(2, derivative, 500));
		guard(derivative, vec![abs(10, 100)]);
		let transfer = |value| {
			Box::new(RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: 2,
				value,
			}))
		};
		let as_derivative =
			|call| RuntimeCall::Utility(pallet_utility::Call::as_derivative { index: 1, call });
		let call = RuntimeCall::Utility(pallet_utility::Call::batch {
			calls: vec![as_derivative(transfer(70)), as_derivative(transfer(70))],
		});
		let info = call.get_dispatch_info();
		let result = CheckVelocity::<Test>::new()
			.dispatch_transaction(RuntimeOrigin::signed(1), call, &info, 0, 0)
			.expect("valid");
		assert_ok!(result);
		assert_eq!(free(derivative), 430);
		let call = as_derivative(transfer(31));
		let info = call.get_dispatch_info();
		let result = CheckVelocity::<Test>::new()
			.dispatch_transaction(RuntimeOrigin::signed(1), call, &info, 0, 0)
			.expect("valid");
		assert_eq!(result.map_err(|e| e.error), Err(capped()));
		assert_eq!(free(derivative), 430);
		// Nothing went beyond the cap: refusals are not excess.
		assert_eq!(DebitsBeyondCap::<Test>::get(), 0);
		assert_conserved();
	});
}

#[test]
fn guard_work_is_reserved_only_where_a_guarded_account_may_pay_and_charged_as_done() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		let unguarded = <() as WeightInfo>::ledger_debit_unguarded();
		let check = <() as WeightInfo>::check_velocity();
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		// Up front, for every signer alike: the unguarded pool check of a call that moves
		// value, nothing for one that moves none.
		assert_eq!(CheckVelocity::<Test>::new().weight(&transfer_call(2, 5)), unguarded);
		assert_eq!(CheckVelocity::<Test>::new().weight(&remark), Weight::zero());
		// Once the signer is known: a guarded signer's transfer reserves a guarded debit (and
		// the rest of its pool check), two in a batch; an unguarded signer's reserves nothing.
		let extra = check - unguarded;
		assert_eq!(
			Guardian::guard_reservation(&1, &transfer_call(2, 5)),
			Guardian::guard_budget(1) + extra
		);
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch {
			calls: vec![transfer_call(2, 5), transfer_call(3, 5)],
		});
		assert_eq!(Guardian::guard_reservation(&1, &batch), Guardian::guard_budget(2) + extra);
		assert_eq!(Guardian::guard_reservation(&2, &transfer_call(3, 5)), Weight::zero());
		// What the estimator cannot name reserves one debit while any account is guarded.
		let derivative = RuntimeCall::Utility(pallet_utility::Call::as_derivative {
			index: 1,
			call: Box::new(transfer_call(3, 5)),
		});
		assert_eq!(Guardian::guard_reservation(&2, &derivative), Guardian::guard_budget(1));
		// After dispatch the payer is charged what the guard did: its pool check (done at
		// validation), the reads of its guard record and the guarded debit; an unguarded
		// transfer, nothing.
		let reads = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get()
		.reads(2);
		let normal = || *frame_system::Pallet::<Test>::block_weight().get(DispatchClass::Normal);
		let before = normal();
		let charged = charged_guard_work(1, transfer_call(2, 5));
		assert_eq!(charged, extra + reads + <() as WeightInfo>::ledger_debit_guarded());
		// The block keeps what was used, and got the rest of the reservation back.
		assert_eq!(normal(), before + charged);
		assert_eq!(charged_guard_work(2, transfer_call(3, 5)), Weight::zero());
		assert_eq!(normal(), before + charged);
	});
}

#[test]
fn a_reservation_the_block_has_no_room_for_waits_for_another_block() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		let call = transfer_call(2, 5);
		let info = call.get_dispatch_info();
		// The block is full but for less than the reservation.
		let limits = <<Test as frame_system::Config>::BlockWeights as Get<
			frame_system::limits::BlockWeights,
		>>::get();
		let max = limits.get(DispatchClass::Normal).max_total.expect("a normal limit");
		let reserved = Guardian::guard_reservation(&1, &call);
		frame_system::BlockWeight::<Test>::mutate(|all| {
			all.set(max.saturating_sub(reserved / 2), DispatchClass::Normal)
		});
		let prepared = crate::WatchTransaction::<Test>::new().validate_and_prepare(
			RuntimeOrigin::signed(1),
			&call,
			&info,
			0,
			0,
		);
		assert_eq!(
			prepared.err(),
			Some(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources))
		);
		// An unguarded signer's transfer reserves nothing: it still fits.
		assert!(crate::WatchTransaction::<Test>::new()
			.validate_and_prepare(RuntimeOrigin::signed(2), &call, &info, 0, 0)
			.is_ok());
	});
}

/// The guard work `who`'s `call` is charged for, through the lifecycle
/// ([`crate::WatchTransaction`]): validated, prepared, dispatched, post-dispatched.
fn charged_guard_work(who: u64, call: RuntimeCall) -> Weight {
	let info = call.get_dispatch_info();
	let (pre, origin) = crate::WatchTransaction::<Test>::new()
		.validate_and_prepare(RuntimeOrigin::signed(who), &call, &info, 0, 0)
		.expect("valid");
	let result = call.dispatch(origin).map(|_| ()).map_err(|e| e.error);
	<crate::WatchTransaction<Test> as TransactionExtension<RuntimeCall>>::post_dispatch_details(
		pre,
		&info,
		&Default::default(),
		0,
		&result,
	)
	.expect("no error");
	crate::lifecycle::memory::take_guard_fee(&codec::Encode::encode(&who))
}

#[test]
fn guard_work_outside_a_transaction_is_charged_to_the_block() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		let mandatory =
			|| *frame_system::Pallet::<Test>::block_weight().get(DispatchClass::Mandatory);
		let before = mandatory();
		assert_ok!(send(2, 3, 5));
		assert_eq!(mandatory(), before, "an unguarded debit is in the transfer's own weight");
		assert_ok!(send(1, 2, 5));
		let reads = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get()
		.reads(2);
		let guarded_debit = <() as WeightInfo>::ledger_debit_guarded() + reads;
		assert_eq!(mandatory(), before + guarded_debit);
		// An inflow reads the guard record (the cap is shown to every read), nothing more.
		assert_ok!(send(2, 1, 5));
		assert_eq!(mandatory(), before + guarded_debit + reads);
	});
}

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
