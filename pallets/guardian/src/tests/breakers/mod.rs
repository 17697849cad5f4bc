//! Unit tests on the mock runtime: every extrinsic, every error, the hook, the filter, the
//! transaction extension, genesis and the [`CircuitBreaker`] trait.

use crate::{
	tests::mock::*, CheckPaused, CircuitBreaker, Contributor, Error, Event, PauseSummary,
	PauseTarget, PauseTargetInput, Pauses, ResumeReason, Summary, WeightInfo, PAUSED_CALL_ERROR,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{Get, Hooks},
	BoundedVec,
};
use sp_runtime::{
	traits::{DispatchTransaction, Dispatchable, TransactionExtension},
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	DispatchError,
};

mod expiry_and_filter;

fn call(pallet: &str, call: &str) -> PauseTargetInput {
	PauseTarget::Call { pallet: pallet.into(), call: call.into() }
}
fn pallet(pallet: &str) -> PauseTargetInput {
	PauseTarget::Pallet { pallet: pallet.into() }
}
fn stored(target: &PauseTargetInput) -> crate::PauseTargetOf<Test> {
	Guardian::validate_target(target).expect("valid target")
}
fn keep_alive(to: u64) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: to, value: 10 })
}
fn allow_death(to: u64) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death { dest: to, value: 10 })
}
fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![1] })
}
fn filtered() -> DispatchError {
	frame_system::Error::<Test>::CallFiltered.into()
}
fn signed_dispatch(call: RuntimeCall) -> Result<(), DispatchError> {
	call.dispatch(RuntimeOrigin::signed(1)).map(|_| ()).map_err(|e| e.error)
}
fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}
fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

// ---- pause -----------------------------------------------------------------------------

#[test]
fn pausing_a_call_blocks_only_that_call() {
	test(|| {
		assert_ok!(Guardian::pause(root(), call("Balances", "transfer_keep_alive"), 5));
		assert_eq!(
			last_event(),
			RuntimeEvent::Guardian(Event::Paused {
				target: stored(&call("Balances", "transfer_keep_alive")),
				until: 6
			})
		);
		assert_eq!(signed_dispatch(keep_alive(2)), Err(filtered()));
		assert_ok!(signed_dispatch(allow_death(2)));
		assert_eq!(Summary::<Test>::get(), PauseSummary { active: 1, next_expiry: Some(6) });
	});
}

#[test]
fn pausing_a_pallet_blocks_all_its_calls() {
	test(|| {
		assert_ok!(Guardian::pause(root(), pallet("Balances"), 5));
		assert_eq!(signed_dispatch(keep_alive(2)), Err(filtered()));
		assert_eq!(signed_dispatch(allow_death(2)), Err(filtered()));
		// Other pallets keep working.
		assert_ok!(signed_dispatch(RuntimeCall::Utility(pallet_utility::Call::batch {
			calls: vec![remark()]
		})));
	});
}

#[test]
fn safe_mode_blocks_everything_but_the_whitelist_and_the_guardian() {
	test(|| {
		assert_ok!(Guardian::pause(root(), PauseTarget::Chain, 5));
		assert_eq!(signed_dispatch(allow_death(2)), Err(filtered()));
		assert_eq!(
			signed_dispatch(RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![] })),
			Err(filtered())
		);
		// Whitelisted: all of System.
		assert_ok!(signed_dispatch(remark()));
		// Whitelisted by argument: as_derivative with index 0 passes, index 1 does not, and the
		// call it wraps is still filtered.
		let derivative = |index| {
			RuntimeCall::Utility(pallet_utility::Call::as_derivative {
				index,
				call: Box::new(allow_death(2)),
			})
		};
		assert_eq!(signed_dispatch(derivative(1)), Err(filtered()));
		assert_eq!(signed_dispatch(derivative(0)), Err(filtered()));
		assert_ok!(signed_dispatch(RuntimeCall::Utility(pallet_utility::Call::as_derivative {
			index: 0,
			call: Box::new(remark()),
		})));
		// The guardian's own calls always pass the filter: safe mode can be lifted.
		assert_ok!(RuntimeCall::Guardian(crate::Call::resume { target: PauseTarget::Chain })
			.dispatch(RuntimeOrigin::signed(RESUMER)));
		assert_ok!(signed_dispatch(allow_death(2)));
	});
}

