//! Benchmarks (frame-benchmarking v2) of every call, the hook and the filter, at their worst
//! case: for the circuit breakers `MaxActivePauses - 1` other pauses stored, the target last in
//! the list; for the caps `MaxWindows` windows everywhere (own limit, policy, global cap),
//! `MaxResponseTargets` response targets, and the guard index written when it changes.
//!
//! For the responses, every stored pause is held by the most contributors it may have
//! (`MaxMonitors + 4`), and every contributor has a live contribution at both levels, so the
//! scans of [`PauseOwners`] and [`RiskContributions`] are measured at their bound.
//!
//! Targets are taken from the runtime's own call metadata (every call that is neither the
//! guardian's nor whitelisted), so no runtime-specific helper is needed.

use super::*;
use crate::Pallet as Guardian;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate, MutateHold},
	EnsureOrigin, Get, Hooks,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating, StaticLookup},
	Perbill,
};

/// `MaxWindows` absolute windows of distinct periods, each allowing `limit`.
fn windows<T: Config>(limit: u32) -> Vec<WindowSpecOf<T>> {
	(1..=T::MaxWindows::get())
		.map(|i| WindowSpec { period: (i * 100).into(), limit: Limit::Absolute(limit.into()) })
		.collect()
}

/// The costliest policy: `MaxWindows` windows, a high-water mark, `MaxResponseTargets` targets.
fn worst_policy<T: Config>(limit: u32) -> PolicyInputOf<T> {
	PolicyInput {
		windows: windows::<T>(limit),
		high_water: Some(Perbill::from_percent(80)),
		response: Some(ResponseInput {
			targets: pausable_calls::<T>(T::MaxResponseTargets::get()),
			duration: One::one(),
		}),
	}
}

/// `who`, existing with a balance far above anything a benchmark moves or holds: a million
/// existential deposits and ten own-limit deposits (at least 10^9).
fn funded<T: Config>(who: &T::AccountId) {
	let amount = T::Currency::minimum_balance()
		.saturating_mul(1_000_000u32.into())
		.saturating_add(T::OwnLimitDeposit::get().saturating_mul(10u32.into()))
		.max(1_000_000_000u32.into());
	let _ = T::Currency::set_balance(who, amount);
}

/// An account under the worst policy and an own limit, with usage in every window, and a
/// global cap: every kind of state a debit touches.
fn guarded<T: Config>(seed: u32) -> T::AccountId {
	guarded_with::<T>(seed, 1_000_000)
}

/// [`guarded`] with windows allowing `limit` each, and 10 already used in each.
fn guarded_with<T: Config>(seed: u32, limit: u32) -> T::AccountId {
	let who: T::AccountId = account("guarded", seed, 0);
	funded::<T>(&who);
	let free = Guardian::<T>::free_of(&who);
	let policy = Guardian::<T>::build_policy(&worst_policy::<T>(limit), false, None, free)
		.expect("valid policy");
	let own = Guardian::<T>::windows_from(
		Guardian::<T>::validate_windows(&windows::<T>(limit), true).expect("valid"),
		None,
		free,
	);
	Guardian::<T>::store_guard(
		&who,
		AccountGuard { policy: Some(policy), own: Some(own), rejected: 0 },
	)
	.expect("the account exists");
	if GlobalCap::<T>::get().is_none() {
		let cap = Guardian::<T>::build_policy(&worst_policy::<T>(limit), true, None, free)
			.expect("valid cap");
		GlobalCap::<T>::put(cap);
	}
	Guardian::<T>::record_outflow(&who, 10u32.into(), free);
	who
}

fn cap_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::CapOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Up to `n` distinct call targets that can be paused in this runtime.
fn pausable_calls<T: Config>(n: u32) -> Vec<PauseTargetInput> {
	let mut targets = Vec::new();
	for pallet in <<T as Config>::RuntimeCall as GetCallMetadata>::get_module_names() {
		for call in <<T as Config>::RuntimeCall as GetCallMetadata>::get_call_names(pallet) {
			let target = PauseTarget::Call {
				pallet: pallet.as_bytes().to_vec(),
				call: call.as_bytes().to_vec(),
			};
			if targets.len() < n as usize && Guardian::<T>::validate_target(&target).is_ok() {
				targets.push(target);
			}
		}
	}
	targets
}

