//! pallet-proxy, with the [`ProxyType`](super::ProxyType)s a delegator may grant.

use super::ProxyType;
use crate::{Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, System, UNIT};
use frame_support::{
	parameter_types,
	traits::{ConstU32, InstanceFilter},
};

/// `Any` may do everything; `NonTransfer` may neither move balances nor touch the guardian's
/// own-limit calls: an own limit restricts the delegator's funds for `OwnLimitDelay`, which a
/// proxy that may not move funds must not be able to impose (or lift).
impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => {
				!matches!(call, RuntimeCall::Balances(..)) && !touches_own_limit(call)
			}
		}
	}
	fn is_superset(&self, other: &Self) -> bool {
		matches!(
			(self, other),
			(ProxyType::Any, _) | (ProxyType::NonTransfer, ProxyType::NonTransfer)
		)
	}
}

/// Whether `call` is one of the guardian's own-limit calls.
#[cfg(not(feature = "without-guardian"))]
fn touches_own_limit(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::Guardian(
			pallet_guardian::Call::limit_own_outflow { .. }
				| pallet_guardian::Call::remove_own_limit { .. }
				| pallet_guardian::Call::enact_own_limit { .. }
				| pallet_guardian::Call::cancel_own_announcement { .. }
		)
	)
}

/// Without the guardian (the benchmark baseline) there are no own-limit calls.
#[cfg(feature = "without-guardian")]
fn touches_own_limit(_call: &RuntimeCall) -> bool {
	false
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
