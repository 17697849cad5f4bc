//! pallet-proxy, with the [`ProxyType`](super::ProxyType)s a delegator may grant.

use super::ProxyType;
use crate::{Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, System, UNIT};
use frame_support::{
	parameter_types,
	traits::{ConstU32, InstanceFilter},
};

/// `Any` may do everything. `NonTransfer` may not move its delegator's funds, nor put them
/// anywhere they could be lost or locked: no balance call, none of the guardian's calls that
/// hold a deposit or restrict the funds (an own limit, which restricts them for
/// `OwnLimitDelay`; a bonded report, whose deposit doubles with every open report and is
/// slashed on rejection), no proxy or multisig call (they reserve deposits), no collateral
/// position (reserved, and liquidatable). Nested calls (in batches) are filtered the same way.
impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => !moves_or_binds_funds(call),
		}
	}
	fn is_superset(&self, other: &Self) -> bool {
		matches!(
			(self, other),
			(ProxyType::Any, _) | (ProxyType::NonTransfer, ProxyType::NonTransfer)
		)
	}
}

/// Whether `call` moves its signer's funds or places them behind a deposit, a hold or a
/// reservation (see [`ProxyType::NonTransfer`]).
fn moves_or_binds_funds(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::Balances(..)
			| RuntimeCall::Proxy(
				pallet_proxy::Call::add_proxy { .. }
					| pallet_proxy::Call::create_pure { .. }
					| pallet_proxy::Call::announce { .. }
			) | RuntimeCall::Multisig(
			pallet_multisig::Call::as_multi { .. } | pallet_multisig::Call::approve_as_multi { .. }
		)
	) || binds_with_the_guardian(call)
}

/// Whether `call` is one of the guardian's (or its example consumer's) calls that hold or
/// restrict the signer's funds.
#[cfg(not(feature = "without-guardian"))]
fn binds_with_the_guardian(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::Guardian(
			pallet_guardian::Call::limit_own_outflow { .. }
				| pallet_guardian::Call::remove_own_limit { .. }
				| pallet_guardian::Call::enact_own_limit { .. }
				| pallet_guardian::Call::cancel_own_announcement { .. }
				| pallet_guardian::Call::report { .. }
		) | RuntimeCall::Collateral(..)
	)
}

/// Without the guardian (the benchmark baseline) there are no such calls.
#[cfg(feature = "without-guardian")]
fn binds_with_the_guardian(_call: &RuntimeCall) -> bool {
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
