//! Risk levels: the maximum of the live contributions — each monitor's response and
//! governance's own raise, each with its own expiry ([`RiskContributions`]) — falling back when
//! their time is up, read by the velocity caps and by other pallets through
//! [`RiskLevelProvider`]. Resetting one response removes only its contribution.

use crate::{Alert, Config, Contributor, Error, Event, Pallet, RiskContributions, RiskLevel};
use frame_support::{ensure, traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult,
};

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
		Self::risk_level_now()
	}
}

impl<T: Config> Pallet<T> {
	/// Logic for [`Pallet::raise_risk_level`]: raise governance's contribution to `level` for
	/// `duration` blocks, at most `bound`.
	pub(crate) fn do_raise_risk_level(
		level: RiskLevel,
		duration: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(level != RiskLevel::Normal, Error::<T>::NotARaise);
		ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(duration <= bound, Error::<T>::DurationBeyondBound);
		let now = frame_system::Pallet::<T>::block_number();
		Self::raise_risk(Contributor::Governance, level, now.saturating_add(duration));
		Ok(())
	}

	/// Logic for [`Pallet::clear_risk_level`]: every contribution ends, back to `Normal` at
	/// once (governance's override; a response's reset ends only that response's).
	pub(crate) fn do_clear_risk_level() -> DispatchResult {
		let _ = RiskContributions::<T>::clear(u32::MAX, None);
		Self::forget_escalations();
		Self::recompute_risk();
		Ok(())
	}

	/// The level in force in the current block.
	pub fn risk_level_now() -> RiskLevel {
		Alert::<T>::get().level_at(frame_system::Pallet::<T>::block_number())
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

	/// Recompute the alert state's deadlines from the live contributions (dropping those
	/// whose time is up): each level holds until the latest of its contributions. Bounded by
	/// the number of contributors (the monitors, governance and the caps' responses).
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
		Alert::<T>::mutate(|alert| {
			alert.elevated_until = elevated;
			alert.critical_until = critical;
		});
		Self::announce_risk();
	}

	/// Emit [`Event::RiskLevelChanged`] if the level in force differs from the one last
	/// announced; called when a level is raised or cleared and by `on_initialize` (a level
	/// whose time is up). Returns the weight: one write when it changed.
	pub(crate) fn announce_risk() -> Weight {
		let now = frame_system::Pallet::<T>::block_number();
		let mut alert = Alert::<T>::get();
		let level = alert.level_at(now);
		if level == alert.announced {
			return Weight::zero();
		}
		let from = alert.announced;
		alert.announced = level;
		Alert::<T>::put(alert);
		Self::deposit_event(Event::RiskLevelChanged { from, to: level });
		T::DbWeight::get().writes(1)
	}
}
