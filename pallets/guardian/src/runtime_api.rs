//! [`GuardianApi`]: what the guardian enforces, for wallets, explorers and polkadot.js apps'
//! "Runtime calls" page (it appears in the runtime's metadata). Everything here is also
//! readable from storage; the API answers the questions that need the pallet's rules to
//! interpret that storage (the whitelist, expiry, the rolling windows, share limits).

use crate::{
	breakers::Breakers, caps::debits, caps::Caps, cross_chain::CrossChain, reports::Reporting,
	responses::Engine, Config, GlobalCap, Guards, Pallet, PauseRecord, Pauses, WindowSpec,
	WindowsOf,
};
use alloc::vec::Vec;
use codec::{Codec, Decode, DecodeWithMemTracking, Encode};
use frame_support::traits::fungible::Inspect;
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::SaturatedConversion;

/// Which rule a window belongs to.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum AllowanceScope {
	/// The account's own (self-imposed) limit.
	Own,
	/// The account's governance policy.
	Policy,
	/// The global cap (which applies to accounts with a policy).
	Global,
}

/// The state of one window, as of the current block.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct WindowAllowance<BlockNumber, Balance> {
	/// The rule the window belongs to.
	pub scope: AllowanceScope,
	/// The window as configured.
	pub spec: WindowSpec<BlockNumber, Balance>,
	/// Its limit now (for a share, of the basis fixed at the window's start).
	pub limit: Balance,
	/// Debited within the window (counting the bucket it started in).
	pub used: Balance,
	/// How much more may leave now.
	pub remaining: Balance,
}

sp_api::decl_runtime_apis! {
	/// The guardian's state, interpreted by its own rules. Version 2 added
	/// [`GuardianApi::risk_level`]; version 3 the bonded reports' [`GuardianApi::reputation`]
	/// and [`GuardianApi::report_deposit`]; version 4 the inbound XCM pauses
	/// ([`GuardianApi::xcm_inbound_paused_until`], [`GuardianApi::xcm_inbound_pauses`]);
	/// version 5 the alerts waiting for delivery ([`GuardianApi::undelivered_alerts`]).
	#[api_version(5)]
	pub trait GuardianApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// If the call `pallet::call` (names as in the metadata) is paused now, the block at
		/// which it runs again; `None` if it may run (whitelisted calls never pause).
		fn paused_until(pallet: Vec<u8>, call: Vec<u8>) -> Option<BlockNumber>;
		/// Every pause in force now.
		fn active_pauses() -> Vec<PauseRecord<Vec<u8>, BlockNumber>>;
		/// Every window that limits `who`'s outflow, with what remains of it now; empty for
		/// an unguarded account. A debit must fit in all of them.
		fn allowances(who: AccountId) -> Vec<WindowAllowance<BlockNumber, Balance>>;
		/// The global cap's windows; empty if there is none.
		fn global_cap() -> Vec<WindowAllowance<BlockNumber, Balance>>;
		/// (Version 2.) The risk level in force now (the highest live contribution of the monitors,
		/// governance and the caps' responses).
		fn risk_level() -> crate::RiskLevel;
		/// (Version 3.) `who`'s judged reports: how many governance confirmed and rejected.
		fn reputation(who: AccountId) -> crate::ReporterRecord;
		/// (Version 3.) The deposit `who`'s next report would hold now.
		fn report_deposit(who: AccountId) -> Balance;
		/// (Version 4.) If inbound XCM from `origin` waits now, the block from which it runs
		/// again (see [`crate::cross_chain`]).
		fn xcm_inbound_paused_until(origin: crate::cross_chain::Location) -> Option<BlockNumber>;
		/// (Version 4.) Every pause of inbound XCM in force now.
		fn xcm_inbound_pauses() -> Vec<crate::InboundPause<BlockNumber>>;
		/// (Version 5.) The alerts the router refused, waiting to be offered again with the
		/// block's spare weight (see [`crate::cross_chain::alerts_out`]).
		fn undelivered_alerts() -> Vec<crate::UndeliveredAlert<BlockNumber>>;
	}
}

/// The guardian's public reads, for the runtime API, other pallets and tests: each answered by
/// the capability that owns it.
impl<T: Config> Pallet<T> {
	/// See [`GuardianApi::paused_until`].
	pub fn call_paused_until(pallet: &[u8], call: &[u8]) -> Option<BlockNumberFor<T>> {
		Breakers::<T>::call_paused_until(pallet, call)
	}

	/// Whether `call` may be dispatched now (the call filter's answer).
	pub fn call_allowed(call: &<T as Config>::RuntimeCall) -> bool {
		Breakers::<T>::call_allowed(call)
	}

	/// The risk level in force now.
	pub fn risk_level_now() -> crate::RiskLevel {
		Engine::<T>::level_now()
	}

	/// How much more `who` may send now (`None`: nothing limits it).
	pub fn remaining_allowance(who: &T::AccountId) -> Option<T::Balance> {
		Caps::<T>::remaining_allowance(who)
	}

	/// Whether `who` may be guarded (`false`: certainly not), from the guard index.
	pub fn may_be_guarded(who: &T::AccountId) -> bool {
		Caps::<T>::may_be_guarded(who)
	}

	/// The most guard work a call making up to `debits` debits can cause.
	pub fn guard_budget(debits: u32) -> frame_support::weights::Weight {
		Caps::<T>::guard_budget(debits)
	}

	/// The guard work reserved for `call` signed by `who` (zero when nothing it may debit can
	/// be guarded), whose fee is withdrawn with the transaction's.
	pub fn guard_reservation(
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
	) -> frame_support::weights::Weight {
		Caps::<T>::guard_reservation(who, call)
	}

