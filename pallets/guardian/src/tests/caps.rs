//! Unit tests of the velocity caps on the mock runtime: policies and their errors, the ledger
//! guard on every kind of balance change, own limits and their delay, the global cap, the
//! high-water response, the pool check, refusal recording, and a property test of the caps
//! through real transfers against a brute-force model.

use crate::{
	rolling_window::tests::Rng, tests::mock::*, AccountGuard, CapScope, CheckVelocity, Error,
	Event, GlobalCap, GuardIndex, Guards, Limit, OwnLimitAnnouncements, PauseTarget, PolicyInput,
	RejectedDebits, ResponseInput, WeightInfo, WindowSpec, CAP_EXCEEDED_ERROR,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Precision, Preservation},
		Currency, ReservableCurrency,
	},
	weights::Weight,
};
use sp_runtime::{
	traits::{BadOrigin, DispatchTransaction, Dispatchable, TransactionExtension},
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	DispatchError, Perbill,
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
fn capper() -> RuntimeOrigin {
	RuntimeOrigin::signed(CAPPER)
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
fn capped() -> DispatchError {
	Error::<Test>::VelocityCapExceeded.into()
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
					response: Some(ResponseInput { targets: vec![], duration: 5 }),
					..policy(vec![abs(10, 5)])
				},
				Error::ResponseWithoutHighWater,
			),
		];
		let with_response = |targets: Vec<_>, duration| PolicyInput {
			high_water: Some(Perbill::from_percent(80)),
			response: Some(ResponseInput { targets, duration }),
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
fn every_way_out_is_a_debit() {
	test(|| {
		guard(1, vec![abs(100, 50)]);
		// fungible::Mutate::transfer, as another pallet would call it.
		assert_noop!(
			<Balances as Mutate<u64>>::transfer(&1, &2, 51, Preservation::Preserve),
			capped()
		);
		// Burning, withdrawing, allow-death and transfer_all.
		assert_noop!(
			<Balances as Mutate<u64>>::burn_from(
				&1,
				51,
				Preservation::Preserve,
				Precision::Exact,
				frame_support::traits::tokens::Fortitude::Polite
			),
			capped()
		);
		assert_noop!(
			RuntimeCall::Balances(pallet_balances::Call::transfer_all {
				dest: 2,
				keep_alive: false
			})
			.dispatch(RuntimeOrigin::signed(1))
			.map_err(|e| e.error),
			capped()
		);
		assert_noop!(
			<Balances as Currency<u64>>::transfer(
				&1,
				&2,
				51,
				frame_support::traits::ExistenceRequirement::AllowDeath
			),
			capped()
		);
		assert_ok!(<Balances as Mutate<u64>>::transfer(&1, &2, 50, Preservation::Preserve));
		assert_eq!(free(1), 950);
	});
}

#[test]
fn reserves_are_not_debits_and_slashes_of_held_funds_are_never_blocked() {
	test(|| {
		guard(1, vec![abs(100, 10)]);
		assert_ok!(<Balances as ReservableCurrency<u64>>::reserve(&1, 500));
		assert_eq!(Balances::reserved_balance(1), 500);
		// The allowance is untouched: 10 may still leave.
		assert_ok!(send(1, 2, 10));
		assert_noop!(send(1, 2, 1), capped());
		// Slashing the reserve cannot be dodged with a cap.
		let (_imbalance, left) = <Balances as ReservableCurrency<u64>>::slash_reserved(&1, 300);
		assert_eq!(left, 0);
		assert_eq!(Balances::reserved_balance(1), 200);
		// Unreserving is an inflow of free balance.
		<Balances as ReservableCurrency<u64>>::unreserve(&1, 200);
		assert_eq!(free(1), 690);
		// pallet-balances performs a fungible `hold` as a withdrawal, then a reserve: the
		// first half is a debit like any other (see the ledger docs), refused while the
		// allowance is used up.
		assert_noop!(<Balances as MutateHold<u64>>::hold(&HoldReason::Deposit, &1, 100), capped());
		run_to_block(116);
		assert_ok!(<Balances as MutateHold<u64>>::hold(&HoldReason::Deposit, &1, 10));
		assert_noop!(send(1, 2, 1), capped());
		// Held funds moved away by their pallet (a slash or a transfer on hold) are not debits.
		run_to_block(232);
		assert_ok!(<Balances as MutateHold<u64>>::hold(&HoldReason::Deposit, &1, 10));
		assert_ok!(<Balances as MutateHold<u64>>::burn_held(
			&HoldReason::Deposit,
			&1,
			5,
			Precision::Exact,
			frame_support::traits::tokens::Fortitude::Polite,
		));
		assert_ok!(<Balances as MutateHold<u64>>::transfer_on_hold(
			&HoldReason::Deposit,
			&1,
			&2,
			15,
			Precision::Exact,
			frame_support::traits::tokens::Restriction::Free,
			frame_support::traits::tokens::Fortitude::Polite,
		));
		assert_eq!(free(2), 1025);
		assert_eq!(Balances::reserved_balance(1), 0);
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
		assert_noop!(send(2, 4, 51), Error::<Test>::GlobalCapExceeded);
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
				response: Some(ResponseInput { targets: vec![balances.clone()], duration: 30 }),
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
		let all = RuntimeCall::Balances(pallet_balances::Call::transfer_all {
			dest: 2,
			keep_alive: true,
		});
		assert_eq!(validate(1, &all), Err(doomed));
		// Unguarded signers and calls that move nothing are never refused.
		assert_eq!(validate(2, &transfer(900)), Ok(()));
		assert_eq!(
			validate(1, &RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
			Ok(())
		);
	});
}

#[test]
fn refusals_are_recorded_although_the_dispatch_is_rolled_back() {
	test(|| {
		// The pool check cannot see into `as_derivative` (the debit is the derivative
		// account's), so the refusal happens at dispatch, in the ledger.
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
		// The batch itself succeeds (it only reports the interruption), the second transfer
		// was refused and rolled back: the record survives both.
		let result = CheckVelocity::<Test>::new()
			.dispatch_transaction(RuntimeOrigin::signed(1), call, &info, 0, 0)
			.expect("valid");
		assert_ok!(result);
		assert_eq!(free(derivative), 430);
		assert_eq!(RejectedDebits::<Test>::get(), 1);
		assert_eq!(Guards::<Test>::get(derivative).map(|g| g.rejected), Some(1));
		assert_eq!(
			guardian_events().last(),
			Some(&Event::DebitRejected { who: derivative, amount: 70, global: false })
		);

		// A refusal that fails the whole dispatch: the record stays all the same.
		let call = as_derivative(transfer(31));
		let info = call.get_dispatch_info();
		let result = CheckVelocity::<Test>::new()
			.dispatch_transaction(RuntimeOrigin::signed(1), call, &info, 0, 0)
			.expect("valid");
		assert_eq!(result.map_err(|e| e.error), Err(capped()));
		assert_eq!(RejectedDebits::<Test>::get(), 2);
		assert_eq!(Guards::<Test>::get(derivative).map(|g| g.rejected), Some(2));

		// Outside a transaction nothing is noted (and nothing could be written).
		assert_noop!(send(derivative, 2, 31), capped());
		assert_eq!(RejectedDebits::<Test>::get(), 2);
	});
}

fn velocity_refund(who: u64, call: RuntimeCall) -> Weight {
	refund_of(CheckVelocity::<Test>::new(), who, call)
}

#[test]
fn the_pool_check_charges_the_guarded_worst_case_and_refunds_the_rest() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		let full = <() as WeightInfo>::check_velocity();
		assert_eq!(CheckVelocity::<Test>::new().weight(&transfer_call(2, 5)), full);
		// A guarded signer's transfer costs the full check.
		assert_eq!(velocity_refund(1, transfer_call(2, 5)), Weight::zero());
		// An unguarded signer's costs the index look-up only.
		assert_eq!(
			velocity_refund(2, transfer_call(3, 5)),
			full.saturating_sub(<() as WeightInfo>::ledger_debit_unguarded())
		);
		// A call that moves nothing costs nothing.
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		assert_eq!(velocity_refund(1, remark), full);
	});
}

#[test]
fn a_guarded_debit_adds_its_benchmarked_cost_to_the_block() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		let normal = || *frame_system::Pallet::<Test>::block_weight().get(DispatchClass::Normal);
		let before = normal();
		assert_ok!(send(2, 3, 5));
		assert_eq!(normal(), before, "an unguarded debit is in the transfer's own weight");
		assert_ok!(send(1, 2, 5));
		assert_eq!(normal(), before.saturating_add(<() as WeightInfo>::ledger_debit_guarded()));
		// Inflows are not checked, so not charged either.
		assert_ok!(send(2, 1, 5));
		assert_eq!(normal(), before.saturating_add(<() as WeightInfo>::ledger_debit_guarded()));
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
		assert_noop!(send(2, 3, 51), Error::<Test>::GlobalCapExceeded);
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
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), PauseTarget::Chain, 3));
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
