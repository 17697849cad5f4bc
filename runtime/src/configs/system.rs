//! frame-system: the block limits (two seconds of compute, 5 MiB, 75% for normal
//! transactions) and, unless built `without-guardian`, the guardian as `BaseCallFilter` and
//! at the block's observation points.

use crate::{
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, VERSION,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::ConstU32,
	weights::{
		constants::{RocksDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		Weight,
	},
};
use frame_system::limits::BlockWeights;
use sp_runtime::Perbill;

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: sp_version::RuntimeVersion = VERSION;
	/// Two seconds of compute per block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	pub RuntimeBlockLength: frame_system::limits::BlockLength =
		frame_system::limits::BlockLength::builder()
			.max_length(5 * 1024 * 1024)
			.modify_max_length_for_class(frame_support::dispatch::DispatchClass::Normal, |m| {
				*m = NORMAL_DISPATCH_RATIO * *m
			})
			.build();
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = RocksDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	/// Every dispatch with a non-root origin, nested ones included, passes the guardian.
	#[cfg(not(feature = "without-guardian"))]
	type BaseCallFilter = crate::Guardian;
	#[cfg(feature = "without-guardian")]
	type BaseCallFilter = frame_support::traits::Everything;
	/// The guardian judges the issuance after the `on_initialize` hooks, after the inherents
	/// and after the last transaction, and values anyone can move at the block's end.
	#[cfg(not(feature = "without-guardian"))]
	type PreInherents = crate::Guardian;
	#[cfg(not(feature = "without-guardian"))]
	type PostInherents = crate::Guardian;
	#[cfg(not(feature = "without-guardian"))]
	type PostTransactions = crate::Guardian;
	#[cfg(feature = "without-guardian")]
	type PreInherents = ();
	#[cfg(feature = "without-guardian")]
	type PostInherents = ();
	#[cfg(feature = "without-guardian")]
	type PostTransactions = ();
}
