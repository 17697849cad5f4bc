//! A monitor's response: its playbook applied through the response engine (pause targets,
//! raise the risk level, for its duration), governance's extension and reset.

use super::Monitoring;
use crate::{
	responses::{playbooks::Cause, Engine},
	Config, Contributor, Error, Event, Finding, MonitorOf, Monitors, Pallet, Source,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, DispatchResult};

impl<T: Config> Monitoring<T> {
	/// Respond to `finding` on `source`: unless a response of the monitor is in force, emit
	/// [`Event::AnomalyDetected`] and have the engine apply its playbook (which emits
	/// [`Event::ResponseApplied`], and alerts the subscribed chains). Returns whether it ran.
	pub(crate) fn respond(source: Source, monitor: &MonitorOf<T>, finding: Finding) -> bool {
		Self::respond_for(source, monitor, finding, None)
	}

	/// [`Self::respond`], lasting at most `lasting` blocks instead of the playbook's duration
	/// (a value anyone can move is answered one block at a time, see [`super::block_end`]).
	pub(crate) fn respond_for(
		source: Source,
		monitor: &MonitorOf<T>,
		finding: Finding,
		lasting: Option<BlockNumberFor<T>>,
	) -> bool {
		let by = Contributor::Monitor(source);
		if Engine::<T>::in_force(by).is_some() {
			// Already responding: the response runs its course.
			return false;
		}
		let Finding { anomaly, measured, threshold } = finding;
		Pallet::<T>::deposit_event(Event::AnomalyDetected { source, anomaly, measured, threshold });
		let mut playbook = monitor.playbook.clone();
		if let Some(lasting) = lasting {
			playbook.duration = playbook.duration.min(lasting);
		}
		let cause = Cause { source, anomaly, from: None };
		Engine::<T>::respond(by, cause, &playbook).is_some()
	}

	/// Logic for [`Pallet::extend_response`]: the engine extends the response of the monitor
	/// of `source` by `extra` blocks, within `bound` from now.
	pub(crate) fn do_extend_response(
		source: Source,
		extra: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		frame_support::ensure!(Monitors::<T>::contains_key(source), Error::<T>::NoMonitor);
		Engine::<T>::extend_response(Contributor::Monitor(source), extra, bound)?;
		Ok(())
	}

	/// Logic for [`Pallet::reset_response`]: withdraw the response for `source` and start its
	/// monitor afresh (empty windows, the next value becomes the reference, the staleness
	/// deadline `stale_after` from now), which is how governance accepts a real change. Only
	/// this response is withdrawn: a pause governance or another response also holds stays.
	pub(crate) fn do_reset_response(source: Source) -> DispatchResult {
		let mut monitor = Monitors::<T>::get(source).ok_or(Error::<T>::NoMonitor)?;
		let resumed = Engine::<T>::withdraw(Contributor::Monitor(source));
		let now = frame_system::Pallet::<T>::block_number();
		monitor.state = Default::default();
		if source == Source::Issuance {
			Self::start_issuance(&mut monitor.state);
		}
		if let Some(stale_after) = monitor.stale_after {
			// Re-armed: its feeders get `stale_after` blocks from now, even after a pause of
			// their own pallet kept them silent.
			monitor.state.seen = Some(now);
			Self::arm_stale(source, now.saturating_add(stale_after));
		}
		Monitors::<T>::insert(source, monitor);
		Pallet::<T>::deposit_event(Event::ResponseReset {
			by: Contributor::Monitor(source),
			resumed,
		});
		Ok(())
	}
}
