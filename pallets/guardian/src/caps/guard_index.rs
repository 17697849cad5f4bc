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
//! Counters saturate at 255 and then stay set, which can only cause false positives (one extra
//! read), never a missed guard.

use crate::{Config, GuardFilter, GuardIndex, Pallet};
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

impl GuardFilter {
	/// Count `who` in the index.
	pub(crate) fn add(&mut self, position: &Position) {
		for counter in position.counters.iter().flatten() {
			if let Some(count) = self.0.get_mut(position.offset(*counter)) {
				*count = count.saturating_add(1);
			}
		}
	}

	/// Stop counting `who`; saturated counters stay set.
	pub(crate) fn remove(&mut self, position: &Position) {
		for counter in position.counters.iter().flatten() {
			if let Some(count) = self.0.get_mut(position.offset(*counter)) {
				if *count < u8::MAX {
					*count = count.saturating_sub(1);
				}
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

impl<T: Config> Pallet<T> {
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
		index.add(&Position::of(who));
		GuardIndex::<T>::put(index);
	}

	/// Stop counting `who` (when its guard record is removed).
	pub(crate) fn index_remove(who: &T::AccountId) {
		if let Some(mut index) = GuardIndex::<T>::get() {
			index.remove(&Position::of(who));
			if index.0.iter().all(|count| *count == 0) {
				GuardIndex::<T>::kill();
			} else {
				GuardIndex::<T>::put(index);
			}
		}
	}
}