#[test]
fn nested_calls_are_filtered() {
	test(|| {
		assert_ok!(Guardian::pause(root(), call("Balances", "transfer_keep_alive"), 5));
		let before = Balances::free_balance(2);

		// batch: stops at the filtered call.
		assert_ok!(signed_dispatch(RuntimeCall::Utility(pallet_utility::Call::batch {
			calls: vec![keep_alive(2)]
		})));
		assert_eq!(
			last_event(),
			RuntimeEvent::Utility(pallet_utility::Event::BatchInterrupted {
				index: 0,
				error: filtered()
			})
		);
		// batch_all: fails as a whole.
		assert_eq!(
			signed_dispatch(RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![allow_death(2), keep_alive(2)]
			})),
			Err(filtered())
		);
		// force_batch: the item fails.
		assert_ok!(signed_dispatch(RuntimeCall::Utility(pallet_utility::Call::force_batch {
			calls: vec![keep_alive(2)]
		})));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Utility(pallet_utility::Event::ItemFailed { error: filtered() })));
		// Nested twice.
		assert_ok!(signed_dispatch(RuntimeCall::Utility(pallet_utility::Call::batch {
			calls: vec![RuntimeCall::Utility(pallet_utility::Call::batch {
				calls: vec![keep_alive(2)]
			})]
		})));
		assert_eq!(Balances::free_balance(2), before);
	});
}

#[test]
fn root_bypasses_the_filter() {
	test(|| {
		assert_ok!(Guardian::pause(root(), PauseTarget::Chain, 5));
		assert_ok!(allow_death(2).dispatch(root()).map(|_| ()).map_err(|e| e.error).or_else(|e| {
			// Root has no balance: the call is *dispatched*, not filtered.
			assert_ne!(e, filtered());
			Ok::<(), DispatchError>(())
		}));
	});
}

#[test]
fn pause_validates_names_against_the_runtime_metadata() {
	test(|| {
		assert_noop!(Guardian::pause(root(), pallet("Balance"), 5), Error::<Test>::UnknownPallet);
		assert_noop!(
			Guardian::pause(root(), call("Balances", "transfer"), 5),
			Error::<Test>::UnknownCall
		);
		assert_noop!(
			Guardian::pause(root(), call("Nope", "transfer"), 5),
			Error::<Test>::UnknownPallet
		);
		let long = "B".repeat(33);
		assert_noop!(Guardian::pause(root(), pallet(&long), 5), Error::<Test>::NameTooLong);
		assert_noop!(
			Guardian::pause(root(), call("Balances", &long), 5),
			Error::<Test>::NameTooLong
		);
		assert_noop!(Guardian::extend(root(), pallet(&long), 5), Error::<Test>::NameTooLong);
		assert_noop!(Guardian::resume(root(), pallet(&long)), Error::<Test>::NameTooLong);
	});
}

#[test]
fn whitelisted_targets_and_the_guardian_cannot_be_paused() {
	test(|| {
		assert_noop!(
			Guardian::pause(root(), pallet("System"), 5),
			Error::<Test>::TargetWhitelisted
		);
		assert_noop!(
			Guardian::pause(root(), call("System", "remark"), 5),
			Error::<Test>::TargetWhitelisted
		);
		// Utility is partly whitelisted (as_derivative): the pallet and that call are
		// protected, its other calls are not.
		assert_noop!(
			Guardian::pause(root(), pallet("Utility"), 5),
			Error::<Test>::TargetWhitelisted
		);
		assert_noop!(
			Guardian::pause(root(), call("Utility", "as_derivative"), 5),
			Error::<Test>::TargetWhitelisted
		);
		assert_ok!(Guardian::pause(root(), call("Utility", "batch"), 5));
		assert_noop!(
			Guardian::pause(root(), pallet("Guardian"), 5),
			Error::<Test>::CannotPauseGuardian
		);
		assert_noop!(
			Guardian::pause(root(), call("Guardian", "resume"), 5),
			Error::<Test>::CannotPauseGuardian
		);
	});
}

