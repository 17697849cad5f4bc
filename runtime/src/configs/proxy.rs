//! pallet-proxy, with the [`ProxyType`](super::ProxyType)s a delegator may grant.

use super::ProxyType;
use crate::{Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, System, UNIT};
use frame_support::{
	parameter_types,
	traits::{ConstU32, InstanceFilter},
};

/// `Any` may do everything. `NonTransfer` may only make the calls that leave its delegator's
/// funds alone: nothing that moves them, and nothing that puts them behind a deposit, a hold, a
/// reservation or a lock (a bonded report, whose deposit doubles with every open report and is
/// slashed on rejection; an own limit, which restricts them for `OwnLimitDelay`; a proxy, an
/// announcement or a multisig, which reserve deposits; a collateral position, reserved and
/// liquidatable), and nothing that acts as another account (`proxy`, `as_derivative`, `sudo`).
/// It is an allowlist ([`leaves_funds_alone`]): a pallet added to the runtime is refused to
/// `NonTransfer` until it is listed. Nested calls (in batches) are filtered the same way.
impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => leaves_funds_alone(call),
		}
	}
	fn is_superset(&self, other: &Self) -> bool {
		matches!(
			(self, other),
			(ProxyType::Any, _) | (ProxyType::NonTransfer, ProxyType::NonTransfer)
		)
	}
}

/// Whether `call` neither moves its signer's funds nor binds them (see
/// [`ProxyType::NonTransfer`]).
pub fn leaves_funds_alone(call: &RuntimeCall) -> bool {
	match call {
		RuntimeCall::System(
			frame_system::Call::remark { .. } | frame_system::Call::remark_with_event { .. },
		) => true,
		// The nested calls are filtered one by one.
		RuntimeCall::Utility(
			pallet_utility::Call::batch { .. }
			| pallet_utility::Call::batch_all { .. }
			| pallet_utility::Call::force_batch { .. },
		) => true,
		// Removing proxies and announcements gives deposits back.
		RuntimeCall::Proxy(
			pallet_proxy::Call::remove_proxy { .. }
			| pallet_proxy::Call::remove_proxies { .. }
			| pallet_proxy::Call::reject_announcement { .. }
			| pallet_proxy::Call::remove_announcement { .. },
		) => true,
		RuntimeCall::Multisig(pallet_multisig::Call::cancel_as_multi { .. }) => true,
		// The council's proposals hold no deposit (`Consideration = ()`).
		RuntimeCall::Council(
			pallet_collective::Call::propose { .. }
			| pallet_collective::Call::vote { .. }
			| pallet_collective::Call::close { .. },
		) => true,
		// Paying out an approved spend moves the treasury's funds to its beneficiary.
		RuntimeCall::Treasury(
			pallet_treasury::Call::payout { .. } | pallet_treasury::Call::check_status { .. },
		) => true,
		RuntimeCall::Oracle(pallet_oracle::Call::feed_values { .. }) => true,
		_ => guardian_leaves_funds_alone(call),
	}
}

/// The guardian's calls a `NonTransfer` proxy may make: the permissionless releases (they give
/// value back to whom it belongs). Everything else either needs a governance origin or binds
/// the signer's funds (own limits, reports).
#[cfg(not(feature = "without-guardian"))]
fn guardian_leaves_funds_alone(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::Guardian(
			pallet_guardian::Call::release_excess { .. }
				| pallet_guardian::Call::release_report_deposit { .. }
		)
	)
}

/// Without the guardian (the benchmark baseline) there are no such calls.
#[cfg(feature = "without-guardian")]
fn guardian_leaves_funds_alone(_call: &RuntimeCall) -> bool {
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
