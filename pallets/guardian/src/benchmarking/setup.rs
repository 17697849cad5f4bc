//! The benchmarks' set-up: worst-case state built through the capabilities' own functions.

use crate::{
	caps::Caps,
	monitors::Monitoring,
	reports::Reporting,
	responses::{holds::HoldMode, Class, Engine},
	*,
};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get, GetCallMetadata,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating},
	Perbill,
};

/// `MaxWindows` absolute windows of distinct periods, each allowing `limit`.
pub(super) fn windows<T: Config>(limit: u32) -> Vec<WindowSpecOf<T>> {
	(1..=T::MaxWindows::get())
		.map(|i| WindowSpec { period: (i * 100).into(), limit: Limit::Absolute(limit.into()) })
		.collect()
}

/// The costliest policy: `MaxWindows` windows, a high-water mark, `MaxResponseTargets` targets.
pub(super) fn worst_policy<T: Config>(limit: u32) -> PolicyInputOf<T> {
	PolicyInput {
		windows: windows::<T>(limit),
		high_water: Some(Perbill::from_percent(80)),
		response: Some(PlaybookInput {
			pause: pausable_calls::<T>(T::MaxResponseTargets::get()),
			pause_inbound: false,
			raise_to: RiskLevel::Critical,
			duration: One::one(),
		}),
	}
}

/// `who`, existing with a balance far above anything a benchmark moves or holds: a million
/// existential deposits and ten own-limit deposits (at least 10^9).
pub(super) fn funded<T: Config>(who: &T::AccountId) {
	let amount = T::Currency::minimum_balance()
		.saturating_mul(1_000_000u32.into())
		.saturating_add(T::OwnLimitDeposit::get().saturating_mul(10u32.into()))
		.max(1_000_000_000u32.into());
	let _ = T::Currency::set_balance(who, amount);
}

/// An account under the worst policy and an own limit, with usage in every window, and a
/// global cap: every kind of state a debit touches.
pub(super) fn guarded<T: Config>(seed: u32) -> T::AccountId {
	guarded_with::<T>(seed, 1_000_000)
}

/// [`guarded`] with windows allowing `limit` each, and 10 already used in each.
pub(super) fn guarded_with<T: Config>(seed: u32, limit: u32) -> T::AccountId {
	let who: T::AccountId = account("guarded", seed, 0);
	funded::<T>(&who);
	let free = Caps::<T>::free_of(&who);
	let policy = Caps::<T>::build_policy(&worst_policy::<T>(limit), false, None, free)
		.expect("valid policy");
	let own = Caps::<T>::windows_from(
		Caps::<T>::validate_windows(&windows::<T>(limit), true).expect("valid"),
		None,
		free,
	);
	Caps::<T>::store_guard(
		&who,
		AccountGuard { policy: Some(policy), own: Some(own), beyond_cap: 0 },
	)
	.expect("the account exists");
	if GlobalCap::<T>::get().is_none() {
		let cap = Caps::<T>::build_policy(&worst_policy::<T>(limit), true, None, free)
			.expect("valid cap");
		GlobalCap::<T>::put(cap);
	}
	Caps::<T>::record_outflow(&who, 10u32.into(), free);
	who
}

pub(super) fn cap_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::ConfigureOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Up to `n` distinct call targets that can be paused in this runtime.
pub(super) fn pausable_calls<T: Config>(n: u32) -> Vec<PauseTargetInput> {
	let mut targets = Vec::new();
	for pallet in <<T as Config>::RuntimeCall as GetCallMetadata>::get_module_names() {
		for call in <<T as Config>::RuntimeCall as GetCallMetadata>::get_call_names(pallet) {
			let target = PauseTarget::Call {
				pallet: pallet.as_bytes().to_vec(),
				call: call.as_bytes().to_vec(),
			};
			if targets.len() < n as usize && Engine::<T>::validate_target(&target).is_ok() {
				targets.push(target);
			}
		}
	}
	targets
}