/// Stores `n` pauses of distinct call targets, lasting `duration` blocks; returns the targets.
fn fill<T: Config>(n: u32, duration: BlockNumberFor<T>) -> Vec<PauseTargetInput> {
	let targets = pausable_calls::<T>(n);
	assert_eq!(targets.len(), n as usize, "the runtime has fewer pausable calls than needed");
	for target in &targets {
		let stored = Guardian::<T>::validate_target(target).expect("pausable");
		// As a response's: responses may use every slot.
		Guardian::<T>::insert_pause(stored, duration, duration, Contributor::CapResponse)
			.expect("room for the pause");
	}
	targets
}

/// A reportable target, with as many other pauses stored as a report's pause may find (its
/// room less one): the call target right after those [`fill`] takes.
fn reportable_target<T: Config>() -> PauseTargetInput {
	let others = Guardian::<T>::room_for(Contributor::Reports).saturating_sub(1);
	let _ = fill::<T>(others, T::MaxProgrammaticPause::get());
	let target = pausable_calls::<T>(others.saturating_add(1))
		.pop()
		.expect("the runtime has a pausable call");
	Guardian::<T>::do_set_reportable(&target, true).expect("a valid reportable target");
	target
}

/// `who` funded for its next report (and a reward) on top of [`funded`].
fn fund_reporter<T: Config>(who: &T::AccountId) {
	funded::<T>(who);
	let need = Guardian::<T>::report_deposit(who)
		.saturating_mul(2u32.into())
		.saturating_add(T::ReportReward::get())
		.saturating_add(T::Currency::minimum_balance());
	if Guardian::<T>::free_of(who) < need {
		let _ = T::Currency::set_balance(who, need);
	}
}

/// Escalations recorded on `n` other call targets (what a refresh of the reports' risk level
/// iterates), live for 100 blocks.
fn other_escalations<T: Config>(n: u32) {
	let now = frame_system::Pallet::<T>::block_number();
	for target in pausable_calls::<T>(n) {
		let stored = Guardian::<T>::validate_target(&target).expect("pausable");
		if !Escalations::<T>::contains_key(&stored) {
			Escalations::<T>::insert(stored, (now, now.saturating_add(100u32.into())));
		}
	}
}

/// `n` running reports on `target` by distinct reporters, for the longest report pause.
fn open_reports<T: Config>(target: &PauseTargetInput, n: u32) -> Vec<ReportId> {
	(0..n)
		.map(|i| {
			let who: T::AccountId = account("reporter", i, 0);
			fund_reporter::<T>(&who);
			let id = NextReportId::<T>::get();
			Guardian::<T>::do_report(who, target, Default::default(), T::MaxReportPause::get())
				.expect("room for the report");
			id
		})
		.collect()
}

fn pause_bound<T: Config>() -> BlockNumberFor<T> {
	T::PauseOrigin::try_successful_origin()
		.ok()
		.and_then(|origin| T::PauseOrigin::try_origin(origin).ok())
		.unwrap_or_else(One::one)
}

/// The costliest monitor input: a flow rule with both thresholds, a staleness threshold (for
/// the sources that take one), a playbook pausing `targets` and raising the level to Critical
/// for the longest programmatic pause.
fn monitor_input<T: Config>(
	source: Source,
	targets: Vec<PauseTargetInput>,
) -> MonitorInput<BlockNumberFor<T>> {
	MonitorInput {
		rule: Some(Rule::Flow {
			period: 100u32.into(),
			rise: Some(Limit::Absolute(100)),
			fall: Some(Limit::ShareOfBalance(Perbill::from_percent(10))),
		}),
		stale_after: (source != Source::Issuance).then(|| 100u32.into()),
		playbook: PlaybookInput {
			pause: targets,
			raise_to: RiskLevel::Critical,
			duration: T::MaxProgrammaticPause::get(),
		},
	}
}

/// Sets `n` feed monitors, each watched for staleness and pausing `targets`.
fn fill_monitors<T: Config>(n: u32, targets: &[PauseTargetInput]) {
	for key in 0..n {
		let source = Source::Feed(key);
		let monitor =
			Guardian::<T>::build_monitor(source, &monitor_input::<T>(source, targets.to_vec()))
				.expect("valid monitor");
		Guardian::<T>::store_monitor(source, monitor).expect("room for the monitor");
	}
}

