//! pallet-aura: block production in turns. Each slot of [`crate::SLOT_DURATION`] belongs to
//! one authority (round robin over the authorities set at genesis); the node of that authority
//! authors the slot's block and seals it with its `aura` key. A block's slot comes from its
//! pre-runtime digest and must increase from block to block.

use crate::Runtime;
use frame_support::traits::{ConstBool, ConstU32, ConstU64};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

/// The most block authors (and GRANDPA voters) the runtime takes.
pub const MAX_AUTHORITIES: u32 = 32;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type DisabledValidators = ();
	/// One block per slot: two authors cannot both build on the same slot.
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = ConstU64<{ crate::SLOT_DURATION }>;
}
