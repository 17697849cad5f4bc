//! pallet-balances: the guardian's ledger guard is its account store.

use crate::{Balance, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, System, UNIT};
use frame_support::{
	derive_impl,
	traits::{ConstU128, VariantCountOf},
};

// guide:start balances
#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<{ UNIT / 1_000 }>;
	// The guardian's freeze (the guard marker) among the runtime's reasons.
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	// Every debit of a guarded account, whatever caused it, is checked here.
	type AccountStore = pallet_guardian::LedgerGuard<Runtime, System>; // instead of `System`
}
// guide:end balances