/// `MaxActivePauses - MaxResponseTargets` pauses stored, and the `MaxResponseTargets` other
/// pausable targets a playbook will pause: the response's worst case.
fn response_targets<T: Config>() -> Vec<PauseTargetInput> {
	let max = T::MaxActivePauses::get();
	let mut targets = pausable_calls::<T>(max);
	let playbook = targets.split_off(max.saturating_sub(T::MaxResponseTargets::get()) as usize);
	for target in &targets {
		let stored = Guardian::<T>::validate_target(target).expect("pausable");
		Guardian::<T>::insert_pause(stored, 10u32.into(), 10u32.into(), Contributor::CapResponse)
			.expect("room");
	}
	playbook
}

/// Every contributor there can be, but `except`: governance, the caps' responses, other
/// pallets and a monitor of each feed key below `MaxMonitors`.
fn contributors<T: Config>(except: Option<Contributor>) -> Vec<Contributor> {
	let fixed = [
		Contributor::Governance,
		Contributor::CapResponse,
		Contributor::Programmatic,
		Contributor::Reports,
	];
	let monitors = (0..T::MaxMonitors::get()).map(|key| Contributor::Monitor(Source::Feed(key)));
	fixed.into_iter().chain(monitors).filter(|c| Some(*c) != except).collect()
}

/// The responses' worst case around `source`: every stored pause held by as many other
/// contributors as it may (until the pause's own expiry, so it lasts as long as before), and
/// every other contributor contributing at both levels.
fn crowd_responses<T: Config>(source: Option<Source>) {
	let except = source.map(Contributor::Monitor);
	let now = frame_system::Pallet::<T>::block_number();
	for record in Pauses::<T>::get() {
		let mut owners = PauseOwners::<T>::get(&record.target).unwrap_or_default();
		for by in contributors::<T>(except) {
			if owners.iter().all(|(owner, _)| *owner != by) && owners.try_push((by, now)).is_err() {
				break;
			}
		}
		if let Some(last) = owners.iter_mut().find(|(_, until)| *until == now) {
			last.1 = record.until;
		}
		PauseOwners::<T>::insert(&record.target, owners);
	}
	let until = now.saturating_add(100u32.into());
	for by in contributors::<T>(except) {
		// Monitors' contributions only where the monitor has a response in force to match.
		if let Contributor::Monitor(of) = by {
			if !Guardian::<T>::feed_flagged_source(of) {
				continue;
			}
		}
		for level in [RiskLevel::Elevated, RiskLevel::Critical] {
			RiskContributions::<T>::insert(by, level, until);
		}
	}
	Guardian::<T>::recompute_risk();
}

