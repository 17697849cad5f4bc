//! The circuit breakers in the real template runtime: pauses issued through sudo and through
//! council motions block a transfer on every dispatch path; the whitelist keeps working; the
//! pause origins are bounded; expiry resumes in `on_initialize`; the transaction extension
//! refuses paused calls in the pool.

use guardian_integration_tests::*;
use guardian_runtime::{
	guardian::{COUNCIL_MAX_PAUSE, ROOT_MAX_PAUSE},
	Runtime, RuntimeCall, RuntimeEvent,
};
use pallet_guardian::{Error as GuardianError, PauseTarget, ResumeReason, PAUSED_CALL_ERROR};
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchError, MultiAddress,
};

type Transfer = fn(Keyring, Balance) -> RuntimeCall;

fn guardian_error(e: GuardianError<Runtime>) -> DispatchError {
	e.into()
}

/// Before the pause: Charlie becomes Bob's `Any` proxy, and the 2-of-2 multisig of Bob and
/// Charlie is funded. Returns the multisig account.
fn prepare_paths() -> AccountId {
	submit_ok(
		Keyring::Bob,
		RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
			delegate: MultiAddress::Id(Keyring::Charlie.to_account_id()),
			proxy_type: guardian_runtime::configs::ProxyType::Any,
			delay: 0,
		}),
	);
	let multisig = bob_charlie_multisig();
	submit_ok(
		Keyring::Ferdie,
		RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: MultiAddress::Id(multisig.clone()),
			value: 1_000 * UNIT,
		}),
	);
	multisig
}

/// `transfer(Dave, 1 UNIT)` is refused directly (in the pool and at inclusion, no fee paid) and
/// filtered inside batch, batch_all, force_batch, proxy and multisig. Dave receives nothing.
fn assert_blocked_on_every_path(transfer: Transfer) {
	let dave = free(Keyring::Dave);
	let call = || transfer(Keyring::Dave, UNIT);
	let refused = TransactionValidityError::Invalid(InvalidTransaction::Custom(PAUSED_CALL_ERROR));

	// Direct: refused by the pool and by block inclusion, so Bob pays no fee.
	let bob = free(Keyring::Bob);
	assert_eq!(validate(Keyring::Bob, call()), Err(refused));
	assert_eq!(submit(Keyring::Bob, call()), Err(refused));
	assert_eq!(free(Keyring::Bob), bob);

	// batch: included, interrupted at the filtered call.
	System::reset_events();
	submit_ok(
		Keyring::Bob,
		RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![call()] }),
	);
	assert!(events().contains(&RuntimeEvent::Utility(pallet_utility::Event::BatchInterrupted {
		index: 0,
		error: call_filtered()
	})));

	// batch_all: fails as a whole.
	assert_eq!(
		submit_err(
			Keyring::Bob,
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![remark(), call()] })
		),
		call_filtered()
	);

	// force_batch: the item fails.
	System::reset_events();
	submit_ok(
		Keyring::Bob,
		RuntimeCall::Utility(pallet_utility::Call::force_batch { calls: vec![call()] }),
	);
	assert!(events().contains(&RuntimeEvent::Utility(pallet_utility::Event::ItemFailed {
		error: call_filtered()
	})));

	// proxy: Charlie acts for Bob.
	System::reset_events();
	submit_ok(
		Keyring::Charlie,
		RuntimeCall::Proxy(pallet_proxy::Call::proxy {
			real: MultiAddress::Id(Keyring::Bob.to_account_id()),
			force_proxy_type: None,
			call: Box::new(call()),
		}),
	);
	assert!(events().contains(&RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted {
		result: Err(call_filtered())
	})));

	// multisig: Bob approves, Charlie executes.
	assert_eq!(multisig_execute(call()), Some(Err(call_filtered())));

	assert_eq!(free(Keyring::Dave), dave, "Dave received nothing");
}

#[test]
fn sudo_pause_of_transfer_keep_alive_blocks_it_on_every_path() {
	on_chain(|| {
		prepare_paths();
		assert_eq!(
			sudo_dispatch(pause(call_target("Balances", "transfer_keep_alive"), 100)),
			Ok(())
		);
		assert_blocked_on_every_path(keep_alive);
		// Only that call is paused.
		submit_ok(Keyring::Bob, allow_death(Keyring::Dave, UNIT));
	});
}

#[test]
fn sudo_pause_of_balances_blocks_all_its_calls_on_every_path() {
	on_chain(|| {
		prepare_paths();
		assert_eq!(sudo_dispatch(pause(pallet_target("Balances"), 100)), Ok(()));
		assert_blocked_on_every_path(keep_alive);
		assert_blocked_on_every_path(allow_death);
	});
}

