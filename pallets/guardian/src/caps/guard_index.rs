//! The guard index: a fixed-size counting filter of the guarded accounts, so that the ledger
//! can tell "certainly not guarded" without reading anything per account.
//!
//! The index is [`GROUPS`] groups of [`GROUP_LEN`] one-byte counters (2 KiB in all), stored as
//! the raw bytes of [`crate::GuardIndex`]. An account hashes (blake2-128 of its encoding) to
//! one group and up to three counters in it; a guarded account has all of its counters above
//! zero. A balance change of an account reads the 8 bytes of its group with one partial
//! `storage::read` of that key: the key is read in `on_initialize` of every block and
//! whitelisted for benchmarks, so this costs **no charged storage read**. When the filter says
//! "maybe" (a guarded account, or rarely a collision), the ledger reads
//! [`crate::Guards`] once: never more than one charged read.
//!
//! Counters are exact: a counter at 255 counts the guards beyond it in
//! [`crate::GuardIndexOverflow`] and comes down again as they are removed, so the index can
//! never be saturated for good. With the guard marker (see [`LedgerGuard`](super::LedgerGuard))
//! the index is only consulted for accounts that hold some freeze or lock.
//!
//! # What it costs an attacker to make others pay a read
//!
//! A false positive costs its account one read of [`crate::Guards`] (charged to the transaction
//! through [`crate::CheckVelocity`]). To make *every* account with a freeze or lock pay it, an
//! attacker must set every counter: 2 048 counters, at most three per guarded account (keys can
//! be ground to choose them), so at least 683 guarded accounts, each an own limit holding
//! [`crate::Config::OwnLimitDeposit`] (10 UNIT in the template runtime: 6 830 UNIT locked for as
//! long as the attack lasts), for a gain of one read on transfers from accounts that already
//! hold a lock. Accounts without any freeze or lock, almost all of them, never read the index.

use super::Caps;
use crate::{Config, GuardFilter, GuardIndex, GuardIndexOverflow};
use codec::Encode;
use frame_support::{Blake2_128, StorageHasher};

/// Number of groups.
pub const GROUPS: usize = 256;
/// Counters per group: one group is read per balance change.
pub const GROUP_LEN: usize = 8;
/// Size of the index in bytes.
pub const INDEX_LEN: usize = GROUPS * GROUP_LEN;

impl Default for GuardFilter {
	fn default() -> Self {
		Self([0; INDEX_LEN])
	}
}

impl core::fmt::Debug for GuardFilter {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		let set = self.0.iter().filter(|c| **c > 0).count();
		write!(f, "GuardFilter({set} of {INDEX_LEN} counters set)")
	}
}

/// Where an account's counters are: its group, and up to three distinct counters in it.
pub(crate) struct Position {
	group: usize,
	counters: [Option<usize>; 3],
}

impl Position {
	pub(crate) fn of(who: &impl Encode) -> Self {
		let [first, rest @ ..] = who.using_encoded(Blake2_128::hash);
		let group = usize::from(first) % GROUPS;
		let mut counters = [None; 3];
		let mut taken = [false; GROUP_LEN];
		for (slot, byte) in counters.iter_mut().zip(rest.iter()) {
			let counter = usize::from(*byte) % GROUP_LEN;
			if let Some(seen) = taken.get_mut(counter) {
				if !*seen {
					*seen = true;
					*slot = Some(counter);
				}
			}
		}
		Self { group, counters }
	}

	fn offset(&self, counter: usize) -> usize {
		self.group.saturating_mul(GROUP_LEN).saturating_add(counter)
	}

	fn set_in(&self, group: &[u8]) -> bool {
		self.counters
			.iter()
			.flatten()
			.all(|counter| group.get(*counter).is_some_and(|count| *count > 0))
	}
}

impl Position {
	/// The offsets in the index of this position's counters.
	pub(crate) fn offsets(&self) -> impl Iterator<Item = usize> + '_ {
		self.counters.iter().flatten().map(|counter| self.offset(*counter))
	}
}

impl GuardFilter {
	/// Count `who` in the index; returns the offsets of the counters that were already full
	/// (255), whose overflow the caller counts.
	pub(crate) fn add(&mut self, position: &Position) -> alloc::vec::Vec<usize> {
		let mut full = alloc::vec::Vec::new();
		for offset in position.offsets() {
			if let Some(count) = self.0.get_mut(offset) {
				if *count == u8::MAX {
					full.push(offset);
				} else {
					*count = count.saturating_add(1);
				}
			}
		}
		full
	}

	/// Stop counting `who`, except at the offsets in `overflowing` (whose overflow the caller
	/// decrements instead).
	pub(crate) fn remove(&mut self, position: &Position, overflowing: &[usize]) {
		for offset in position.offsets() {
			if overflowing.contains(&offset) {
				continue;
			}
			if let Some(count) = self.0.get_mut(offset) {
				*count = count.saturating_sub(1);
			}
		}
	}

	/// Whether `position` is (maybe) in the index.
	#[cfg(test)]
	pub(crate) fn contains(&self, position: &Position) -> bool {
		let start = position.group.saturating_mul(GROUP_LEN);
		self.0.get(start..start.saturating_add(GROUP_LEN)).is_some_and(|g| position.set_in(g))
	}
}

impl<T: Config> Caps<T> {
	/// Whether `who` may be guarded: one partial read of 8 bytes of the whitelisted index.
	/// `false` means certainly not guarded.
	pub fn may_be_guarded(who: &T::AccountId) -> bool {
		let position = Position::of(who);
		let mut group = [0u8; GROUP_LEN];
		let offset = u32::try_from(position.group.saturating_mul(GROUP_LEN)).unwrap_or(u32::MAX);
		match sp_io::storage::read(&GuardIndex::<T>::hashed_key(), &mut group, offset) {
			Some(_) => position.set_in(&group),
			None => false,
		}
	}

	/// Count `who` in the index (when its guard record is created).
	pub(crate) fn index_add(who: &T::AccountId) {
		let mut index = GuardIndex::<T>::get().unwrap_or_default();
		for offset in index.add(&Position::of(who)) {
			GuardIndexOverflow::<T>::mutate(offset_key(offset), |extra| {
				*extra = extra.saturating_add(1)
			});
		}
		GuardIndex::<T>::put(index);
	}

	/// Stop counting `who` (when its guard record is removed).
	pub(crate) fn index_remove(who: &T::AccountId) {
		let Some(mut index) = GuardIndex::<T>::get() else { return };
		let position = Position::of(who);
		let mut overflowing = alloc::vec::Vec::new();
		for offset in position.offsets() {
			let key = offset_key(offset);
			if GuardIndexOverflow::<T>::contains_key(key) {
				overflowing.push(offset);
				GuardIndexOverflow::<T>::mutate_exists(key, |extra| {
					*extra = extra.map(|e| e.saturating_sub(1)).filter(|e| *e > 0);
				});
			}
		}
		index.remove(&position, &overflowing);
		if index.0.iter().all(|count| *count == 0) {
			GuardIndex::<T>::kill();
		} else {
			GuardIndex::<T>::put(index);
		}
	}
}

/// The key of a counter's overflow.
pub(crate) fn offset_key(offset: usize) -> u16 {
	u16::try_from(offset).unwrap_or(u16::MAX)
}
