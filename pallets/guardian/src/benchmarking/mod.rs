//! Benchmarks (frame-benchmarking v2) of every call, the hook and the filter, at their worst
//! case: for the circuit breakers `MaxActivePauses - 1` other pauses stored, the target last in
//! the list; for the caps `MaxWindows` windows everywhere (own limit, policy, global cap),
//! `MaxResponseTargets` response targets, and the guard index written when it changes.
//!
//! For the responses, every stored pause is held by the most contributors it may have
//! (`MaxMonitors + 4`), and every contributor has a live contribution at both levels, so the
//! scans of [`PauseHolds`] and [`RiskContributions`] are measured at their bound. The set-up
//! is in `setup.rs`.
//!
//! Targets are taken from the runtime's own call metadata (every call that is neither the
//! guardian's nor whitelisted), so no runtime-specific helper is needed.

mod setup;

use crate::{
	breakers::Breakers,
	caps::Caps,
	monitors::Monitoring,
	reports::Reporting,
	responses::{Class, Engine},
	Pallet as Guardian, *,
};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate, MutateHold},
	EnsureOrigin, Get, GetCallMetadata, Hooks,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating, StaticLookup};

#[benchmarks]
mod benchmarks {
	use super::{setup::*, *};

	/// Governance's pause with every other pause stored.
	#[benchmark]
	fn pause() -> Result<(), BenchmarkError> {
		// Every other pause stored (the rooms sum to at most `MaxActivePauses`), one place of
		// governance's room left.
		let max = T::MaxActivePauses::get();
		let _ = fill_around::<T>(max.saturating_sub(1), 10u32.into(), Class::Governance);
		let target = pausable_calls::<T>(max).pop().expect("max >= 1");
		let origin =
			T::PauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let duration = pause_bound::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, target.clone(), duration);

