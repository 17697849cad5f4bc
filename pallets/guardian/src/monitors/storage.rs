//! The monitors' storage: the monitors, their staleness deadlines, their per-block state, and
//! the values waiting to be judged.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod monitors_storage {
	/// The monitors, by source: rule, playbook and what each remembers.
	#[pallet::storage]
	pub type Monitors<T: Config> = CountedStorageMap<_, Twox64Concat, Source, MonitorOf<T>>;

	/// The staleness deadline of each monitor with `stale_after`.
	#[pallet::storage]
	pub type StaleWatch<T: Config> = StorageValue<_, StaleWatchOf<T>, ValueQuery>;

	/// The monitors' per-block state (the next staleness check, whether the issuance is
	/// watched, the sources to judge at the next block's start). A per-block key (read by
	/// `on_initialize` every block), whitelisted for benchmarks.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type Watch<T: Config> = StorageValue<_, WatchStateOf<T>, ValueQuery>;

	/// The last value a signed transaction reported for a source, judged after its dispatch
	/// (see [`crate::monitors::observation`]). Empty between transactions.
	#[pallet::storage]
	pub type PendingObservations<T: Config> = StorageMap<_, Twox64Concat, Source, u128>;

	/// The value of each source anyone can move (a reported metric) as it stands: judged at the
	/// start of the next block, as it stood at the end of the block (see
	/// [`crate::monitors::block_end`]).
	#[pallet::storage]
	pub type Standing<T: Config> = StorageMap<_, Twox64Concat, Source, (u128, BlockNumberFor<T>)>;
}
