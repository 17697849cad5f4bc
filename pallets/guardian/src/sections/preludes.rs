//! Default configurations of the guardian, for `#[derive_impl]`.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod preludes {
	/// Default configurations of this pallet, for `#[derive_impl]`.
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, traits::ConstU64};

		/// A configuration for tests (a mock runtime with `u64` block numbers and balances):
		/// the bounds small enough to reach in a test. The origins, the whitelist, the pause
		/// rooms, the currency, its balance and every amount have no default.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeCall = ();
			#[inject_runtime_type]
			type RuntimeHoldReason = ();
			#[inject_runtime_type]
			type RuntimeFreezeReason = ();
			type MaxProgrammaticPause = ConstU64<50>;
			type MaxNameLen = ConstU32<32>;
			type MaxActivePauses = ConstU32<16>;
			type MaxWindows = ConstU32<3>;
			type MaxResponseTargets = ConstU32<2>;
			type OwnLimitDelay = ConstU64<20>;
			type ExcessHoldPeriod = ConstU64<30>;
			type OutflowEstimator = ();
			type MaxMonitors = ConstU32<3>;
			type MaxReportPause = ConstU64<10>;
			type MaxOpenReports = ConstU32<8>;
			type MaxReportableTargets = ConstU32<4>;
			type ReportsToEscalate = ConstU32<3>;
			type ReportEscalationWindow = ConstU64<10>;
			type EscalatedReportPause = ConstU64<40>;
			type ReportReleaseDelay = ConstU64<30>;
			type MaxAlertSubscribers = ConstU32<2>;
			type MaxAlertSources = ConstU32<2>;
			type MaxAlertKinds = ConstU32<3>;
			type MaxInboundPauses = ConstU32<4>;
			type MaxInboundCaps = ConstU32<2>;
			type InboundGovernance = frame_support::traits::Nothing;
			type RefusalCodes = DefaultRefusalCodes;
			type WeightInfo = ();
		}

		/// Blocks of six seconds, as the solochain and parachain templates keep.
		const MINUTES: u32 = 10;
		const HOURS: u32 = 60 * MINUTES;
		const DAYS: u32 = 24 * HOURS;

		/// A solochain without XCM, with `u32` block numbers of six seconds: the template
		/// runtime's bounds and durations. What a runtime still writes: the origins, the
		/// whitelist, the pause rooms, the currency and its balance, the amounts (deposits,
		/// reward), where slashes go, the cross-chain items (`()` and a never-origin without
		/// XCM) and `WeightInfo` with its own `DbWeight` (`weights::SubstrateWeight<Runtime>`;
		/// the default `()` prices storage at RocksDB's). `OutflowEstimator` is `()` (no pool
		/// refusal of an over-cap transfer: the ledger refuses it at dispatch);
		/// [`crate::BalancesTransfers`] is the one for pallet-balances and pallet-utility.
		pub struct SolochainDefaultConfig;

		#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for SolochainDefaultConfig {}

		#[frame_support::register_default_impl(SolochainDefaultConfig)]
		impl DefaultConfig for SolochainDefaultConfig {
			#[inject_runtime_type]
			type RuntimeCall = ();
			#[inject_runtime_type]
			type RuntimeHoldReason = ();
			#[inject_runtime_type]
			type RuntimeFreezeReason = ();
			type MaxProgrammaticPause = ConstU32<{ 6 * HOURS }>;
			type MaxNameLen = ConstU32<48>;
			type MaxActivePauses = ConstU32<40>;
			type MaxWindows = ConstU32<4>;
			type MaxResponseTargets = ConstU32<4>;
			type OwnLimitDelay = ConstU32<DAYS>;
			type ExcessHoldPeriod = ConstU32<{ 7 * DAYS }>;
			type OutflowEstimator = ();
			type MaxMonitors = ConstU32<16>;
			type MaxReportPause = ConstU32<HOURS>;
			type MaxOpenReports = ConstU32<64>;
			type MaxReportableTargets = ConstU32<16>;
			type ReportsToEscalate = ConstU32<3>;
			type ReportEscalationWindow = ConstU32<HOURS>;
			type EscalatedReportPause = ConstU32<{ 6 * HOURS }>;
			type ReportReleaseDelay = ConstU32<{ 3 * DAYS }>;
			type MaxAlertSubscribers = ConstU32<0>;
			type MaxAlertSources = ConstU32<0>;
			type MaxAlertKinds = ConstU32<1>;
			type MaxInboundPauses = ConstU32<1>;
			type MaxInboundCaps = ConstU32<0>;
			type InboundGovernance = frame_support::traits::Nothing;
			type RefusalCodes = DefaultRefusalCodes;
			type WeightInfo = ();
		}

		/// A parachain: [`SolochainDefaultConfig`] with room for XCM — 8 alert subscribers,
		/// 8 alert sources of up to 3 kinds each, 8 inbound pauses and 8 inbound caps. The
		/// cross-chain items themselves (`AlertRouter`, `AlertOrigin`,
		/// `AlertDeliveryWeight`) are the runtime's (see `crate::cross_chain`).
		pub struct ParachainDefaultConfig;

		#[derive_impl(frame_system::config_preludes::ParaChainDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for ParachainDefaultConfig {}

		#[derive_impl(SolochainDefaultConfig as DefaultConfig, no_aggregated_types)]
		#[frame_support::register_default_impl(ParachainDefaultConfig)]
		impl DefaultConfig for ParachainDefaultConfig {
			type MaxAlertSubscribers = ConstU32<8>;
			type MaxAlertSources = ConstU32<8>;
			type MaxAlertKinds = ConstU32<3>;
			type MaxInboundPauses = ConstU32<8>;
			type MaxInboundCaps = ConstU32<8>;
		}
	}
}
