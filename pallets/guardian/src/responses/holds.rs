//! Who holds each pause, and the room of each class of contributors.
//!
//! A pause is held by one or more contributors ([`PauseHolds`]), each until its own block; the
//! breakers' record of the pause lasts until the latest of them. A contributor that starts
//! holding a target it did not hold takes a place in its class's room
//! ([`PauseRooms`](super::PauseRooms)): it is refused with [`Error::TooManyPauses`] once its
//! class holds as many targets as its room. Holds whose time is up hold nothing and take no
//! place; they are dropped whenever the list is written.
//!
//! The breakers only store the record (target, start, end) and emit its events; everything
//! about who holds it, and so how long it lasts, is decided here.

use super::{Class, Contributor, Engine, TargetHolds};
use crate::{
	breakers::Breakers, Config, Error, PauseHolds, PauseHoldsOf, PauseTargetOf, ResumeReason,
	LOG_TARGET,
};
use alloc::vec::Vec;
use frame_support::{ensure, traits::Get, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{DispatchResult, SaturatedConversion};

/// How a contributor holds a target.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum HoldMode {
	/// A new pause: refused with [`Error::AlreadyPaused`] if the target is paused already
	/// (governance's and other pallets' `pause`; they `extend` instead).
	New,
	/// Until at least the given block: a shorter hold of the same contributor is raised, a
	/// longer one kept (responses sharing a target, extensions).
	AtLeast,
	/// Until exactly the given block, longer or shorter (reports recomputing their hold).
	Exactly,
}

/// What releasing a hold did.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Released {
	/// The contributor did not hold the target.
	NotHeld,
	/// Nobody else held it: the pause ended.
	Ended,
	/// Others still hold it: it lasts until the latest of them.
	Kept,
}

impl<T: Config> Engine<T> {
	/// The holds in force at `now`: holds whose time is up dropped, and targets nobody holds
	/// any more.
	pub(crate) fn live_holds(now: BlockNumberFor<T>) -> PauseHoldsOf<T> {
		let all = PauseHolds::<T>::get().into_inner();
		let live = all
			.into_iter()
			.filter_map(|mut entry| {
				entry.holds.retain(|(_, until)| *until > now);
				(!entry.holds.is_empty()).then_some(entry)
			})
			.collect::<Vec<_>>();
		// At most as many as before.
		BoundedVec::truncate_from(live)
	}

	/// How many targets contributors of `class` hold in `holds`.
	pub(crate) fn room_used(holds: &PauseHoldsOf<T>, class: Class) -> u32 {
		holds
			.iter()
			.filter(|entry| entry.holds.iter().any(|(by, _)| by.class() == class))
			.count()
			.saturated_into()
	}

	/// How many targets contributors of `class` may hold at once.
	pub(crate) fn room_of(class: Class) -> u32 {
		T::PauseRooms::get().of(class)
	}

