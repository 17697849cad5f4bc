//! Default configurations of the guardian, for `#[derive_impl]`.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod preludes {
	/// Default configurations of this pallet, for `#[derive_impl]`.
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, traits::ConstU64};

		/// A configuration for tests (a mock runtime with `u64` block numbers and balances):
		/// the bounds small enough to reach in a test. The origins, the whitelist, the
		/// currency and its balance have no default.
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
			type OwnLimitDeposit = ConstU64<5>;
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
			type RefusalCodes = DefaultRefusalCodes;
			type WeightInfo = ();
		}
	}
}
