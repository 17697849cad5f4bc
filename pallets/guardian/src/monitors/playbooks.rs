//! Playbooks: the pre-programmed response to a monitor's anomaly (pause targets, raise the
//! risk level), its expiry, governance's extension and reset.

use super::{rules::Finding, trips::Trip};
use crate::{
	caps::tx_scope, Config, Contributor, Error, Event, Flag, MonitorOf, Monitors, Pallet,
	PauseTargetOf, Source,
};
use codec::Encode;
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
		// A target already paused (by governance or another response) is shared.
		let by = Contributor::Monitor(source);
		let paused = Self::pause_response_targets(&playbook.pause, playbook.duration, by);
		Self::raise_risk(by, playbook.raise_to, until);
		let trip = Trip::<PauseTargetOf<T>, BlockNumberFor<T>>::Playbook { source, finding };
		tx_scope::note_trip(trip.encode());
		Self::deposit_event(Event::ResponseApplied {
			source,
			paused,
			level: playbook.raise_to,
			until,
		});
		// The chains subscribed to this source hear of it in the same block.
		Self::send_alerts(source, anomaly, playbook.raise_to, until);
		true
	}

	/// Logic for [`Pallet::extend_response`]: extend the response in force for `source` by
	/// `extra` blocks — its flag, its contribution to the risk level, and its hold on the
	/// pauses it holds ([`PauseOwners`]) — each to at most `bound` blocks from now. A target another
	/// contributor holds longer, or that is no longer paused, is left as it is: the extension
	/// never fails on a shared target.
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
		let until = flag.until.saturating_add(extra).min(now.saturating_add(bound));
		// The response itself must gain something within the bound; its pauses then gain
		// what they can.
		ensure!(until > flag.until, Error::<T>::DurationBeyondBound);
		let by = Contributor::Monitor(source);
		for target in Self::pauses_held_by(by) {
			Self::extend_pause_of(&target, by, until);
		}
		Self::extend_risk_of(by, until);
		flag.until = until;
		monitor.state.flag = Some(flag);
		Monitors::<T>::insert(source, monitor);
		Self::deposit_event(Event::ResponseExtended { source, until });
		Ok(())
	}

	/// Logic for [`Pallet::reset_response`]: end the response for `source` and start its
	/// monitor afresh (empty windows, the next value becomes the reference), which is how
	/// governance accepts a real change. Only this response is withdrawn: its contribution to
	/// the risk level, and its hold on the pauses it holds — found in [`PauseOwners`], so a
	/// playbook replaced since it ran is no obstacle — while a pause governance or another
	/// response also holds stays.
	pub(crate) fn do_reset_response(source: Source) -> DispatchResult {
		let mut monitor = Monitors::<T>::get(source).ok_or(Error::<T>::NoMonitor)?;
		let resumed = Self::withdraw_response(source);
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

	/// Withdraw the response of `source`: its hold on every pause it holds (a pause nobody
	/// else holds ends) and its contribution to the risk level. Returns how many pauses ended.
	pub(crate) fn withdraw_response(source: Source) -> u32 {
		let by = Contributor::Monitor(source);
		let mut resumed: u32 = 0;
		for target in Self::pauses_held_by(by) {
			if Self::release_pause_of(&target, by) {
				resumed = resumed.saturating_add(1);
			}
		}
		Self::clear_risk_of(by);
		resumed
	}
}
