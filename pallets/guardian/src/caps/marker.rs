//! The guard marker: a one-planck freeze ([`FreezeReason::Guarded`]) on every guarded account,
//! so that the ledger can tell an account without any freeze is unguarded from the data
//! pallet-balances already read (see [`LedgerGuard`](super::LedgerGuard)), and so that a
//! guarded account, which the marker gives a consumer reference, is never reaped.
//!
//! pallet-balances rewrites an account's stored `frozen` from what it read when it changes a
//! hold (`set_balance_on_hold` copies the account as read, the cap included). Any write that
//! changes a guarded account's `frozen` therefore schedules a repair ([`MarkerRepairs`]): at
//! the end of the transaction, or in the next `on_initialize`, the marker is set again and
//! pallet-balances recomputes `frozen` from the account's locks and freezes. Until then the
//! account is, if anything, frozen more than its cap: never less.

use super::tx_scope;
use crate::{Config, Error, FreezeReason, MarkerRepairs, Pallet, LOG_TARGET};
use frame_support::traits::{fungible::MutateFreeze, Get};
use sp_runtime::{traits::One, DispatchResult};

#[cfg(doc)]
use crate::FreezeReason as _;

impl<T: Config> Pallet<T> {
	/// Put the marker on `who` (it must exist and have room for one more freeze).
	pub(crate) fn set_marker(who: &T::AccountId) -> DispatchResult {
		tx_scope::own_operation(|| {
			T::Currency::set_freeze(&FreezeReason::Guarded.into(), who, One::one())
		})
		.map_err(|_| Error::<T>::AccountCannotBeGuarded.into())
	}

	/// Take the marker off `who`.
	pub(crate) fn clear_marker(who: &T::AccountId) {
		let result =
			tx_scope::own_operation(|| T::Currency::thaw(&FreezeReason::Guarded.into(), who));
		if let Err(error) = result {
			log::warn!(target: LOG_TARGET, "marker of {who:?} not cleared: {error:?}");
		}
	}

	/// Note that a write changed guarded account `who`'s stored `frozen`: its marker is set
	/// again by [`Self::repair_markers`]. Ignored during the guardian's own operations.
	pub(crate) fn schedule_marker_repair(who: &T::AccountId) {
		if tx_scope::in_own_operation() {
			return;
		}
		MarkerRepairs::<T>::mutate(|pending| {
			if !pending.contains(who) {
				// Bounded: a repair that does not fit leaves the account frozen more than its
				// cap until the next write schedules it again.
				let _ = pending.try_push(who.clone());
			}
		});
		tx_scope::note_repair_scheduled();
	}

	/// Set the marker again on every account scheduled for repair, so that pallet-balances
	/// recomputes their `frozen` from their locks and freezes. Returns the weight used.
	pub(crate) fn repair_markers() -> frame_support::weights::Weight {
		let pending = MarkerRepairs::<T>::take();
		let mut weight = T::DbWeight::get().reads_writes(1, 1);
		for who in pending.iter() {
			if crate::Guards::<T>::contains_key(who) {
				let _ = Self::set_marker(who);
			}
			weight = weight.saturating_add(T::DbWeight::get().reads_writes(3, 3));
		}
		weight
	}
}