#[test]
fn council_motion_pause_of_transfer_keep_alive_blocks_it_on_every_path() {
	on_chain(|| {
		prepare_paths();
		assert_eq!(
			council_motion(pause(call_target("Balances", "transfer_keep_alive"), 100), 3),
			Some(Ok(()))
		);
		assert_blocked_on_every_path(keep_alive);
		submit_ok(Keyring::Bob, allow_death(Keyring::Dave, UNIT));
	});
}

#[test]
fn council_motion_pause_of_balances_blocks_all_its_calls_on_every_path() {
	on_chain(|| {
		prepare_paths();
		assert_eq!(council_motion(pause(pallet_target("Balances"), 100), 3), Some(Ok(())));
		assert_blocked_on_every_path(keep_alive);
		assert_blocked_on_every_path(allow_death);
	});
}

#[test]
fn a_council_majority_pauses_within_its_short_bound_and_only_a_super_majority_resumes() {
	on_chain(|| {
		let target = pallet_target("Balances");
		// Majority (3 of 5): at most COUNCIL_MAX_PAUSE.
		assert_eq!(
			council_motion(pause(target.clone(), COUNCIL_MAX_PAUSE + 1), 3),
			Some(Err(guardian_error(GuardianError::DurationBeyondBound)))
		);
		assert_eq!(council_motion(pause(target.clone(), COUNCIL_MAX_PAUSE), 3), Some(Ok(())));
		// Two members are no majority: the motion cannot even pass.
		assert_eq!(
			council_motion(pause(call_target("Utility", "batch"), 10), 2),
			Some(Err(DispatchError::BadOrigin))
		);
		// Resuming needs two thirds (4 of 5): a simple majority is refused.
		assert_eq!(council_motion(resume(target.clone()), 3), Some(Err(DispatchError::BadOrigin)));
		assert_eq!(council_motion(resume(target.clone()), 4), Some(Ok(())));
		submit_ok(Keyring::Bob, keep_alive(Keyring::Dave, UNIT));
		// Root has the large bound and resumes alone.
		assert_eq!(
			sudo_dispatch(pause(target.clone(), ROOT_MAX_PAUSE + 1)),
			Err(guardian_error(GuardianError::DurationBeyondBound))
		);
		assert_eq!(sudo_dispatch(pause(target.clone(), ROOT_MAX_PAUSE)), Ok(()));
		assert_eq!(sudo_dispatch(resume(target)), Ok(()));
	});
}

#[test]
fn whitelisted_calls_keep_working_in_safe_mode() {
	on_chain(|| {
		assert_eq!(sudo_dispatch(pause(PauseTarget::Chain, 50)), Ok(()));
		// Everything else is refused.
		assert!(validate(Keyring::Bob, keep_alive(Keyring::Dave, UNIT)).is_err());
		assert!(validate(
			Keyring::Bob,
			RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![] })
		)
		.is_err());
		assert!(validate(
			Keyring::Bob,
			RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
				other_signatories: vec![Keyring::Charlie.to_account_id()],
				call: Box::new(remark()),
			})
		)
		.is_err());
		// System (and the timestamp inherent of every new block) keeps working.
		submit_ok(Keyring::Bob, remark());
		run_to_block(5);
		// Sudo keeps working.
		assert_eq!(sudo_dispatch(remark()), Ok(()));
		// The council keeps working: a motion passes and executes.
		assert_eq!(council_motion(remark(), 3), Some(Ok(())));
		// And the guardian resumes the chain.
		assert_eq!(council_motion(resume(PauseTarget::Chain), 4), Some(Ok(())));
		submit_ok(Keyring::Bob, keep_alive(Keyring::Dave, UNIT));
	});
}

#[test]
fn expiry_resumes_the_call_in_on_initialize_with_its_event() {
	on_chain(|| {
		let target = call_target("Balances", "transfer_keep_alive");
		assert_eq!(sudo_dispatch(pause(target.clone(), 3)), Ok(())); // blocks 1..=3
		run_to_block(3);
		// Still paused in block 3: inclusion is refused.
		let refused =
			TransactionValidityError::Invalid(InvalidTransaction::Custom(PAUSED_CALL_ERROR));
		assert_eq!(submit(Keyring::Bob, keep_alive(Keyring::Dave, UNIT)), Err(refused));
		// The pool validates for the next block (4), where the pause has ended.
		assert!(validate(Keyring::Bob, keep_alive(Keyring::Dave, UNIT)).is_ok());
		run_to_block(4);
		let stored = pallet_guardian::Pallet::<Runtime>::validate_target(&target).unwrap();
		assert!(events().contains(&RuntimeEvent::Guardian(pallet_guardian::Event::Resumed {
			target: stored,
			reason: ResumeReason::Expired
		})));
		assert!(pallet_guardian::Pauses::<Runtime>::get().is_empty());
		submit_ok(Keyring::Bob, keep_alive(Keyring::Dave, UNIT));
	});
}

