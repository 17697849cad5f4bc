//! polkadot-sdk's `TransactionPause` and `SafeMode` traits, implemented by the guardian: a
//! pallet written for pallet-tx-pause or pallet-safe-mode drives the guardian unchanged, and
//! what it does is the same state the guardian's own calls see.

use crate::{tests::mock::*, Event, NameOf, PauseTarget, ResumeReason};
use frame_support::traits::{
	Get, SafeMode, SafeModeError, TransactionPause, TransactionPauseError,
};
use sp_runtime::{traits::Dispatchable, DispatchError};

fn name(s: &str) -> NameOf<Test> {
	NameOf::<Test>::try_from(s.as_bytes().to_vec()).expect("short name")
}
fn id(pallet: &str, call: &str) -> (NameOf<Test>, NameOf<Test>) {
	(name(pallet), name(call))
}
fn transfer() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: 2, value: 10 })
}
fn signed_dispatch(call: RuntimeCall) -> Result<(), DispatchError> {
	call.dispatch(RuntimeOrigin::signed(1)).map(|_| ()).map_err(|e| e.error)
}
fn filtered() -> DispatchError {
	frame_system::Error::<Test>::CallFiltered.into()
}

/// A pallet written for pallet-tx-pause, generic over the trait, as it would be in a runtime.
fn pause_through<P: TransactionPause<CallIdentifier = (NameOf<Test>, NameOf<Test>)>>(
	call: (NameOf<Test>, NameOf<Test>),
) -> Result<(), TransactionPauseError> {
	if P::can_pause(call.clone()) {
		P::pause(call)
	} else {
		Err(TransactionPauseError::Unpausable)
	}
}

#[test]
fn transaction_pause_pauses_a_call_for_the_programmatic_bound() {
	test(|| {
		let transfer_id = id("Balances", "transfer_keep_alive");
		assert!(!<Guardian as TransactionPause>::is_paused(transfer_id.clone()));
		assert!(<Guardian as TransactionPause>::can_pause(transfer_id.clone()));
		assert!(pause_through::<Guardian>(transfer_id.clone()).is_ok());
		assert!(<Guardian as TransactionPause>::is_paused(transfer_id.clone()));
		assert_eq!(signed_dispatch(transfer()), Err(filtered()));
		// The guardian's own view: a call pause that expires like any programmatic one.
		let until = 1 + <<Test as crate::Config>::MaxProgrammaticPause as Get<u64>>::get();
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_keep_alive"), Some(until));
		// Already paused: can_pause says no, pause says why.
		assert!(!<Guardian as TransactionPause>::can_pause(transfer_id.clone()));
		assert!(matches!(
			<Guardian as TransactionPause>::pause(transfer_id.clone()),
			Err(TransactionPauseError::AlreadyPaused)
		));
		assert!(<Guardian as TransactionPause>::unpause(transfer_id.clone()).is_ok());
		assert_eq!(
			System::events().pop().expect("an event").event,
			RuntimeEvent::Guardian(Event::Resumed {
				target: PauseTarget::Call {
					pallet: name("Balances"),
					call: name("transfer_keep_alive")
				},
				reason: ResumeReason::Programmatic,
			})
		);
		assert!(matches!(
			<Guardian as TransactionPause>::unpause(transfer_id),
			Err(TransactionPauseError::AlreadyUnpaused)
		));
		assert!(signed_dispatch(transfer()).is_ok());
	});
}

#[test]
fn transaction_pause_refuses_what_the_guardian_refuses() {
	test(|| {
		for (call, expected) in [
			(id("Nope", "nothing"), TransactionPauseError::NotFound),
			(id("Balances", "nothing"), TransactionPauseError::NotFound),
			(id("System", "remark"), TransactionPauseError::Unpausable),
			(id("Guardian", "pause"), TransactionPauseError::Unpausable),
		] {
			assert!(!<Guardian as TransactionPause>::can_pause(call.clone()));
			let error = <Guardian as TransactionPause>::pause(call.clone()).expect_err("refused");
			assert_eq!(core::mem::discriminant(&error), core::mem::discriminant(&expected));
			assert!(!<Guardian as TransactionPause>::is_paused(call));
		}
		// can_pause is false exactly when pause would fail: here, the room other pallets have
		// (MaxActivePauses − MaxResponseTargets: 2 of the mock's 4).
		for call in ["transfer_keep_alive", "transfer_allow_death"] {
			assert!(pause_through::<Guardian>(id("Balances", call)).is_ok());
		}
		let third = id("Utility", "batch");
		assert!(!<Guardian as TransactionPause>::can_pause(third.clone()));
		assert!(matches!(
			<Guardian as TransactionPause>::pause(third),
			Err(TransactionPauseError::Unknown)
		));
	});
}

