//! Staleness: a feed or metric that has not been observed for `stale_after` blocks is flagged
//! and its playbook runs. The deadlines live in [`StaleWatch`]; `on_initialize` only looks at
//! them when the whitelisted [`Watch`]'s `next_stale` is due.
//!
//! **Once per silence.** A source that stays silent is answered once, not once per playbook
//! duration: when the response runs its course and still no value came since it was applied,
//! it is not applied again. A staleness playbook that pauses the very pallet that feeds its
//! source (the oracle) therefore cannot keep it paused for good: the pause ends with its
//! duration, and the feeders can feed again. `reset_response` re-arms the deadline
//! `stale_after` blocks from the reset.

use super::Monitoring;
use crate::{
	responses::Engine, Anomaly, Config, Contributor, Finding, Monitors, Source, StaleWatch, Watch,
	WeightInfo,
};
use frame_support::weights::Weight;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, SaturatedConversion};

impl<T: Config> Monitoring<T> {
	/// Flag every watched source whose deadline has come (no value for `stale_after` blocks)
	/// and run its playbook; the deadline is re-armed `stale_after` blocks on. Called by the
	/// hook only when the alert state's `next_stale` is due; bounded by `MaxMonitors`.
	pub(crate) fn check_stale(now: BlockNumberFor<T>) -> Weight {
		let mut watch = StaleWatch::<T>::get();
		let (mut due, mut fired): (u32, u32) = (0, 0);
		for (source, deadline) in watch.iter_mut() {
			if *deadline > now {
				continue;
			}
			due = due.saturating_add(1);
			let Some(monitor) = Monitors::<T>::get(*source) else { continue };
			let Some(stale_after) = monitor.stale_after else { continue };
			*deadline = now.saturating_add(stale_after);
			// The same silence is answered once (see the module docs).
			let answered =
				Engine::<T>::last_response(Contributor::Monitor(*source)).is_some_and(|response| {
					response.anomaly == Anomaly::Stale
						&& monitor.state.seen.is_none_or(|seen| seen < response.since)
				});
			if answered {
				continue;
			}
			let silent: u128 = monitor
				.state
				.seen
				.map_or(stale_after, |seen| now.saturating_sub(seen))
				.saturated_into();
			let finding = Finding {
				anomaly: Anomaly::Stale,
				measured: silent,
				threshold: stale_after.saturated_into(),
			};
			if Self::respond(*source, &monitor, finding) {
				fired = fired.saturating_add(1);
			}
			Monitors::<T>::insert(*source, monitor);
		}
		Self::store_watch(&watch);
		// The benchmark's firings send no alerts: each firing's are added.
		T::WeightInfo::check_stale(due)
			.saturating_add(Engine::<T>::alert_fanout_weight().saturating_mul(fired.into()))
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

	/// Write the staleness watch and its earliest deadline into the watch state.
	pub(crate) fn store_watch(watch: &crate::StaleWatchOf<T>) {
		StaleWatch::<T>::put(watch);
		Watch::<T>::mutate(|state| state.next_stale = watch.iter().map(|(_, d)| *d).min());
	}
}
