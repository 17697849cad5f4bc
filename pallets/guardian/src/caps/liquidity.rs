//! What reads of a guarded account show: its cap as frozen balance, so that pallet-balances'
//! own liquidity checks refuse a polite debit beyond the allowance before it moves anything
//! (see [`LedgerGuard`](super::LedgerGuard)) — and the tag that keeps what a read showed from
//! ever being stored.
//!
//! # A shown read is tagged, and a tagged write stores the truth
//!
//! pallet-balances writes some accounts back from what it read: `set_balance_on_hold` (every
//! hold placed, changed or released) copies the account as read and writes the copy with
//! the new `reserved`; `ensure_upgraded` copies an old account with its new flag. Read
//! through the guard, that copy carries the cap in `frozen`. So every read that raises
//! `frozen` also sets a bit of its own in the account's `flags` ([`CAP_SHOWN`]), a bit
//! pallet-balances never sets and copies along with the rest. When a write arrives with the
//! bit set, the guard knows the `frozen` it carries is what a read showed, not what the
//! account's locks and freezes make it: it writes the stored `frozen` back in its place and
//! clears the bit. The writes that do change `frozen` (`update_locks`, `update_freezes`)
//! start from the stored account, which never carries the bit, and are stored as written.
//!
//! No heuristic is involved (a written `frozen` equal to a shown cap is never mistaken for a
//! copy, nor the reverse), nothing is stored that pallet-balances' own logic did not put
//! there, and no repair is needed afterwards: the stored `frozen` is always what the
//! account's locks and freezes (the guard marker among them) make it. `try_state` checks it
//! for every account ([`LedgerTruth`](super::ledger::LedgerTruth)).

use super::debits;
use super::Caps;
use crate::lifecycle::memory;
use crate::{AccountGuardOf, Config, GlobalCap, Guards, LOG_TARGET};
use codec::{Decode, Encode};
use frame_support::traits::Get;
use frame_system::Phase;
use pallet_balances::{AccountData, ExtraFlags};
use sp_runtime::{traits::Saturating, SaturatedConversion};

/// The bit of `AccountData::flags` a read sets when it shows the cap (see the module docs).
/// pallet-balances uses only the most significant bit (`IS_NEW_LOGIC`).
pub const CAP_SHOWN: u128 = 1 << 126;

/// The flags as a number (`ExtraFlags` keeps its field private; it encodes as its `u128`).
fn bits(flags: &ExtraFlags) -> u128 {
	u128::decode(&mut &flags.encode()[..]).unwrap_or_default()
}

/// Flags with the given bits.
fn from_bits(bits: u128) -> Option<ExtraFlags> {
	ExtraFlags::decode(&mut &bits.encode()[..]).ok()
}

/// Whether `flags` carry the tag of a read that showed the cap.
pub(crate) fn is_shown(flags: &ExtraFlags) -> bool {
	bits(flags) & CAP_SHOWN != 0
}

/// Set the tag on `flags`; `false` (nothing changed) if it cannot be represented.
fn tag(flags: &mut ExtraFlags) -> bool {
	match from_bits(bits(flags) | CAP_SHOWN) {
		Some(tagged) => {
			*flags = tagged;
			true
		}
		None => false,
	}
}

/// Clear the tag on `flags`.
pub(crate) fn untag(flags: &mut ExtraFlags) {
	if let Some(clear) = from_bits(bits(flags) & !CAP_SHOWN) {
		*flags = clear;
	}
}

impl<T: Config> Caps<T> {
	/// `data` (the account as stored) with `who`'s cap shown as frozen balance: `frozen` is
	/// raised to `free + reserved − allowance`, the allowance being the smallest remaining
	/// over the windows that limit `who` at the risk level in force, plus any inclusion fee
	/// being withdrawn from it; when it is raised, the flags carry [`CAP_SHOWN`]. Unchanged for
	/// an unguarded account, and while a hook window holds value credited in anticipation
	/// (the debit that settles it must land; see [`super::excess`]).
	pub(crate) fn with_cap_shown(
		who: &T::AccountId,
		mut data: AccountData<T::Balance>,
	) -> AccountData<T::Balance> {
		if !Self::may_be_guarded(who) {
			return data;
		}
		let Some(guard) = Guards::<T>::get(who) else { return data };
		if memory::first_read_of(&who.encode()) {
			// Its guard record and the global cap, charged to the transaction being recorded;
			// later reads in it are cached. Outside a transaction the caller's own weight
			// covers reading an account, which this adds two reads to.
			let _ = memory::add_guard_work(T::DbWeight::get().reads(2));
		}
		if Self::hook_window_unbacked().is_some_and(|unbacked| unbacked > 0) {
			return data;
		}
		let Some(remaining) = Self::remaining_of(&guard, data.free) else { return data };
		let fee: T::Balance = memory::fee_exemption_left(&who.encode()).saturated_into();
		let allowance = remaining.saturating_add(fee);
		let cap = data.free.saturating_add(data.reserved).saturating_sub(allowance);
		if cap > data.frozen {
			if is_shown(&data.flags) || !tag(&mut data.flags) {
				// The stored flags already use the bit (a pallet-balances this guard does not
				// know): showing the cap could be stored. Refuse nothing, show nothing.
				log::error!(target: LOG_TARGET, "cannot tag the read of {who:?}: cap not shown");
				return data;
			}
			data.frozen = cap;
		}
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

	/// The hook window the block is in now: the block and its phase, if the block is in
	/// `on_initialize` or `on_finalize` (any pallet's, in whatever order they are declared)
	/// outside any signed transaction and any storage layer. Reads the block number, its phase
	/// and its transaction level (three host calls); only consulted for balance changes
	/// outside signed transactions and for guarded accounts.
	pub(crate) fn hook_window_now() -> Option<(u64, memory::HookPhase)> {
		if memory::recording() {
			return None;
		}
		let phase = match frame_system::Pallet::<T>::execution_phase() {
			Some(Phase::Initialization) => memory::HookPhase::Initialization,
			Some(Phase::Finalization) => memory::HookPhase::Finalization,
			_ => return None,
		};
		if frame_support::storage::transactional::is_transactional() {
			return None;
		}
		Some((frame_system::Pallet::<T>::block_number().saturated_into(), phase))
	}

	/// If the block is in a hook window ([`Self::hook_window_now`]): how much value credited
	/// in it no debit has backed yet.
	pub(crate) fn hook_window_unbacked() -> Option<u128> {
		let window = Self::hook_window_now()?;
		Some(memory::hook_unbacked(window))
	}
}
