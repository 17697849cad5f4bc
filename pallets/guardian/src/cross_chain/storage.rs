//! The cross-chain capability's storage: inbound pauses, alert subscriptions and sources,
//! inbound caps and the minted excess they hold.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod cross_chain_storage {
	/// Pauses of inbound XCM (see [`crate::cross_chain::inbound`]). Read by `on_initialize`
	/// every block for expiry, and by [`PausableProcessor`] for every message; whitelisted for
	/// benchmarks.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type XcmInboundPauses<T: Config> = StorageValue<_, InboundPausesOf<T>, ValueQuery>;

	/// The destinations this chain alerts when a playbook fires (see
	/// [`crate::cross_chain::alerts_out`]).
	#[pallet::storage]
	pub type AlertSubscriptions<T: Config> = StorageValue<_, SubscriptionsOf<T>, ValueQuery>;

	/// The alerts the router refused, waiting to be offered again with the block's spare
	/// weight (see [`crate::cross_chain::alerts_out`]): one per subscriber and kind.
	#[pallet::storage]
	pub type UndeliveredAlerts<T: Config> = StorageValue<_, UndeliveredAlertsOf<T>, ValueQuery>;

	/// The locations allowed to alert this chain, with their mapped playbooks (see
	/// [`crate::cross_chain::alerts_in`]).
	#[pallet::storage]
	pub type AlertSources<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, cross_chain::Location, AlertSourceOf<T>>;

	/// The inbound value caps, by origin (see [`crate::cross_chain::inflow`]).
	#[pallet::storage]
	pub type InboundCaps<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, cross_chain::Location, InboundCapOf<T>>;

	/// Where the native value in the holding of the inbound message being processed came from
	/// (from the origin's account, minted on its word, already here; see
	/// [`crate::cross_chain::inflow`]). In storage so that an instruction that fails rolls its
	/// notes back with what it did; removed when the message ends, so it is never in a block's
	/// state.
	#[pallet::storage]
	pub type InboundHolding<T: Config> = StorageValue<_, [u128; 3], OptionQuery>;

	/// Value minted on the word of an origin (second key) beyond its inbound cap, held on an
	/// account (first key), and until when only governance may release it; governance may
	/// burn it (see [`crate::cross_chain::inflow`]). The hold is [`HoldReason::Excess`], as
	/// for [`ExcessHolds`].
	#[pallet::storage]
	pub type MintedExcessHolds<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		cross_chain::Location,
		ExcessHold<T::Balance, BlockNumberFor<T>>,
	>;

	/// Alert sources muted after governance reset their response, by source identifier, until
	/// the block their reset response would have ended (see
	/// [`crate::cross_chain::alerts_in`]): alerts queued behind the response's own inbound
	/// pause cannot restart it. At most one per alert source; removed with the source.
	#[pallet::storage]
	pub type MutedAlertSources<T: Config> =
		StorageMap<_, Twox64Concat, u32, BlockNumberFor<T>, OptionQuery>;

	/// The identifier of the next alert source.
	#[pallet::storage]
	pub type NextAlertSourceId<T: Config> = StorageValue<_, u32, ValueQuery>;
}
