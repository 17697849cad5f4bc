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
//! * **Bonded reports**: targets made reportable by root or a two-thirds council; a report
//!   pauses for at most [`MAX_REPORT_PAUSE`] and holds [`REPORT_DEPOSIT_BASE`], growing 10% per
//!   open report and doubling per own open report; 3 reporters within an hour escalate to
//!   [`PROGRAMMATIC_MAX_PAUSE`] and `Elevated`; confirmed reports earn [`REPORT_REWARD`] from
//!   the treasury, rejected ones are slashed to it; unjudged deposits are releasable
//!   [`REPORT_RELEASE_DELAY`] after their pause.

use super::CouncilCollective;
use crate::{
	AccountId, Balance, Balances, BlockNumber, Runtime, RuntimeCall, RuntimeFreezeReason,
	RuntimeHoldReason, DAYS, HOURS, UNIT,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, EitherOf, EitherOfDiverse, MapSuccess},
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess};
use pallet_collective::{EnsureProportionAtLeast, EnsureProportionMoreThan};
use pallet_guardian::caps::outflow::Debited;
use sp_runtime::traits::Replace;
use sp_runtime::traits::StaticLookup;

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

/// The deposit an own limit holds: 10 UNIT. It pays for the limit's storage, and makes an
/// attack on the guard index cost 6 830 UNIT locked (see `pallet_guardian::caps::guard_index`).
pub const OWN_LIMIT_DEPOSIT: Balance = 10 * UNIT;
/// How long an excess held on a recipient waits for governance before anyone may release it:
/// 7 days, more than twice a council motion's duration.
pub const EXCESS_HOLD_PERIOD: BlockNumber = 7 * DAYS;

/// The longest pause of one bonded report: 1 hour.
pub const MAX_REPORT_PAUSE: BlockNumber = HOURS;
/// A report's deposit when no report is open: 100 UNIT.
pub const REPORT_DEPOSIT_BASE: Balance = 100 * UNIT;
/// A confirmed report's reward, from the treasury: 1 000 UNIT.
pub const REPORT_REWARD: Balance = 1_000 * UNIT;
/// How long an unjudged report's deposit stays held after its pause: 3 days.
pub const REPORT_RELEASE_DELAY: BlockNumber = 3 * DAYS;

parameter_types! {
	pub const MaxReportPause: BlockNumber = MAX_REPORT_PAUSE;
	pub const ReportDepositBase: Balance = REPORT_DEPOSIT_BASE;
	pub const ReportDepositIncrease: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(10);
	pub const ReportEscalationWindow: BlockNumber = HOURS;
	pub const ReportReward: Balance = REPORT_REWARD;
	pub const ReportReleaseDelay: BlockNumber = REPORT_RELEASE_DELAY;
	pub const OwnLimitDeposit: Balance = OWN_LIMIT_DEPOSIT;
	pub const ExcessHoldPeriod: BlockNumber = EXCESS_HOLD_PERIOD;
	pub const OwnLimitDelay: BlockNumber = OWN_LIMIT_DELAY;
	pub const RootMaxPause: BlockNumber = ROOT_MAX_PAUSE;
	pub const CouncilMaxPause: BlockNumber = COUNCIL_MAX_PAUSE;
	pub const ProgrammaticMaxPause: BlockNumber = PROGRAMMATIC_MAX_PAUSE;
	/// Pallets whose calls are never paused.
	pub const NeverPaused: &'static [&'static str] = &["System", "Timestamp", "Sudo", "Council"];
	/// Each class of contributors' room among the 40 pauses: governance 8, the automatic
	/// responses 12 (three full playbooks), other pallets 4, bonded reports 16 (every reportable
	/// target), other chains' alerts none (this chain has no XCM).
	pub const Rooms: pallet_guardian::PauseRooms = pallet_guardian::PauseRooms {
		governance: 8,
		automatic: 12,
		programmatic: 4,
		reports: 16,
		alerts: 0,
	};
}

// guide:start origins
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
// guide:end origins

