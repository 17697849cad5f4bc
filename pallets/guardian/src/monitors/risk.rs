//! Risk levels: raised by responses (or governance), falling back when their time is up, read
//! by the velocity caps and by other pallets through [`RiskLevelProvider`].

use crate::{Alert, Config, Error, Event, Pallet, RiskLevel};
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
	/// Logic for [`Pallet::raise_risk_level`]: raise the level to `level` for `duration`
	/// blocks, at most `bound`.
	pub(crate) fn do_raise_risk_level(
		level: RiskLevel,
		duration: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(level != RiskLevel::Normal, Error::<T>::NotARaise);
		ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(duration <= bound, Error::<T>::DurationBeyondBound);
		let now = frame_system::Pallet::<T>::block_number();
		Self::raise_risk(level, now.saturating_add(duration));
		Ok(())
	}

	/// Logic for [`Pallet::clear_risk_level`]: back to `Normal` at once.
	pub(crate) fn do_clear_risk_level() -> DispatchResult {
		Self::clear_risk(RiskLevel::Normal);
		Ok(())
	}

	/// The level in force in the current block.
	pub fn risk_level_now() -> RiskLevel {
		Alert::<T>::get().level_at(frame_system::Pallet::<T>::block_number())
	}

	/// Raise the level to at least `level` until `until` (exclusive). A lower level keeps its
	/// own deadline, so it holds again when a higher one ends early. Announces a change.
	pub(crate) fn raise_risk(level: RiskLevel, until: BlockNumberFor<T>) {
		if level == RiskLevel::Normal {
			return;
		}
		Alert::<T>::mutate(|alert| {
			let slot = match level {
				RiskLevel::Critical => &mut alert.critical_until,
				_ => &mut alert.elevated_until,
			};
			if slot.is_none_or(|current| current < until) {
				*slot = Some(until);
			}
		});
		Self::announce_risk();
	}

	/// Clear `level` (and, for `Elevated`, nothing above it): it no longer holds.
	pub(crate) fn clear_risk(level: RiskLevel) {
		Alert::<T>::mutate(|alert| match level {
			RiskLevel::Critical => alert.critical_until = None,
			RiskLevel::Elevated => alert.elevated_until = None,
			RiskLevel::Normal => {
				alert.critical_until = None;
				alert.elevated_until = None;
			}
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
		if level == RiskLevel::Normal {
			// Tidy the deadlines that have passed.
			alert.critical_until = None;
			alert.elevated_until = None;
		}
		Alert::<T>::put(alert);
		Self::deposit_event(Event::RiskLevelChanged { from, to: level });
		T::DbWeight::get().writes(1)
	}
}
