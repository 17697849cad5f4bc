//! Receiving alerts: the sources governance allows, the playbook mapped to each kind, the
//! response (bounded and expiring like every response), and governance's reset.

use super::{AlertPlaybook, AlertPlaybookInput, AlertSource, GuardianAlert, Location};
use crate::{
	AlertPlaybookOf, AlertSourceOf, AlertSources, Config, Contributor, Error, Event,
	NextAlertSourceId, Pallet, Source,
};
use alloc::vec::Vec;
use codec::Encode;
use core::marker::PhantomData;
use frame_support::{
	ensure,
	traits::{Contains, Get},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, DispatchError, DispatchResult};

/// The locations governance allows to alert this chain ([`AlertSources`]): the filter for
/// `pallet_xcm::EnsureXcm` (the guardian's `AlertOrigin`) and for [`super::AllowAlertsFrom`].
pub struct IsAlertSource<T>(PhantomData<T>);

impl<T: Config> Contains<Location> for IsAlertSource<T> {
	fn contains(location: &Location) -> bool {
		AlertSources::<T>::contains_key(location)
	}
}

impl<T: Config> Pallet<T> {
	/// Logic for [`Pallet::set_alert_source`]: allow `source` to alert this chain, with
	/// `playbooks` for the kinds it maps (other kinds only emit [`Event::AlertReceived`]).
	/// Replacing a source keeps its identifier and its response in force.
	pub(crate) fn do_set_alert_source(
		source: Location,
		playbooks: Vec<(Source, AlertPlaybookInput<BlockNumberFor<T>>)>,
	) -> DispatchResult {
		ensure!(source != Location::here(), Error::<T>::BadLocation);
		let mut kinds: Vec<_> = playbooks.iter().map(|(kind, _)| kind.encode()).collect();
		kinds.sort();
		kinds.dedup();
		ensure!(kinds.len() == playbooks.len(), Error::<T>::DuplicateAlertKind);
		let mapped = playbooks
			.into_iter()
			.map(|(kind, input)| Ok((kind, Self::build_alert_playbook(&input)?)))
			.collect::<Result<Vec<_>, DispatchError>>()?;
		let playbooks: BoundedVec<_, _> =
			mapped.try_into().map_err(|_| Error::<T>::TooManyAlertKinds)?;
		let entry = match AlertSources::<T>::get(&source) {
			Some(existing) => AlertSource { playbooks, ..existing },
			None => {
				ensure!(
					AlertSources::<T>::count() < T::MaxAlertSources::get(),
					Error::<T>::TooManyAlertSources
				);
				let id = NextAlertSourceId::<T>::get();
				NextAlertSourceId::<T>::put(id.saturating_add(1));
				AlertSource { id, playbooks, responding: None }
			}
		};
		let kinds = entry.playbooks.len() as u32;
		AlertSources::<T>::insert(&source, entry);
		Self::deposit_event(Event::AlertSourceSet { source, kinds });
		Ok(())
	}

	/// Validate an alert playbook: its targets exist, its duration is within
	/// `MaxProgrammaticPause` and not zero.
	fn build_alert_playbook(
		input: &AlertPlaybookInput<BlockNumberFor<T>>,
	) -> Result<AlertPlaybookOf<T>, DispatchError> {
		Ok(AlertPlaybook {
			pause_inbound: input.pause_inbound,
			playbook: Self::build_playbook(&input.playbook)?,
		})
	}

	/// Logic for [`Pallet::remove_alert_source`]: refused with [`Error::ResponseInForce`]
	/// while its response is in force (the resume origin resets it, or it runs its course).
	pub(crate) fn do_remove_alert_source(source: Location) -> DispatchResult {
		let entry = AlertSources::<T>::get(&source).ok_or(Error::<T>::NoAlertSource)?;
		ensure!(Self::responding_until(&entry).is_none(), Error::<T>::ResponseInForce);
		// Leftovers of an expired response (its contribution's record) go with it.
		let by = Contributor::Alert(entry.id);
		Self::release_inbound_pauses_of(by);
		Self::clear_risk_of(by);
		AlertSources::<T>::remove(&source);
		Self::deposit_event(Event::AlertSourceRemoved { source });
		Ok(())
	}

	/// Until when the response of `entry` is in force, if it is.
	fn responding_until(entry: &AlertSourceOf<T>) -> Option<BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		entry.responding.and_then(|(_, until)| (now < until).then_some(until))
	}

	/// Logic for [`Pallet::receive_alert`]: `from` (already checked by the origin) alerted
	/// `alert`. Emits [`Event::AlertReceived`]; if the kind is mapped and no response to
	/// `from` is in force, runs the mapped playbook: inbound XCM from `from` waits, the
	/// targets pause and the level rises, all until now + its duration, held as
	/// [`Contributor::Alert`] so that a reset withdraws exactly this.
	pub(crate) fn do_receive_alert(from: Location, alert: GuardianAlert) -> DispatchResult {
		let mut entry = AlertSources::<T>::get(&from).ok_or(Error::<T>::AlertSourceNotAllowed)?;
		let mapped = entry.playbooks.iter().find(|(kind, _)| *kind == alert.kind).cloned();
		Self::deposit_event(Event::AlertReceived {
			from: from.clone(),
			alert,
			mapped: mapped.is_some(),
		});
		let Some((kind, response)) = mapped else { return Ok(()) };
		if Self::responding_until(&entry).is_some() {
			// One response per source at a time: it runs its course.
			return Ok(());
		}
		let now = frame_system::Pallet::<T>::block_number();
		let playbook = &response.playbook;
		let until = now.saturating_add(playbook.duration);
		let by = Contributor::Alert(entry.id);
		let inbound_paused =
			response.pause_inbound && Self::hold_inbound_pause(from.clone(), by, until);
		let paused = Self::pause_response_targets(&playbook.pause, playbook.duration, by);
		Self::raise_risk(by, playbook.raise_to, until);
		entry.responding = Some((kind, until));
		AlertSources::<T>::insert(&from, entry);
		Self::deposit_event(Event::AlertResponseApplied {
			from,
			kind,
			inbound_paused,
			paused,
			level: playbook.raise_to,
			until,
		});
		Ok(())
	}

	/// Logic for [`Pallet::reset_alert_response`]: withdraw the response to `source`'s alert —
	/// its inbound pause, its hold on the pauses it holds, its contribution to the level —
	/// while pauses governance or another response also holds stay.
	pub(crate) fn do_reset_alert_response(source: Location) -> DispatchResult {
		let mut entry = AlertSources::<T>::get(&source).ok_or(Error::<T>::NoAlertSource)?;
		ensure!(Self::responding_until(&entry).is_some(), Error::<T>::NotFlagged);
		let by = Contributor::Alert(entry.id);
		let mut resumed = Self::release_inbound_pauses_of(by);
		for target in Self::pauses_held_by(by) {
			if Self::release_pause_of(&target, by) {
				resumed = resumed.saturating_add(1);
			}
		}
		Self::clear_risk_of(by);
		entry.responding = None;
		AlertSources::<T>::insert(&source, entry);
		Self::deposit_event(Event::AlertResponseReset { source, resumed });
		Ok(())
	}
}
