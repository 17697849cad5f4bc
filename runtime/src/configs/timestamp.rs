//! pallet-timestamp: the timestamp inherent.

use crate::Runtime;
use frame_support::traits::ConstU64;

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = ();
	/// The dev node seals blocks on demand (instant seal) or on a timer of any length, so
	/// timestamps need only increase. A chain with slot-based consensus sets half its slot.
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}
