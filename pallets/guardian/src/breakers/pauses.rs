//! Pausing, extending and resuming: the storage transitions shared by the extrinsics, genesis,
//! the [`CircuitBreaker`](crate::CircuitBreaker) trait and the guardian's own responses.

use crate::{
	Config, Error, Event, Pallet, PauseRecord, PauseSummary, PauseTargetInput, PauseTargetOf,
	Pauses, PausesOf, ResumeReason, Summary, LOG_TARGET,
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
	/// blocks, at most `bound`.
	pub(crate) fn do_pause(
		target: &PauseTargetInput,
		duration: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		let target = Self::validate_target(target)?;
		Self::insert_pause(target, duration, bound)
	}

	/// Logic for [`Pallet::extend`] (and
	/// [`CircuitBreaker::extend`](crate::CircuitBreaker::extend)): validate `target`, then push
	/// its pause's expiry back by `extra` blocks, keeping what remains within `bound`.
	pub(crate) fn do_extend(
		target: &PauseTargetInput,
		extra: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		let target = Self::validate_target(target)?;
		Self::extend_pause(&target, extra, bound)
	}

	/// Logic for [`Pallet::resume`]: validate `target`, then end its pause now.
	pub(crate) fn do_resume(target: &PauseTargetInput) -> DispatchResult {
		let target = Self::validate_target(target)?;
		Self::remove_pause(&target, ResumeReason::Governance)
	}

	/// Pause every one of `targets` for `duration` blocks (bounded by
	/// [`Config::MaxProgrammaticPause`]) on behalf of an automatic response. A target already
	/// paused stays as it is; a pause that cannot be placed is logged under [`LOG_TARGET`].
	/// Returns how many pauses were placed.
	pub(crate) fn pause_response_targets<'a>(
		targets: impl IntoIterator<Item = &'a PauseTargetOf<T>>,
		duration: BlockNumberFor<T>,
	) -> u32 {
		let mut placed: u32 = 0;
		for target in targets {
			match Self::insert_pause(target.clone(), duration, T::MaxProgrammaticPause::get()) {
				Ok(()) => placed = placed.saturating_add(1),
				Err(error) => {
					log::debug!(target: LOG_TARGET, "response pause of {target:?} not placed: {error:?}")
				}
			}
		}
		placed
	}

	/// Pause `target` for `duration` blocks; `bound` is the longest the caller may impose.
	/// Writes nothing unless it succeeds.
	pub(crate) fn insert_pause(
		target: PauseTargetOf<T>,
		duration: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(duration <= bound, Error::<T>::DurationBeyondBound);
		let now = frame_system::Pallet::<T>::block_number();
		let until = now.checked_add(&duration).ok_or(Error::<T>::DurationBeyondBound)?;

		let (mut pauses, expired) = Self::live_pauses(now);
		ensure!(!pauses.iter().any(|r| r.target == target), Error::<T>::AlreadyPaused);
		pauses
			.try_push(PauseRecord { target: target.clone(), since: now, until })
			.map_err(|_| Error::<T>::TooManyPauses)?;

		Self::store_pauses(pauses, expired);
		Self::deposit_event(Event::Paused { target, until });
		Ok(())
	}

	/// Push the expiry of `target`'s active pause back by `extra`, keeping what remains of it
	/// within `bound`. Writes nothing unless it succeeds.
	pub(crate) fn extend_pause(
		target: &PauseTargetOf<T>,
		extra: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!extra.is_zero(), Error::<T>::ZeroDuration);
		let now = frame_system::Pallet::<T>::block_number();
		let (mut pauses, expired) = Self::live_pauses(now);
		let record =
			pauses.iter_mut().find(|r| r.target == *target).ok_or(Error::<T>::NotPaused)?;
		let until = record.until.checked_add(&extra).ok_or(Error::<T>::DurationBeyondBound)?;
		ensure!(until.saturating_sub(now) <= bound, Error::<T>::DurationBeyondBound);
		record.until = until;

		Self::store_pauses(pauses, expired);
		Self::deposit_event(Event::PauseExtended { target: target.clone(), until });
		Ok(())
	}

	/// End `target`'s active pause. Writes nothing unless it succeeds.
	pub(crate) fn remove_pause(target: &PauseTargetOf<T>, reason: ResumeReason) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let (mut pauses, expired) = Self::live_pauses(now);
		let position =
			pauses.iter().position(|r| r.target == *target).ok_or(Error::<T>::NotPaused)?;
		pauses.remove(position);

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

	/// Write `pauses` and their summary, and announce the expiry of `expired`.
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