/// A metric monitor (with `MaxMonitors - 1` feed monitors beside it) that has accepted the
/// value 1000, and is flagged if `flagged`.
fn observed_metric<T: Config>(flagged: bool) -> Source {
	let targets = response_targets::<T>();
	fill_monitors::<T>(T::MaxMonitors::get().saturating_sub(1), &[]);
	let source = Source::Metric(0);
	let monitor = Guardian::<T>::build_monitor(source, &monitor_input::<T>(source, targets))
		.expect("valid monitor");
	Guardian::<T>::store_monitor(source, monitor).expect("room for the monitor");
	Guardian::<T>::observe(source, 1_000);
	if flagged {
		Guardian::<T>::observe(source, 5_000);
	}
	source
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Governance's pause with as many pauses stored as it may add to (it leaves
	/// `MaxResponseTargets` slots to responses).
	#[benchmark]
	fn pause() -> Result<(), BenchmarkError> {
		let max = T::MaxActivePauses::get().saturating_sub(T::MaxResponseTargets::get());
		let mut targets = fill::<T>(max, 10u32.into());
		let target = targets.pop().expect("max >= 1");
		Guardian::<T>::remove_pause(
			&Guardian::<T>::validate_target(&target).expect("pausable"),
			ResumeReason::Governance,
		)?;
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
		let targets = fill::<T>(max, duration);
		// Every pause shared by as many holders as it may have, governance not among them
		// (it is added).
		crowd_responses::<T>(None);
		let target = targets.last().cloned().expect("max >= 1");
		let stored = Guardian::<T>::validate_target(&target).expect("pausable");
		PauseOwners::<T>::mutate(&stored, |owners| {
			if let Some(owners) = owners {
				owners.retain(|(owner, _)| *owner != Contributor::Governance);
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
		let targets = fill::<T>(max, 10u32.into());
		let target = targets.last().cloned().expect("max >= 1");
		Guardian::<T>::do_set_reportable(&target, true).expect("a valid reportable target");
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
			let stored = Guardian::<T>::validate_target(target).expect("pausable");
			Guardian::<T>::insert_pause(
				stored,
				10u32.into(),
				10u32.into(),
				Contributor::CapResponse,
			)
			.expect("room");
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
				Summary::<T>::get().active != 0 && Guardian::<T>::pause_covering(&meta).is_some();
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
		Guardian::<T>::do_limit_own_outflow(&who, &windows::<T>(1_000)).expect("valid");

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
		Guardian::<T>::do_limit_own_outflow(&who, &windows::<T>(1_000)).expect("valid");
		Guardian::<T>::do_remove_own_limit(&who).expect("has a limit");
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
		Guardian::<T>::do_limit_own_outflow(&who, &windows::<T>(1_000)).expect("valid");
		Guardian::<T>::do_remove_own_limit(&who).expect("has a limit");

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
			allowance = Guardian::<T>::may_be_guarded(&who)
				.then(|| Guardian::<T>::remaining_allowance(&who))
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
		let free = Guardian::<T>::free_of(&who);
		#[block]
		{
			if Guardian::<T>::may_be_guarded(&who) {
				Guardian::<T>::record_outflow(&who, 10u32.into(), free);
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
					raise_to: RiskLevel::Critical,
					duration: T::MaxProgrammaticPause::get(),
				},
			};
			let monitor = Guardian::<T>::build_monitor(source, &input).expect("valid monitor");
			Guardian::<T>::store_monitor(source, monitor).expect("room for the monitor");
		}
		let free = Guardian::<T>::free_of(&who);
		#[block]
		{
			Guardian::<T>::record_outflow(&who, 1_000u32.into(), free);
		}
		assert_eq!(Guardian::<T>::risk_level_now(), RiskLevel::Critical);
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
			maybe = Guardian::<T>::may_be_guarded(&who);
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

		assert!(!Guardian::<T>::feed_flagged_source(source));
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

		assert_eq!(Guardian::<T>::risk_level_now(), RiskLevel::Critical);
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

		assert_eq!(Guardian::<T>::risk_level_now(), RiskLevel::Normal);
		Ok(())
	}

	/// One observation within every threshold, of a flow with both thresholds and a
	/// staleness watch full of other monitors.
	#[benchmark]
	fn observe_quiet() {
		let source = observed_metric::<T>(false);
		#[block]
		{
			Guardian::<T>::observe(source, 1_050);
		}
		assert_eq!(Guardian::<T>::risk_level_now(), RiskLevel::Normal);
	}

	/// One observation that fires: the playbook pauses `MaxResponseTargets` targets (with the
	/// rest of `MaxActivePauses` stored) and raises the level.
	#[benchmark]
	fn observe_fire() {
		let source = observed_metric::<T>(false);
		crowd_responses::<T>(Some(source));
		#[block]
		{
			Guardian::<T>::observe(source, 5_000);
		}
		assert_eq!(Guardian::<T>::risk_level_now(), RiskLevel::Critical);
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
			Guardian::<T>::check_stale(due);
		}
		assert_eq!(Guardian::<T>::risk_level_now(), RiskLevel::Critical);
	}

	/// Declaring a target reportable with `MaxReportableTargets − 1` others listed.
	#[benchmark]
	fn set_reportable() -> Result<(), BenchmarkError> {
		let targets = pausable_calls::<T>(T::MaxReportableTargets::get());
		let (last, others) = targets.split_last().ok_or(BenchmarkError::Weightless)?;
		for target in others {
			Guardian::<T>::do_set_reportable(target, true).expect("valid");
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
