//! What reads of a guarded account show: its cap as frozen balance, so that pallet-balances'
//! own liquidity checks refuse a polite debit beyond the allowance before it moves anything
//! (see [`LedgerGuard`](super::LedgerGuard)).

use super::{debits, tx_scope};
use crate::{AccountGuardOf, Config, GlobalCap, Guards, Pallet};
use codec::Encode;
use frame_support::traits::Get;
use frame_system::Phase;
use pallet_balances::AccountData;
use sp_runtime::{traits::Saturating, SaturatedConversion};

impl<T: Config> Pallet<T> {
	/// `data` (the account as stored) with `who`'s cap shown as frozen balance: `frozen` is
	/// raised to `free + reserved − allowance`, the allowance being the smallest remaining
	/// over the windows that limit `who` at the risk level in force, plus any inclusion fee
	/// being withdrawn from it. Unchanged for an unguarded account, and while a hook window
	/// holds value credited in anticipation (the debit that settles it must land; see
	/// [`super::excess`]).
	pub(crate) fn with_cap_shown(
		who: &T::AccountId,
		mut data: AccountData<T::Balance>,
	) -> AccountData<T::Balance> {
		if !Self::may_be_guarded(who) {
			return data;
		}
		let Some(guard) = Guards::<T>::get(who) else { return data };
		if tx_scope::first_read_of(&who.encode()) {
			// Its guard record and the global cap, charged to the transaction being recorded;
			// later reads in it are cached. Outside a transaction the caller's own weight
			// covers reading an account, which this adds two reads to.
			let _ = tx_scope::add_guard_work(T::DbWeight::get().reads(2));
		}
		if Self::hook_window_unbacked().is_some_and(|unbacked| unbacked > 0) {
			return data;
		}
		let Some(remaining) = Self::remaining_of(&guard, data.free) else { return data };
		let fee: T::Balance = tx_scope::fee_exemption_left(&who.encode()).saturated_into();
		let allowance = remaining.saturating_add(fee);
		let cap = data.free.saturating_add(data.reserved).saturating_sub(allowance);
		data.frozen = data.frozen.max(cap);
		data
	}

	/// The smallest remaining allowance over the windows of `guard` (own limit, policy, and
	/// with a policy the global cap), at the risk level in force, for free balance `free`;
	/// `None` if nothing limits the account.
	pub(crate) fn remaining_of(guard: &AccountGuardOf<T>, free: T::Balance) -> Option<T::Balance> {
		let now = debits::now::<T>();
		let remaining = |windows: &crate::WindowsOf<T>| {
			windows
				.iter()
				.map(|window| {
					let period: u64 = window.spec.period.saturated_into();
					debits::limit_at::<T>(window, now, free)
						.saturating_sub(window.usage.used(period, now))
				})
				.min()
		};
		let own = guard.own.as_ref().and_then(remaining);
		let policy = guard.policy.as_ref().and_then(|policy| remaining(&policy.windows));
		let global = guard
			.policy
			.as_ref()
			.and_then(|_| GlobalCap::<T>::get())
			.and_then(|cap| remaining(&cap.windows));
		[own, policy, global].into_iter().flatten().min()
	}

	/// If a guardian hook window is open and the block is still in the phase that opened it,
	/// outside any storage layer: how much value credited in it no debit has backed yet.
	/// Reads the block's phase and transaction level (two host calls); only consulted for
	/// guarded accounts.
	pub(crate) fn hook_window_unbacked() -> Option<u128> {
		if tx_scope::recording() {
			return None;
		}
		let (phase, unbacked) = tx_scope::hook_unbacked()?;
		let in_phase = matches!(
			(phase, frame_system::Pallet::<T>::execution_phase()),
			(tx_scope::HookPhase::Initialization, Some(Phase::Initialization))
				| (tx_scope::HookPhase::Finalization, Some(Phase::Finalization))
		);
		if !in_phase || frame_support::storage::transactional::is_transactional() {
			return None;
		}
		Some(unbacked)
	}
}
