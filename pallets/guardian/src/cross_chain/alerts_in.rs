//! Receiving alerts: the sources governance allows, the playbook mapped to each kind, the
//! response (bounded and expiring like every response), and governance's reset.

use super::{AlertSource, CrossChain, GuardianAlert, Location};
use crate::{
	responses::{playbooks::Cause, Engine},
	weights::WeightInfo,
	AlertSources, Config, Contributor, Error, Event, MutedAlertSources, NextAlertSourceId, Pallet,
	PlaybookInput, Source,
};
use alloc::vec::Vec;
use codec::Encode;
use core::marker::PhantomData;
use frame_support::{
	ensure,
	traits::{Contains, Get},
	weights::Weight,
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating},
	DispatchError, DispatchResult,
};

/// The locations governance allows to alert this chain ([`AlertSources`]): the filter for
/// `pallet_xcm::EnsureXcm` (the guardian's `AlertOrigin`) and for [`super::AllowAlertsFrom`].
pub struct IsAlertSource<T>(PhantomData<T>);

impl<T: Config> Contains<Location> for IsAlertSource<T> {
	fn contains(location: &Location) -> bool {
		AlertSources::<T>::contains_key(location)
	}
}

impl<T: Config> CrossChain<T> {
	/// Logic for [`Pallet::set_alert_source`]: allow `source` to alert this chain, with
	/// `playbooks` for the kinds it maps (other kinds only emit [`Event::AlertReceived`]).
	/// Replacing a source keeps its identifier and its response in force.
	pub(crate) fn do_set_alert_source(
		source: Location,
		playbooks: Vec<(Source, PlaybookInput<BlockNumberFor<T>>)>,
	) -> DispatchResult {
		ensure!(source != Location::here(), Error::<T>::BadLocation);
		let mut kinds: Vec<_> = playbooks.iter().map(|(kind, _)| kind.encode()).collect();
		kinds.sort();
		kinds.dedup();
		ensure!(kinds.len() == playbooks.len(), Error::<T>::DuplicateAlertKind);
		let mapped = playbooks
			.into_iter()
			.map(|(kind, input)| Ok((kind, Engine::<T>::build_playbook(&input, true)?)))
			.collect::<Result<Vec<_>, DispatchError>>()?;
		if mapped.iter().any(|(_, playbook)| playbook.pause_inbound) {
			// The response's inbound pause must be able to hold the source's messages.
			Self::ensure_holdable(&source)?;
		}
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
				AlertSource { id, playbooks }
			}
		};
		let kinds = entry.playbooks.len() as u32;
		AlertSources::<T>::insert(&source, entry);
		Pallet::<T>::deposit_event(Event::AlertSourceSet { source, kinds });
		Ok(())
	}

	/// Logic for [`Pallet::remove_alert_source`]: refused with [`Error::ResponseInForce`]
	/// while its response is in force (the resume origin resets it, or it runs its course).
	pub(crate) fn do_remove_alert_source(source: Location) -> DispatchResult {
		let entry = AlertSources::<T>::get(&source).ok_or(Error::<T>::NoAlertSource)?;
		// Leftovers of an expired response (its record, its contribution) go with it.
		Engine::<T>::forget(Contributor::Alert(entry.id))?;
		MutedAlertSources::<T>::remove(entry.id);
		AlertSources::<T>::remove(&source);
		Pallet::<T>::deposit_event(Event::AlertSourceRemoved { source });
		Ok(())
	}

	/// What an alert that starts no response uses (an unmapped kind, a muted source, a
	/// response in force): the read of its source's entry, of its mute (and the removal of an
	/// expired one) and of the response in force. Priced by the nearest measured benchmark,
	/// `observe_quiet` (a monitor's entry with its playbook, its response in force and its
	/// staleness watch read, two writes), plus the mute's read and write and the proof of the
	/// source's entry, which maps up to `MaxAlertKinds` playbooks.
	pub fn unanswered_alert_weight() -> Weight {
		use codec::MaxEncodedLen;
		let entry = crate::AlertSourceOf::<T>::max_encoded_len()
			.saturating_add(Location::max_encoded_len())
			.saturating_add(16);
		T::WeightInfo::observe_quiet()
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			.saturating_add(Weight::from_parts(0, entry as u64))
	}

	/// Logic for [`Pallet::receive_alert`]: `from` (already checked by the origin) alerted
	/// `alert`. Emits [`Event::AlertReceived`]; if the kind is mapped, the engine runs the
	/// mapped playbook (unless a response to `from` is in force or `from` is muted): inbound
	/// XCM from `from` waits, the targets pause and the level rises, all until now + its
	/// duration, held as [`Contributor::Alert`] so that a reset withdraws exactly this.
	/// Returns whether a response started.
	pub(crate) fn do_receive_alert(
		from: Location,
		alert: GuardianAlert,
	) -> Result<bool, DispatchError> {
		let entry = AlertSources::<T>::get(&from).ok_or(Error::<T>::AlertSourceNotAllowed)?;
		let mapped = entry.playbooks.iter().find(|(kind, _)| *kind == alert.kind).cloned();
		Pallet::<T>::deposit_event(Event::AlertReceived {
			from: from.clone(),
			alert,
			mapped: mapped.is_some(),
		});
		let Some((kind, playbook)) = mapped else { return Ok(false) };
		if let Some(until) = MutedAlertSources::<T>::get(entry.id) {
			if frame_system::Pallet::<T>::block_number() < until {
				Pallet::<T>::deposit_event(Event::AlertMuted { from, until });
				return Ok(false);
			}
			MutedAlertSources::<T>::remove(entry.id);
		}
		let cause = Cause { source: kind, anomaly: alert.anomaly, from: Some(from) };
		// One response per source at a time: a response in force runs its course.
		Ok(Engine::<T>::respond(Contributor::Alert(entry.id), cause, &playbook).is_some())
	}

	/// Logic for [`Pallet::reset_alert_response`]: withdraw the response to `source`'s alert —
	/// its inbound pause, its hold on the pauses it holds, its contribution to the level —
	/// while pauses governance or another response also holds stay. The source's alerts are
	/// then muted ([`Event::AlertMuted`]) until the block the response would have ended, or
	/// past the end of another inbound pause still holding the source if that is later: the
	/// alerts those pauses held in the queue run, and none of them restarts what governance
	/// just withdrew. Alerts still queued after that (a queue longer than its servicing, or held
	/// behind a message waiting for a value pause) are answered again: governance removes a
	/// source it does not want back. Removing the source (and allowing it again) ends the mute.
	pub(crate) fn do_reset_alert_response(source: Location) -> DispatchResult {
		let entry = AlertSources::<T>::get(&source).ok_or(Error::<T>::NoAlertSource)?;
		let by = Contributor::Alert(entry.id);
		let until = Engine::<T>::in_force(by).map(|response| response.until);
		Engine::<T>::reset(by)?;
		if let Some(until) = until {
			// Alerts another inbound pause (a pause of everyone) still holds run in the block
			// it ends: the mute covers that block too.
			// (Governance's own locations are never held: their alerts pass such a pause.)
			let held = Self::xcm_inbound_paused_until(&source)
				.filter(|_| !T::InboundGovernance::contains(&source))
				.map(|end| end.saturating_add(One::one()))
				.unwrap_or_default();
			MutedAlertSources::<T>::insert(entry.id, until.max(held));
		}
		Ok(())
	}
}
