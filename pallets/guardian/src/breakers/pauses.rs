//! Pausing, extending and resuming: the storage transitions shared by the extrinsics, genesis,
//! the [`CircuitBreaker`](crate::CircuitBreaker) trait and the guardian's own responses.
//!
//! **Who paused it.** A pause placed by governance (or another pallet) is theirs alone. A pause
//! placed by one of the guardian's automatic responses records its owners ([`PauseOwners`]):
//! the response (a monitor's playbook, a cap's high-water response) that needs it and until
//! when. Two responses — or a response and governance — sharing a target share the pause: it
//! lasts until the latest of them, and resetting one response only withdraws that response
//! (the pause ends only if nobody else holds it). Governance's `resume` ends a pause outright.
//!
//! **Room for responses.** Governance and other pallets may fill at most
//! `MaxActivePauses − MaxResponseTargets` slots: one full response always finds room. A
//! response that still cannot place a pause does not drop it silently: its contribution to the
//! risk level becomes `Critical` for its duration (every guarded account stops), and
//! [`Event::ResponseEscalated`] says which targets could not be paused.

use crate::{
	Config, Contributor, Error, Event, Pallet, PauseOwners, PauseOwnersOf, PauseRecord,
	PauseSummary, PauseTargetInput, PauseTargetOf, Pauses, PausesOf, ResumeReason, RiskLevel,
	Summary, LOG_TARGET,
};
use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	DispatchResult, SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// Logic for [`Pallet::pause`] (and [`CircuitBreaker::pause`](crate::CircuitBreaker::pause)
	/// with `bound = MaxProgrammaticPause`): validate `target`, then pause it for `duration`
	/// blocks, at most `bound`, on behalf of `by`.
	pub(crate) fn do_pause(
		target: &PauseTargetInput,
		duration: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
		by: Contributor,
	) -> DispatchResult {
		let target = Self::validate_target(target)?;
		Self::insert_pause(target, duration, bound, by)
	}

	/// Logic for [`Pallet::extend`] (and
	/// [`CircuitBreaker::extend`](crate::CircuitBreaker::extend)): validate `target`, then push
	/// its pause's expiry back by `extra` blocks, keeping what remains within `bound`, on behalf
	/// of `by`.
	pub(crate) fn do_extend(
		target: &PauseTargetInput,
		extra: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
		by: Contributor,
	) -> DispatchResult {
		let target = Self::validate_target(target)?;
		Self::extend_pause(&target, extra, bound, by)
	}

	/// Logic for [`Pallet::resume`]: validate `target`, then end its pause now (and stop its
	/// running bonded reports from holding or escalating it).
	pub(crate) fn do_resume(target: &PauseTargetInput) -> DispatchResult {
		let target = Self::validate_target(target)?;
		Self::remove_pause(&target, ResumeReason::Governance)?;
		// Governance's word ends the target's running reports too (see `reports`).
		Self::end_reports_on(&target);
		Ok(())
	}

	/// Pause every one of `targets` for `duration` blocks (bounded by
	/// [`Config::MaxProgrammaticPause`]) on behalf of the automatic response `by`. A target
	/// already paused is shared (see the module docs). A target that cannot be paused for lack
	/// of room escalates the response (the module docs); any other failure is logged under
	/// [`LOG_TARGET`]. Returns how many targets are paused on the response's behalf.
	pub(crate) fn pause_response_targets<'a>(
		targets: impl IntoIterator<Item = &'a PauseTargetOf<T>>,
		duration: BlockNumberFor<T>,
		by: Contributor,
	) -> u32 {
		let mut placed: u32 = 0;
		let mut unplaced: Vec<PauseTargetOf<T>> = Vec::new();
		for target in targets {
			match Self::insert_pause(target.clone(), duration, T::MaxProgrammaticPause::get(), by) {
				Ok(()) => placed = placed.saturating_add(1),
				Err(error) if error == Error::<T>::TooManyPauses.into() => {
					unplaced.push(target.clone())
				}
				Err(error) => {
					log::debug!(target: LOG_TARGET, "response pause of {target:?} not placed: {error:?}")
				}
			}
		}
		if !unplaced.is_empty() {
			let until = frame_system::Pallet::<T>::block_number().saturating_add(duration);
			// The guardian's own responses escalate to Critical. Another chain's alert never
			// goes beyond what governance mapped it to: the unplaced targets are reported
			// (level `Normal`: nothing raised).
			let level = match by {
				Contributor::Alert(_) => RiskLevel::Normal,
				_ => RiskLevel::Critical,
			};
			if level != RiskLevel::Normal {
				Self::raise_risk(by, level, until);
			}
			let unplaced = unplaced.try_into().unwrap_or_default();
			Self::deposit_event(Event::ResponseEscalated { by, unplaced, level, until });
		}
		placed
	}

	/// How many pauses `by` may have stored at once: all of them for the guardian's own
	/// responses, all but `MaxResponseTargets` for governance and other pallets, half of that
	/// for bonded reports and for the responses to other chains' alerts.
	pub(crate) fn room_for(by: Contributor) -> u32 {
		match by {
			Contributor::Monitor(_) | Contributor::CapResponse => T::MaxActivePauses::get(),
			Contributor::Governance | Contributor::Programmatic => {
				T::MaxActivePauses::get().saturating_sub(T::MaxResponseTargets::get())
			}
			// Half of governance's room at most: reports and other chains' alerts never crowd
			// governance out.
			Contributor::Reports | Contributor::Alert(_) => {
				T::MaxActivePauses::get().saturating_sub(T::MaxResponseTargets::get()) / 2
			}
		}
	}

	/// Pause `target` for `duration` blocks on behalf of `by`; `bound` is the longest the
	/// caller may impose. Governance and other pallets get [`Error::AlreadyPaused`] on a target
	/// in force; a response shares it instead (see the module docs). Writes nothing unless it
	/// succeeds.
	pub(crate) fn insert_pause(
		target: PauseTargetOf<T>,
		duration: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
		by: Contributor,
	) -> DispatchResult {
		ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(duration <= bound, Error::<T>::DurationBeyondBound);
		let now = frame_system::Pallet::<T>::block_number();
		let until = now.checked_add(&duration).ok_or(Error::<T>::DurationBeyondBound)?;

		let (mut pauses, expired) = Self::live_pauses(now);
		if let Some(record) = pauses.iter_mut().find(|r| r.target == target) {
			ensure!(
				matches!(
					by,
					Contributor::Monitor(_)
						| Contributor::CapResponse
						| Contributor::Reports
						| Contributor::Alert(_)
				),
				Error::<T>::AlreadyPaused
			);
			// Held by governance alone until now, if nobody is recorded.
			let mut owners = PauseOwners::<T>::get(&target)
				.unwrap_or_else(|| Self::owners_of([(Contributor::Governance, record.until)]));
			// Holders whose time is up hold nothing: they never take a slot.
			owners.retain(|(_, held_until)| *held_until > now);
			match owners.iter_mut().find(|(owner, _)| *owner == by) {
				Some(owner) => owner.1 = owner.1.max(until),
				None => owners.try_push((by, until)).map_err(|_| Error::<T>::TooManyPauses)?,
			}
			let grew = until > record.until;
			record.until = record.until.max(until);
			let record_until = record.until;
			PauseOwners::<T>::insert(&target, owners);
			Self::store_pauses(pauses, expired);
			if grew {
				Self::deposit_event(Event::PauseExtended { target, until: record_until });
			}
			return Ok(());
		}
		let stored: u32 = pauses.len().saturated_into();
		ensure!(stored < Self::room_for(by), Error::<T>::TooManyPauses);
		pauses
			.try_push(PauseRecord { target: target.clone(), since: now, until })
			.map_err(|_| Error::<T>::TooManyPauses)?;
		// Expired pauses (and their holders) go first: a target re-paused in the block its
		// last pause expired keeps its new holders.
		Self::store_pauses(pauses, expired);
		if by != Contributor::Governance {
			PauseOwners::<T>::insert(&target, Self::owners_of([(by, until)]));
		}
		Self::deposit_event(Event::Paused { target, until });
		Ok(())
	}

	/// Push the expiry of `target`'s active pause back by `extra`, keeping what remains of it
	/// within `bound`, on behalf of `by` (governance, or another pallet): `by` then holds the
	/// pause until its new expiry. Writes nothing unless it succeeds.
	pub(crate) fn extend_pause(
		target: &PauseTargetOf<T>,
		extra: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
		by: Contributor,
	) -> DispatchResult {
		ensure!(!extra.is_zero(), Error::<T>::ZeroDuration);
		let now = frame_system::Pallet::<T>::block_number();
		let (mut pauses, expired) = Self::live_pauses(now);
		let record =
			pauses.iter_mut().find(|r| r.target == *target).ok_or(Error::<T>::NotPaused)?;
		let until = record.until.checked_add(&extra).ok_or(Error::<T>::DurationBeyondBound)?;
		ensure!(until.saturating_sub(now) <= bound, Error::<T>::DurationBeyondBound);
		let owners = match PauseOwners::<T>::get(target) {
			Some(owners) => Some(owners),
			// Governance's alone: it stays so when governance extends it.
			None if by == Contributor::Governance => None,
			None => Some(Self::owners_of([(Contributor::Governance, record.until)])),
		};
		record.until = until;
		if let Some(mut owners) = owners {
			owners.retain(|(_, held_until)| *held_until > now);
			match owners.iter_mut().find(|(owner, _)| *owner == by) {
				Some(owner) => owner.1 = until,
				None => owners.try_push((by, until)).map_err(|_| Error::<T>::TooManyPauses)?,
			}
			PauseOwners::<T>::insert(target, owners);
		}

		Self::store_pauses(pauses, expired);
		Self::deposit_event(Event::PauseExtended { target: target.clone(), until });
		Ok(())
	}

	/// An owners list (at most two entries here, well within the bound of `MaxMonitors + 4`).
	fn owners_of<const N: usize>(
		owners: [(Contributor, BlockNumberFor<T>); N],
	) -> PauseOwnersOf<T> {
		let mut list = PauseOwnersOf::<T>::default();
		for owner in owners {
			if list.try_push(owner).is_err() {
				log::error!(target: LOG_TARGET, "pause owners bound below {N}");
			}
		}
		list
	}

	/// End the pause of `target` on behalf of another pallet (`CircuitBreaker::resume`,
	/// polkadot-sdk's `TransactionPause::unpause` and `SafeMode::exit`): only what other pallets
	/// hold is withdrawn, and the pause ends only if nobody else holds it. A pause governance
	/// or an automatic response holds is theirs to end ([`Error::PauseHeldByOthers`]).
	pub(crate) fn resume_programmatic(target: &PauseTargetOf<T>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let (pauses, _) = Self::live_pauses(now);
		ensure!(pauses.iter().any(|r| r.target == *target), Error::<T>::NotPaused);
		let held = PauseOwners::<T>::get(target).is_some_and(|owners| {
			owners.iter().any(|(owner, until)| *owner == Contributor::Programmatic && *until > now)
		});
		ensure!(held, Error::<T>::PauseHeldByOthers);
		let others_hold = PauseOwners::<T>::get(target).is_some_and(|owners| {
			owners.iter().any(|(owner, until)| *owner != Contributor::Programmatic && *until > now)
		});
		if others_hold {
			Self::release_pause_of(target, Contributor::Programmatic);
			return Ok(());
		}
		Self::remove_pause(target, ResumeReason::Programmatic)
	}

	/// Extend what `by` holds of `target`'s pause to `until` (it never shortens here). Returns
	/// whether `by` held the pause. Never fails: a target `by` does not hold is left alone.
	pub(crate) fn extend_pause_of(
		target: &PauseTargetOf<T>,
		by: Contributor,
		until: BlockNumberFor<T>,
	) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		let Some(mut owners) = PauseOwners::<T>::get(target) else { return false };
		let Some(owner) = owners.iter_mut().find(|(owner, until)| *owner == by && *until > now)
		else {
			return false;
		};
		owner.1 = owner.1.max(until);
		let wanted = owner.1;
		let (mut pauses, expired) = Self::live_pauses(now);
		let Some(record) = pauses.iter_mut().find(|r| r.target == *target) else { return false };
		let grew = wanted > record.until;
		record.until = record.until.max(wanted);
		let until = record.until;
		PauseOwners::<T>::insert(target, owners);
		Self::store_pauses(pauses, expired);
		if grew {
			Self::deposit_event(Event::PauseExtended { target: target.clone(), until });
		}
		true
	}

	/// Set what `by` holds of `target`'s pause to end at `until` — longer or shorter (with
	/// `raise_only`, never shorter) — adding `by` as a holder if it held nothing; the pause then
	/// lasts until its latest live holder. Returns whether `target` is paused. Never fails: a
	/// target that is not paused is left alone; a full holders list leaves `by` out (logged).
	pub(crate) fn set_pause_hold(
		target: &PauseTargetOf<T>,
		by: Contributor,
		until: BlockNumberFor<T>,
		raise_only: bool,
	) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		let (mut pauses, expired) = Self::live_pauses(now);
		let Some(record) = pauses.iter_mut().find(|r| r.target == *target) else { return false };
		let mut owners = PauseOwners::<T>::get(target)
			.unwrap_or_else(|| Self::owners_of([(Contributor::Governance, record.until)]));
		owners.retain(|(_, held_until)| *held_until > now);
		match owners.iter_mut().find(|(owner, _)| *owner == by) {
			Some(owner) if raise_only => owner.1 = owner.1.max(until),
			Some(owner) => owner.1 = until,
			None => {
				if owners.try_push((by, until)).is_err() {
					log::error!(target: LOG_TARGET, "no room to record {by:?} on {target:?}");
				}
			}
		}
		owners.retain(|(_, held_until)| *held_until > now);
		let Some(latest) = owners.iter().map(|(_, until)| *until).max() else {
			// Nobody holds it any more: it ends now.
			if let Some(position) = pauses.iter().position(|r| r.target == *target) {
				pauses.remove(position);
			}
			PauseOwners::<T>::remove(target);
			Self::store_pauses(pauses, expired);
			Self::deposit_event(Event::Resumed {
				target: target.clone(),
				reason: ResumeReason::Governance,
			});
			return false;
		};
		let before = record.until;
		record.until = latest;
		PauseOwners::<T>::insert(target, owners);
		Self::store_pauses(pauses, expired);
		if latest < before {
			Self::deposit_event(Event::PauseShortened { target: target.clone(), until: latest });
		} else if latest > before {
			Self::deposit_event(Event::PauseExtended { target: target.clone(), until: latest });
		}
		true
	}

	/// The targets whose pause `by` holds (live or not yet cleaned up). Bounded: [`PauseOwners`]
	/// has an entry only for a stored pause, at most `MaxActivePauses`.
	pub(crate) fn pauses_held_by(by: Contributor) -> Vec<PauseTargetOf<T>> {
		PauseOwners::<T>::iter()
			.filter(|(_, owners)| owners.iter().any(|(owner, _)| *owner == by))
			.map(|(target, _)| target)
			.collect()
	}

	/// Withdraw `by` from `target`'s pause: the pause ends if nobody else holds it (returns
	/// `true`), or lasts until the latest of the others. A pause `by` does not hold (governance's
	/// alone) is left alone.
	pub(crate) fn release_pause_of(target: &PauseTargetOf<T>, by: Contributor) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		let Some(mut owners) = PauseOwners::<T>::get(target) else { return false };
		if !owners.iter().any(|(owner, _)| *owner == by) {
			return false;
		}
		owners.retain(|(owner, until)| *owner != by && *until > now);
		let (mut pauses, expired) = Self::live_pauses(now);
		let Some(position) = pauses.iter().position(|r| r.target == *target) else {
			PauseOwners::<T>::remove(target);
			return false;
		};
		match owners.iter().map(|(_, until)| *until).max() {
			None => {
				pauses.remove(position);
				PauseOwners::<T>::remove(target);
				Self::store_pauses(pauses, expired);
				let reason = match by {
					Contributor::Programmatic => ResumeReason::Programmatic,
					_ => ResumeReason::Governance,
				};
				Self::deposit_event(Event::Resumed { target: target.clone(), reason });
				true
			}
			Some(latest) => {
				let shortened = pauses.get(position).is_some_and(|r| latest < r.until);
				if let Some(record) = pauses.get_mut(position) {
					record.until = record.until.min(latest);
				}
				PauseOwners::<T>::insert(target, owners);
				Self::store_pauses(pauses, expired);
				if shortened {
					Self::deposit_event(Event::PauseShortened {
						target: target.clone(),
						until: latest,
					});
				}
				false
			}
		}
	}

	/// End `target`'s active pause, whoever holds it. Writes nothing unless it succeeds.
	pub(crate) fn remove_pause(target: &PauseTargetOf<T>, reason: ResumeReason) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let (mut pauses, expired) = Self::live_pauses(now);
		let position =
			pauses.iter().position(|r| r.target == *target).ok_or(Error::<T>::NotPaused)?;
		pauses.remove(position);
		PauseOwners::<T>::remove(target);

		Self::store_pauses(pauses, expired);
		Self::deposit_event(Event::Resumed { target: target.clone(), reason });
		Ok(())
	}

	/// The stored pauses still in force at `now`, and the targets of those that have expired
	/// (normally none: `on_initialize` removes them at the start of the block).
	pub(crate) fn live_pauses(now: BlockNumberFor<T>) -> (PausesOf<T>, Vec<PauseTargetOf<T>>) {
		let mut pauses = Pauses::<T>::get();
		let mut expired = Vec::new();
		pauses.retain(|record| {
			let live = record.until > now;
			if !live {
				expired.push(record.target.clone());
			}
			live
		});
		(pauses, expired)
	}

	/// Write `pauses` and their summary, and announce the expiry of `expired` (forgetting who
	/// held them).
	pub(crate) fn store_pauses(pauses: PausesOf<T>, expired: Vec<PauseTargetOf<T>>) {
		let summary = Self::summarise_pauses(&pauses);
		if pauses.is_empty() {
			Pauses::<T>::kill();
			Summary::<T>::kill();
		} else {
			Pauses::<T>::put(pauses);
			Summary::<T>::put(summary);
		}
		for target in expired {
			PauseOwners::<T>::remove(&target);
			Self::deposit_event(Event::Resumed { target, reason: ResumeReason::Expired });
		}
	}

	/// The summary that `pauses` must have in storage.
	pub(crate) fn summarise_pauses(pauses: &PausesOf<T>) -> PauseSummary<BlockNumberFor<T>> {
		PauseSummary {
			active: pauses.len().saturated_into(),
			next_expiry: pauses.iter().map(|r| r.until).min(),
		}
	}
}
