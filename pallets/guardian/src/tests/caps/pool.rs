//! The pool check, refusals recorded and moving nothing, and the guard work reserved and
//! charged.

use super::*;

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
fn the_pool_refuses_with_the_code_the_runtime_chose() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: 2,
			value: 101,
		});
		crate::tests::mock::Refusals::set(crate::RefusalCodes { paused_call: 7, cap_exceeded: 8 });
		assert_eq!(validate(1, &transfer), Err(InvalidTransaction::Custom(8).into()));
		crate::tests::mock::Refusals::set(crate::RefusalCodes::DEFAULT);
		assert_eq!(
			validate(1, &transfer),
			Err(InvalidTransaction::Custom(CAP_EXCEEDED_ERROR).into())
		);
	});
}

#[test]
#[should_panic(expected = "refusal codes (RefusalCodes) must differ")]
fn a_runtime_whose_refusal_codes_collide_fails_its_integrity_test() {
	crate::tests::mock::new_test_ext().execute_with(|| {
		crate::tests::mock::Refusals::set(crate::RefusalCodes { paused_call: 9, cap_exceeded: 9 });
		<Guardian as frame_support::traits::Hooks<u64>>::integrity_test();
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
