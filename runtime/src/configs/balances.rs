//! pallet-balances, with the guardian's ledger guard as its account store.

use crate::System;
use crate::{
	Balance, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, EXISTENTIAL_DEPOSIT,
};
use frame_support::traits::{ConstU128, ConstU32, VariantCountOf};

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	/// Measured on this runtime, with the ledger guard as the account store.
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	/// The guardian's velocity caps sit in front of the account store: every debit of a
	/// guarded account, whatever caused it, is checked there.
	#[cfg(not(feature = "without-guardian"))]
	type AccountStore = pallet_guardian::LedgerGuard<Runtime, System>;
	#[cfg(feature = "without-guardian")]
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}