#[test]
fn pause_refuses_bad_durations_and_duplicates() {
	test(|| {
		assert_noop!(Guardian::pause(root(), pallet("Balances"), 0), Error::<Test>::ZeroDuration);
		assert_noop!(
			Guardian::pause(root(), pallet("Balances"), ROOT_BOUND + 1),
			Error::<Test>::DurationBeyondBound
		);
		assert_noop!(
			Guardian::pause(RuntimeOrigin::signed(PAUSER), pallet("Balances"), FAST_BOUND + 1),
			Error::<Test>::DurationBeyondBound
		);
		assert_ok!(Guardian::pause(RuntimeOrigin::signed(PAUSER), pallet("Balances"), FAST_BOUND));
		assert_noop!(Guardian::pause(root(), pallet("Balances"), 5), Error::<Test>::AlreadyPaused);
	});
}

#[test]
fn pause_refuses_wrong_origins() {
	test(|| {
		for who in [1, RESUMER] {
			assert_noop!(
				Guardian::pause(RuntimeOrigin::signed(who), pallet("Balances"), 5),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			Guardian::pause(RuntimeOrigin::none(), pallet("Balances"), 5),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn each_class_has_its_own_room_and_nothing_exceeds_the_bound() {
	test(|| {
		// The mock's rooms: governance 2, automatic 4, other pallets 2.
		for name in ["transfer_allow_death", "transfer_keep_alive"] {
			assert_ok!(Guardian::pause(root(), call("Balances", name), 5));
		}
		assert_noop!(
			Guardian::pause(root(), call("Utility", "batch"), 5),
			Error::<Test>::TooManyPauses
		);
		assert_noop!(Guardian::pause(root(), PauseTarget::Chain, 5), Error::<Test>::TooManyPauses);
		// Other pallets have a room of their own: governance's being full takes nothing of it.
		assert_ok!(<Guardian as CircuitBreaker<u64>>::pause(call("Utility", "batch_all"), 5));
		assert_ok!(<Guardian as CircuitBreaker<u64>>::pause(call("Utility", "force_batch"), 5));
		assert_noop!(
			<Guardian as CircuitBreaker<u64>>::pause(call("Utility", "dispatch_as"), 5),
			Error::<Test>::TooManyPauses
		);
		// A response still places all its targets, sharing those already paused.
		let by = Contributor::CapResponse;
		let shared =
			[stored(&call("Balances", "transfer_allow_death")), stored(&call("Utility", "batch"))];
		assert_eq!(respond(by, &shared, 5), 2);
		let own =
			[stored(&call("Balances", "transfer_all")), stored(&call("Utility", "dispatch_as"))];
		assert_eq!(respond(by, &own, 5), 2);
		assert_eq!(Pauses::<Test>::get().len(), 7);
		// Its class's room (4) full: a further response cannot pause, so it escalates to
		// Critical instead of vanishing, and says so.
		let more = [stored(&PauseTarget::Chain)];
		assert_eq!(respond(by, &more, 5), 0);
		assert_eq!(Guardian::risk_level_now(), crate::RiskLevel::Critical);
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::Guardian(Event::ResponseEscalated {
				by,
				unplaced: BoundedVec::truncate_from(more.to_vec()),
				level: crate::RiskLevel::Critical,
				until: 6,
			})));
		assert_eq!(Pauses::<Test>::get().len(), 7);
	});
}

// ---- extend ----------------------------------------------------------------------------

#[test]
fn extend_pushes_the_expiry_back_within_the_callers_bound() {
	test(|| {
		assert_ok!(Guardian::pause(RuntimeOrigin::signed(PAUSER), pallet("Balances"), 4));
		// Now 1, until 5: the fast pauser may reach until 11 (10 blocks from now).
		assert_ok!(Guardian::extend(RuntimeOrigin::signed(PAUSER), pallet("Balances"), 6));
		assert_eq!(
			last_event(),
			RuntimeEvent::Guardian(Event::PauseExtended {
				target: stored(&pallet("Balances")),
				until: 11
			})
		);
		assert_noop!(
			Guardian::extend(RuntimeOrigin::signed(PAUSER), pallet("Balances"), 1),
			Error::<Test>::DurationBeyondBound
		);
		// Root's bound is larger.
		assert_ok!(Guardian::extend(root(), pallet("Balances"), 100));
		assert_eq!(Pauses::<Test>::get()[0].until, 111);
		assert_eq!(Summary::<Test>::get().next_expiry, Some(111));
		// Later, the fast pauser may extend again once the remaining time is short.
		run_to_block(105);
		assert_ok!(Guardian::extend(RuntimeOrigin::signed(PAUSER), pallet("Balances"), 4));
	});
}

#[test]
fn extend_refuses_bad_input() {
	test(|| {
		assert_noop!(Guardian::extend(root(), pallet("Balances"), 5), Error::<Test>::NotPaused);
		assert_ok!(Guardian::pause(root(), pallet("Balances"), 5));
		assert_noop!(Guardian::extend(root(), pallet("Balances"), 0), Error::<Test>::ZeroDuration);
		assert_noop!(
			Guardian::extend(root(), pallet("Balances"), u64::MAX),
			Error::<Test>::DurationBeyondBound
		);
		assert_noop!(
			Guardian::extend(RuntimeOrigin::signed(1), pallet("Balances"), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(Guardian::extend(root(), pallet("Nope"), 1), Error::<Test>::UnknownPallet);
		assert_noop!(
			Guardian::extend(root(), call("Balances", "transfer_all"), 1),
			Error::<Test>::NotPaused
		);
	});
}

// ---- resume ----------------------------------------------------------------------------

#[test]
fn resume_ends_a_pause_with_the_governance_reason() {
	test(|| {
		assert_ok!(Guardian::pause(root(), pallet("Balances"), 5));
		assert_ok!(Guardian::resume(RuntimeOrigin::signed(RESUMER), pallet("Balances")));
		assert_eq!(
			last_event(),
			RuntimeEvent::Guardian(Event::Resumed {
				target: stored(&pallet("Balances")),
				reason: ResumeReason::Governance
			})
		);
		assert_ok!(signed_dispatch(allow_death(2)));
		assert!(Pauses::<Test>::get().is_empty());
		assert_eq!(Summary::<Test>::get(), PauseSummary::default());
	});
}

#[test]
fn resume_refuses_bad_input() {
	test(|| {
		assert_noop!(Guardian::resume(root(), pallet("Balances")), Error::<Test>::NotPaused);
		assert_ok!(Guardian::pause(root(), pallet("Balances"), 5));
		// The pauser is not the resumer: pausing is narrow, resuming broad.
		assert_noop!(
			Guardian::resume(RuntimeOrigin::signed(PAUSER), pallet("Balances")),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Guardian::resume(RuntimeOrigin::signed(1), pallet("Balances")),
			DispatchError::BadOrigin
		);
		assert_noop!(Guardian::resume(root(), pallet("Bogus")), Error::<Test>::UnknownPallet);
		assert_noop!(
			Guardian::resume(root(), call("Balances", "nope")),
			Error::<Test>::UnknownCall
		);
		// A call pause is not a pallet pause.
		assert_noop!(
			Guardian::resume(root(), call("Balances", "transfer_all")),
			Error::<Test>::NotPaused
		);
	});
}
