//! `on_initialize`: resuming the pauses whose time is up.

use crate::{Config, Pallet, Summary, WeightInfo};
use frame_support::weights::Weight;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::SaturatedConversion;

impl<T: Config> Pallet<T> {
	/// Removes every pause that ends at or before `now` and emits `Resumed { Expired }` for
	/// each. Reads only the (whitelisted) summary unless a pause is due; the work is bounded by
	/// `MaxActivePauses`.
	pub(crate) fn expire_pauses(now: BlockNumberFor<T>) -> Weight {
		match Summary::<T>::get().next_expiry {
			Some(next) if next <= now => {}
			_ => return T::WeightInfo::on_initialize_idle(),
		}
		let (pauses, expired) = Self::live_pauses(now);
		let count: u32 = expired.len().saturated_into();
		Self::store_pauses(pauses, expired);
		T::WeightInfo::on_initialize_expire(count)
	}
}
