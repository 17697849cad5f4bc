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

// ---- expiry ----------------------------------------------------------------------------

#[docify::export]
#[test]
fn on_initialize_resumes_expired_pauses_with_an_event() {
	test(|| {
		assert_ok!(Guardian::pause(root(), pallet("Balances"), 3)); // until 4
		assert_ok!(Guardian::pause(root(), call("Utility", "batch"), 5)); // until 6
		run_to_block(3);
		assert_eq!(signed_dispatch(allow_death(2)), Err(filtered()));
		System::reset_events();
		run_to_block(4);
		assert_eq!(
			guardian_events(),
			vec![Event::Resumed {
				target: stored(&pallet("Balances")),
				reason: ResumeReason::Expired
			}]
		);
		assert_ok!(signed_dispatch(allow_death(2)));
		assert_eq!(Summary::<Test>::get(), PauseSummary { active: 1, next_expiry: Some(6) });
		run_to_block(6);
		assert!(Pauses::<Test>::get().is_empty());
		assert_eq!(Summary::<Test>::get(), PauseSummary::default());
	});
}

#[test]
fn hook_weight_reflects_its_work() {
	test(|| {
		assert_eq!(Guardian::on_initialize(1), <() as WeightInfo>::on_initialize_idle());
		assert_ok!(Guardian::pause(root(), pallet("Balances"), 2));
		assert_ok!(Guardian::pause(root(), call("Utility", "batch"), 2));
		System::set_block_number(2);
		assert_eq!(Guardian::on_initialize(2), <() as WeightInfo>::on_initialize_idle());
		System::set_block_number(3);
		let holds = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get()
		.reads_writes(1, 1);
		assert_eq!(Guardian::on_initialize(3), <() as WeightInfo>::on_initialize_expire(2) + holds);
	});
}

#[test]
fn the_filter_treats_an_expired_pause_as_resumed_without_the_hook() {
	test(|| {
		assert_ok!(Guardian::pause(root(), pallet("Balances"), 3)); // until 4
															  // Jump past the expiry without running any hook.
		System::set_block_number(10);
		assert_eq!(Pauses::<Test>::get().len(), 1);
		assert_ok!(signed_dispatch(allow_death(2)));
		assert_eq!(Guardian::paused_until(&pallet("Balances")), None);
		// The stale record does not block a new pause, which tidies it away.
		assert_noop!(Guardian::resume(root(), pallet("Balances")), Error::<Test>::NotPaused);
		assert_ok!(Guardian::pause(root(), pallet("Balances"), 3));
		assert_eq!(
			guardian_events()[1..],
			[
				Event::Resumed {
					target: stored(&pallet("Balances")),
					reason: ResumeReason::Expired
				},
				Event::Paused { target: stored(&pallet("Balances")), until: 13 },
			]
		);
	});
}

// ---- filter edge cases -----------------------------------------------------------------

#[test]
fn the_filter_fails_closed_on_names_over_the_bound() {
	test(|| {
		// "transfer_keep_alive" is 19 bytes; with a bound of 16 it cannot be paused by name,
		// so the filter refuses it even with nothing paused.
		MaxNameLen::set(&16);
		assert_eq!(signed_dispatch(keep_alive(2)), Err(filtered()));
		assert_ok!(signed_dispatch(RuntimeCall::Utility(pallet_utility::Call::batch {
			calls: vec![]
		})));
		MaxNameLen::set(&32);
		assert_ok!(signed_dispatch(keep_alive(2)));
	});
}

// ---- transaction extension -------------------------------------------------------------

fn validate(call: &RuntimeCall) -> Result<(), TransactionValidityError> {
	CheckPaused::<Test>::new()
		.validate_only(
			RuntimeOrigin::signed(1),
			call,
			&call.get_dispatch_info(),
			0,
			TransactionSource::External,
			0,
		)
		.map(|_| ())
}

#[test]
fn the_extension_refuses_paused_calls_at_validation() {
	test(|| {
		assert_ok!(validate(&keep_alive(2)));
		assert_ok!(Guardian::pause(root(), call("Balances", "transfer_keep_alive"), 5));
		assert_eq!(
			validate(&keep_alive(2)),
			Err(InvalidTransaction::Custom(PAUSED_CALL_ERROR).into())
		);
		assert_ok!(validate(&allow_death(2)));
		// The guardian's calls always validate.
		assert_ok!(validate(&RuntimeCall::Guardian(crate::Call::resume {
			target: call("Balances", "transfer_keep_alive")
		})));
		run_to_block(6);
		assert_ok!(validate(&keep_alive(2)));
	});
}