impl pallet_guardian::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type PauseOrigin = PauseOrigin;
	type ResumeOrigin = ResumeOrigin;
	type WhitelistedCalls = pallet_guardian::WhitelistedPallets<NeverPaused>;
	type MaxProgrammaticPause = ProgrammaticMaxPause;
	type MaxNameLen = ConstU32<48>;
	type MaxActivePauses = ConstU32<40>;
	type PauseRooms = Rooms;
	type Balance = Balance;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type Currency = Balances;
	type ConfigureOrigin = ResumeOrigin;
	type MaxWindows = ConstU32<MAX_WINDOWS>;
	type MaxResponseTargets = ConstU32<4>;
	type OwnLimitDelay = OwnLimitDelay;
	type OwnLimitDeposit = OwnLimitDeposit;
	type ExcessHoldPeriod = ExcessHoldPeriod;
	type OutflowEstimator = TemplateOutflow;
	type MaxMonitors = ConstU32<16>;
	type MaxReportPause = MaxReportPause;
	type MaxOpenReports = ConstU32<64>;
	type MaxReportableTargets = ConstU32<16>;
	type ReportDepositBase = ReportDepositBase;
	type ReportDepositIncrease = ReportDepositIncrease;
	type ReportsToEscalate = ConstU32<3>;
	type ReportEscalationWindow = ReportEscalationWindow;
	type EscalatedReportPause = ProgrammaticMaxPause;
	type ReportReleaseDelay = ReportReleaseDelay;
	type ReportReward = ReportReward;
	type ReportRewardPot = super::TreasuryAccount;
	type ReportSlash =
		frame_support::traits::tokens::imbalance::ResolveTo<super::TreasuryAccount, Balances>;
	// This chain has no XCM: no destination is reachable (so none can subscribe), no
	// location can alert it. A parachain's lines are in the README, "Parachains and XCM".
	type AlertRouter = ();
	type AlertOrigin =
		frame_support::traits::NeverEnsureOrigin<pallet_guardian::cross_chain::Location>;
	type AlertDeliveryWeight = ();
	type MaxAlertSubscribers = ConstU32<0>;
	type MaxAlertSources = ConstU32<0>;
	type MaxAlertKinds = ConstU32<1>;
	type MaxInboundPauses = ConstU32<1>;
	type MaxInboundCaps = ConstU32<0>;
	type InboundGovernance = frame_support::traits::Nothing;
	// The pool's refusals: Custom(180) a paused call, Custom(181) a cap (no other extension
	// of this runtime refuses with a Custom code).
	type RefusalCodes = pallet_guardian::DefaultRefusalCodes;
	type WeightInfo = pallet_guardian::weights::SubstrateWeight<Runtime>;
}

/// The template's outflow estimate for the pool check and the guard work reserved:
/// pallet-balances' transfers, in utility batches ([`pallet_guardian::BalancesTransfersInBatches`]), and
/// the calls a proxy or a multisig dispatches on behalf of another account (their debits are
/// that account's, so they count toward the work reserved, not the signer's outflow).
pub struct TemplateOutflow;

impl pallet_guardian::EstimateOutflow<AccountId, RuntimeCall, Balance> for TemplateOutflow {
	fn outflow(who: &AccountId, call: &RuntimeCall) -> Balance {
		<pallet_guardian::BalancesTransfersInBatches<Runtime> as pallet_guardian::EstimateOutflow<
			AccountId,
			RuntimeCall,
			Balance,
		>>::outflow(who, call)
	}

	fn max_debits(call: &RuntimeCall) -> u32 {
		debits_of(call, 0).max(1)
	}

	fn debited(who: &AccountId, call: &RuntimeCall) -> Debited<AccountId> {
		debited_by(who, call, 0)
	}

	fn moves_value(call: &RuntimeCall) -> bool {
		<pallet_guardian::BalancesTransfersInBatches<Runtime> as pallet_guardian::EstimateOutflow<
			AccountId,
			RuntimeCall,
			Balance,
		>>::moves_value(call)
	}
}

