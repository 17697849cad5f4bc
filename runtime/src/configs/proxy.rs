//! pallet-proxy, with the [`ProxyType`](super::ProxyType)s a delegator may grant.

use super::ProxyType;
use crate::{Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, System, UNIT};
use frame_support::{
	parameter_types,
	traits::{ConstU32, InstanceFilter},
};

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => !matches!(call, RuntimeCall::Balances(..)),
		}
	}
	fn is_superset(&self, other: &Self) -> bool {
		matches!(
			(self, other),
			(ProxyType::Any, _) | (ProxyType::NonTransfer, ProxyType::NonTransfer)
		)
	}
}

parameter_types! {
	pub const ProxyDepositBase: Balance = UNIT;
	pub const ProxyDepositFactor: Balance = UNIT / 10;
	pub const AnnouncementDepositBase: Balance = UNIT;
	pub const AnnouncementDepositFactor: Balance = UNIT / 10;
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	type MaxProxies = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_proxy::WeightInfo<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = sp_runtime::traits::BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = System;
}
