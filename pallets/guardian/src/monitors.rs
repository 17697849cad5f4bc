//! Monitors: validating them, judging each observed value against the monitor's rule, and
//! noticing sources that went stale. What happens on an anomaly is in [`crate::playbooks`].
//!
//! Observations arrive from:
//! * `on_initialize` (the total issuance, once per block, when an issuance monitor is set) and
//!   [`crate::CheckVelocity`]'s post-dispatch (the total issuance again, but only after a
//!   signed transaction whose balance changes created value: see [`crate::tx_scope`]);
//! * [`crate::OracleMonitor`] (every value an oracle member submits);
//! * [`MetricSink`] (any pallet reporting a metric);
//! * the velocity caps (a high-water mark crossed: [`crate::Source::PolicyOutflow`] and
//!   [`crate::Source::GlobalOutflow`]).

use crate::{
	Alert, Anomaly, Config, Error, Limit, Monitor, MonitorInput, MonitorOf, MonitorState, Monitors,
	Pallet, Playbook, Rule, Source, StaleWatch, WeightInfo,
};
use alloc::vec::Vec;
use frame_support::{ensure, traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto, Zero},
	DispatchError, SaturatedConversion,
};

/// How other pallets report a metric to the guardian, so that a new monitor needs no guardian
/// code: governance sets a monitor on [`Source::Metric`]`(id)` and the reporting pallet calls
/// [`MetricSink::report`] whenever the value changes (a lending pallet after each deposit or
/// borrow, with its collateral ratio).
pub trait MetricSink {
	/// Report the current value of metric `id`. The monitor judges it at once, so a response
	/// is in force before the reporting call returns. Without a monitor on `id`, one read.
	fn report(id: u32, value: u128);
	/// The most one report may cost (an anomaly with its full response): add it to the
	/// weight of every call that reports.
	fn report_weight() -> Weight;
}

impl MetricSink for () {
	fn report(_: u32, _: u128) {}
	fn report_weight() -> Weight {
		Weight::zero()
	}
}

impl<T: Config> MetricSink for Pallet<T> {
	fn report(id: u32, value: u128) {
		Self::observe(Source::Metric(id), value);
	}
	fn report_weight() -> Weight {
		T::WeightInfo::observe_fire()
	}
}

/// What a rule found: the anomaly, the measured value and the threshold it crossed.
pub(crate) type Finding = (Anomaly, u128, u128);

/// The threshold of `limit` when shares are taken of `basis`.
fn threshold_of(limit: Limit<u128>, basis: u128) -> u128 {
	match limit {
		Limit::Absolute(amount) => amount,
		Limit::ShareOfBalance(share) => share.mul_floor(basis),
	}
}

