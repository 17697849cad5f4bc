//! The response engine's storage: who holds each pause, each contributor's part of the risk
//! level and the level in force, and the responses in force.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod engine_storage {
	/// Who holds each paused target, until when (see [`crate::responses::holds`]). One bounded
	/// value (at most one entry per stored pause), read whenever a response or governance
	/// places, extends or withdraws a pause; never by the call filter.
	#[pallet::storage]
	pub type PauseHolds<T: Config> = StorageValue<_, PauseHoldsOf<T>, ValueQuery>;

	/// Each contributor's deadline at each risk level (see [`crate::responses::risk`]); the
	/// level in force is the highest with a live contribution, summarised in [`RiskState`].
	#[pallet::storage]
	pub type RiskContributions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Contributor, Twox64Concat, RiskLevel, BlockNumberFor<T>>;

	/// The risk level in force and its deadlines. A per-block key (read by `on_initialize`
	/// every block), whitelisted for benchmarks.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type RiskState<T: Config> =
		StorageValue<_, responses::LevelState<BlockNumberFor<T>>, ValueQuery>;

	/// The responses in force, by contributor: what each answered and until when (see
	/// [`crate::responses::playbooks`]). Only monitors and alert sources respond one at a time.
	#[pallet::storage]
	pub type Responses<T: Config> =
		StorageMap<_, Twox64Concat, Contributor, responses::Response<BlockNumberFor<T>>>;
}
