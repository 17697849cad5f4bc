//! Checking a debit against every window that applies (own limit, policy, global cap), and
//! the high-water response a successful debit may trigger.

use super::tx_scope;
use crate::{
	CapScope, Config, Error, Event, GlobalCap, Guards, Limit, Pallet, PolicyOf, Source, WindowOf,
	WindowsOf,
};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::dispatch::DispatchClass;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, Perbill, SaturatedConversion,
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

/// What every window a debit is checked against needs to know, and the high-water marks the
/// debit crossed so far.
struct DebitContext<T: Config> {
	/// The debit.
	amount: T::Balance,
	/// The account's free balance before the debit (the basis of share limits).
	free: T::Balance,
	/// The risk level's scale of every limit ([`crate::RiskLevel::cap_scale`]).
	scale: Perbill,
	/// The current block, as the window maths counts it.
	now: u64,
	/// The high-water marks crossed, in order.
	crossings: Vec<Crossing<T>>,
}

impl<T: Config> DebitContext<T> {
	/// Record the debit in every one of `windows`, or return `false` and leave them untouched.
	/// Crossings of `high_water` are added to [`Self::crossings`].
	fn record_in(
		&mut self,
		windows: &mut WindowsOf<T>,
		high_water: Option<Perbill>,
		scope: &CapScope<T::AccountId>,
	) -> bool {
		let mut updated = windows.clone();
		let mut crossed = Vec::new();
		for (index, window) in updated.iter_mut().enumerate() {
			let period: u64 = window.spec.period.saturated_into();
			let (limit, basis) = limit_of::<T>(window, self.now, self.free, self.scale);
			let before = window.usage.used(period, self.now);
			if !window.usage.try_record(period, limit, self.now, self.amount) {
				return false;
			}
			window.basis = basis;
			if let Some(mark) = high_water.map(|share| share.mul_ceil(limit)) {
				let after = before.saturating_add(self.amount);
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
		self.crossings.extend(crossed);
		true
	}
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
		let mut context = DebitContext::<T> {
			amount,
			free,
			// The risk level scales every limit: halved when Elevated, nothing when Critical.
			scale: Self::risk_level_now().cap_scale(),
			now: now::<T>(),
			crossings: Vec::new(),
		};
		let refuse = |global: bool| -> DispatchError {
			tx_scope::note(Refusal { who: who.clone(), amount, global }.encode());
			if global {
				Error::<T>::GlobalCapExceeded.into()
			} else {
				Error::<T>::VelocityCapExceeded.into()
			}
		};

		if let Some(own) = guard.own.as_mut() {
			if !context.record_in(own, None, &CapScope::Own(who.clone())) {
				return Err(refuse(false));
			}
		}
		let mut global = None;
		let (mut respond_account, mut respond_global) = (false, false);
		if let Some(policy) = guard.policy.as_mut() {
			let before = context.crossings.len();
			let scope = CapScope::Account(who.clone());
			if !context.record_in(&mut policy.windows, policy.high_water, &scope) {
				return Err(refuse(false));
			}
			respond_account = context.crossings.len() > before;
			if let Some(mut cap) = GlobalCap::<T>::get() {
				let before = context.crossings.len();
				if !context.record_in(&mut cap.windows, cap.high_water, &CapScope::Global) {
					return Err(refuse(true));
				}
				respond_global = context.crossings.len() > before;
				global = Some(cap);
			}
		}
		Ok(Some(DebitPlan {
			who: who.clone(),
			guard,
			global,
			crossings: context.crossings,
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
			Self::pause_response_targets(&response.targets, response.duration);
		}
	}

	/// How much more `who` may send now: the smallest remaining allowance over the windows of
	/// its own limit, its policy and (with a policy) the global cap, as reported by
	/// [`Self::allowances`]; `None` if nothing limits it.
	pub fn remaining_allowance(who: &T::AccountId) -> Option<T::Balance> {
		Self::allowances(who).into_iter().map(|window| window.remaining).min()
	}
}
