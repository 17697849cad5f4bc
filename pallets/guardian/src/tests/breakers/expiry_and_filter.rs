//! Pauses expiring (with and without the hook), the filter's edge cases, and the transaction
//! extension that refuses paused calls in the pool.

use super::*;

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
		// The code is the runtime's choice (`Config::RefusalCodes`).
		crate::tests::mock::Refusals::set(crate::RefusalCodes {
			paused_call: 77,
			cap_exceeded: 78,
		});
		assert_eq!(validate(&keep_alive(2)), Err(InvalidTransaction::Custom(77).into()));
		crate::tests::mock::Refusals::set(crate::RefusalCodes::DEFAULT);
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
