//! The guard marker: a one-planck freeze ([`FreezeReason::Guarded`]) on every guarded account,
//! so that the ledger can tell an account without any freeze is unguarded from the data
//! pallet-balances already read (see [`LedgerGuard`](super::LedgerGuard)), and so that a
//! guarded account, which the marker gives a consumer reference, is never reaped.

use super::Caps;
use crate::lifecycle::memory;
use crate::{Config, Error, FreezeReason, LOG_TARGET};
use frame_support::traits::fungible::MutateFreeze;
use sp_runtime::{traits::One, DispatchResult};

impl<T: Config> Caps<T> {
	/// Put the marker on `who` (it must exist and have room for one more freeze).
	pub(crate) fn set_marker(who: &T::AccountId) -> DispatchResult {
		memory::own_operation(|| {
			T::Currency::set_freeze(&FreezeReason::Guarded.into(), who, One::one())
		})
		.map_err(|_| Error::<T>::AccountCannotBeGuarded.into())
	}

	/// Take the marker off `who`.
	pub(crate) fn clear_marker(who: &T::AccountId) {
		let result =
			memory::own_operation(|| T::Currency::thaw(&FreezeReason::Guarded.into(), who));
		if let Err(error) = result {
			log::warn!(target: LOG_TARGET, "marker of {who:?} not cleared: {error:?}");
		}
	}
}
