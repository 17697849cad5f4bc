//! The guardian's configuration in the template runtime.
//!
//! * **Pause** (fast, narrow): root, with a bound of [`ROOT_MAX_PAUSE`], or a simple majority
//!   of the council, with a short bound of [`COUNCIL_MAX_PAUSE`].
//! * **Resume** (slow, broad): root or a two-thirds super-majority of the council.
//! * **Never pausable**: the guardian itself, the inherents (System, Timestamp), Sudo and the
//!   Council, so that blocks keep being produced and governance can always act.
//! * **Velocity caps**: set, changed, removed and reset by root or a two-thirds council
//!   (slow, broad), up to [`MAX_WINDOWS`] windows each; an own limit's loosening waits
//!   [`OWN_LIMIT_DELAY`]; high-water responses may pause up to 4 targets.

use super::CouncilCollective;
use crate::{AccountId, Balance, Balances, BlockNumber, Runtime, RuntimeCall, DAYS, HOURS};
use frame_support::{
	parameter_types,
	traits::{ConstU32, EitherOf, EitherOfDiverse, MapSuccess},
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess};
use pallet_collective::{EnsureProportionAtLeast, EnsureProportionMoreThan};
use sp_runtime::traits::Replace;

/// The longest pause root may impose: 30 days.
pub const ROOT_MAX_PAUSE: BlockNumber = 30 * DAYS;
/// The longest pause a council majority may impose: 1 day. Longer needs root, or an
/// extension once most of it has run.
pub const COUNCIL_MAX_PAUSE: BlockNumber = DAYS;
/// The longest pause another pallet (a monitor) may impose: 6 hours.
pub const PROGRAMMATIC_MAX_PAUSE: BlockNumber = 6 * HOURS;

/// How many windows a cap policy may have.
pub const MAX_WINDOWS: u32 = 4;
/// How long an announced loosening of an own limit waits: 1 day.
pub const OWN_LIMIT_DELAY: BlockNumber = DAYS;

parameter_types! {
	pub const OwnLimitDelay: BlockNumber = OWN_LIMIT_DELAY;
	pub const RootMaxPause: BlockNumber = ROOT_MAX_PAUSE;
	pub const CouncilMaxPause: BlockNumber = COUNCIL_MAX_PAUSE;
	pub const ProgrammaticMaxPause: BlockNumber = PROGRAMMATIC_MAX_PAUSE;
	/// Pallets whose calls are never paused.
	pub const NeverPaused: &'static [&'static str] = &["System", "Timestamp", "Sudo", "Council"];
}

/// Root, or more than half of the council; `Success` is the longest pause each may impose.
pub type PauseOrigin = EitherOf<
	EnsureRootWithSuccess<AccountId, RootMaxPause>,
	MapSuccess<
		EnsureProportionMoreThan<AccountId, CouncilCollective, 1, 2>,
		Replace<CouncilMaxPause>,
	>,
>;

/// Root, or at least two thirds of the council.
pub type ResumeOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

impl pallet_guardian::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type PauseOrigin = PauseOrigin;
	type ResumeOrigin = ResumeOrigin;
	type WhitelistedCalls = pallet_guardian::WhitelistedPallets<NeverPaused>;
	type MaxProgrammaticPause = ProgrammaticMaxPause;
	type MaxNameLen = ConstU32<48>;
	type MaxActivePauses = ConstU32<32>;
	type Balance = Balance;
	type Currency = Balances;
	type CapOrigin = ResumeOrigin;
	type MaxWindows = ConstU32<MAX_WINDOWS>;
	type MaxResponseTargets = ConstU32<4>;
	type OwnLimitDelay = OwnLimitDelay;
	type OutflowEstimator = pallet_guardian::BalancesTransfers<Runtime>;
	type MaxMonitors = ConstU32<16>;
	type WeightInfo = pallet_guardian::weights::SubstrateWeight<Runtime>;
}
