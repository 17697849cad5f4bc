//! The breakers' storage: the pauses in force and their per-block summary.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod breakers_storage {
	/// The summary of [`Pauses`]: how many there are and the next expiry. A per-block key
	/// (read by `on_initialize` every block), whitelisted for benchmarks.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type Summary<T: Config> = StorageValue<_, PauseSummary<BlockNumberFor<T>>, ValueQuery>;

	/// Every active pause. One bounded value so that the filter needs one read at most.
	#[pallet::storage]
	pub type Pauses<T: Config> = StorageValue<_, PausesOf<T>, ValueQuery>;
}
