//! Counting an outflow in every window that applies (own limit, policy, global cap), the
//! high-water response it may trigger, and the answer to an outflow beyond the allowance.

use super::Caps;
use crate::{
	lifecycle::memory,
	responses::{playbooks::Cause, Engine},
	Anomaly, CapScope, Config, Contributor, DebitsBeyondCap, Event, Finding, GlobalCap, Guards,
	Limit, Pallet, Source, WeightInfo, WindowOf, WindowsOf,
};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{dispatch::DispatchClass, traits::Get};
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill, SaturatedConversion,
};

/// A high-water mark crossed by an outflow.
pub(crate) struct Crossing<T: Config> {
	scope: CapScope<T::AccountId>,
	window: u32,
	used: T::Balance,
	limit: T::Balance,
	mark: T::Balance,
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

/// What every window an outflow is counted in needs to know, and what the outflow did to them.
struct DebitContext<T: Config> {
	/// The outflow.
	amount: T::Balance,
	/// The account's free balance before the outflow (the basis of share limits).
	free: T::Balance,
	/// The risk level's scale of every limit ([`crate::RiskLevel::cap_scale`]).
	scale: Perbill,
	/// The current block, as the window maths counts it.
	now: u64,
	/// The high-water marks crossed, in order.
	crossings: Vec<Crossing<T>>,
	/// The largest part of the outflow beyond any window's limit.
	excess: T::Balance,
}

impl<T: Config> DebitContext<T> {
	/// Count the outflow in every one of `windows` (it has already happened: it is never
	/// refused here). Crossings of `high_water` are added to [`Self::crossings`], and the part
	/// beyond a window's limit to [`Self::excess`]. Returns whether a mark was crossed.
	fn record_in(
		&mut self,
		windows: &mut WindowsOf<T>,
		high_water: Option<Perbill>,
		scope: &CapScope<T::AccountId>,
	) -> bool {
		let mut crossed = false;
		for (index, window) in windows.iter_mut().enumerate() {
			let period: u64 = window.spec.period.saturated_into();
			let (limit, basis) = limit_of::<T>(window, self.now, self.free, self.scale);
			let before = window.usage.used(period, self.now);
			window.usage.carry(period, self.now, self.amount);
			window.basis = basis;
			let after = before.saturating_add(self.amount);
			self.excess = self.excess.max(after.saturating_sub(before.max(limit)));
			if let Some(mark) = high_water.map(|share| share.mul_ceil(limit)) {
				if before < mark && after >= mark && !mark.is_zero() {
					crossed = true;
					self.crossings.push(Crossing {
						scope: scope.clone(),
						window: index.saturated_into(),
						used: after,
						limit,
						mark,
					});
				}
			}
		}
		crossed
	}
}

/// The limit of `window` at `now` for an account whose free balance is `free`, at the risk
/// level in force.
pub(crate) fn limit_at<T: Config>(window: &WindowOf<T>, now: u64, free: T::Balance) -> T::Balance {
	limit_of::<T>(window, now, free, Engine::<T>::level_now().cap_scale()).0
}

impl<T: Config> Caps<T> {
	/// Count an outflow of `amount` that left `who` (whose free balance was `free`) in its own
	/// limit, its policy and the global cap, announce the high-water marks it crossed and run
	/// their responses, and answer any part beyond the allowance: [`Event::DebitBeyondCap`],
	/// and, where the ledger let it through on value credited in anticipation (a hook
	/// window), the excess held on those credits. Never refuses: the outflow has happened.
	pub(crate) fn record_outflow(who: &T::AccountId, amount: T::Balance, free: T::Balance) {
		if memory::in_own_operation() {
			return;
		}
		let encoded_who = who.encode();
		let exempt = memory::absorb_fee(&encoded_who, amount.saturated_into());
		let counted = amount.saturating_sub(exempt.saturated_into());
		if counted.is_zero() {
			return;
		}
		let Some(mut guard) = Guards::<T>::get(who) else {
			// A collision in the guard index: one read, charged like a guarded read.
			Self::charge_guard_work(T::DbWeight::get().reads(1));
			return;
		};
		let mut context = DebitContext::<T> {
			amount: counted,
			free,
			// The risk level scales every limit: halved when Elevated, nothing when Critical.
			scale: Engine::<T>::level_now().cap_scale(),
			now: now::<T>(),
			crossings: Vec::new(),
			excess: Zero::zero(),
		};
		if let Some(own) = guard.own.as_mut() {
			context.record_in(own, None, &CapScope::Own(who.clone()));
		}
		let mut global = None;
		let (mut respond_account, mut respond_global) = (false, false);
		if let Some(policy) = guard.policy.as_mut() {
			let scope = CapScope::Account(who.clone());
			respond_account = context.record_in(&mut policy.windows, policy.high_water, &scope);
			if let Some(mut cap) = GlobalCap::<T>::get() {
				respond_global =
					context.record_in(&mut cap.windows, cap.high_water, &CapScope::Global);
				global = Some(cap);
			}
		}
		let account_response =
			guard.policy.as_ref().and_then(|p| p.response.clone()).filter(|_| respond_account);
		let global_response =
			global.as_ref().and_then(|p| p.response.clone()).filter(|_| respond_global);
		let excess = context.excess;
		if !excess.is_zero() {
			guard.beyond_cap = guard.beyond_cap.saturating_add(1);
		}
		Guards::<T>::insert(who, guard);
		if let Some(global) = global {
			GlobalCap::<T>::put(global);
		}
		let mut work = T::WeightInfo::ledger_debit_guarded();
		let mut monitored: Vec<Source> = Vec::new();
		for crossing in context.crossings {
			// The monitors' playbooks for outflows run once per source and outflow.
			let source = match crossing.scope {
				CapScope::Account(_) => Some(Source::PolicyOutflow),
				CapScope::Global => Some(Source::GlobalOutflow),
				CapScope::Own(_) => None,
			};
			if let Some(source) = source.filter(|s| !monitored.contains(s)) {
				monitored.push(source);
				let finding = Finding {
					anomaly: Anomaly::HighWater,
					measured: crossing.used.saturated_into(),
					threshold: crossing.mark.saturated_into(),
				};
				work = work.saturating_add(Engine::<T>::high_water_crossed(source, finding));
			}
			Pallet::<T>::deposit_event(Event::HighWaterCrossed {
				scope: crossing.scope,
				window: crossing.window,
				used: crossing.used,
				limit: crossing.limit,
			});
		}
		for (source, playbook) in
			[(Source::PolicyOutflow, account_response), (Source::GlobalOutflow, global_response)]
		{
			let Some(playbook) = playbook else { continue };
			// The engine applies it (and applies it again if the dispatch fails).
			let cause = Cause { source, anomaly: Anomaly::HighWater, from: None };
			Engine::<T>::respond(Contributor::CapResponse, cause, &playbook);
			work = work.saturating_add(
				T::WeightInfo::pause().saturating_mul(playbook.pause.len().saturated_into()),
			);
		}
		if !excess.is_zero() {
			DebitsBeyondCap::<T>::mutate(|total| *total = total.saturating_add(1));
			Pallet::<T>::deposit_event(Event::DebitBeyondCap { who: who.clone(), amount, excess });
			if let Some(unbacked) = Self::hook_window_unbacked() {
				// The cap was not shown (value had been credited in anticipation): hold the
				// excess on those credits. `unbacked` no longer counts this outflow.
				let anticipated = unbacked.saturating_add(amount.saturated_into());
				work = work.saturating_add(Self::hold_excess(who, excess, anticipated));
			}
		}
		Self::charge_guard_work(work);
	}

	/// Charge `weight` of guard work to the transaction being recorded (settled by
	/// [`crate::WatchTransaction`] against what it reserved), or to the block outside one.
	pub(crate) fn charge_guard_work(weight: frame_support::weights::Weight) {
		if !memory::add_guard_work(weight) {
			frame_system::Pallet::<T>::register_extra_weight_unchecked(
				weight,
				DispatchClass::Mandatory,
			);
		}
	}

	/// How much more `who` may send now: the smallest remaining allowance over the windows of
	/// its own limit, its policy and (with a policy) the global cap, at the risk level in
	/// force; `None` if nothing limits it.
	pub fn remaining_allowance(who: &T::AccountId) -> Option<T::Balance> {
		let guard = Guards::<T>::get(who)?;
		Self::remaining_of(&guard, Self::free_of(who))
	}
}