		assert!(Guardian::<T>::paused_until(&target).is_some());
		Ok(())
	}

	#[benchmark]
	fn extend() -> Result<(), BenchmarkError> {
		// Pauses of 10 blocks: the benchmark runner may move from block 0 to block 1 between
		// the set-up and the call, and a 1-block pause would have expired by then.
		let max = T::MaxActivePauses::get();
		let duration: BlockNumberFor<T> = 10u32.into();
		let targets = fill_around::<T>(max.saturating_sub(1), duration, Class::Governance);
		// Every pause shared by as many holders as it may have, governance not among them
		// (it is added).
		crowd_responses::<T>(None);
		let target = targets.last().cloned().expect("max >= 1");
		let stored = Engine::<T>::validate_target(&target).expect("pausable");
		PauseHolds::<T>::mutate(|all| {
			for entry in all.iter_mut().filter(|entry| entry.target == stored) {
				entry.holds.retain(|(owner, _)| *owner != Contributor::Governance);
			}
		});
		let origin =
			T::PauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let extra = pause_bound::<T>().saturating_sub(duration).max(One::one());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, target.clone(), extra);

		Ok(())
	}

	/// Resuming the last of `MaxActivePauses` pauses, a target with `MaxOpenReports` running
	/// bonded reports and an escalation (their reports stop running).
	#[benchmark]
	fn resume() -> Result<(), BenchmarkError> {
		let max = T::MaxActivePauses::get();
		let targets = fill_around::<T>(max.saturating_sub(1), 10u32.into(), Class::Reports);
		let target = targets.last().cloned().expect("max >= 1");
		Reporting::<T>::do_set_reportable(&target, true).expect("a valid reportable target");
		let _ = open_reports::<T>(&target, T::MaxOpenReports::get());
		let origin =
			T::ResumeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, target.clone());

		assert!(Guardian::<T>::paused_until(&target).is_none());
		Ok(())
	}

	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Guardian::<T>::on_initialize(now);
		}
	}

	#[benchmark]
	fn on_initialize_expire(n: Linear<1, { T::MaxActivePauses::get() }>) {
		fill::<T>(n, One::one());
		let now = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		frame_system::Pallet::<T>::set_block_number(now);
		#[block]
		{
			Guardian::<T>::on_initialize(now);
		}
		assert_eq!(Pauses::<T>::get().len(), 0);
	}

	/// The filter's storage work for a pausable call with nothing paused: the whitelisted
	/// summary alone.
	#[benchmark]
	fn check_paused_none() {
		let covered;
		#[block]
		{
			covered = Summary::<T>::get().active != 0;
		}
		assert!(!covered);
	}

	/// The filter's storage work for a pausable call with `n` pauses stored, none covering
	/// it: the summary and the pause list.
	#[benchmark]
	fn check_paused(n: Linear<1, { T::MaxActivePauses::get() }>) {
		let mut targets = pausable_calls::<T>(n.saturating_add(1));
		let unpaused = targets.pop().expect("at least one pausable call");
		for target in &targets {
			place::<T>(&Engine::<T>::validate_target(target).expect("pausable"), 10u32.into());
		}
		let (pallet, call) = match unpaused {
			PauseTarget::Call { pallet, call } => (pallet, call),
			_ => unreachable!("pausable_calls returns calls"),
		};
		let meta = frame_support::traits::CallMetadata {
			pallet_name: <<T as Config>::RuntimeCall as GetCallMetadata>::get_module_names()
				.iter()
				.find(|p| p.as_bytes() == pallet.as_slice())
				.expect("known pallet"),
			function_name: <<T as Config>::RuntimeCall as GetCallMetadata>::get_module_names()
				.iter()
				.flat_map(|p| <<T as Config>::RuntimeCall as GetCallMetadata>::get_call_names(p))
				.find(|c| c.as_bytes() == call.as_slice())
				.expect("known call"),
		};
		let covered;
		#[block]
		{
			// `call_allowed`'s storage work for a pausable call.
			covered =
				Summary::<T>::get().active != 0 && Breakers::<T>::pause_covering(&meta).is_some();
		}
		assert!(!covered);
		assert_eq!(Summary::<T>::get().active, n);
	}

	#[benchmark]
	fn set_policy() -> Result<(), BenchmarkError> {
		let who: T::AccountId = account("who", 0, 0);
		funded::<T>(&who);
		let origin = cap_origin::<T>()?;
		let policy = worst_policy::<T>(1_000);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()), policy);

		assert!(Guards::<T>::get(&who).is_some_and(|g| g.policy.is_some()));
		Ok(())
	}

	#[benchmark]
	fn change_policy() -> Result<(), BenchmarkError> {
		let who = guarded::<T>(0);
		let origin = cap_origin::<T>()?;
		let policy = worst_policy::<T>(2_000);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who), policy);

		Ok(())
	}

	#[benchmark]
	fn remove_policy() -> Result<(), BenchmarkError> {
		// Removing the last limit also removes the record and updates the guard index.
		let who = guarded::<T>(0);
		Guards::<T>::mutate(&who, |g| {
			if let Some(g) = g {
				g.own = None;
			}
		});
		let origin = cap_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()));

		assert!(Guards::<T>::get(&who).is_none());
		Ok(())
	}

	#[benchmark]
	fn set_global_cap() -> Result<(), BenchmarkError> {
		guarded::<T>(0);
		let origin = cap_origin::<T>()?;
		let cap = worst_policy::<T>(2_000);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(cap));

		Ok(())
	}

	#[benchmark]
	fn reset_usage() -> Result<(), BenchmarkError> {
		let who = guarded::<T>(0);
		let origin = cap_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, CapScope::Account(who));

		Ok(())
	}

	/// A first own limit: the deposit held, the marker set, the record created and the guard
	/// index written.
	#[benchmark]
	fn limit_own_outflow() {
		let who: T::AccountId = whitelisted_caller();
		funded::<T>(&who);
		let specs = windows::<T>(1_000);

		#[extrinsic_call]
		_(frame_system::RawOrigin::Signed(who.clone()), specs);

		assert!(Guards::<T>::get(&who).is_some_and(|g| g.own.is_some()));
	}

	#[benchmark]
	fn remove_own_limit() {
		let who: T::AccountId = whitelisted_caller();
		funded::<T>(&who);
		Caps::<T>::do_limit_own_outflow(&who, &windows::<T>(1_000)).expect("valid");

		#[extrinsic_call]
		_(frame_system::RawOrigin::Signed(who.clone()));

		assert!(OwnLimitAnnouncements::<T>::get(&who).is_some());
	}

	/// Enacting a removal of the last limit: the record removed, the index written, the marker
	/// cleared and the deposit released.
	#[benchmark]
	fn enact_own_limit() {
		let who: T::AccountId = whitelisted_caller();
		funded::<T>(&who);
		Caps::<T>::do_limit_own_outflow(&who, &windows::<T>(1_000)).expect("valid");
		Caps::<T>::do_remove_own_limit(&who).expect("has a limit");
		let due = frame_system::Pallet::<T>::block_number().saturating_add(T::OwnLimitDelay::get());
		frame_system::Pallet::<T>::set_block_number(due);

		#[extrinsic_call]
		_(frame_system::RawOrigin::Signed(who.clone()));

		assert!(Guards::<T>::get(&who).is_none());
	}

	#[benchmark]
	fn cancel_own_announcement() {
		let who: T::AccountId = whitelisted_caller();
		funded::<T>(&who);
		Caps::<T>::do_limit_own_outflow(&who, &windows::<T>(1_000)).expect("valid");
		Caps::<T>::do_remove_own_limit(&who).expect("has a limit");

		#[extrinsic_call]
		_(frame_system::RawOrigin::Signed(who.clone()));

		assert!(OwnLimitAnnouncements::<T>::get(&who).is_none());
	}

	/// The pool check's storage work for a guarded signer: the index, its record, its free
	/// balance and the global cap (the call's outflow estimate is the runtime's and costs no storage for
	/// plain transfers).
	#[benchmark]
	fn check_velocity() {
		let who = guarded::<T>(0);
		let allowance;
		#[block]
		{
			allowance = Caps::<T>::may_be_guarded(&who)
				.then(|| Caps::<T>::remaining_allowance(&who))
				.flatten();
		}
		assert!(allowance.is_some());
	}

	/// The ledger guard's own work on an outflow of a guarded account with an own limit, a
	/// policy and a global cap (`MaxWindows` windows each), crossing no mark: the index
	/// look-up, the counting and the writes.
	#[benchmark]
	fn ledger_debit_guarded() {
		let who = guarded::<T>(0);
		let free = Caps::<T>::free_of(&who);
		#[block]
		{
			if Caps::<T>::may_be_guarded(&who) {
				Caps::<T>::record_outflow(&who, 10u32.into(), free);
			}
		}
	}

	/// An outflow at its worst: it crosses the high-water mark of the policy and of the global
	/// cap (each pausing `MaxResponseTargets` targets) and goes beyond both limits, and the
	/// `PolicyOutflow` and `GlobalOutflow` monitors run playbooks that pause their own
	/// targets and raise the level to Critical.
	#[benchmark]
	fn ledger_debit_guarded_response() {
		// Limits of 1 000 with 10 used: an outflow of 1 000 crosses 80% and goes beyond.
		let who = guarded_with::<T>(0, 1_000);
		let targets = pausable_calls::<T>(T::MaxActivePauses::get());
		for (index, source) in
			[Source::PolicyOutflow, Source::GlobalOutflow].into_iter().enumerate()
		{
			let per = T::MaxResponseTargets::get() as usize;
			let own: Vec<_> =
				targets.iter().skip(per.saturating_mul(index + 1)).take(per).cloned().collect();
			let input = MonitorInput {
				rule: None,
				stale_after: None,
				playbook: PlaybookInput {
					pause: own,
					pause_inbound: false,
					raise_to: RiskLevel::Critical,
					duration: T::MaxProgrammaticPause::get(),
				},
			};
			let monitor = Monitoring::<T>::build_monitor(source, &input).expect("valid monitor");
			Monitoring::<T>::store_monitor(source, monitor).expect("room for the monitor");
		}
		let free = Caps::<T>::free_of(&who);
		#[block]
		{
			Caps::<T>::record_outflow(&who, 1_000u32.into(), free);
		}
		assert_eq!(Engine::<T>::level_now(), RiskLevel::Critical);
	}

	/// Returning an excess held on an account to the guarded account it came from.
	#[benchmark]
	fn return_excess() -> Result<(), BenchmarkError> {
		let from = guarded::<T>(0);
		let on: T::AccountId = account("recipient", 0, 0);
		funded::<T>(&on);
		T::Currency::hold(&HoldReason::Excess.into(), &on, 1_000u32.into())?;
		let until = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());
		ExcessHolds::<T>::insert(&on, &from, ExcessHold { amount: 1_000u32.into(), until });
		let origin = cap_origin::<T>()?;

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			T::Lookup::unlookup(on.clone()),
			T::Lookup::unlookup(from.clone()),
		);

		assert!(ExcessHolds::<T>::get(&on, &from).is_none());
		Ok(())
	}

	/// Anyone releasing an excess hold once its period is over.
	#[benchmark]
	fn release_excess() -> Result<(), BenchmarkError> {
		let from = guarded::<T>(0);
		let on: T::AccountId = account("recipient", 0, 0);
		funded::<T>(&on);
		T::Currency::hold(&HoldReason::Excess.into(), &on, 1_000u32.into())?;
		let until = frame_system::Pallet::<T>::block_number();
		ExcessHolds::<T>::insert(&on, &from, ExcessHold { amount: 1_000u32.into(), until });
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(
			frame_system::RawOrigin::Signed(caller),
			T::Lookup::unlookup(on.clone()),
			T::Lookup::unlookup(from.clone()),
		);

		assert!(ExcessHolds::<T>::get(&on, &from).is_none());
		Ok(())
	}

	/// The ledger guard's work on a debit of an unguarded account while accounts are guarded:
	/// one partial read of the (whitelisted) guard index.
	#[benchmark]
	fn ledger_debit_unguarded() {
		guarded::<T>(0);
		let who: T::AccountId = account("unguarded", 0, 0);
		let maybe;
		#[block]
		{
			maybe = Caps::<T>::may_be_guarded(&who);
		}
		assert!(!maybe);
	}

	#[benchmark]
	fn set_monitor() -> Result<(), BenchmarkError> {
		fill_monitors::<T>(T::MaxMonitors::get().saturating_sub(1), &[]);
		let input =
			monitor_input::<T>(Source::Issuance, pausable_calls::<T>(T::MaxResponseTargets::get()));
		let origin = cap_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Source::Issuance, input);

		assert!(Monitors::<T>::contains_key(Source::Issuance));
		Ok(())
	}

	#[benchmark]
	fn remove_monitor() -> Result<(), BenchmarkError> {
		fill_monitors::<T>(T::MaxMonitors::get(), &[]);
		let origin = cap_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Source::Feed(0));

		assert!(!Monitors::<T>::contains_key(Source::Feed(0)));
		Ok(())
	}

	#[benchmark]
	fn extend_response() -> Result<(), BenchmarkError> {
		let source = observed_metric::<T>(true);
		crowd_responses::<T>(Some(source));
		let origin =
			T::PauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, source, One::one());

		Ok(())
	}

	#[benchmark]
	fn reset_response() -> Result<(), BenchmarkError> {
		let source = observed_metric::<T>(true);
		crowd_responses::<T>(Some(source));
		let origin =
			T::ResumeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, source);

		assert!(!Monitoring::<T>::flagged(source));
		Ok(())
	}

	#[benchmark]
	fn raise_risk_level() -> Result<(), BenchmarkError> {
		let _ = fill::<T>(T::MaxActivePauses::get(), 10u32.into());
		crowd_responses::<T>(None);
		RiskContributions::<T>::remove(Contributor::Governance, RiskLevel::Critical);
		let origin =
			T::PauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, RiskLevel::Critical, One::one());

		assert_eq!(Engine::<T>::level_now(), RiskLevel::Critical);
		Ok(())
	}

	#[benchmark]
	fn clear_risk_level() -> Result<(), BenchmarkError> {
		let _ = fill::<T>(T::MaxActivePauses::get(), 10u32.into());
		crowd_responses::<T>(None);
		other_escalations::<T>(T::MaxOpenReports::get());
		let origin =
			T::ResumeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);

		assert_eq!(Engine::<T>::level_now(), RiskLevel::Normal);
		Ok(())
	}

	/// One observation within every threshold, of a flow with both thresholds and a
	/// staleness watch full of other monitors.
	#[benchmark]
	fn observe_quiet() {
		let source = observed_metric::<T>(false);
		#[block]
		{
			Monitoring::<T>::observe(source, 1_050);
		}
		assert_eq!(Engine::<T>::level_now(), RiskLevel::Normal);
	}

	/// One observation that fires: the playbook pauses `MaxResponseTargets` targets (with the
	/// rest of `MaxActivePauses` stored) and raises the level.
	#[benchmark]
	fn observe_fire() {
		let source = observed_metric::<T>(false);
		crowd_responses::<T>(Some(source));
		#[block]
		{
			Monitoring::<T>::observe(source, 5_000);
		}
		assert_eq!(Engine::<T>::level_now(), RiskLevel::Critical);
	}

	/// `n` watched sources turning stale in the same block, each running a playbook.
	#[benchmark]
	fn check_stale(n: Linear<1, { T::MaxMonitors::get() }>) {
		let targets = response_targets::<T>();
		fill_monitors::<T>(n, &targets);
		let due = frame_system::Pallet::<T>::block_number().saturating_add(100u32.into());
		frame_system::Pallet::<T>::set_block_number(due);
		#[block]
		{
			Monitoring::<T>::check_stale(due);
		}
		assert_eq!(Engine::<T>::level_now(), RiskLevel::Critical);
	}

	/// Declaring a target reportable with `MaxReportableTargets − 1` others listed.
	#[benchmark]
	fn set_reportable() -> Result<(), BenchmarkError> {
		let targets = pausable_calls::<T>(T::MaxReportableTargets::get());
		let (last, others) = targets.split_last().ok_or(BenchmarkError::Weightless)?;
		for target in others {
			Reporting::<T>::do_set_reportable(target, true).expect("valid");
		}
		let origin = cap_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, last.clone(), true);

		assert_eq!(Reportable::<T>::get().len() as u32, T::MaxReportableTargets::get());
		Ok(())
	}

	/// A report at its worst: `MaxOpenReports − 1` running reports on its target (each read
	/// twice), the most other pauses, the deposit grown for all of them, and an escalation
	/// (the pause extended, the level raised).
	#[benchmark]
	fn report() -> Result<(), BenchmarkError> {
		let target = reportable_target::<T>();
		let _ = open_reports::<T>(&target, T::MaxOpenReports::get().saturating_sub(1));
		crowd_responses::<T>(None);
		let caller: T::AccountId = whitelisted_caller();
		fund_reporter::<T>(&caller);

		#[extrinsic_call]
		_(
			frame_system::RawOrigin::Signed(caller.clone()),
			target,
			Default::default(),
			T::MaxReportPause::get(),
		);

		assert_eq!(OpenReportCount::<T>::get(), T::MaxOpenReports::get());
		Ok(())
	}

	/// Confirming one of `MaxOpenReports` reports on a target: deposit back, reward paid.
	#[benchmark]
	fn confirm_report() -> Result<(), BenchmarkError> {
		let target = reportable_target::<T>();
		let ids = open_reports::<T>(&target, T::MaxOpenReports::get());
		let pot = T::ReportRewardPot::get();
		let _ = T::Currency::set_balance(
			&pot,
			T::ReportReward::get()
				.saturating_mul(10u32.into())
				.saturating_add(T::Currency::minimum_balance()),
		);
		let id = *ids.last().ok_or(BenchmarkError::Weightless)?;
		let origin =
			T::ResumeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!Reports::<T>::contains_key(id));
		Ok(())
	}

	/// Rejecting the last of `MaxOpenReports` reports on an escalated target once the others
	/// have ended: deposit slashed, the reports' hold on the pause withdrawn, the level
	/// recomputed.
	#[benchmark]
	fn reject_report() -> Result<(), BenchmarkError> {
		let target = reportable_target::<T>();
		let ids = open_reports::<T>(&target, T::MaxOpenReports::get());
		other_escalations::<T>(T::MaxOpenReports::get());
		crowd_responses::<T>(None);
		let id = *ids.last().ok_or(BenchmarkError::Weightless)?;
		let ended =
			frame_system::Pallet::<T>::block_number().saturating_add(T::MaxReportPause::get());
		frame_system::Pallet::<T>::set_block_number(ended);
		let origin =
			T::ResumeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!Reports::<T>::contains_key(id));
		Ok(())
	}

	/// Anyone releasing an unjudged deposit, with `MaxOpenReports − 1` others on its target.
	#[benchmark]
	fn release_report_deposit() -> Result<(), BenchmarkError> {
		let target = reportable_target::<T>();
		let ids = open_reports::<T>(&target, T::MaxOpenReports::get());
		let id = *ids.first().ok_or(BenchmarkError::Weightless)?;
		let due = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::MaxReportPause::get())
			.saturating_add(T::ReportReleaseDelay::get());
		frame_system::Pallet::<T>::set_block_number(due);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(frame_system::RawOrigin::Signed(caller), id);

		assert!(!Reports::<T>::contains_key(id));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Guardian,
		crate::tests::mock::new_test_ext(),
		crate::tests::mock::Test
	);
}
