//! Governance policies and the global cap: validating them, storing them (with the guard
//! index in step), replacing them with their usage carried over, and resetting usage.

use super::Caps;
use crate::{
	responses::Engine, rolling_window, AccountGuard, CapScope, Config, Error, Event, GlobalCap,
	Guards, Limit, Pallet, Policy, PolicyInput, PolicyInputOf, PolicyOf, Window, WindowOf,
	WindowSpec, WindowSpecOf, WindowsOf,
};
use alloc::vec::Vec;
use frame_support::{ensure, traits::fungible::Inspect, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Bounded, CheckedDiv, Zero},
	DispatchError, DispatchResult, SaturatedConversion,
};

use super::debits::now;

impl<T: Config> Caps<T> {
	/// Logic for [`Pallet::set_policy`]: put `policy` on `who`, which has none.
	pub(crate) fn do_set_policy(who: T::AccountId, policy: PolicyInputOf<T>) -> DispatchResult {
		let mut guard = Self::guard_of(&who);
		ensure!(guard.policy.is_none(), Error::<T>::PolicyExists);
		guard.policy = Some(Self::build_policy(&policy, false, None, Self::free_of(&who))?);
		Self::store_guard(&who, guard)?;
		Pallet::<T>::deposit_event(Event::PolicySet { who });
		Ok(())
	}

	/// Logic for [`Pallet::change_policy`]: replace `who`'s policy, its usage carried over.
	pub(crate) fn do_change_policy(who: T::AccountId, policy: PolicyInputOf<T>) -> DispatchResult {
		let mut guard = Guards::<T>::get(&who).ok_or(Error::<T>::NoPolicy)?;
		let old = guard.policy.as_ref().ok_or(Error::<T>::NoPolicy)?;
		let free = Self::free_of(&who);
		guard.policy = Some(Self::build_policy(&policy, false, Some(&old.windows), free)?);
		Self::store_guard(&who, guard)?;
		Pallet::<T>::deposit_event(Event::PolicyChanged { who });
		Ok(())
	}

	/// Logic for [`Pallet::remove_policy`]: remove `who`'s policy (and its guard record when
	/// nothing else limits it).
	pub(crate) fn do_remove_policy(who: T::AccountId) -> DispatchResult {
		let mut guard = Guards::<T>::get(&who).ok_or(Error::<T>::NoPolicy)?;
		guard.policy.take().ok_or(Error::<T>::NoPolicy)?;
		Self::store_guard(&who, guard)?;
		Pallet::<T>::deposit_event(Event::PolicyRemoved { who });
		Ok(())
	}

	/// Logic for [`Pallet::set_global_cap`]: set or replace (usage carried over) the global
	/// cap, or remove it with `None`.
	pub(crate) fn do_set_global_cap(cap: Option<PolicyInputOf<T>>) -> DispatchResult {
		match cap {
			Some(cap) => {
				let previous = GlobalCap::<T>::get();
				let previous = previous.as_ref().map(|p| &p.windows);
				let cap = Self::build_policy(&cap, true, previous, Zero::zero())?;
				GlobalCap::<T>::put(cap);
				Pallet::<T>::deposit_event(Event::GlobalCapSet);
			}
			None => {
				GlobalCap::<T>::take().ok_or(Error::<T>::NoPolicy)?;
				Pallet::<T>::deposit_event(Event::GlobalCapRemoved);
			}
		}
		Ok(())
	}

	/// The guard record of `who`, or an empty one to fill in.
	pub(crate) fn guard_of(who: &T::AccountId) -> crate::AccountGuardOf<T> {
		Guards::<T>::get(who).unwrap_or(AccountGuard { policy: None, own: None, beyond_cap: 0 })
	}

	/// Validate window specifications: at least one, at most `MaxWindows`, no zero period or
	/// limit, no limit the accounting could overflow, no period twice; shares only if allowed.
	pub(crate) fn validate_windows(
		specs: &[WindowSpecOf<T>],
		shares_allowed: bool,
	) -> Result<BoundedVec<WindowSpecOf<T>, T::MaxWindows>, DispatchError> {
		ensure!(!specs.is_empty(), Error::<T>::NoWindows);
		let bounded: BoundedVec<WindowSpecOf<T>, T::MaxWindows> =
			specs.to_vec().try_into().map_err(|_| Error::<T>::TooManyWindows)?;
		let ceiling = T::Balance::max_value()
			.checked_div(&T::Balance::from(rolling_window::SLOTS as u32))
			.unwrap_or_else(Zero::zero);
		for (index, spec) in bounded.iter().enumerate() {
			ensure!(!spec.period.is_zero(), Error::<T>::ZeroPeriod);
			match spec.limit {
				Limit::Absolute(limit) => {
					ensure!(!limit.is_zero(), Error::<T>::ZeroLimit);
					ensure!(limit <= ceiling, Error::<T>::LimitOverflow);
				}
				Limit::ShareOfBalance(share) => {
					ensure!(shares_allowed, Error::<T>::ShareNotAllowed);
					ensure!(!share.is_zero(), Error::<T>::ZeroLimit);
				}
			}
			ensure!(
				!bounded.iter().skip(index.saturating_add(1)).any(|o| o.period == spec.period),
				Error::<T>::DuplicatePeriod
			);
		}
		Ok(bounded)
	}