#[test]
fn the_guardian_cannot_pause_itself_nor_the_whitelist() {
	on_chain(|| {
		for target in [pallet_target("Guardian"), call_target("Guardian", "resume")] {
			assert_eq!(
				sudo_dispatch(pause(target, 10)),
				Err(guardian_error(GuardianError::CannotPauseGuardian))
			);
		}
		for pallet in ["System", "Timestamp", "Sudo", "Council"] {
			assert_eq!(
				sudo_dispatch(pause(pallet_target(pallet), 10)),
				Err(guardian_error(GuardianError::TargetWhitelisted))
			);
		}
		assert_eq!(
			sudo_dispatch(pause(call_target("Timestamp", "set"), 10)),
			Err(guardian_error(GuardianError::TargetWhitelisted))
		);
		assert_eq!(
			sudo_dispatch(pause(pallet_target("Democracy"), 10)),
			Err(guardian_error(GuardianError::UnknownPallet))
		);
		assert_eq!(
			sudo_dispatch(pause(call_target("Balances", "transfer"), 10)),
			Err(guardian_error(GuardianError::UnknownCall))
		);
		assert!(pallet_guardian::Pauses::<Runtime>::get().is_empty());
	});
}

#[test]
fn the_transaction_extension_refuses_paused_calls_in_the_pool() {
	on_chain(|| {
		assert!(validate(Keyring::Bob, keep_alive(Keyring::Dave, UNIT)).is_ok());
		assert_eq!(
			sudo_dispatch(pause(call_target("Balances", "transfer_keep_alive"), 10)),
			Ok(())
		);
		assert_eq!(
			validate(Keyring::Bob, keep_alive(Keyring::Dave, UNIT)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(PAUSED_CALL_ERROR)))
		);
		assert!(validate(Keyring::Bob, allow_death(Keyring::Dave, UNIT)).is_ok());
		// The guardian's own calls always validate.
		assert!(
			validate(Keyring::Bob, resume(call_target("Balances", "transfer_keep_alive"))).is_ok()
		);
	});
}

use guardian_runtime::System;

/// The documented exceptions: Root dispatches past every FRAME call filter, and so do the
/// calls that let Root dispatch as another origin (`Sudo::sudo_as`, `Utility::dispatch_as`,
/// `Utility::dispatch_as_fallible`; `Utility::with_weight` as Root). None of them is open to
/// anyone without the sudo key: a signed account gets `BadOrigin`, and a paused call stays
/// paused for it.
#[test]
fn only_root_dispatches_past_a_pause_and_the_calls_that_do_need_root() {
	on_chain(|| {
		assert_eq!(sudo_dispatch(pause(pallet_target("Balances"), 10)), Ok(()));
		let ferdie = Keyring::Ferdie.to_account_id();
		let as_ferdie = |call: RuntimeCall| {
			RuntimeCall::Utility(pallet_utility::Call::dispatch_as {
				as_origin: Box::new(frame_system::RawOrigin::Signed(ferdie.clone()).into()),
				call: Box::new(call),
			})
		};
		let as_ferdie_fallible = |call: RuntimeCall| {
			RuntimeCall::Utility(pallet_utility::Call::dispatch_as_fallible {
				as_origin: Box::new(frame_system::RawOrigin::Signed(ferdie.clone()).into()),
				call: Box::new(call),
			})
		};
		let sudo_as = |call: RuntimeCall| {
			RuntimeCall::Sudo(pallet_sudo::Call::sudo_as {
				who: MultiAddress::Id(ferdie.clone()),
				call: Box::new(call),
			})
		};
		// Signed, each is refused (the call filter, or the call's own origin check), and
		// nothing moves.
		let before = free(Keyring::Eve);
		for call in [
			as_ferdie(keep_alive(Keyring::Eve, UNIT)),
			as_ferdie_fallible(keep_alive(Keyring::Eve, UNIT)),
			sudo_as(keep_alive(Keyring::Eve, UNIT)),
		] {
			let error = submit_err(Keyring::Bob, call);
			assert!(
				error == DispatchError::BadOrigin
					|| error == pallet_sudo::Error::<Runtime>::RequireSudo.into(),
				"{error:?}"
			);
		}
		assert_eq!(free(Keyring::Eve), before);
		// With the sudo key, each dispatches past the pause, by design.
		for call in [
			sudo(as_ferdie(keep_alive(Keyring::Eve, UNIT))),
			sudo(as_ferdie_fallible(keep_alive(Keyring::Eve, UNIT))),
			sudo_as(keep_alive(Keyring::Eve, UNIT)),
		] {
			submit_ok(Keyring::Alice, call);
		}
		assert_eq!(free(Keyring::Eve), before + 3 * UNIT);
		// The pause still holds for everyone else.
		assert_eq!(
			submit(Keyring::Ferdie, keep_alive(Keyring::Eve, UNIT)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(PAUSED_CALL_ERROR)))
		);
	});
}
