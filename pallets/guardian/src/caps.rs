//! Velocity caps: validating policies, checking a debit against every window that applies,
//! and the high-water response.

use crate::{
	cap_types::{Limit, Policy, Response, ResponseInput, Window, WindowSpec},
	tx_scope, velocity, CapScope, Config, Error, Event, GlobalCap, Guards, Pallet, PolicyInput,
	PolicyOf, ResponseOf, Source, WindowOf, WindowSpecOf, WindowsOf,
};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::dispatch::DispatchClass;
use frame_support::{ensure, traits::Get, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::Perbill;
use sp_runtime::{
	traits::{Bounded, Saturating, Zero},
	DispatchError, SaturatedConversion,
};

/// A high-water mark crossed by a debit.
pub(crate) struct Crossing<T: Config> {
	scope: CapScope<T::AccountId>,
	window: u32,
	used: T::Balance,
	limit: T::Balance,
	mark: T::Balance,
}

/// The storage a successful debit of a guarded account writes.
pub(crate) struct DebitPlan<T: Config> {
	who: T::AccountId,
	guard: crate::AccountGuardOf<T>,
	global: Option<PolicyOf<T>>,
	crossings: Vec<Crossing<T>>,
	respond_account: bool,
	respond_global: bool,
}

/// A refused debit, as noted for [`crate::CheckVelocity`] to record.
#[derive(Encode, codec::Decode)]
pub(crate) struct Refusal<AccountId, Balance> {
	pub who: AccountId,
	pub amount: Balance,
	pub global: bool,
}

/// The current block as the window maths counts it.
pub(crate) fn now<T: Config>() -> u64 {
	frame_system::Pallet::<T>::block_number().saturated_into()
}

/// The limit of `window` at `now` for an account whose free balance is `free`, scaled to
/// `scale` (the risk level's [`crate::RiskLevel::cap_scale`]), and the share basis to store
/// with it.
fn limit_of<T: Config>(
	window: &WindowOf<T>,
	now: u64,
	free: T::Balance,
	scale: Perbill,
) -> (T::Balance, Option<(T::Balance, u64)>) {
	let (limit, basis) = match window.spec.limit {
		Limit::Absolute(limit) => (limit, None),
		Limit::ShareOfBalance(share) => {
			let period: u64 = window.spec.period.saturated_into();
			let basis = match window.basis {
				Some((basis, at)) if now < at.saturating_add(period) => (basis, at),
				_ => (free, now),
			};
			(share.mul_floor(basis.0), Some(basis))
		}
	};
	(scale.mul_floor(limit), basis)
}

/// Record `amount` in every window, or return `false` and leave them untouched. Crossings of
/// `high_water` are pushed to `crossings`.
fn record_in<T: Config>(
	windows: &mut WindowsOf<T>,
	amount: T::Balance,
	free: T::Balance,
	high_water: Option<sp_runtime::Perbill>,
	scope: &CapScope<T::AccountId>,
	crossings: &mut Vec<Crossing<T>>,
	scale: Perbill,
) -> bool {
	let now = now::<T>();
	let mut updated = windows.clone();
	let mut crossed = Vec::new();
	for (index, window) in updated.iter_mut().enumerate() {
		let period: u64 = window.spec.period.saturated_into();
		let (limit, basis) = limit_of::<T>(window, now, free, scale);
		let before = window.usage.used(period, now);
		if !window.usage.try_record(period, limit, now, amount) {
			return false;
		}
		window.basis = basis;
		if let Some(mark) = high_water.map(|share| share.mul_ceil(limit)) {
			let after = before.saturating_add(amount);
			if before < mark && after >= mark && !mark.is_zero() {
				crossed.push(Crossing {
					scope: scope.clone(),
					window: index.saturated_into(),
					used: after,
					limit,
					mark,
				});
			}
		}
	}
	*windows = updated;
	crossings.extend(crossed);
	true
}

/// The limit of `window` at `now` for an account whose free balance is `free`, at the risk
/// level in force.
pub(crate) fn limit_at<T: Config>(window: &WindowOf<T>, now: u64, free: T::Balance) -> T::Balance {
	limit_of::<T>(window, now, free, Pallet::<T>::risk_level_now().cap_scale()).0
}

impl<T: Config> Pallet<T> {
	/// Check a debit of `amount` from `who` (whose free balance was `free`) against its own
	/// limit, its policy and the global cap. On success, returns the storage to write; on
	/// refusal, notes the refusal for the transaction's post-dispatch and returns the error.
	/// Writes nothing.
	pub(crate) fn plan_debit(
		who: &T::AccountId,
		amount: T::Balance,
		free: T::Balance,
	) -> Result<Option<DebitPlan<T>>, DispatchError> {
		let encoded_who = who.encode();
		let exempt = tx_scope::absorb_fee(&encoded_who, amount.saturated_into());
		let amount = amount.saturating_sub(exempt.saturated_into());
		if amount.is_zero() {
			return Ok(None);
		}
		let Some(mut guard) = Guards::<T>::get(who) else { return Ok(None) };
		let mut crossings = Vec::new();
		// The risk level scales every limit: halved when Elevated, nothing when Critical.
		let scale = Self::risk_level_now().cap_scale();
		let refuse = |global: bool| -> DispatchError {
			tx_scope::note(Refusal { who: who.clone(), amount, global }.encode());
			if global {
				Error::<T>::GlobalCapExceeded.into()
			} else {
				Error::<T>::VelocityCapExceeded.into()
			}
		};

		if let Some(own) = guard.own.as_mut() {
			let scope = CapScope::Own(who.clone());
			if !record_in::<T>(own, amount, free, None, &scope, &mut crossings, scale) {
				return Err(refuse(false));
			}
		}
		let mut global = None;
		let (mut respond_account, mut respond_global) = (false, false);
		if let Some(policy) = guard.policy.as_mut() {
			let scope = CapScope::Account(who.clone());
			let before = crossings.len();
			if !record_in::<T>(
				&mut policy.windows,
				amount,
				free,
				policy.high_water,
				&scope,
				&mut crossings,
				scale,
			) {
				return Err(refuse(false));
			}
			respond_account = crossings.len() > before;
			if let Some(mut cap) = GlobalCap::<T>::get() {
				let before = crossings.len();
				if !record_in::<T>(
					&mut cap.windows,
					amount,
					free,
					cap.high_water,
					&CapScope::Global,
					&mut crossings,
					scale,
				) {
					return Err(refuse(true));
				}
				respond_global = crossings.len() > before;
				global = Some(cap);
			}
		}
		Ok(Some(DebitPlan {
			who: who.clone(),
			guard,
			global,
			crossings,
			respond_account,
			respond_global,
		}))
	}

	/// Write a checked debit, announce the high-water marks it crossed and run their responses.
	pub(crate) fn apply_debit(plan: DebitPlan<T>) {
		let account_response = plan
			.guard
			.policy
			.as_ref()
			.and_then(|p| p.response.clone())
			.filter(|_| plan.respond_account);
		let global_response =
			plan.global.as_ref().and_then(|p| p.response.clone()).filter(|_| plan.respond_global);
		Guards::<T>::insert(&plan.who, plan.guard);
		if let Some(global) = plan.global {
			GlobalCap::<T>::put(global);
		}
		let mut monitored: Vec<Source> = Vec::new();
		for crossing in plan.crossings {
			// The monitors' playbooks for outflows run once per source and debit.
			let source = match crossing.scope {
				CapScope::Account(_) => Some(Source::PolicyOutflow),
				CapScope::Global => Some(Source::GlobalOutflow),
				CapScope::Own(_) => None,
			};
			if let Some(source) = source.filter(|s| !monitored.contains(s)) {
				monitored.push(source);
				let weight = Self::high_water_crossed(
					source,
					crossing.used.saturated_into(),
					crossing.mark.saturated_into(),
				);
				frame_system::Pallet::<T>::register_extra_weight_unchecked(
					weight,
					DispatchClass::Normal,
				);
			}
			Self::deposit_event(Event::HighWaterCrossed {
				scope: crossing.scope,
				window: crossing.window,
				used: crossing.used,
				limit: crossing.limit,
			});
		}
		for response in [account_response, global_response].into_iter().flatten() {
			Self::respond(&response);
		}
	}

	/// Pause every target of `response`; a target already paused stays as it is.
	fn respond(response: &ResponseOf<T>) {
		for target in &response.targets {
			if let Err(error) = Self::insert_pause(
				target.clone(),
				response.duration,
				T::MaxProgrammaticPause::get(),
			) {
				log::debug!(target: "guardian", "response pause of {target:?} not applied: {error:?}");
			}
		}
	}

	/// How much more `who` may send now: the smallest remaining allowance over the windows of
	/// its own limit, its policy and (with a policy) the global cap, as reported by
	/// [`Self::allowances`]; `None` if nothing limits it.
	pub fn remaining_allowance(who: &T::AccountId) -> Option<T::Balance> {
		Self::allowances(who).into_iter().map(|window| window.remaining).min()
	}

	/// The guard record of `who`, or an empty one to fill in.
	pub(crate) fn guard_of(who: &T::AccountId) -> crate::AccountGuardOf<T> {
		Guards::<T>::get(who).unwrap_or(crate::AccountGuard {
			policy: None,
			own: None,
			rejected: 0,
		})
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
		let ceiling = T::Balance::max_value() / T::Balance::from(velocity::SLOTS as u32);
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

	/// Turn validated specifications into windows, carrying over the usage of `previous` (its
	/// largest window usage counts as already debited now), so that replacing a policy never
	/// frees an allowance.
	pub(crate) fn windows_from(
		specs: BoundedVec<WindowSpecOf<T>, T::MaxWindows>,
		previous: Option<&WindowsOf<T>>,
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
				let mut window = Window { spec, usage: Default::default(), basis: None };
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
	/// the usage of `previous`.
	pub(crate) fn build_policy(
		input: &PolicyInput<BlockNumberFor<T>, T::Balance>,
		global: bool,
		previous: Option<&WindowsOf<T>>,
	) -> Result<PolicyOf<T>, DispatchError> {
		let specs = Self::validate_windows(&input.windows, !global)?;
		if let Some(mark) = input.high_water {
			ensure!(!mark.is_zero(), Error::<T>::HighWaterOutOfRange);
		}
		let response = match &input.response {
			None => None,
			Some(response) => {
				ensure!(input.high_water.is_some(), Error::<T>::ResponseWithoutHighWater);
				Some(Self::validate_response(response)?)
			}
		};
		Ok(Policy {
			windows: Self::windows_from(specs, previous),
			high_water: input.high_water,
			response,
		})
	}

	fn validate_response(
		input: &ResponseInput<BlockNumberFor<T>>,
	) -> Result<ResponseOf<T>, DispatchError> {
		ensure!(!input.targets.is_empty(), Error::<T>::NoResponseTargets);
		ensure!(!input.duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(input.duration <= T::MaxProgrammaticPause::get(), Error::<T>::DurationBeyondBound);
		let targets =
			input.targets.iter().map(Self::validate_target).collect::<Result<Vec<_>, _>>()?;
		let targets = targets.try_into().map_err(|_| Error::<T>::TooManyTargets)?;
		Ok(Response { targets, duration: input.duration })
	}

	/// Start guarding `who` with `guard`, or update or stop guarding it, keeping the guard
	/// index in step.
	pub(crate) fn store_guard(who: &T::AccountId, guard: crate::AccountGuardOf<T>) {
		let existed = Guards::<T>::contains_key(who);
		if guard.policy.is_none() && guard.own.is_none() {
			if existed {
				Guards::<T>::remove(who);
				Self::index_remove(who);
			}
			return;
		}
		Guards::<T>::insert(who, guard);
		if !existed {
			Self::index_add(who);
		}
	}

	/// Zero the usage in `scope`.
	pub(crate) fn reset(scope: &CapScope<T::AccountId>) -> Result<(), DispatchError> {
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