#[test]
fn safe_mode_is_the_chain_pause() {
	test(|| {
		assert!(!<Guardian as SafeMode>::is_entered());
		assert_eq!(<Guardian as SafeMode>::remaining(), None);
		assert!(<Guardian as SafeMode>::enter(5).is_ok()); // blocks 1..=5, until 6
		assert!(<Guardian as SafeMode>::is_entered());
		assert_eq!(<Guardian as SafeMode>::remaining(), Some(4));
		assert_eq!(Guardian::active_pauses()[0].target, PauseTarget::Chain);
		assert_eq!(signed_dispatch(transfer()), Err(filtered()));
		assert!(matches!(<Guardian as SafeMode>::enter(5), Err(SafeModeError::AlreadyEntered)));
		assert!(<Guardian as SafeMode>::extend(3).is_ok());
		assert_eq!(<Guardian as SafeMode>::remaining(), Some(7));
		// Beyond the programmatic bound: refused, nothing changes.
		assert!(matches!(
			<Guardian as SafeMode>::extend(PROGRAMMATIC_BOUND),
			Err(SafeModeError::Unknown)
		));
		assert_eq!(<Guardian as SafeMode>::remaining(), Some(7));
		// The last block in safe mode reports 0, the next one none (as pallet-safe-mode).
		run_to_block(8);
		assert_eq!(<Guardian as SafeMode>::remaining(), Some(0));
		run_to_block(9);
		assert_eq!(<Guardian as SafeMode>::remaining(), None);
		assert!(signed_dispatch(transfer()).is_ok());
		assert!(matches!(<Guardian as SafeMode>::exit(), Err(SafeModeError::AlreadyExited)));
	});
}

#[test]
fn safe_mode_exit_withdraws_only_what_other_pallets_hold() {
	test(|| {
		// Entered by governance through the guardian's call: a pallet cannot lift it.
		assert!(Guardian::pause(RuntimeOrigin::root(), PauseTarget::Chain, 20).is_ok());
		assert!(<Guardian as SafeMode>::is_entered());
		assert!(matches!(<Guardian as SafeMode>::exit(), Err(SafeModeError::Unknown)));
		assert!(<Guardian as SafeMode>::is_entered());
		assert!(Guardian::resume(RuntimeOrigin::root(), PauseTarget::Chain).is_ok());
		// Entered through the trait: exited through it, or resumed by governance.
		assert!(<Guardian as SafeMode>::enter(5).is_ok());
		assert!(<Guardian as SafeMode>::exit().is_ok());
		assert!(!<Guardian as SafeMode>::is_entered());
		assert!(<Guardian as SafeMode>::enter(5).is_ok());
		assert!(Guardian::resume(RuntimeOrigin::root(), PauseTarget::Chain).is_ok());
		assert!(!<Guardian as SafeMode>::is_entered());
		// Entered through the trait and shared with a monitor's response: the exit withdraws
		// the trait's part, the response's pause stays for its own duration.
		assert!(<Guardian as SafeMode>::enter(5).is_ok());
		let chain = Guardian::validate_target(&PauseTarget::Chain).expect("valid");
		let by = crate::Contributor::CapResponse;
		assert_eq!(respond(by, &[chain], 3), 1);
		assert!(<Guardian as SafeMode>::exit().is_ok());
		assert_eq!(<Guardian as SafeMode>::remaining(), Some(2));
		assert_eq!(
			<Guardian as crate::CircuitBreaker<u64>>::paused_until(&PauseTarget::Chain),
			Some(4)
		);
	});
}
