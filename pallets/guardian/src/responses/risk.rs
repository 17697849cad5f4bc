//! Risk levels: the maximum of the live contributions — each response's and governance's own,
//! each with its own expiry ([`RiskContributions`]) — falling back when their time is up, read
//! by the velocity caps and by other pallets through [`RiskLevelProvider`]. Withdrawing one
//! contribution never lifts another's.

use super::{Contributor, Engine, RiskLevel};
use crate::{Config, Event, Pallet, RiskContributions, RiskState};
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;

/// Read access to the chain's risk level, for other pallets: a lending or DEX pallet raises
/// its margins, or stops opening positions, while the guardian is alarmed.
///
/// Reading costs nothing charged: the level lives in a per-block key that `on_initialize`
/// reads anyway (whitelisted, like the pause summary).
pub trait RiskLevelProvider {
	/// The level in force now.
	fn risk_level() -> RiskLevel;
}

impl<T: Config> RiskLevelProvider for Pallet<T> {
	fn risk_level() -> RiskLevel {
		Engine::<T>::level_now()
	}
}

impl<T: Config> Engine<T> {
	/// The level in force in the current block.
	pub fn level_now() -> RiskLevel {
		RiskState::<T>::get().level_at(frame_system::Pallet::<T>::block_number())
	}

	/// Raise `by`'s contribution to at least `level` until at least `until` (exclusive). A
	/// contribution never shortens here; a lower level keeps its own deadline, so it holds
	/// again when a higher one ends. Announces a change of the level in force.
	pub(crate) fn raise_risk(by: Contributor, level: RiskLevel, until: BlockNumberFor<T>) {
		if level == RiskLevel::Normal {
			return;
		}
		RiskContributions::<T>::mutate(by, level, |deadline| {
			if deadline.is_none_or(|current| current < until) {
				*deadline = Some(until);
			}
		});
		Self::recompute_risk();
	}

	/// Set `by`'s contribution at `level` to end at `until` exactly, or (with `None`) remove
	/// it (the reports' escalations, recomputed when reports are judged).
	pub(crate) fn set_risk(by: Contributor, level: RiskLevel, until: Option<BlockNumberFor<T>>) {
		match until {
			Some(until) => RiskContributions::<T>::insert(by, level, until),
			None => RiskContributions::<T>::remove(by, level),
		}
		Self::recompute_risk();
	}

	/// Extend every live contribution of `by` (at whatever level) to end no earlier than
	/// `until`.
	pub(crate) fn extend_risk_of(by: Contributor, until: BlockNumberFor<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		let live: alloc::vec::Vec<_> = RiskContributions::<T>::iter_prefix(by)
			.filter(|(_, current)| *current > now && *current < until)
			.map(|(level, _)| level)
			.collect();
		for level in live {
			RiskContributions::<T>::insert(by, level, until);
		}
		Self::recompute_risk();
	}

	/// End every contribution of `by`.
	pub(crate) fn clear_risk_of(by: Contributor) {
		let _ = RiskContributions::<T>::clear_prefix(by, u32::MAX, None);
		Self::recompute_risk();
	}

	/// End every contribution: back to `Normal` at once (governance's `clear_risk_level`).
	pub(crate) fn clear_all_risk() {
		let _ = RiskContributions::<T>::clear(u32::MAX, None);
		Self::recompute_risk();
	}

	/// Recompute the level's deadlines from the live contributions (dropping those whose
	/// time is up): each level holds until the latest of its contributions. Bounded by the
	/// number of contributors.
	pub(crate) fn recompute_risk() {
		let now = frame_system::Pallet::<T>::block_number();
		let mut expired = alloc::vec::Vec::new();
		let (mut elevated, mut critical) = (None, None);
		for (by, level, until) in RiskContributions::<T>::iter() {
			if until <= now {
				expired.push((by, level));
				continue;
			}
			let slot = match level {
				RiskLevel::Critical => &mut critical,
				_ => &mut elevated,
			};
			if slot.is_none_or(|current| current < until) {
				*slot = Some(until);
			}
		}
		for (by, level) in expired {
			RiskContributions::<T>::remove(by, level);
		}
		RiskState::<T>::mutate(|state| {
			state.elevated_until = elevated;
			state.critical_until = critical;
		});
		Self::announce_risk();
	}

	/// Emit [`Event::RiskLevelChanged`] if the level in force differs from the one last
	/// announced; called when a level is raised or cleared and by `on_initialize` (a level
	/// whose time is up). Returns the weight: one write when it changed.
	pub(crate) fn announce_risk() -> Weight {
		let now = frame_system::Pallet::<T>::block_number();
		let mut state = RiskState::<T>::get();
		let level = state.level_at(now);
		if level == state.announced {
			return Weight::zero();
		}
		let from = state.announced;
		state.announced = level;
		RiskState::<T>::put(state);
		Pallet::<T>::deposit_event(Event::RiskLevelChanged { from, to: level });
		T::DbWeight::get().writes(1)
	}

	/// `on_initialize`: announce a level whose time is up. Returns the weight used (the
	/// state is a whitelisted key the hook reads anyway).
	pub(crate) fn expire_risk(now: BlockNumberFor<T>) -> Weight {
		let state = RiskState::<T>::get();
		if state.level_at(now) == state.announced {
			return Weight::zero();
		}
		Self::announce_risk()
	}
}
