//! The velocity caps' storage: the guarded accounts' records, the guard index, the global cap,
//! own limits' announcements and deposits.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod caps_storage {
	/// The guard index: a 2 KiB counting filter of the guarded accounts, read in part on each
	/// debit (see [`crate::caps::guard_index`]). Read by `on_initialize` every block and
	/// whitelisted.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type GuardIndex<T: Config> = StorageValue<_, GuardFilter>;

	/// The policy, own limit and usage of each guarded account.
	#[pallet::storage]
	pub type Guards<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, AccountGuardOf<T>>;

	/// The cap on the sum of debits of all accounts with a governance policy.
	#[pallet::storage]
	pub type GlobalCap<T: Config> = StorageValue<_, PolicyOf<T>>;

	/// Announced loosenings and removals of own limits.
	#[pallet::storage]
	pub type OwnLimitAnnouncements<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, AnnouncementOf<T>>;

	/// How many outflows went beyond their account's allowance, ever: by a forced path (a
	/// slash, a forced withdrawal), or let through on value credited in anticipation (and then
	/// held, see [`crate::caps::excess`]).
	#[pallet::storage]
	pub type DebitsBeyondCap<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// The deposit each own limit holds ([`HoldReason::OwnLimit`]).
	#[pallet::storage]
	pub type OwnLimitDeposits<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::Balance>;

	/// The guard index's counters beyond 255, by counter (see [`crate::caps::guard_index`]).
	#[pallet::storage]
	pub type GuardIndexOverflow<T: Config> = StorageMap<_, Twox64Concat, u16, u32, ValueQuery>;
}