	/// Turn validated specifications into windows, carrying over what `previous` knew, so that
	/// replacing a policy or an own limit never frees an allowance nor re-bases a share:
	///
	/// * **usage**: the largest usage of the old windows counts as already debited now in each
	///   new one;
	/// * **share basis**: a share window keeps the basis of the old window of the same period
	///   (while that window runs), so re-submitting or re-ordering windows cannot re-take the
	///   basis after an inflow; a share window without one takes its basis now, from `free`.
	pub(crate) fn windows_from(
		specs: BoundedVec<WindowSpecOf<T>, T::MaxWindows>,
		previous: Option<&WindowsOf<T>>,
		free: T::Balance,
	) -> WindowsOf<T> {
		let now = now::<T>();
		let carried = previous
			.map(|windows| {
				windows
					.iter()
					.map(|w| w.usage.used(w.spec.period.saturated_into(), now))
					.max()
					.unwrap_or_else(Zero::zero)
			})
			.unwrap_or_else(Zero::zero);
		let windows: Vec<WindowOf<T>> = specs
			.into_iter()
			.map(|spec: WindowSpec<_, _>| {
				let basis = match spec.limit {
					Limit::Absolute(_) => None,
					Limit::ShareOfBalance(_) => {
						let period: u64 = spec.period.saturated_into();
						let running = previous
							.into_iter()
							.flatten()
							.filter(|old| old.spec.period == spec.period)
							.find_map(|old| old.basis)
							.filter(|(_, at)| now < at.saturating_add(period));
						Some(running.unwrap_or((free, now)))
					}
				};
				let mut window = Window { spec, usage: Default::default(), basis };
				if !carried.is_zero() {
					window.usage.carry(spec.period.saturated_into(), now, carried);
				}
				window
			})
			.collect();
		// Same length as the validated input, so within the bound.
		BoundedVec::truncate_from(windows)
	}

	/// Validate a governance policy (or the global cap, `global`) and build it, carrying over
	/// what `previous` knew (see [`Self::windows_from`]; `free` is the account's free balance).
	pub(crate) fn build_policy(
		input: &PolicyInput<BlockNumberFor<T>, T::Balance>,
		global: bool,
		previous: Option<&WindowsOf<T>>,
		free: T::Balance,
	) -> Result<PolicyOf<T>, DispatchError> {
		let specs = Self::validate_windows(&input.windows, !global)?;
		if let Some(mark) = input.high_water {
			ensure!(!mark.is_zero(), Error::<T>::HighWaterOutOfRange);
		}
		let response = match &input.response {
			None => None,
			Some(response) => {
				ensure!(input.high_water.is_some(), Error::<T>::ResponseWithoutHighWater);
				ensure!(
					!response.pause.is_empty() || response.raise_to != crate::RiskLevel::Normal,
					Error::<T>::NoResponseTargets
				);
				Some(Engine::<T>::build_playbook(response, false)?)
			}
		};
		Ok(Policy {
			windows: Self::windows_from(specs, previous, free),
			high_water: input.high_water,
			response,
		})
	}

	/// Start guarding `who` with `guard`, or update or stop guarding it, keeping the guard
	/// index and the guard marker ([`super::marker`]) in step. Fails, writing nothing, if a
	/// new guard cannot be marked ([`Error::AccountCannotBeGuarded`]: the account does not exist
	/// or holds the most freezes it may).
	pub(crate) fn store_guard(
		who: &T::AccountId,
		guard: crate::AccountGuardOf<T>,
	) -> DispatchResult {
		let existed = Guards::<T>::contains_key(who);
		if guard.policy.is_none() && guard.own.is_none() {
			if existed {
				Guards::<T>::remove(who);
				Self::index_remove(who);
				Self::clear_marker(who);
			}
			return Ok(());
		}
		if !existed {
			Self::set_marker(who)?;
			Self::index_add(who);
		}
		Guards::<T>::insert(who, guard);
		Ok(())
	}

	/// `who`'s free balance (its stored value: a guarded account's cap shows in `frozen`).
	pub(crate) fn free_of(who: &T::AccountId) -> T::Balance {
		T::Currency::balance(who)
	}

	/// Logic for [`Pallet::reset_usage`]: zero the usage in `scope`.
	pub(crate) fn do_reset_usage(scope: CapScope<T::AccountId>) -> DispatchResult {
		Self::clear_usage(&scope)?;
		Pallet::<T>::deposit_event(Event::UsageReset { scope });
		Ok(())
	}

	/// Zero the usage in `scope`; writes nothing on error.
	fn clear_usage(scope: &CapScope<T::AccountId>) -> DispatchResult {
		let clear = |windows: &mut WindowsOf<T>| {
			for window in windows.iter_mut() {
				window.usage = Default::default();
			}
		};
		match scope {
			CapScope::Account(who) => Guards::<T>::try_mutate(who, |guard| {
				let policy =
					guard.as_mut().and_then(|g| g.policy.as_mut()).ok_or(Error::<T>::NoPolicy)?;
				clear(&mut policy.windows);
				Ok(())
			}),
			CapScope::Own(who) => Guards::<T>::try_mutate(who, |guard| {
				let own =
					guard.as_mut().and_then(|g| g.own.as_mut()).ok_or(Error::<T>::NoOwnLimit)?;
				clear(own);
				Ok(())
			}),
			CapScope::Global => GlobalCap::<T>::try_mutate(|cap| {
				let cap = cap.as_mut().ok_or(Error::<T>::NoPolicy)?;
				clear(&mut cap.windows);
				Ok(())
			}),
		}
	}
}
