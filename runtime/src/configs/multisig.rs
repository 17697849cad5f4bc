//! pallet-multisig.

use crate::{Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, System, UNIT};
use frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	pub const MultisigDepositBase: Balance = UNIT;
	pub const MultisigDepositFactor: Balance = UNIT / 10;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	type MaxSignatories = ConstU32<20>;
	type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = System;
}