/// Whose balances `call`, signed by `who`, may debit: the signer for its transfers and its
/// deposits (in batches too), the delegator of a proxy, the account of a multisig, the
/// target of `sudo_as`; nobody for calls that move no value; [`Debited::Unknown`] for what
/// may move anyone's (root's calls, the council's motions, the treasury's payouts).
fn debited_by(who: &AccountId, call: &RuntimeCall, depth: u32) -> Debited<AccountId> {
	if depth > pallet_guardian::caps::outflow::MAX_ESTIMATE_DEPTH {
		return Debited::Unknown;
	}
	let signer = || Debited::Accounts(alloc::vec![who.clone()]);
	let inner =
		|who: &AccountId, call: &RuntimeCall| debited_by(who, call, depth.saturating_add(1));
	match call {
		RuntimeCall::System(..) | RuntimeCall::Timestamp(..) | RuntimeCall::Oracle(..) => {
			Debited::Nobody
		}
		RuntimeCall::Balances(..) | RuntimeCall::Guardian(..) | RuntimeCall::Collateral(..) => {
			signer()
		}
		RuntimeCall::Utility(
			pallet_utility::Call::batch { calls }
			| pallet_utility::Call::batch_all { calls }
			| pallet_utility::Call::force_batch { calls },
		) => calls.iter().fold(Debited::Nobody, |all, call| all.and(inner(who, call))),
		RuntimeCall::Utility(pallet_utility::Call::if_else { main, fallback }) => {
			inner(who, main).and(inner(who, fallback))
		}
		RuntimeCall::Utility(pallet_utility::Call::with_weight { call, .. }) => inner(who, call),
		RuntimeCall::Proxy(
			pallet_proxy::Call::proxy { real, call, .. }
			| pallet_proxy::Call::proxy_announced { real, call, .. },
		) => match <Runtime as frame_system::Config>::Lookup::lookup(real.clone()) {
			Ok(real) => signer().and(inner(&real, call)),
			Err(_) => Debited::Unknown,
		},
		RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
			other_signatories,
			call,
		}) => {
			let mut all = other_signatories.clone();
			all.push(who.clone());
			all.sort();
			let multi = pallet_multisig::Pallet::<Runtime>::multi_account_id(&all, 1);
			signer().and(inner(&multi, call))
		}
		RuntimeCall::Multisig(pallet_multisig::Call::as_multi {
			threshold,
			other_signatories,
			call,
			..
		}) => {
			let mut all = other_signatories.clone();
			all.push(who.clone());
			all.sort();
			let multi = pallet_multisig::Pallet::<Runtime>::multi_account_id(&all, *threshold);
			signer().and(inner(&multi, call))
		}
		RuntimeCall::Multisig(..) | RuntimeCall::Proxy(..) => signer(),
		RuntimeCall::Sudo(pallet_sudo::Call::sudo_as { who: target, call }) => {
			match <Runtime as frame_system::Config>::Lookup::lookup(target.clone()) {
				Ok(target) => inner(&target, call),
				Err(_) => Debited::Unknown,
			}
		}
		_ => Debited::Unknown,
	}
}

/// How many pallet-balances calls `call` dispatches, through batches, proxies and multisigs.
fn debits_of(call: &RuntimeCall, depth: u32) -> u32 {
	if depth > pallet_guardian::caps::outflow::MAX_ESTIMATE_DEPTH {
		return 0;
	}
	let inner = |call: &RuntimeCall| debits_of(call, depth.saturating_add(1));
	match call {
		RuntimeCall::Balances(..) => 1,
		RuntimeCall::Utility(
			pallet_utility::Call::batch { calls }
			| pallet_utility::Call::batch_all { calls }
			| pallet_utility::Call::force_batch { calls },
		) => calls.iter().fold(0u32, |total, call| total.saturating_add(inner(call))),
		RuntimeCall::Utility(pallet_utility::Call::if_else { main, fallback }) => {
			inner(main).saturating_add(inner(fallback))
		}
		RuntimeCall::Utility(
			pallet_utility::Call::as_derivative { call, .. }
			| pallet_utility::Call::dispatch_as { call, .. }
			| pallet_utility::Call::with_weight { call, .. },
		)
		| RuntimeCall::Proxy(
			pallet_proxy::Call::proxy { call, .. }
			| pallet_proxy::Call::proxy_announced { call, .. },
		)
		| RuntimeCall::Multisig(
			pallet_multisig::Call::as_multi { call, .. }
			| pallet_multisig::Call::as_multi_threshold_1 { call, .. },
		)
		| RuntimeCall::Sudo(
			pallet_sudo::Call::sudo { call } | pallet_sudo::Call::sudo_as { call, .. },
		) => inner(call),
		_ => 0,
	}
}
