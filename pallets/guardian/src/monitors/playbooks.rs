//! Playbooks: the pre-programmed response to a monitor's anomaly (pause targets, raise the
//! risk level), its expiry, governance's extension and reset.

use super::rules::Finding;
use crate::{
	Config, Error, Event, Flag, MonitorOf, Monitors, Pallet, ResumeReason, RiskLevel, Source,
};
use frame_support::ensure;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// Respond to `finding` on `source`: emit [`Event::AnomalyDetected`], flag the source and,
	/// unless a response is already in force for it, run its playbook — pause its targets and
	/// raise the risk level for the playbook's duration — and emit [`Event::ResponseApplied`].
	/// Returns whether the playbook ran. The caller stores `monitor`.
	pub(crate) fn run_playbook(
		source: Source,
		monitor: &mut MonitorOf<T>,
		finding: Finding,
	) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		if monitor.state.flag.is_some_and(|flag| now < flag.until) {
			// Already responding: the flag and its response run their course.
			return false;
		}
		let Finding { anomaly, measured, threshold } = finding;
		Self::deposit_event(Event::AnomalyDetected { source, anomaly, measured, threshold });
		let playbook = &monitor.playbook;
		let until = now.saturating_add(playbook.duration);
		monitor.state.flag = Some(Flag { anomaly, until });
		// A target already paused (by governance or another response) stays as it is.
		let paused = Self::pause_response_targets(&playbook.pause, playbook.duration);
		Self::raise_risk(playbook.raise_to, until);
		Self::deposit_event(Event::ResponseApplied {
			source,
			paused,
			level: playbook.raise_to,
			until,
		});
		true
	}

	/// Logic for [`Pallet::extend_response`]: extend the response in force for `source` by
	/// `extra` blocks (its flag, the pauses of its targets still in force and the level it
	/// raised). The response may then last at most `bound` blocks from now.
	pub(crate) fn do_extend_response(
		source: Source,
		extra: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!extra.is_zero(), Error::<T>::ZeroDuration);
		let mut monitor = Monitors::<T>::get(source).ok_or(Error::<T>::NoMonitor)?;
		let now = frame_system::Pallet::<T>::block_number();
		let mut flag =
			monitor.state.flag.filter(|f| now < f.until).ok_or(Error::<T>::NotFlagged)?;
		let until = flag.until.saturating_add(extra);
		ensure!(until.saturating_sub(now) <= bound, Error::<T>::DurationBeyondBound);
		for target in &monitor.playbook.pause {
			match Self::extend_pause(target, extra, bound) {
				Ok(()) => {}
				Err(error) if error == Error::<T>::NotPaused.into() => {}
				Err(error) => return Err(error),
			}
		}
		Self::raise_risk(monitor.playbook.raise_to, until);
		flag.until = until;
		monitor.state.flag = Some(flag);
		Monitors::<T>::insert(source, monitor);
		Self::deposit_event(Event::ResponseExtended { source, until });
		Ok(())
	}

	/// Logic for [`Pallet::reset_response`]: clear the response for `source` (resume its
	/// targets still paused, clear the level its playbook raised if it was flagged) and start
	/// the monitor afresh (empty windows, the next value becomes the reference), which is how
	/// governance accepts a real change.
	pub(crate) fn do_reset_response(source: Source) -> DispatchResult {
		let mut monitor = Monitors::<T>::get(source).ok_or(Error::<T>::NoMonitor)?;
		let now = frame_system::Pallet::<T>::block_number();
		let flagged = monitor.state.flag.is_some_and(|flag| now < flag.until);
		let mut resumed: u32 = 0;
		for target in &monitor.playbook.pause {
			match Self::remove_pause(target, ResumeReason::Governance) {
				Ok(()) => resumed = resumed.saturating_add(1),
				Err(error) if error == Error::<T>::NotPaused.into() => {}
				Err(error) => return Err(error),
			}
		}
		if flagged && monitor.playbook.raise_to != RiskLevel::Normal {
			Self::clear_risk(monitor.playbook.raise_to);
		}
		let seen = monitor.state.seen;
		monitor.state = Default::default();
		monitor.state.seen = seen;
		if source == Source::Issuance {
			Self::start_issuance(&mut monitor.state);
		}
		Monitors::<T>::insert(source, monitor);
		Self::deposit_event(Event::ResponseReset { source, resumed });
		Ok(())
	}
}