#[test]
fn the_extension_declares_what_the_filter_will_read_and_refunds_the_rest() {
	test(|| {
		let refund = |call| refund_of(CheckPaused::<Test>::new(), 1, call);
		let weight = |call| CheckPaused::<Test>::new().weight(&call);
		let none = <() as WeightInfo>::check_paused_none();
		// Nothing paused: it declares the summary's read, which is all it does (what wallets
		// show is what is paid).
		assert_eq!(weight(keep_alive(2)), none);
		assert_eq!(refund(keep_alive(2)), frame_support::weights::Weight::zero());
		// Something paused: the worst case up front, refunded to the pauses it read.
		assert_ok!(Guardian::pause(root(), call("Balances", "transfer_all"), 5));
		let max = <Test as crate::Config>::MaxActivePauses::get();
		let full = <() as WeightInfo>::check_paused(max);
		assert_eq!(weight(keep_alive(2)), full);
		assert_eq!(refund(keep_alive(2)), full.saturating_sub(<() as WeightInfo>::check_paused(1)));
		// The guardian's own calls read nothing and declare nothing.
		let resume =
			RuntimeCall::Guardian(crate::Call::resume { target: call("Balances", "transfer_all") });
		assert_eq!(weight(resume.clone()), frame_support::weights::Weight::zero());
		assert_eq!(refund(resume), frame_support::weights::Weight::zero());
	});
}

// ---- genesis ---------------------------------------------------------------------------

#[test]
fn genesis_pauses_are_in_force_and_expire() {
	new_test_ext_with(crate::GenesisConfig {
		paused: vec![(call("Balances", "transfer_all"), 3), (PauseTarget::Chain, 2)],
		..Default::default()
	})
	.execute_with(|| {
		assert_eq!(Pauses::<Test>::get().len(), 2);
		assert_eq!(Summary::<Test>::get(), PauseSummary { active: 2, next_expiry: Some(2) });
		assert_eq!(signed_dispatch(allow_death(2)), Err(filtered()));
		run_to_block(2);
		assert_ok!(signed_dispatch(allow_death(2)));
		assert_eq!(
			signed_dispatch(RuntimeCall::Balances(pallet_balances::Call::transfer_all {
				dest: 2,
				keep_alive: false
			})),
			Err(filtered())
		);
		run_to_block(3);
		assert!(Pauses::<Test>::get().is_empty());
		Guardian::do_try_state().unwrap();
	});
}

#[test]
#[should_panic(expected = "genesis pause")]
fn genesis_refuses_invalid_targets() {
	new_test_ext_with(crate::GenesisConfig {
		paused: vec![(pallet("System"), 3)],
		..Default::default()
	});
}

// ---- CircuitBreaker trait --------------------------------------------------------------

#[test]
fn other_pallets_pause_and_resume_with_the_same_rules() {
	test(|| {
		let target = call("Balances", "transfer_keep_alive");
		assert_noop!(
			<Guardian as CircuitBreaker<u64>>::pause(target.clone(), PROGRAMMATIC_BOUND + 1),
			Error::<Test>::DurationBeyondBound
		);
		assert_noop!(
			<Guardian as CircuitBreaker<u64>>::pause(pallet("System"), 5),
			Error::<Test>::TargetWhitelisted
		);
		assert_noop!(
			<Guardian as CircuitBreaker<u64>>::pause(pallet("Guardian"), 5),
			Error::<Test>::CannotPauseGuardian
		);
		assert_ok!(<Guardian as CircuitBreaker<u64>>::pause(target.clone(), 10));
		assert_eq!(<Guardian as CircuitBreaker<u64>>::paused_until(&target), Some(11));
		assert_eq!(signed_dispatch(keep_alive(2)), Err(filtered()));
		assert_ok!(<Guardian as CircuitBreaker<u64>>::extend(target.clone(), 40));
		assert_noop!(
			<Guardian as CircuitBreaker<u64>>::extend(target.clone(), 1),
			Error::<Test>::DurationBeyondBound
		);
		assert_ok!(<Guardian as CircuitBreaker<u64>>::resume(target.clone()));
		assert_eq!(
			last_event(),
			RuntimeEvent::Guardian(Event::Resumed {
				target: stored(&target),
				reason: ResumeReason::Programmatic
			})
		);
		assert_eq!(<Guardian as CircuitBreaker<u64>>::paused_until(&target), None);
		assert_noop!(<Guardian as CircuitBreaker<u64>>::resume(target), Error::<Test>::NotPaused);
	});
}

// ---- invariants ------------------------------------------------------------------------

