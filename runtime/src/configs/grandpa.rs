//! pallet-grandpa: finality. The authorities set at genesis vote on chains; a block that more
//! than two thirds of them have voted for (directly or through a descendant) is final on every
//! node and is never reverted. No session pallet: the set is fixed until a runtime upgrade (or
//! a root call) changes it, and equivocations are not reported on chain.

use crate::{Runtime, RuntimeEvent};
use frame_support::traits::{ConstU32, ConstU64};

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<{ super::aura::MAX_AUTHORITIES }>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}
