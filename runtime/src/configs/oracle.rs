//! The price oracle (pallet-oracle): the council's members feed values (one submission per
//! member per block); the combined value is the median of the fresh ones. With the guardian,
//! every submitted value is observed by [`pallet_guardian::OracleMonitor`] (key `k` is the
//! guardian's `Source::Feed(k)`). Its consumer is configured in
//! [`collateral`](super::collateral).

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