#[test]
fn try_state_detects_a_stale_summary_and_duplicates() {
	test(|| {
		assert_ok!(Guardian::pause(root(), pallet("Balances"), 5));
		Summary::<Test>::put(PauseSummary { active: 0, next_expiry: None });
		assert!(Guardian::do_try_state().is_err());
		let record = Pauses::<Test>::get()[0].clone();
		let twice: BoundedVec<_, _> = vec![record.clone(), record].try_into().unwrap();
		Summary::<Test>::put(PauseSummary { active: 2, next_expiry: Some(6) });
		Pauses::<Test>::put(twice);
		assert!(Guardian::do_try_state().is_err());
		// Restore a valid state for the final check.
		Pauses::<Test>::kill();
		Summary::<Test>::kill();
		crate::PauseHolds::<Test>::kill();
	});
}

// ---- what a pause can never stop -----------------------------------------------------------

#[test]
fn inherents_run_under_any_pause_although_the_whitelist_forgets_them() {
	use frame_support::{dispatch::DispatchClass, traits::Contains};
	test(|| {
		let set = |now| RuntimeCall::Timestamp(pallet_timestamp::Call::set { now });
		assert_eq!(set(0).get_dispatch_info().class, DispatchClass::Mandatory);
		assert!(!MockWhitelist::contains(&set(0)));
		// A chain-wide pause: ordinary calls stop, the timestamp inherent goes on.
		assert_ok!(Guardian::pause(root(), PauseTarget::Chain, 5));
		assert_eq!(signed_dispatch(keep_alive(2)), Err(filtered()));
		assert_ok!(set(6_000).dispatch(RuntimeOrigin::none()));
		run_to_block(2);
		// A pause of the Timestamp pallet itself, and of its `set` call: still included.
		assert_ok!(Guardian::pause(root(), pallet("Timestamp"), 5));
		assert_ok!(set(12_000).dispatch(RuntimeOrigin::none()));
		run_to_block(3);
		assert_ok!(Guardian::resume(root(), pallet("Timestamp")));
		assert_ok!(Guardian::pause(root(), call("Timestamp", "set"), 5));
		assert_ok!(set(18_000).dispatch(RuntimeOrigin::none()));
		assert!(Guardian::call_allowed(&set(18_000)));
	});
}

#[test]
fn the_emergency_calls_are_operational() {
	use frame_support::dispatch::DispatchClass;
	let target = || PauseTarget::Chain;
	let source = crate::Source::Issuance;
	let level = crate::RiskLevel::Critical;
	for call in [
		crate::Call::<Test>::pause { target: target(), duration: 1 },
		crate::Call::extend { target: target(), extra: 1 },
		crate::Call::resume { target: target() },
		crate::Call::extend_response { source, extra: 1 },
		crate::Call::reset_response { source },
		crate::Call::raise_risk_level { level, duration: 1 },
		crate::Call::clear_risk_level {},
	] {
		assert_eq!(call.get_dispatch_info().class, DispatchClass::Operational, "{call:?}");
	}
	// The configuration calls are ordinary governance business.
	let call = crate::Call::<Test>::remove_monitor { source };
	assert_eq!(call.get_dispatch_info().class, DispatchClass::Normal);
}

#[test]
fn other_pallets_resume_only_what_other_pallets_hold() {
	test(|| {
		// Governance's pause: a pallet cannot lift it.
		assert_ok!(Guardian::pause(root(), pallet("Balances"), 20));
		assert_noop!(
			<Guardian as CircuitBreaker<u64>>::resume(pallet("Balances")),
			Error::<Test>::PauseHeldByOthers
		);
		// Extending it, a pallet comes to hold it too, and can then withdraw its own part:
		// governance's pause stays until its own expiry.
		assert_ok!(<Guardian as CircuitBreaker<u64>>::extend(pallet("Balances"), 10));
		assert_eq!(<Guardian as CircuitBreaker<u64>>::paused_until(&pallet("Balances")), Some(31));
		assert_ok!(<Guardian as CircuitBreaker<u64>>::resume(pallet("Balances")));
		assert_eq!(<Guardian as CircuitBreaker<u64>>::paused_until(&pallet("Balances")), Some(21));
		assert_eq!(
			last_event(),
			RuntimeEvent::Guardian(Event::PauseShortened {
				target: stored(&pallet("Balances")),
				until: 21
			})
		);
		// A pallet's own pause: it ends it.
		assert_ok!(<Guardian as CircuitBreaker<u64>>::pause(pallet("Timestamp"), 5));
		assert_ok!(<Guardian as CircuitBreaker<u64>>::resume(pallet("Timestamp")));
		assert_eq!(<Guardian as CircuitBreaker<u64>>::paused_until(&pallet("Timestamp")), None);
		assert_noop!(
			<Guardian as CircuitBreaker<u64>>::resume(pallet("Timestamp")),
			Error::<Test>::NotPaused
		);
	});
}
