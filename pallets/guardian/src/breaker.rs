//! Pausing, extending and resuming: the storage transitions shared by the extrinsics, genesis
//! and the [`CircuitBreaker`] trait other pallets use.

use crate::{
	Config, Error, Event, Pallet, PauseRecord, PauseSummary, PauseTargetInput, PauseTargetOf,
	Pauses, PausesOf, ResumeReason, Summary,
};
use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	DispatchResult, SaturatedConversion,
};

/// Programmatic access to the circuit breakers, for other pallets and the monitors.
///
/// The same rules as the extrinsics apply (names checked against the runtime's metadata, the
/// whitelist and the guardian itself refused, `0 < duration`, at most `MaxActivePauses`),
/// with [`Config::MaxProgrammaticPause`] as the bound on how long a pause may last.
pub trait CircuitBreaker<BlockNumber> {
	/// Pause `target` for `duration` blocks, counting the current one.
	fn pause(target: PauseTargetInput, duration: BlockNumber) -> DispatchResult;
	/// Push the expiry of an active pause of `target` back by `extra` blocks.
	fn extend(target: PauseTargetInput, extra: BlockNumber) -> DispatchResult;
	/// End the pause of `target` now ([`ResumeReason::Programmatic`]).
	fn resume(target: PauseTargetInput) -> DispatchResult;
	/// The block at which the pause of exactly `target` ends, if it is in force.
	fn paused_until(target: &PauseTargetInput) -> Option<BlockNumber>;
}

impl<T: Config> CircuitBreaker<BlockNumberFor<T>> for Pallet<T> {
	fn pause(target: PauseTargetInput, duration: BlockNumberFor<T>) -> DispatchResult {
		let target = Self::validate_target(&target)?;
		Self::insert_pause(target, duration, T::MaxProgrammaticPause::get())
	}

	fn extend(target: PauseTargetInput, extra: BlockNumberFor<T>) -> DispatchResult {
		let target = Self::validate_target(&target)?;
		Self::extend_pause(&target, extra, T::MaxProgrammaticPause::get())
	}

	fn resume(target: PauseTargetInput) -> DispatchResult {
		let target = Self::validate_target(&target)?;
		Self::remove_pause(&target, ResumeReason::Programmatic)
	}

	fn paused_until(target: &PauseTargetInput) -> Option<BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		Pauses::<T>::get()
			.into_iter()
			.find(|record| record.until > now && record.target.to_input() == *target)
			.map(|record| record.until)
	}
}

impl<T: Config> Pallet<T> {
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

		Self::store(pauses, expired);
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

		Self::store(pauses, expired);
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

		Self::store(pauses, expired);
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
			Self::deposit_event(Event::Resumed { target, reason: ResumeReason::Expired });
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
