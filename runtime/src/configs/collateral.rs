//! pallet-collateral, the guardian's example consumer: positions in the native token, priced
//! by feed [`NATIVE_PRICE_KEY`] read through [`pallet_guardian::GuardedFeed`] (nothing while
//! the guardian flags the feed), margins of [`BASE_RATIO`]% / [`ELEVATED_RATIO`]% by risk
//! level, none opened at `Critical`; the book's collateral ratio is reported as metric
//! [`COLLATERAL_RATIO_METRIC`].

use super::oracle::NATIVE_PRICE_KEY;
use crate::Runtime;
use frame_support::parameter_types;

/// The collateral ratio a position needs at `Normal` risk, in percent.
pub const BASE_RATIO: u32 = 150;
/// The collateral ratio a position needs at `Elevated` risk, in percent.
pub const ELEVATED_RATIO: u32 = 200;
/// The guardian metric id of the collateral book's ratio (per mille).
pub const COLLATERAL_RATIO_METRIC: u32 = 1;

parameter_types! {
	pub const NativePriceKey: u32 = NATIVE_PRICE_KEY;
	pub const PriceUnit: u128 = crate::UNIT;
	pub const CollateralRatioMetric: u32 = COLLATERAL_RATIO_METRIC;
	pub const BaseRatio: u32 = BASE_RATIO;
	pub const ElevatedRatio: u32 = ELEVATED_RATIO;
}

// guide:start consumer
impl pallet_collateral::Config for Runtime {
	type Currency = crate::Balances;
	type Prices = pallet_guardian::GuardedFeed<Runtime, crate::Oracle>; // nothing while flagged
	type PriceKey = NativePriceKey;
	type PriceUnit = PriceUnit;
	type Risk = crate::Guardian; // RiskLevelProvider: margins by level
	type Metrics = crate::Guardian; // MetricSink: the book's ratio, judged at the block's end
	type MetricId = CollateralRatioMetric;
	type BaseRatio = BaseRatio;
	type ElevatedRatio = ElevatedRatio;
}
// guide:end consumer
