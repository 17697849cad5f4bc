//! Self-imposed spending limits: tighten at once, loosen only after a delay.
//!
//! Anyone may cap their own outflow. A change that only tightens (every existing window is
//! matched by a new one at least as long with a limit of the same kind at most as high) takes
//! effect at once. Anything else, removal included, is announced with
//! [`crate::Event::OwnLimitAnnounced`] and may be enacted by the owner only after
//! [`crate::Config::OwnLimitDelay`] blocks: an attacker holding the key cannot lift the cap
//! quickly, and the owner sees the announcement. A new announcement replaces the previous one
//! and restarts the delay; the owner may cancel it. Self-imposed limits do not count toward
//! the global cap (a user could otherwise exhaust it for everyone).
//!
//! **Paid state.** A first own limit holds [`Config::OwnLimitDeposit`] from the account
//! ([`HoldReason::OwnLimit`]), released when the limit is removed; the deposit also pays for
//! the announcement that loosening needs. A guarded account cannot be reaped (its guard marker
//! holds a consumer reference), so no own limit outlives its account.

use super::Caps;
use crate::lifecycle::memory;
use crate::{
	Announcement, Config, Error, Event, Guards, HoldReason, Limit, OwnLimitAnnouncements,
	OwnLimitDeposits, Pallet, WindowSpecOf, LOG_TARGET,
};
use frame_support::{
	ensure,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult,
};

/// Whether `new` only tightens `old`.
pub(crate) fn only_tightens<T: Config>(old: &[WindowSpecOf<T>], new: &[WindowSpecOf<T>]) -> bool {
	old.iter().all(|o| {
		new.iter().any(|n| {
			n.period >= o.period
				&& match (n.limit, o.limit) {
					(Limit::Absolute(n), Limit::Absolute(o)) => n <= o,
					(Limit::ShareOfBalance(n), Limit::ShareOfBalance(o)) => n <= o,
					_ => false,
				}
		})
	})
}

impl<T: Config> Caps<T> {
	/// Logic for [`Pallet::limit_own_outflow`]: set or change `who`'s own limit to `specs`, at
	/// once if it only tightens, otherwise announced.
	pub(crate) fn do_limit_own_outflow(
		who: &T::AccountId,
		specs: &[WindowSpecOf<T>],
	) -> DispatchResult {
		let specs = Self::validate_windows(specs, true)?;
		let mut guard = Self::guard_of(who);
		let current: Option<alloc::vec::Vec<WindowSpecOf<T>>> =
			guard.own.as_ref().map(|own| own.iter().map(|w| w.spec).collect());
		match current {
			Some(current) if !only_tightens::<T>(&current, &specs) => {
				Self::announce_own_change(who, Some(specs));
			}
			None => {
				// A first own limit: its storage is paid for by a deposit, released with it.
				Self::hold_own_limit_deposit(who)?;
				guard.own = Some(Self::windows_from(specs, None, Self::free_of(who)));
				if let Err(error) = Self::store_guard(who, guard) {
					Self::release_own_limit_deposit(who);
					return Err(error);
				}
				Pallet::<T>::deposit_event(Event::OwnLimitSet { who: who.clone() });
			}
			Some(_) => {
				guard.own = Some(Self::windows_from(specs, guard.own.as_ref(), Self::free_of(who)));
				Self::store_guard(who, guard)?;
				Pallet::<T>::deposit_event(Event::OwnLimitSet { who: who.clone() });
			}
		}
		Ok(())
	}

	/// Hold [`Config::OwnLimitDeposit`] from `who` for its own limit (and the announcements
	/// that come with it), recorded in [`OwnLimitDeposits`].
	fn hold_own_limit_deposit(who: &T::AccountId) -> DispatchResult {
		let deposit = T::OwnLimitDeposit::get();
		if !deposit.is_zero() {
			memory::own_operation(|| T::Currency::hold(&HoldReason::OwnLimit.into(), who, deposit))
				.map_err(|_| Error::<T>::CannotHoldDeposit)?;
		}
		OwnLimitDeposits::<T>::insert(who, deposit);
		Ok(())
	}

	/// Release the deposit held for `who`'s own limit.
	fn release_own_limit_deposit(who: &T::AccountId) {
		let Some(deposit) = OwnLimitDeposits::<T>::take(who) else { return };
		let released = memory::own_operation(|| {
			T::Currency::release(&HoldReason::OwnLimit.into(), who, deposit, Precision::BestEffort)
		});
		if let Err(error) = released {
			log::warn!(target: LOG_TARGET, "own-limit deposit of {who:?} not released: {error:?}");
		}
	}

	/// Logic for [`Pallet::remove_own_limit`]: announce the removal of `who`'s own limit.
	pub(crate) fn do_remove_own_limit(who: &T::AccountId) -> DispatchResult {
		ensure!(Guards::<T>::get(who).is_some_and(|g| g.own.is_some()), Error::<T>::NoOwnLimit);
		Self::announce_own_change(who, None);
		Ok(())
	}

	/// Announce `windows` (or, with `None`, the removal) as `who`'s next own limit.
	fn announce_own_change(
		who: &T::AccountId,
		windows: Option<frame_support::BoundedVec<WindowSpecOf<T>, T::MaxWindows>>,
	) {
		let effective_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::OwnLimitDelay::get());
		let removal = windows.is_none();
		OwnLimitAnnouncements::<T>::insert(who, Announcement { windows, effective_at });
		Pallet::<T>::deposit_event(Event::OwnLimitAnnounced {
			who: who.clone(),
			effective_at,
			removal,
		});
	}

	/// Logic for [`Pallet::enact_own_limit`]: enact `who`'s announced change once its delay
	/// has passed.
	pub(crate) fn do_enact_own_limit(who: &T::AccountId) -> DispatchResult {
		let announcement =
			OwnLimitAnnouncements::<T>::get(who).ok_or(Error::<T>::NoAnnouncement)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() >= announcement.effective_at,
			Error::<T>::AnnouncementNotDue
		);
		let mut guard = Self::guard_of(who);
		let removed = announcement.windows.is_none();
		let free = Self::free_of(who);
		guard.own =
			announcement.windows.map(|specs| Self::windows_from(specs, guard.own.as_ref(), free));
		OwnLimitAnnouncements::<T>::remove(who);
		Self::store_guard(who, guard)?;
		if removed {
			Self::release_own_limit_deposit(who);
		}
		Pallet::<T>::deposit_event(Event::OwnLimitEnacted { who: who.clone(), removed });
		Ok(())
	}

	/// Logic for [`Pallet::cancel_own_announcement`]: cancel `who`'s announced change.
	pub(crate) fn do_cancel_own_announcement(who: &T::AccountId) -> DispatchResult {
		OwnLimitAnnouncements::<T>::take(who).ok_or(Error::<T>::NoAnnouncement)?;
		Pallet::<T>::deposit_event(Event::OwnLimitAnnouncementCancelled { who: who.clone() });
		Ok(())
	}
}