/// Stores `n` pauses of distinct call targets, lasting `duration` blocks; returns the targets.
pub(super) fn fill<T: Config>(n: u32, duration: BlockNumberFor<T>) -> Vec<PauseTargetInput> {
	let targets = pausable_calls::<T>(n);
	assert_eq!(targets.len(), n as usize, "the runtime has fewer pausable calls than needed");
	for target in &targets {
		place::<T>(&Engine::<T>::validate_target(target).expect("pausable"), duration);
	}
	targets
}

/// [`fill`], keeping one place of `class`'s room free (for the benchmarked call's own hold).
pub(super) fn fill_around<T: Config>(
	n: u32,
	duration: BlockNumberFor<T>,
	class: Class,
) -> Vec<PauseTargetInput> {
	let targets = pausable_calls::<T>(n);
	assert_eq!(targets.len(), n as usize, "the runtime has fewer pausable calls than needed");
	for target in &targets {
		let stored = Engine::<T>::validate_target(target).expect("pausable");
		place_keeping::<T>(&stored, duration, Some(class));
	}
	targets
}

/// Pause `target` for `duration` blocks, held by a contributor of the first class with room
/// left (so that `MaxActivePauses` pauses can be stored, as the rooms' sum allows).
pub(super) fn place<T: Config>(target: &PauseTargetOf<T>, duration: BlockNumberFor<T>) {
	place_keeping::<T>(target, duration, None)
}

/// [`place`], leaving one place of `keep`'s room free.
fn place_keeping<T: Config>(
	target: &PauseTargetOf<T>,
	duration: BlockNumberFor<T>,
	keep: Option<Class>,
) {
	let now = frame_system::Pallet::<T>::block_number();
	let until = now.saturating_add(duration);
	let holders = [
		Contributor::CapResponse,
		Contributor::Governance,
		Contributor::Programmatic,
		Contributor::Reports,
		Contributor::Alert(0),
	];
	let placed = holders.into_iter().any(|by| {
		let class = by.class();
		let full = Engine::<T>::room_used(&Engine::<T>::live_holds(now), class).saturating_add(1)
			>= Engine::<T>::room_of(class);
		!(keep == Some(class) && full)
			&& Engine::<T>::hold(by, target, until, HoldMode::AtLeast).is_ok()
	});
	assert!(placed, "room for the pause");
}

/// A reportable target, with as many other pauses stored as a report's pause may find (its
/// room less one): the call target right after those [`fill`] takes.
pub(super) fn reportable_target<T: Config>() -> PauseTargetInput {
	let others = Engine::<T>::room_of(Class::Reports).saturating_sub(1);
	let _ = fill::<T>(others, T::MaxProgrammaticPause::get());
	let target = pausable_calls::<T>(others.saturating_add(1))
		.pop()
		.expect("the runtime has a pausable call");
	Reporting::<T>::do_set_reportable(&target, true).expect("a valid reportable target");
	target
}

/// `who` funded for its next report (and a reward) on top of [`funded`].
pub(super) fn fund_reporter<T: Config>(who: &T::AccountId) {
	funded::<T>(who);
	let need = Reporting::<T>::report_deposit(who)
		.saturating_mul(2u32.into())
		.saturating_add(T::ReportReward::get())
		.saturating_add(T::Currency::minimum_balance());
	if Caps::<T>::free_of(who) < need {
		let _ = T::Currency::set_balance(who, need);
	}
}

/// Escalations recorded on `n` other call targets (what a refresh of the reports' risk level
/// iterates), live for 100 blocks.
pub(super) fn other_escalations<T: Config>(n: u32) {
	let now = frame_system::Pallet::<T>::block_number();
	for target in pausable_calls::<T>(n) {
		let stored = Engine::<T>::validate_target(&target).expect("pausable");
		if !Escalations::<T>::contains_key(&stored) {
			Escalations::<T>::insert(stored, (now, now.saturating_add(100u32.into())));
		}
	}
}

/// `n` running reports on `target` by distinct reporters, for the longest report pause.
pub(super) fn open_reports<T: Config>(target: &PauseTargetInput, n: u32) -> Vec<ReportId> {
	(0..n)
		.map(|i| {
			let who: T::AccountId = account("reporter", i, 0);
			fund_reporter::<T>(&who);
			let id = NextReportId::<T>::get();
			Reporting::<T>::do_report(who, target, Default::default(), T::MaxReportPause::get())
				.expect("room for the report");
			id
		})
		.collect()
}

