//! pallet-timestamp: the timestamp inherent, which also tells pallet-aura the slot.

use crate::{Aura, Runtime};
use frame_support::traits::ConstU64;

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	/// Aura checks that the timestamp's slot is the block's slot.
	type OnTimestampSet = Aura;
	/// Half a slot: two blocks are at least a slot apart.
	type MinimumPeriod = ConstU64<{ crate::SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}