	/// See [`GuardianApi::report_deposit`].
	pub fn report_deposit(who: &T::AccountId) -> T::Balance {
		Reporting::<T>::report_deposit(who)
	}

	/// How much more `origin` may bring in now (`None`: it is not capped).
	pub fn inbound_allowance(origin: &crate::cross_chain::Location) -> Option<T::Balance> {
		CrossChain::<T>::inbound_allowance(origin)
	}

	/// See [`GuardianApi::xcm_inbound_paused_until`].
	pub fn xcm_inbound_paused_until(
		origin: &crate::cross_chain::Location,
	) -> Option<BlockNumberFor<T>> {
		CrossChain::<T>::xcm_inbound_paused_until(origin)
	}

	/// The message that carries `alert` to a guardian at pallet index `pallet_index`.
	pub fn alert_message(pallet_index: u8, alert: &crate::GuardianAlert) -> xcm::latest::Xcm<()> {
		CrossChain::<T>::alert_message(pallet_index, alert)
	}

	/// A target as stored, validated against the runtime (see
	/// [`Engine::validate_target`](crate::responses::Engine::validate_target)).
	pub fn validate_target(
		input: &crate::PauseTargetInput,
	) -> Result<crate::PauseTargetOf<T>, sp_runtime::DispatchError> {
		Engine::<T>::validate_target(input)
	}

	/// Whether messages from `origin` wait now.
	pub fn xcm_inbound_paused(origin: &crate::cross_chain::Location) -> bool {
		CrossChain::<T>::xcm_inbound_paused(origin)
	}

	/// Whether feed `key` is flagged now ([`crate::GuardedFeed`] then serves nothing).
	pub fn feed_flagged(key: u32) -> bool {
		crate::monitors::Monitoring::<T>::flagged(crate::Source::Feed(key))
	}

	/// Whether the monitor of `source` has a response in force now.
	pub fn flagged(source: crate::Source) -> bool {
		crate::monitors::Monitoring::<T>::flagged(source)
	}

	/// Who holds the pause of `target` now, and until when.
	pub fn pause_holders(
		target: &crate::PauseTargetOf<T>,
	) -> Vec<(crate::Contributor, BlockNumberFor<T>)> {
		let now = frame_system::Pallet::<T>::block_number();
		Engine::<T>::live_holds(now)
			.into_iter()
			.find(|entry| entry.target == *target)
			.map(|entry| entry.holds.into_inner())
			.unwrap_or_default()
	}

	/// What a governance resume may add for the alert responses it leaves holding nothing:
	/// per alert source, the reads of its holds, inbound pauses, level contributions and
	/// response, and the response's end.
	pub fn emptied_alerts_weight() -> frame_support::weights::Weight {
		use frame_support::traits::Get;
		T::DbWeight::get().reads_writes(4, 1).saturating_mul(T::MaxAlertSources::get().into())
	}

	/// The response of `by` in force now, if any.
	pub fn response_in_force(by: crate::Contributor) -> Option<crate::Response<BlockNumberFor<T>>> {
		Engine::<T>::in_force(by)
	}

	/// See [`GuardianApi::active_pauses`].
	pub fn active_pauses() -> Vec<PauseRecord<Vec<u8>, BlockNumberFor<T>>> {
		let now = frame_system::Pallet::<T>::block_number();
		Pauses::<T>::get()
			.into_iter()
			.filter(|record| record.until > now)
			.map(|r| PauseRecord { target: r.target.to_input(), since: r.since, until: r.until })
			.collect()
	}

	/// See [`GuardianApi::undelivered_alerts`].
	pub fn undelivered_alerts() -> Vec<crate::UndeliveredAlert<BlockNumberFor<T>>> {
		CrossChain::<T>::undelivered_alerts()
	}

	/// See [`GuardianApi::xcm_inbound_pauses`].
	pub fn xcm_inbound_pauses() -> Vec<crate::InboundPause<BlockNumberFor<T>>> {
		let now = frame_system::Pallet::<T>::block_number();
		crate::XcmInboundPauses::<T>::get().into_iter().filter(|p| now < p.until).collect()
	}

	/// See [`GuardianApi::allowances`].
	pub fn allowances(who: &T::AccountId) -> Vec<WindowAllowance<BlockNumberFor<T>, T::Balance>> {
		let Some(guard) = Guards::<T>::get(who) else { return Vec::new() };
		let free = T::Currency::balance(who);
		let mut all = Vec::new();
		if let Some(own) = guard.own.as_ref() {
			all.extend(Self::describe_windows(own, AllowanceScope::Own, free));
		}
		if let Some(policy) = guard.policy.as_ref() {
			all.extend(Self::describe_windows(&policy.windows, AllowanceScope::Policy, free));
			all.extend(Self::global_allowances());
		}
		all
	}

	/// See [`GuardianApi::global_cap`].
	pub fn global_allowances() -> Vec<WindowAllowance<BlockNumberFor<T>, T::Balance>> {
		GlobalCap::<T>::get()
			.map(|cap| {
				Self::describe_windows(&cap.windows, AllowanceScope::Global, Default::default())
			})
			.unwrap_or_default()
	}

	fn describe_windows(
		windows: &WindowsOf<T>,
		scope: AllowanceScope,
		free: T::Balance,
	) -> Vec<WindowAllowance<BlockNumberFor<T>, T::Balance>> {
		let now = debits::now::<T>();
		windows
			.iter()
			.map(|window| {
				let period: u64 = window.spec.period.saturated_into();
				let limit = debits::limit_at::<T>(window, now, free);
				let used = window.usage.used(period, now);
				WindowAllowance {
					scope,
					spec: window.spec,
					limit,
					used,
					remaining: sp_runtime::traits::Saturating::saturating_sub(limit, used),
				}
			})
			.collect()
	}
}