pub(super) fn pause_bound<T: Config>() -> BlockNumberFor<T> {
	T::PauseOrigin::try_successful_origin()
		.ok()
		.and_then(|origin| T::PauseOrigin::try_origin(origin).ok())
		.unwrap_or_else(One::one)
}

/// The costliest monitor input: a flow rule with both thresholds, a staleness threshold (for
/// the sources that take one), a playbook pausing `targets` and raising the level to Critical
/// for the longest programmatic pause.
pub(super) fn monitor_input<T: Config>(
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
			pause_inbound: false,
			raise_to: RiskLevel::Critical,
			duration: T::MaxProgrammaticPause::get(),
		},
	}
}

/// Sets `n` feed monitors, each watched for staleness and pausing `targets`.
pub(super) fn fill_monitors<T: Config>(n: u32, targets: &[PauseTargetInput]) {
	for key in 0..n {
		let source = Source::Feed(key);
		let monitor =
			Monitoring::<T>::build_monitor(source, &monitor_input::<T>(source, targets.to_vec()))
				.expect("valid monitor");
		Monitoring::<T>::store_monitor(source, monitor).expect("room for the monitor");
	}
}

/// `MaxActivePauses - MaxResponseTargets` pauses stored, and the `MaxResponseTargets` other
/// pausable targets a playbook will pause: the response's worst case.
pub(super) fn response_targets<T: Config>() -> Vec<PauseTargetInput> {
	let max = T::MaxActivePauses::get();
	let mut targets = pausable_calls::<T>(max);
	let playbook = targets.split_off(max.saturating_sub(T::MaxResponseTargets::get()) as usize);
	for target in &targets {
		place::<T>(&Engine::<T>::validate_target(target).expect("pausable"), 10u32.into());
	}
	playbook
}

/// Every contributor there can be, but `except`: governance, the caps' responses, other
/// pallets and a monitor of each feed key below `MaxMonitors`.
pub(super) fn contributors<T: Config>(except: Option<Contributor>) -> Vec<Contributor> {
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
pub(super) fn crowd_responses<T: Config>(source: Option<Source>) {
	let except = source.map(Contributor::Monitor);
	let now = frame_system::Pallet::<T>::block_number();
	let records = Pauses::<T>::get();
	PauseHolds::<T>::mutate(|all| {
		for entry in all.iter_mut() {
			let Some(record) = records.iter().find(|r| r.target == entry.target) else { continue };
			// Governance only holds what it paused: its room is the one benchmarked calls use.
			for by in
				contributors::<T>(except).into_iter().filter(|by| *by != Contributor::Governance)
			{
				if entry.holds.iter().all(|(holder, _)| *holder != by)
					&& entry.holds.try_push((by, now)).is_err()
				{
					break;
				}
			}
			if let Some(last) = entry.holds.iter_mut().find(|(_, until)| *until == now) {
				last.1 = record.until;
			}
		}
	});
	let until = now.saturating_add(100u32.into());
	for by in contributors::<T>(except) {
		// Monitors' contributions only where the monitor has a response in force to match.
		if let Contributor::Monitor(of) = by {
			if !Monitoring::<T>::flagged(of) {
				continue;
			}
		}
		for level in [RiskLevel::Elevated, RiskLevel::Critical] {
			RiskContributions::<T>::insert(by, level, until);
		}
	}
	Engine::<T>::recompute_risk();
}

/// A feed monitor (with `MaxMonitors - 1` other feed monitors beside it) that has accepted the
/// value 1000, and is flagged if `flagged`.
pub(super) fn observed_metric<T: Config>(flagged: bool) -> Source {
	let targets = response_targets::<T>();
	fill_monitors::<T>(T::MaxMonitors::get().saturating_sub(1), &[]);
	let source = Source::Feed(T::MaxMonitors::get());
	let monitor = Monitoring::<T>::build_monitor(source, &monitor_input::<T>(source, targets))
		.expect("valid monitor");
	Monitoring::<T>::store_monitor(source, monitor).expect("room for the monitor");
	Monitoring::<T>::observe(source, 1_000);
	if flagged {
		Monitoring::<T>::observe(source, 5_000);
	}
	source
}
