//! The guardian: root pauses (for at most 30 days) and resumes; `System` and `Sudo` are
//! never paused; everything else comes from the solochain prelude.

use crate::{
	AccountId, Balance, Balances, BlockNumber, Runtime, RuntimeCall, RuntimeFreezeReason,
	RuntimeHoldReason, DAYS, UNIT,
};
use frame_support::{derive_impl, parameter_types, traits::NeverEnsureOrigin, PalletId};
use frame_system::{EnsureRoot, EnsureRootWithSuccess};
use sp_runtime::{traits::AccountIdConversion, Perbill};

// guide:start config
parameter_types! {
	pub const RootMaxPause: BlockNumber = 30 * DAYS;
	// Never paused: the inherents and governance (the guardian itself is always exempt).
	pub const NeverPaused: &'static [&'static str] = &["System", "Sudo"];
	// Each class of contributors' room among the prelude's 40 pauses: governance, the
	// automatic responses, other pallets, bonded reports, other chains' alerts (no XCM here).
	pub const Rooms: pallet_guardian::PauseRooms = pallet_guardian::PauseRooms {
		governance: 8, automatic: 12, programmatic: 4, reports: 16, alerts: 0,
	};
	// The amounts have no default: they depend on the token's decimals and price.
	pub const OwnLimitDeposit: Balance = 10 * UNIT;
	pub const ReportDepositBase: Balance = 100 * UNIT;
	pub const ReportDepositIncrease: Perbill = Perbill::from_percent(10);
	pub const ReportReward: Balance = 1_000 * UNIT;
	// Confirmed reports are paid from this account (fund it); rejected deposits are burnt.
	pub RewardPot: AccountId = PalletId(*b"gdn/rwrd").into_account_truncating();
}

#[derive_impl(pallet_guardian::config_preludes::SolochainDefaultConfig)]
impl pallet_guardian::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type PauseOrigin = EnsureRootWithSuccess<AccountId, RootMaxPause>; // Success: longest pause
	type ResumeOrigin = EnsureRoot<AccountId>;
	type ConfigureOrigin = EnsureRoot<AccountId>; // policies, monitors, reportable targets
	type WhitelistedCalls = pallet_guardian::WhitelistedPallets<NeverPaused>;
	type PauseRooms = Rooms;
	type Balance = Balance;
	type Currency = Balances;
	// What a call debits, for the pool check (with pallet-utility: BalancesTransfersInBatches).
	type OutflowEstimator = pallet_guardian::BalancesTransfers<Runtime>;
	type OwnLimitDeposit = OwnLimitDeposit;
	type ReportDepositBase = ReportDepositBase;
	type ReportDepositIncrease = ReportDepositIncrease;
	type ReportReward = ReportReward;
	type ReportRewardPot = RewardPot;
	type ReportSlash = ();
	// No XCM: nothing to route alerts through, no origin for other chains' alerts.
	type AlertRouter = ();
	type AlertOrigin = NeverEnsureOrigin<pallet_guardian::cross_chain::Location>;
	type AlertDeliveryWeight = ();
	type WeightInfo = pallet_guardian::weights::SubstrateWeight<Runtime>;
}
// guide:end config
