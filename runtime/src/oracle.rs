//! The price oracle (pallet-oracle) and, with the guardian, its example consumer
//! (pallet-collateral).
//!
//! * **Oracle**: the council's members feed values (one submission per member per block);
//!   the combined value is the median of the fresh ones. With the guardian, every submitted
//!   value is observed by [`pallet_guardian::OracleMonitor`] (key `k` is the guardian's
//!   `Source::Feed(k)`).
//! * **Collateral**: positions in the native token, priced by feed [`NATIVE_PRICE_KEY`] read
//!   through [`pallet_guardian::GuardedFeed`] (nothing while the guardian flags the feed),
//!   margins of [`BASE_RATIO`]% / [`ELEVATED_RATIO`]% by risk level, none opened at
//!   `Critical`; the book's collateral ratio is reported as metric [`COLLATERAL_RATIO_METRIC`].

use crate::{configs::CouncilCollective, AccountId, Runtime, Timestamp};
use frame_support::{
	parameter_types,
	traits::{ConstU32, SortedMembers},
	PalletId,
};

/// The oracle key of the native token's price (in quote units per [`crate::UNIT`]).
pub const NATIVE_PRICE_KEY: u32 = 0;
/// The collateral ratio a position needs at `Normal` risk, in percent.
pub const BASE_RATIO: u32 = 150;
/// The collateral ratio a position needs at `Elevated` risk, in percent.
pub const ELEVATED_RATIO: u32 = 200;
/// The guardian metric id of the collateral book's ratio (per mille).
pub const COLLATERAL_RATIO_METRIC: u32 = 1;

parameter_types! {
	pub const OraclePalletId: PalletId = PalletId(*b"guard/or");
	/// A member's value counts toward the median for an hour.
	pub const OracleValueLifetime: u64 = 60 * 60 * 1000;
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
	type OnNewData = pallet_guardian::OracleMonitor<Runtime>;
	#[cfg(feature = "without-guardian")]
	type OnNewData = ();
	type CombineData = pallet_oracle::DefaultCombineData<Runtime, ConstU32<1>, OracleValueLifetime>;
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

#[cfg(not(feature = "without-guardian"))]
parameter_types! {
	pub const NativePriceKey: u32 = NATIVE_PRICE_KEY;
	pub const PriceUnit: u128 = crate::UNIT;
	pub const CollateralRatioMetric: u32 = COLLATERAL_RATIO_METRIC;
	pub const BaseRatio: u32 = BASE_RATIO;
	pub const ElevatedRatio: u32 = ELEVATED_RATIO;
}

#[cfg(not(feature = "without-guardian"))]
impl pallet_collateral::Config for Runtime {
	type Currency = crate::Balances;
	type Prices = pallet_guardian::GuardedFeed<Runtime, crate::Oracle>;
	type PriceKey = NativePriceKey;
	type PriceUnit = PriceUnit;
	type Risk = crate::Guardian;
	type Metrics = crate::Guardian;
	type MetricId = CollateralRatioMetric;
	type BaseRatio = BaseRatio;
	type ElevatedRatio = ElevatedRatio;
}