/// Judge `value` observed at `now` under `rule`, updating `state`. Returns whether the value
/// was accepted and what was wrong with it.
fn judge<BlockNumber: Copy + Saturating + PartialOrd + UniqueSaturatedInto<u64>>(
	rule: &Rule<BlockNumber>,
	state: &mut MonitorState<BlockNumber>,
	value: u128,
	now: BlockNumber,
) -> (bool, Option<Finding>) {
	match *rule {
		Rule::Flow { period, rise, fall } => {
			let period: u64 = period.saturated_into();
			let at: u64 = now.saturated_into();
			let Some((last, _)) = state.last else {
				state.start_at(value, now);
				return (true, None);
			};
			// The shares' basis: the value when the window started, fixed for `period` blocks.
			let basis = match state.basis {
				Some((basis, since)) if at < since.saturating_add(period) => (basis, since),
				_ => (last, at),
			};
			state.basis = Some(basis);
			state.last = Some((value, now));
			let (usage, limit, anomaly, change) = if value > last {
				(&mut state.rises, rise, Anomaly::Rise, value.saturating_sub(last))
			} else if value < last {
				(&mut state.falls, fall, Anomaly::Fall, last.saturating_sub(value))
			} else {
				return (true, None);
			};
			usage.carry(period, at, change);
			let finding = limit.and_then(|limit| {
				let measured = usage.used(period, at);
				let threshold = threshold_of(limit, basis.0);
				(measured > threshold).then_some((anomaly, measured, threshold))
			});
			(true, finding)
		}
		Rule::Jump { within, max_jump } => {
			if let Some((reference, since)) = state.last {
				if now < since.saturating_add(within) {
					let jump = value.abs_diff(reference);
					let threshold = max_jump.mul_floor(reference);
					if jump > threshold {
						return (false, Some((Anomaly::Jump, jump, threshold)));
					}
				}
			}
			state.last = Some((value, now));
			(true, None)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Judge `value` of `source` against its monitor and respond to an anomaly in the same
	/// call. Returns the weight used (one read when `source` has no monitor).
	pub(crate) fn observe(source: Source, value: u128) -> Weight {
		let Some(mut monitor) = Monitors::<T>::get(source) else {
			return T::DbWeight::get().reads(1);
		};
		let now = frame_system::Pallet::<T>::block_number();
		let (accepted, finding) = match &monitor.rule {
			Some(rule) => judge(rule, &mut monitor.state, value, now),
			None => (true, None),
		};
		monitor.state.seen = Some(now);
		let flag_expired = monitor.state.flag.is_some_and(|flag| flag.until <= now);
		let stale_cleared =
			accepted && monitor.state.flag.is_some_and(|flag| flag.anomaly == Anomaly::Stale);
		if flag_expired || stale_cleared {
			monitor.state.flag = None;
		}
		let fired = finding.is_some_and(|finding| Self::respond_to(source, &mut monitor, finding));
		if let Some(stale_after) = monitor.stale_after {
			Self::arm_stale(source, now.saturating_add(stale_after));
		}
		Monitors::<T>::insert(source, monitor);
		Self::observation_weight(fired)
	}

	/// A velocity cap crossed its high-water mark: run the playbook of `source` (an outflow
	/// source), if governance set one. Returns the weight used.
	pub(crate) fn high_water_crossed(source: Source, used: u128, mark: u128) -> Weight {
		let Some(mut monitor) = Monitors::<T>::get(source) else {
			return T::DbWeight::get().reads(1);
		};
		let fired = Self::respond_to(source, &mut monitor, (Anomaly::HighWater, used, mark));
		Monitors::<T>::insert(source, monitor);
		Self::observation_weight(fired)
	}

	/// What an observation that did (`fired`) or did not respond costs.
	fn observation_weight(fired: bool) -> Weight {
		if fired {
			T::WeightInfo::observe_fire()
		} else {
			T::WeightInfo::observe_quiet()
		}
	}

	/// The total issuance, observed if an issuance monitor is set. Called after a signed
	/// transaction that created value. Returns the weight used (nothing if no monitor).
	pub(crate) fn observe_issuance() -> Weight {
		if !Alert::<T>::get().issuance_watched {
			return Weight::zero();
		}
		Self::observe_issuance_now()
	}

	/// The total issuance, observed (the caller knows an issuance monitor is set: the hook,
	/// from the alert state it already read).
	pub(crate) fn observe_issuance_now() -> Weight {
		let issuance = Self::total_issuance();
		Self::observe(Source::Issuance, issuance).saturating_add(T::DbWeight::get().reads(1))
	}

	/// Start `state` of the issuance monitor afresh from the issuance now, so that a mint in
	/// the rest of this block is already measured from it.
	pub(crate) fn start_issuance(state: &mut crate::MonitorStateOf<T>) {
		state.start_at(Self::total_issuance(), frame_system::Pallet::<T>::block_number());
	}

	/// The guarded currency's total issuance.
	pub(crate) fn total_issuance() -> u128 {
		<T::Currency as frame_support::traits::fungible::Inspect<T::AccountId>>::total_issuance()
			.saturated_into()
	}

	/// Flag every watched source whose deadline has come (no value for `stale_after` blocks)
	/// and run its playbook; the deadline is re-armed `stale_after` blocks on. Called by the
	/// hook only when the alert state's `next_stale` is due; bounded by `MaxMonitors`.
	pub(crate) fn check_stale(now: BlockNumberFor<T>) -> Weight {
		let mut watch = StaleWatch::<T>::get();
		let mut due: u32 = 0;
		for (source, deadline) in watch.iter_mut() {
			if *deadline > now {
				continue;
			}
			due = due.saturating_add(1);
			let Some(mut monitor) = Monitors::<T>::get(*source) else { continue };
			let Some(stale_after) = monitor.stale_after else { continue };
			let silent: u128 = monitor
				.state
				.seen
				.map_or(stale_after, |seen| now.saturating_sub(seen))
				.saturated_into();
			Self::respond_to(
				*source,
				&mut monitor,
				(Anomaly::Stale, silent, stale_after.saturated_into()),
			);
			Monitors::<T>::insert(*source, monitor);
			*deadline = now.saturating_add(stale_after);
		}
		Self::store_watch(&watch);
		T::WeightInfo::check_stale(due)
	}

	/// Set the staleness deadline of `source` (adding it to the watch).
	pub(crate) fn arm_stale(source: Source, deadline: BlockNumberFor<T>) {
		let mut watch = StaleWatch::<T>::get();
		match watch.iter_mut().find(|(watched, _)| *watched == source) {
			Some(entry) => entry.1 = deadline,
			// The watch holds at most one entry per monitor and is bounded like the monitors.
			None => {
				let _ = watch.try_push((source, deadline));
			}
		}
		Self::store_watch(&watch);
	}

	/// Stop watching `source` for staleness.
	pub(crate) fn disarm_stale(source: Source) {
		let mut watch = StaleWatch::<T>::get();
		watch.retain(|(watched, _)| *watched != source);
		Self::store_watch(&watch);
	}

	/// Write the staleness watch and its earliest deadline into the alert state.
	fn store_watch(watch: &crate::StaleWatchOf<T>) {
		StaleWatch::<T>::put(watch);
		Alert::<T>::mutate(|alert| alert.next_stale = watch.iter().map(|(_, d)| *d).min());
	}

	/// Whether feed `key` is flagged now: [`crate::GuardedFeed`] then gives consumers nothing.
	pub fn feed_flagged(key: u32) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		Monitors::<T>::get(Source::Feed(key))
			.and_then(|monitor| monitor.state.flag)
			.is_some_and(|flag| now < flag.until)
	}

	/// Validate a monitor for `source` and build it with a fresh state.
	pub(crate) fn build_monitor(
		source: Source,
		input: &MonitorInput<BlockNumberFor<T>>,
	) -> Result<MonitorOf<T>, DispatchError> {
		if !source.has_values() {
			ensure!(
				input.rule.is_none() && input.stale_after.is_none(),
				Error::<T>::RuleNotApplicable
			);
		} else {
			ensure!(input.rule.is_some() || input.stale_after.is_some(), Error::<T>::NoThreshold);
		}
		if source == Source::Issuance {
			ensure!(input.stale_after.is_none(), Error::<T>::RuleNotApplicable);
		}
		if let Some(stale_after) = input.stale_after {
			ensure!(!stale_after.is_zero(), Error::<T>::ZeroPeriod);
		}
		match input.rule {
			None => {}
			Some(Rule::Flow { period, rise, fall }) => {
				ensure!(!period.is_zero(), Error::<T>::ZeroPeriod);
				ensure!(rise.is_some() || fall.is_some(), Error::<T>::NoThreshold);
				for limit in [rise, fall].into_iter().flatten() {
					let zero = match limit {
						Limit::Absolute(amount) => amount.is_zero(),
						Limit::ShareOfBalance(share) => share.is_zero(),
					};
					ensure!(!zero, Error::<T>::ThresholdOutOfRange);
				}
			}
			Some(Rule::Jump { within, max_jump }) => {
				ensure!(!within.is_zero(), Error::<T>::ZeroPeriod);
				ensure!(!max_jump.is_zero(), Error::<T>::ThresholdOutOfRange);
			}
		}
		let playbook = &input.playbook;
		ensure!(!playbook.duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(
			playbook.duration <= T::MaxProgrammaticPause::get(),
			Error::<T>::DurationBeyondBound
		);
		let targets =
			playbook.pause.iter().map(Self::validate_target).collect::<Result<Vec<_>, _>>()?;
		let pause = targets.try_into().map_err(|_| Error::<T>::TooManyTargets)?;
		Ok(Monitor {
			rule: input.rule,
			stale_after: input.stale_after,
			playbook: Playbook { pause, raise_to: playbook.raise_to, duration: playbook.duration },
			state: MonitorState::default(),
		})
	}

	/// Store `monitor` for `source` (new or replacing), keeping the watch and the alert state
	/// in step. Fails with [`Error::TooManyMonitors`] when a new one would exceed the bound.
	pub(crate) fn store_monitor(source: Source, mut monitor: MonitorOf<T>) -> Result<(), Error<T>> {
		if !Monitors::<T>::contains_key(source) {
			ensure!(Monitors::<T>::count() < T::MaxMonitors::get(), Error::<T>::TooManyMonitors);
		}
		let now = frame_system::Pallet::<T>::block_number();
		if source == Source::Issuance {
			Self::start_issuance(&mut monitor.state);
			Alert::<T>::mutate(|alert| alert.issuance_watched = true);
		}
		match monitor.stale_after {
			Some(stale_after) => {
				monitor.state.seen = Some(now);
				Self::arm_stale(source, now.saturating_add(stale_after));
			}
			None => Self::disarm_stale(source),
		}
		Monitors::<T>::insert(source, monitor);
		Ok(())
	}

	/// Remove the monitor of `source`.
	pub(crate) fn drop_monitor(source: Source) -> Result<(), Error<T>> {
		Monitors::<T>::take(source).ok_or(Error::<T>::NoMonitor)?;
		Self::disarm_stale(source);
		if source == Source::Issuance {
			Alert::<T>::mutate(|alert| alert.issuance_watched = false);
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::velocity::WindowUsage;
	use sp_runtime::Perbill;

	fn state() -> MonitorState<u64> {
		MonitorState {
			last: None,
			seen: None,
			rises: WindowUsage::default(),
			falls: WindowUsage::default(),
			basis: None,
			flag: None,
		}
	}

	#[test]
	fn a_flow_sums_rises_over_the_window_against_the_basis_at_its_start() {
		let rule = Rule::Flow {
			period: 10u64,
			rise: Some(Limit::ShareOfBalance(Perbill::from_percent(10))),
			fall: None,
		};
		let mut s = state();
		assert_eq!(judge(&rule, &mut s, 1000, 1), (true, None));
		// 6% then 5% more: 110 > 10% of 1000 (the basis fixed at the window's start, not 1060).
		assert_eq!(judge(&rule, &mut s, 1060, 2), (true, None));
		assert_eq!(judge(&rule, &mut s, 1110, 3), (true, Some((Anomaly::Rise, 110, 100))));
		// Falls are summed apart and have no threshold here.
		assert_eq!(judge(&rule, &mut s, 500, 4), (true, None));
	}

	#[test]
	fn a_flow_forgets_rises_older_than_the_window() {
		let rule = Rule::Flow { period: 7u64, rise: Some(Limit::Absolute(100)), fall: None };
		let mut s = state();
		judge(&rule, &mut s, 1000, 1);
		assert_eq!(judge(&rule, &mut s, 1090, 1), (true, None));
		// 90 + 90 within 7 blocks: over.
		assert_eq!(judge(&rule, &mut s, 1180, 7), (true, Some((Anomaly::Rise, 180, 100))));
		// Long after, 90 alone is fine again.
		assert_eq!(judge(&rule, &mut s, 1270, 30), (true, None));
	}

	#[test]
	fn a_jump_is_measured_from_the_last_accepted_value_and_not_accepted() {
		let rule = Rule::Jump { within: 5u64, max_jump: Perbill::from_percent(20) };
		let mut s = state();
		assert_eq!(judge(&rule, &mut s, 100, 1), (true, None));
		assert_eq!(judge(&rule, &mut s, 119, 2), (true, None));
		// 50% off the reference 119.
		assert_eq!(judge(&rule, &mut s, 59, 3), (false, Some((Anomaly::Jump, 60, 23))));
		assert_eq!(s.last, Some((119, 2)));
		// An honest value close to the reference is accepted again.
		assert_eq!(judge(&rule, &mut s, 121, 4), (true, None));
		// Once the reference is older than `within`, any value becomes the new reference.
		assert_eq!(judge(&rule, &mut s, 60, 9), (true, None));
	}
}
