//! `on_initialize`: resuming the pauses whose time is up.

use super::Breakers;
use crate::{Config, PauseTargetOf, Summary, WeightInfo};
use alloc::vec::Vec;
use frame_support::weights::Weight;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::SaturatedConversion;

impl<T: Config> Breakers<T> {
	/// Removes every pause that ends at or before `now` and emits `Resumed { Expired }` for
	/// each. Reads only the (whitelisted) summary unless a pause is due; the work is bounded by
	/// `MaxActivePauses`. Returns the weight used and the targets that expired (whose holds the
	/// engine then forgets).
	pub(crate) fn expire(now: BlockNumberFor<T>) -> (Weight, Vec<PauseTargetOf<T>>) {
		match Summary::<T>::get().next_expiry {
			Some(next) if next <= now => {}
			_ => return (T::WeightInfo::on_initialize_idle(), Vec::new()),
		}
		let (pauses, expired) = Self::live(now);
		let count: u32 = expired.len().saturated_into();
		Self::store(pauses, expired.clone());
		(T::WeightInfo::on_initialize_expire(count), expired)
	}
}
