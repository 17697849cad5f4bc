//! Placing, moving and removing a pause record: the storage transitions, for the response
//! engine, which alone decides who holds a pause and how long it lasts.

use super::Breakers;
use crate::{
	Config, Error, Event, Pallet, PauseRecord, PauseSummary, PauseTargetOf, Pauses, PausesOf,
	ResumeReason, Summary,
};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{DispatchResult, SaturatedConversion};

impl<T: Config> Breakers<T> {
	/// The block at which the pause of exactly `target` ends, if it is in force now.
	pub(crate) fn paused_until(target: &PauseTargetOf<T>) -> Option<BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		Pauses::<T>::get()
			.into_iter()
			.find(|record| record.until > now && record.target == *target)
			.map(|record| record.until)
	}

	/// Pause `target` from now until `until` (exclusive). Errors: [`Error::AlreadyPaused`],
	/// [`Error::TooManyPauses`] (`MaxActivePauses` stored). Writes nothing unless it succeeds.
	pub(crate) fn place(target: PauseTargetOf<T>, until: BlockNumberFor<T>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let (mut pauses, expired) = Self::live(now);
		if pauses.iter().any(|record| record.target == target) {
			return Err(Error::<T>::AlreadyPaused.into());
		}
		pauses
			.try_push(PauseRecord { target: target.clone(), since: now, until })
			.map_err(|_| Error::<T>::TooManyPauses)?;
		Self::store(pauses, expired);
		Pallet::<T>::deposit_event(Event::Paused { target, until });
		Ok(())
	}

	/// Move the end of `target`'s pause to `until` (later or earlier, but after now).
	/// Errors: [`Error::NotPaused`].
	pub(crate) fn set_until(target: &PauseTargetOf<T>, until: BlockNumberFor<T>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let (mut pauses, expired) = Self::live(now);
		let record =
			pauses.iter_mut().find(|r| r.target == *target).ok_or(Error::<T>::NotPaused)?;
		let before = record.until;
		record.until = until;
		Self::store(pauses, expired);
		if until > before {
			Pallet::<T>::deposit_event(Event::PauseExtended { target: target.clone(), until });
		} else if until < before {
			Pallet::<T>::deposit_event(Event::PauseShortened { target: target.clone(), until });
		}
		Ok(())
	}

	/// End `target`'s pause now. Errors: [`Error::NotPaused`]. Writes nothing unless it
	/// succeeds.
	pub(crate) fn remove(target: &PauseTargetOf<T>, reason: ResumeReason) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let (mut pauses, expired) = Self::live(now);
		let position =
			pauses.iter().position(|r| r.target == *target).ok_or(Error::<T>::NotPaused)?;
		pauses.remove(position);
		Self::store(pauses, expired);
		Pallet::<T>::deposit_event(Event::Resumed { target: target.clone(), reason });
		Ok(())
	}

	/// The stored pauses still in force at `now`, and the targets of those that have expired
	/// (normally none: `on_initialize` removes them at the start of the block).
	pub(crate) fn live(now: BlockNumberFor<T>) -> (PausesOf<T>, Vec<PauseTargetOf<T>>) {
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

	/// Write `pauses` and their summary, and announce the expiry of `expired`.
	pub(crate) fn store(pauses: PausesOf<T>, expired: Vec<PauseTargetOf<T>>) {
		let summary = Self::summarise(&pauses);
		if pauses.is_empty() {
			Pauses::<T>::kill();
			Summary::<T>::kill();
		} else {
			Pauses::<T>::put(pauses);
			Summary::<T>::put(summary);
		}
		for target in expired {
			Pallet::<T>::deposit_event(Event::Resumed { target, reason: ResumeReason::Expired });
		}
	}

	/// The summary that `pauses` must have in storage.
	pub(crate) fn summarise(pauses: &PausesOf<T>) -> PauseSummary<BlockNumberFor<T>> {
		PauseSummary {
			active: pauses.len().saturated_into(),
			next_expiry: pauses.iter().map(|r| r.until).min(),
		}
	}
}
