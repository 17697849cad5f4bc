//! The price oracle (pallet-oracle): the council's members feed values (one submission per
//! member per block); the combined value is the median of the fresh ones, and exists only
//! once a majority of the council (3 of 5) has a fresh value in. With the guardian, on every
//! submission [`pallet_guardian::OracleMonitor`] observes the combined value — what consumers
//! read — as the guardian's `Source::Feed(k)`, so one member can neither flag the feed nor move
//! its reference. Its consumer is configured in [`collateral`](super::collateral).

use super::CouncilCollective;
use crate::{AccountId, Runtime, Timestamp};
use frame_support::{
	parameter_types,
	traits::{ConstU32, SortedMembers},
	PalletId,
};

/// The oracle key of the native token's price (in quote units per [`crate::UNIT`]).
pub const NATIVE_PRICE_KEY: u32 = 0;

parameter_types! {
	pub const OraclePalletId: PalletId = PalletId(*b"guard/or");
	/// A member's value counts toward the median for an hour.
	pub const OracleValueLifetime: u64 = 60 * 60 * 1000;
	/// The fewest fresh submissions that make a combined value: a majority of the council,
	/// so that no single member's value is ever the value consumers read.
	pub const OracleMinimumCount: u32 = 3;
}

/// The oracle's members: the council.
pub struct CouncilMembers;
impl SortedMembers<AccountId> for CouncilMembers {
	fn sorted_members() -> alloc::vec::Vec<AccountId> {
		let mut members = pallet_collective::Members::<Runtime, CouncilCollective>::get();
		members.sort();
		members
	}
}

impl pallet_oracle::Config for Runtime {
	#[cfg(not(feature = "without-guardian"))]
	// guide:start oracle
	// OracleKey: Into<u32>, OracleValue: Into<u128>; the oracle's own value lifetime.
	type OnNewData = pallet_guardian::OracleMonitor<
		Runtime,
		pallet_guardian::FreshOracleValue<Runtime, OracleValueLifetime>,
	>;
	// guide:end oracle
	#[cfg(feature = "without-guardian")]
	type OnNewData = ();
	type CombineData =
		pallet_oracle::DefaultCombineData<Runtime, OracleMinimumCount, OracleValueLifetime>;
	type Time = Timestamp;
	type OracleKey = u32;
	type OracleValue = u128;
	type PalletId = OraclePalletId;
	type Members = CouncilMembers;
	type WeightInfo = ();
	type MaxHasDispatchedSize = ConstU32<16>;
	type MaxFeedValues = ConstU32<8>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