	/// The block until which `by` holds `target`, if it does now.
	pub(crate) fn held_until(
		by: Contributor,
		target: &PauseTargetOf<T>,
	) -> Option<BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		PauseHolds::<T>::get()
			.iter()
			.find(|entry| entry.target == *target)
			.and_then(|entry| entry.holds.iter().find(|(holder, _)| *holder == by))
			.map(|(_, until)| *until)
			.filter(|until| *until > now)
	}

	/// The targets `by` holds now.
	pub(crate) fn held_by(by: Contributor) -> Vec<PauseTargetOf<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		Self::live_holds(now)
			.into_iter()
			.filter(|entry| entry.holds.iter().any(|(holder, _)| *holder == by))
			.map(|entry| entry.target)
			.collect()
	}

	/// Hold `target` for `by` until `until` (see [`HoldMode`]), pausing it if it is not paused,
	/// and setting its pause to end at the latest hold. Writes nothing unless it succeeds.
	///
	/// Errors: [`Error::AlreadyPaused`] (a [`HoldMode::New`] hold of a paused target),
	/// [`Error::TooManyPauses`] (`by`'s class has no room left, or no pause can be stored).
	pub(crate) fn hold(
		by: Contributor,
		target: &PauseTargetOf<T>,
		until: BlockNumberFor<T>,
		mode: HoldMode,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let paused_until = Breakers::<T>::paused_until(target);
		ensure!(!(mode == HoldMode::New && paused_until.is_some()), Error::<T>::AlreadyPaused);
		let mut all = Self::live_holds(now);
		let position = all.iter().position(|entry| entry.target == *target);
		// A target counts once in its class's room, however many of the class hold it: joining
		// a hold the class already counts takes no room.
		let class = by.class();
		let counted = position
			.and_then(|p| all.get(p))
			.is_some_and(|entry| entry.holds.iter().any(|(holder, _)| holder.class() == class));
		if !counted {
			ensure!(Self::room_used(&all, class) < Self::room_of(class), Error::<T>::TooManyPauses);
		}
		let entry = match position.and_then(|p| all.get_mut(p)) {
			Some(entry) => entry,
			None => {
				// A stored pause nobody is recorded for (none should exist) stays its own.
				let mut holds = BoundedVec::new();
				if let Some(current) = paused_until {
					let _ = holds.try_push((Contributor::Governance, current));
				}
				all.try_push(TargetHolds { target: target.clone(), holds })
					.map_err(|_| Error::<T>::TooManyPauses)?;
				all.last_mut().ok_or(Error::<T>::TooManyPauses)?
			}
		};
		match entry.holds.iter_mut().find(|(holder, _)| *holder == by) {
			Some(hold) if mode == HoldMode::Exactly => hold.1 = until,
			Some(hold) => hold.1 = hold.1.max(until),
			None => entry.holds.try_push((by, until)).map_err(|_| Error::<T>::TooManyPauses)?,
		}
		let latest = entry.holds.iter().map(|(_, until)| *until).max().unwrap_or(until);
		match paused_until {
			None => Breakers::<T>::place(target.clone(), latest)?,
			Some(current) if current != latest => Breakers::<T>::set_until(target, latest)?,
			Some(_) => {}
		}
		PauseHolds::<T>::put(all);
		Ok(())
	}

	/// Withdraw `by`'s hold on `target`: the pause ends if nobody else holds it, or lasts until
	/// the latest of the others.
	pub(crate) fn release(by: Contributor, target: &PauseTargetOf<T>) -> Released {
		let now = frame_system::Pallet::<T>::block_number();
		let mut all = Self::live_holds(now);
		let Some(position) = all.iter().position(|entry| entry.target == *target) else {
			return Released::NotHeld;
		};
		let Some(entry) = all.get_mut(position) else { return Released::NotHeld };
		if !entry.holds.iter().any(|(holder, _)| *holder == by) {
			return Released::NotHeld;
		}
		entry.holds.retain(|(holder, _)| *holder != by);
		let latest = entry.holds.iter().map(|(_, until)| *until).max();
		let outcome = match latest {
			None => {
				all.remove(position);
				let reason = match by {
					Contributor::Programmatic => ResumeReason::Programmatic,
					_ => ResumeReason::Governance,
				};
				if let Err(error) = Breakers::<T>::remove(target, reason) {
					log::error!(target: LOG_TARGET, "no pause of {target:?} to end: {error:?}");
				}
				Released::Ended
			}
			Some(latest) => {
				if let Err(error) = Breakers::<T>::set_until(target, latest) {
					log::error!(target: LOG_TARGET, "no pause of {target:?} to shorten: {error:?}");
				}
				Released::Kept
			}
		};
		PauseHolds::<T>::put(all);
		outcome
	}

	/// Who holds `target` now.
	pub(crate) fn holders_of(target: &PauseTargetOf<T>) -> Vec<Contributor> {
		let now = frame_system::Pallet::<T>::block_number();
		Self::live_holds(now)
			.into_iter()
			.filter(|entry| entry.target == *target)
			.flat_map(|entry| entry.holds.into_iter().map(|(holder, _)| holder))
			.collect()
	}

	/// End the pause of `target` and every hold on it (governance's `resume`).
	pub(crate) fn release_all(target: &PauseTargetOf<T>, reason: ResumeReason) -> DispatchResult {
		Breakers::<T>::remove(target, reason)?;
		let now = frame_system::Pallet::<T>::block_number();
		let mut all = Self::live_holds(now);
		all.retain(|entry| entry.target != *target);
		PauseHolds::<T>::put(all);
		Ok(())
	}

	/// Raise every hold `by` has to end no earlier than `until` (an extended response); the
	/// pauses last as long as their latest hold.
	pub(crate) fn raise_holds_of(by: Contributor, until: BlockNumberFor<T>) {
		for target in Self::held_by(by) {
			if let Err(error) = Self::hold(by, &target, until, HoldMode::AtLeast) {
				log::debug!(target: LOG_TARGET, "hold of {target:?} not raised: {error:?}");
			}
		}
	}

	/// Forget the holds on `targets`, whose pauses the breakers just expired.
	pub(crate) fn forget_holds(targets: &[PauseTargetOf<T>]) {
		if targets.is_empty() {
			return;
		}
		let now = frame_system::Pallet::<T>::block_number();
		let mut all = Self::live_holds(now);
		all.retain(|entry| !targets.contains(&entry.target));
		PauseHolds::<T>::put(all);
	}
}
