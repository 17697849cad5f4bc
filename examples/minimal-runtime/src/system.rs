//! frame-system: the guardian is the call filter and the block's observation points.

use crate::{
	AccountId, Balance, Block, Guardian, Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, RuntimeTask, VERSION,
};
use frame_support::{derive_impl, parameter_types};

parameter_types! {
	pub const Version: sp_version::RuntimeVersion = VERSION;
}

// guide:start system
#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type BaseCallFilter = Guardian; // without this the breakers are inert
								 // The block's observation points: the issuance after the `on_initialize` hooks, after the
								 // inherents and after the last transaction; values anyone can move at the block's end.
	type PreInherents = Guardian;
	type PostInherents = Guardian;
	type PostTransactions = Guardian;
}
// guide:end system
