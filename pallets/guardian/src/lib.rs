//! # pallet-guardian: chain-level security automation
//!
//! Exploits run at machine speed; governance does not. The guardian lives in the runtime and
//! gives a chain three capabilities, each a module of this crate:
//!
//! | capability | module | what it does |
//! |---|---|---|
//! | circuit breakers | [`breakers`] | stop a call, a pallet or the whole chain (safe mode) in the block the decision is taken; every pause expires |
//! | velocity caps | [`caps`] | bound how fast value leaves protected accounts, enforced in the balances ledger itself so that no path escapes |
//! | monitors and automatic response | [`monitors`] | judge the issuance, oracle feeds, reported metrics and the caps' high-water marks; answer an anomaly in the same block with a playbook; every response expires |
//! | bonded reports | [`reports`] | any account puts a deposit behind an alarm on a target governance declared reportable: a short pause, judged by governance (reward or slash) |
//! | cross-chain orchestration | [`cross_chain`] | pause inbound XCM by origin (messages wait in the queue, never dropped); alert subscribed chains over XCM when a playbook fires; answer allowed chains' alerts with a mapped, expiring playbook |
//!
//! Shared pieces, where a FRAME developer expects them: the pallet itself (config, storage,
//! events, errors, genesis, hooks and calls) in this file, [`rolling_window`] (the exact
//! rolling window the caps and the monitors both count in), [`runtime_api`] (the
//! `GuardianApi` wallets and polkadot.js apps read), `invariants` (`try_state`), [`weights`]
//! and `benchmarking`. Unit tests are in `src/tests/`, one file per capability.
//!
//! ## How the pieces fit
//!
//! ```text
//!           governance (PauseOrigin fast/narrow · ResumeOrigin, CapOrigin slow/broad)
//!                  │ pause/resume            │ policies, global cap   │ monitors
//!                  ▼                         ▼                        ▼
//!   ┌──────── breakers ────────┐   ┌──────── caps ─────────┐   ┌──────── monitors ────────┐
//!   │ Pauses · Summary         │◄──│ high-water response   │   │ Issuance · Feed · Metric │
//!   │ BaseCallFilter (every    │   │ LedgerGuard: every    │──►│ · outflow high-water     │
//!   │ dispatch) · CheckPaused  │◄──┼───────────────────────┼───│ playbook: pause + level  │
//!   │ (pool) · expiry (hook)   │   │ debit of every balance│◄──│ RiskLevel scales caps    │
//!   └──────────────────────────┘   │ CheckVelocity (pool,  │   └──────────────────────────┘
//!                                  │ refusals, issuance)   │
//!                                  └───────────────────────┘
//! ```
//!
//! ## Integrating
//!
//! 1. Add the pallet with `PauseOrigin`, `ResumeOrigin`, `WhitelistedCalls` and the bounds
//!    (see the template runtime in `runtime/src/configs/guardian.rs`).
//! 2. Wire the filter: `type BaseCallFilter = pallet_guardian::Pallet<Runtime>;` (or combine it
//!    with your own with `InsideBoth`). Without this the breakers are inert.
//! 3. Add [`CheckPaused<Runtime>`] and [`CheckVelocity<Runtime>`] to the runtime's transaction
//!    extension tuple, before `ChargeTransactionPayment`.
//! 4. Whitelist Sudo and the governance pallet (and System), so that governance can always
//!    act. Inherents (`DispatchClass::Mandatory`) are never paused, listed or not.
//! 5. For the caps: `type AccountStore = pallet_guardian::LedgerGuard<Runtime, System>;` in
//!    pallet-balances and `ExemptFees` around the fee handler ([`caps`] has the details).
//! 6. For the monitors: pallet-oracle's
//!    `OnNewData = OracleMonitor<Runtime, FreshOracleValue<Runtime, ValueLifetime>>` (with a
//!    `MinimumCount` of a majority of its members) and consumers
//!    reading through `GuardedFeed` (feature `oracle`, on by default); other pallets report
//!    through [`MetricSink`] and read the level through [`RiskLevelProvider`].
//!
//! Pallets written for polkadot-sdk's pallet-tx-pause or pallet-safe-mode work with the
//! guardian unchanged: it implements [`TransactionPause`](frame_support::traits::TransactionPause)
//! and [`SafeMode`](frame_support::traits::SafeMode) (safe mode is the `Chain` target), beside
//! its own [`CircuitBreaker`] (see [`breakers::sdk_traits`]).
//!
//! ## On a network of validators
//!
//! Every decision the guardian takes is a state transition of the runtime, so it is a
//! consensus decision and nothing else:
//!
//! * **In force from the including block, on every node.** A `pause` (or a policy, a monitor's
//!   response, a risk level) submitted to any node is gossiped, included by whichever validator
//!   authors the next block, and in force for every later extrinsic of that block and every
//!   block built on it — on each node that imports it. No node-local switch exists: nodes
//!   that import the same block hold the same `Pauses`, policies and level.
//! * **Forks and finality.** Until GRANDPA finalizes the including block, a competing fork may
//!   not contain the pause; a node following that fork does not enforce it. An operator waits
//!   for finality before treating a pause as settled (the multi-node test measures when it is
//!   final on all five nodes). A pause expires at a block number, so it expires at the same
//!   height on every fork.
//! * **Other nodes' pools.** [`CheckPaused`] and [`CheckVelocity`] validate against each
//!   node's best block: once a node imports the pausing block, its pool refuses new
//!   transactions calling the paused call (`Custom(PAUSED_CALL_ERROR)`) and re-validates the
//!   ones it holds; a transaction a node accepted before it saw the pause is still filtered
//!   by `BaseCallFilter` when a block includes it (a nested call fails `CallFiltered`).
//! * **The runtime API** ([`runtime_api`]) reads state at a block hash: asked at the same hash,
//!   every node answers the same bytes.
//!
//! ## Features
//!
//! * `oracle` (default): [`OracleMonitor`] and [`GuardedFeed`], the adapters to pallet-oracle.
//! * `utility` (default): [`BalancesTransfers`] also estimates transfers inside
//!   pallet-utility's batches. Without it, only top-level pallet-balances transfers.
//! * `runtime-benchmarks`, `try-runtime`, `std` as usual.
//!
//! ## Weights
//!
//! [`weights`] is generated by frame-benchmarking on the template runtime
//! (`benchmarking/generate-weights.sh`). Extrinsics charge their worst case; `on_initialize`
//! returns what it did; [`CheckPaused`] and [`CheckVelocity`] charge their worst case up front
//! and refund what they did not do (an unguarded transfer with nothing paused keeps
//! `check_paused_none` and `ledger_debit_unguarded`, both without a charged read); each
//! committed debit of a guarded account adds `ledger_debit_guarded` to the block. The measured
//! cost against the same runtime without the guardian is in `benchmarking/REPORT.md`.
//!
//! ## Logging
//!
//! Under the target [`LOG_TARGET`] (`runtime::guardian`).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(rustdoc::broken_intra_doc_links)]

extern crate alloc;

pub mod breakers;
pub mod caps;
pub mod cross_chain;
mod invariants;
pub mod migrations;
pub mod monitors;
pub mod reports;
pub mod rolling_window;
pub mod runtime_api;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod tests;

pub use breakers::{
	CheckPaused, CircuitBreaker, PauseRecord, PauseSummary, PauseTarget, PauseTargetInput,
	PauseWhitelist, ResumeReason, WhitelistedPallets, PAUSED_CALL_ERROR,
};
pub use caps::{
	debit_of, guard_index, tx_scope, AccountGuard, Announcement, BalancesTransfers, CapScope,
	CheckVelocity, EstimateOutflow, ExcessHold, ExemptFees, GuardFilter, LedgerGuard, Limit,
	Policy, PolicyInput, Response, ResponseInput, Window, WindowSpec, CAP_EXCEEDED_ERROR,
};
pub use cross_chain::{
	AlertPlaybook, AlertPlaybookInput, AlertSource, AllowAlertsFrom, CappedInflow, GuardianAlert,
	InboundCap, InboundPause, IsAlertSource, PausableProcessor, Subscription,
	RECEIVE_ALERT_CALL_INDEX,
};
pub use monitors::{
	AlertState, Anomaly, Contributor, Flag, MetricSink, Monitor, MonitorInput, MonitorState,
	Playbook, PlaybookInput, RiskLevel, RiskLevelProvider, Rule, Source,
};
#[cfg(feature = "oracle")]
pub use monitors::{CombinedFeed, FreshOracleValue, GuardedFeed, OracleMonitor};
pub use pallet::*;
pub use reports::{Report, ReportId, ReporterRecord};
/// The rolling window's first name, kept for other crates' paths.
pub use rolling_window as velocity;
pub use weights::WeightInfo;

use frame_support::traits::GetCallMetadata;

/// The log target of everything the guardian logs.
pub const LOG_TARGET: &str = "runtime::guardian";

/// How many contributors may hold one pause: every monitor, governance, the caps' responses,
/// other pallets, bonded reports and every alert source.
pub struct MaxPauseOwners<T>(core::marker::PhantomData<T>);
impl<T: Config> frame_support::traits::Get<u32> for MaxPauseOwners<T> {
	fn get() -> u32 {
		T::MaxMonitors::get().saturating_add(4).saturating_add(T::MaxAlertSources::get())
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		dispatch::GetDispatchInfo,
		pallet_prelude::*,
		traits::{fungible, tokens, IsSubType, IsType, OnUnbalanced},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{Dispatchable, StaticLookup, Zero},
		Perbill,
	};

	/// The storage layout version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// A name as stored: bounded by [`Config::MaxNameLen`].
	pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;
	/// A pause target as stored.
	pub type PauseTargetOf<T> = PauseTarget<NameOf<T>>;
	/// A pause record as stored.
	pub type PauseRecordOf<T> = PauseRecord<NameOf<T>, BlockNumberFor<T>>;
	/// All active pauses.
	pub type PausesOf<T> = BoundedVec<PauseRecordOf<T>, <T as Config>::MaxActivePauses>;
	/// Who holds a pause placed by an automatic response, and until when.
	pub type PauseOwnersOf<T> =
		BoundedVec<(Contributor, BlockNumberFor<T>), crate::MaxPauseOwners<T>>;
	/// A window specification.
	pub type WindowSpecOf<T> = WindowSpec<BlockNumberFor<T>, <T as Config>::Balance>;
	/// A window with its usage.
	pub type WindowOf<T> = Window<BlockNumberFor<T>, <T as Config>::Balance>;
	/// The windows of a policy or own limit.
	pub type WindowsOf<T> = BoundedVec<WindowOf<T>, <T as Config>::MaxWindows>;
	/// A governance policy (or the global cap) as stored.
	pub type PolicyOf<T> = Policy<
		NameOf<T>,
		BlockNumberFor<T>,
		<T as Config>::Balance,
		<T as Config>::MaxWindows,
		<T as Config>::MaxResponseTargets,
	>;
	/// A high-water response as stored.
	pub type ResponseOf<T> =
		Response<NameOf<T>, BlockNumberFor<T>, <T as Config>::MaxResponseTargets>;
	/// A policy as given to an extrinsic.
	pub type PolicyInputOf<T> = PolicyInput<BlockNumberFor<T>, <T as Config>::Balance>;
	/// What the guardian stores about a guarded account.
	pub type AccountGuardOf<T> = AccountGuard<
		NameOf<T>,
		BlockNumberFor<T>,
		<T as Config>::Balance,
		<T as Config>::MaxWindows,
		<T as Config>::MaxResponseTargets,
	>;
	/// A monitor as stored.
	pub type MonitorOf<T> =
		Monitor<NameOf<T>, BlockNumberFor<T>, <T as Config>::MaxResponseTargets>;
	/// A monitor as given to an extrinsic.
	pub type MonitorInputOf<T> = MonitorInput<BlockNumberFor<T>>;
	/// What a monitor remembers, as stored.
	pub type MonitorStateOf<T> = MonitorState<BlockNumberFor<T>>;
	/// The staleness deadlines, as stored.
	pub type StaleWatchOf<T> = BoundedVec<(Source, BlockNumberFor<T>), <T as Config>::MaxMonitors>;
	/// A pending loosening of an own limit.
	pub type AnnouncementOf<T> =
		Announcement<BlockNumberFor<T>, <T as Config>::Balance, <T as Config>::MaxWindows>;
	/// A report as stored.
	pub type ReportOf<T> = Report<
		<T as frame_system::Config>::AccountId,
		PauseTargetOf<T>,
		<T as frame_system::Config>::Hash,
		<T as Config>::Balance,
		BlockNumberFor<T>,
	>;
	/// The reports open on a target.
	pub type ReportIdsOf<T> = BoundedVec<ReportId, <T as Config>::MaxOpenReports>;
	/// An allowed alert source as stored.
	pub type AlertSourceOf<T> = AlertSource<
		NameOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxResponseTargets,
		<T as Config>::MaxAlertKinds,
	>;
	/// A playbook as stored.
	pub type PlaybookOf<T> =
		Playbook<NameOf<T>, BlockNumberFor<T>, <T as Config>::MaxResponseTargets>;
	/// An alert playbook as stored.
	pub type AlertPlaybookOf<T> =
		AlertPlaybook<NameOf<T>, BlockNumberFor<T>, <T as Config>::MaxResponseTargets>;
	/// An inbound cap as stored.
	pub type InboundCapOf<T> = InboundCap<BlockNumberFor<T>, <T as Config>::Balance>;
	/// The pauses of inbound XCM, as stored.
	pub type InboundPausesOf<T> =
		BoundedVec<InboundPause<BlockNumberFor<T>>, <T as Config>::MaxInboundPauses>;
	/// The alert subscriptions, as stored.
	pub type SubscriptionsOf<T> =
		BoundedVec<Subscription<<T as Config>::MaxAlertKinds>, <T as Config>::MaxAlertSubscribers>;
	/// A credit of the guarded currency (a slashed deposit).
	pub type CreditOf<T> =
		fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
	type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

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
			type MaxActivePauses = ConstU32<4>;
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
			type WeightInfo = ();
		}
	}

	/// The guardian's configuration. The template runtime's is `runtime/src/configs/guardian.rs`.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The runtime's call type, with the metadata the guardian validates names against.
		#[pallet::no_default_bounds]
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo
			+ GetCallMetadata
			+ IsSubType<Call<Self>>
			+ From<Call<Self>>
			+ IsType<<Self as frame_system::Config>::RuntimeCall>;

		/// Who may pause and extend pauses and responses, and raise the risk level. `Success`
		/// is the longest pause (in blocks, from now) the origin may impose: large for root,
		/// short for a fast narrow body.
		#[pallet::no_default]
		type PauseOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = BlockNumberFor<Self>>;

		/// Who may resume before the expiry, reset a response and clear the risk level. Should
		/// be broader and slower than `PauseOrigin`.
		#[pallet::no_default]
		type ResumeOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Calls that are never paused (safe mode included). Should contain at least the sudo
		/// pallet and the governance pallet; inherents (`DispatchClass::Mandatory`) are never
		/// paused whether listed or not.
		#[pallet::no_default]
		type WhitelistedCalls: PauseWhitelist<<Self as Config>::RuntimeCall>;

		/// The longest pause another pallet may impose through [`CircuitBreaker`] (and the
		/// `TransactionPause` / `SafeMode` traits), and so the longest automatic response: it
		/// bounds every high-water response's and every playbook's `duration`.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MaxProgrammaticPause: Get<BlockNumberFor<Self>>;

		/// The longest pallet or call name a target may hold.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// How many pauses may be in force at once. Bounds the filter's one read and the
		/// hook's work per block.
		#[pallet::constant]
		type MaxActivePauses: Get<u32>;

		/// The balance type of the guarded currency (pallet-balances' `Balance`).
		#[pallet::no_default]
		type Balance: tokens::Balance;

		/// The runtime's hold reason, of which the guardian's [`HoldReason`] is a part.
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;

		/// The runtime's freeze reason, of which the guardian's [`FreezeReason`] is a part.
		#[pallet::no_default_bounds]
		type RuntimeFreezeReason: From<FreezeReason>;

		/// The guarded currency (pallet-balances): to read balances, hold deposits and excess,
		/// and set the guard marker.
		#[pallet::no_default]
		type Currency: fungible::Mutate<Self::AccountId, Balance = Self::Balance>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>
			+ fungible::MutateFreeze<Self::AccountId, Id = Self::RuntimeFreezeReason>;

		/// Who may configure the guardian's automatic defences: set, change and remove cap
		/// policies and the global cap, reset usage, and set and remove monitors. Should be
		/// slow and broad.
		#[pallet::no_default]
		type CapOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// How many windows a policy, an own limit or the global cap may have.
		#[pallet::constant]
		type MaxWindows: Get<u32>;

		/// How many targets a high-water response or a playbook may pause.
		#[pallet::constant]
		type MaxResponseTargets: Get<u32>;

		/// How many blocks an announced loosening or removal of an own limit waits.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type OwnLimitDelay: Get<BlockNumberFor<Self>>;

		/// The deposit an own limit holds from its account ([`HoldReason::OwnLimit`]), released
		/// with it: the storage it takes is paid for, and making the guard index report false
		/// positives costs an attacker this much per account (see [`caps::guard_index`]).
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type OwnLimitDeposit: Get<Self::Balance>;

		/// How long an excess held on a recipient ([`caps::excess`]) stays held before anyone
		/// may release it: the time governance has to return it.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ExcessHoldPeriod: Get<BlockNumberFor<Self>>;

		/// What a call will debit from its signer, for the pool check of [`CheckVelocity`], and
		/// how many debits it may make at most, for the weight [`CheckVelocity`] charges up
		/// front ([`BalancesTransfers`] for pallet-balances and pallet-utility; `()` for none).
		#[pallet::no_default_bounds]
		type OutflowEstimator: EstimateOutflow<
			Self::AccountId,
			<Self as frame_system::Config>::RuntimeCall,
			Self::Balance,
		>;

		/// How many monitors (issuance, feeds, metrics, outflows) may be set. Bounds the
		/// staleness check's work in a block.
		#[pallet::constant]
		type MaxMonitors: Get<u32>;

		/// The longest pause one bonded report may impose (short: an hour or so). At most
		/// `MaxProgrammaticPause`.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MaxReportPause: Get<BlockNumberFor<Self>>;

		/// How many reports may be open (deposit held) at once, chain-wide. Bounds the deposit's
		/// growth computation and the reports kept per target.
		#[pallet::constant]
		type MaxOpenReports: Get<u32>;

		/// How many targets governance may declare reportable.
		#[pallet::constant]
		type MaxReportableTargets: Get<u32>;

		/// The deposit of a report when none is open ([`reports`] explains its growth).
		#[pallet::constant]
		#[pallet::no_default]
		type ReportDepositBase: Get<Self::Balance>;

		/// How much a report's deposit grows for every report open chain-wide (compounded).
		#[pallet::constant]
		#[pallet::no_default]
		type ReportDepositIncrease: Get<Perbill>;

		/// How many distinct reporters of one target, filed within
		/// `ReportEscalationWindow`, escalate it (at least 2).
		#[pallet::constant]
		type ReportsToEscalate: Get<u32>;

		/// The window within which reports count toward escalation.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ReportEscalationWindow: Get<BlockNumberFor<Self>>;

		/// How long an escalated target stays paused (and the level `Elevated`), from the
		/// escalating report. At most `MaxProgrammaticPause`.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type EscalatedReportPause: Get<BlockNumberFor<Self>>;

		/// How long after its pause ended an unjudged report's deposit stays held (the time
		/// governance has to judge it) before anyone may release it.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ReportReleaseDelay: Get<BlockNumberFor<Self>>;

		/// What a confirmed report's reporter is paid, from `ReportRewardPot`.
		#[pallet::constant]
		#[pallet::no_default]
		type ReportReward: Get<Self::Balance>;

		/// The account rewards are paid from (the treasury's, or a pot of their own).
		#[pallet::no_default]
		type ReportRewardPot: Get<Self::AccountId>;

		/// Where a rejected report's slashed deposit goes (the treasury).
		#[pallet::no_default]
		type ReportSlash: OnUnbalanced<CreditOf<Self>>;

		/// Where alerts go: the runtime's XCM router (`()` on a chain without XCM: no
		/// destination is reachable, so none can be subscribed). See [`cross_chain`].
		#[pallet::no_default]
		type AlertRouter: xcm::latest::SendXcm;

		/// Who may deliver an alert, and from where:
		/// `pallet_xcm::EnsureXcm<IsAlertSource<Runtime>>` (`NeverEnsureOrigin` without XCM).
		#[pallet::no_default]
		type AlertOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = cross_chain::Location>;

		/// The weight of delivering one alert through `AlertRouter` (for cumulus' XCMP queue,
		/// its benchmarked send); registered on the block for every alert sent.
		#[pallet::constant]
		#[pallet::no_default]
		type AlertDeliveryWeight: Get<Weight>;

		/// How many destinations may subscribe to this chain's alerts.
		#[pallet::constant]
		type MaxAlertSubscribers: Get<u32>;

		/// How many locations may alert this chain. Each keeps one inbound pause slot.
		#[pallet::constant]
		type MaxAlertSources: Get<u32>;

		/// How many kinds one subscription lists, and one alert source maps.
		#[pallet::constant]
		type MaxAlertKinds: Get<u32>;

		/// How many pauses of inbound XCM may be stored (governance's and the alert
		/// responses'); more than `MaxAlertSources`, the rest is governance's.
		#[pallet::constant]
		type MaxInboundPauses: Get<u32>;

		/// How many origins may have an inbound value cap.
		#[pallet::constant]
		type MaxInboundCaps: Get<u32>;

		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;
	}

	/// The summary of [`Pauses`]: how many there are and the next expiry. A per-block key
	/// (read by `on_initialize` every block), whitelisted for benchmarks.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type Summary<T: Config> = StorageValue<_, PauseSummary<BlockNumberFor<T>>, ValueQuery>;

	/// Every active pause. One bounded value so that the filter needs one read at most.
	#[pallet::storage]
	pub type Pauses<T: Config> = StorageValue<_, PausesOf<T>, ValueQuery>;

	/// The guard index: a 2 KiB counting filter of the guarded accounts, read in part on each
	/// debit (see [`guard_index`]). Read by `on_initialize` every block and whitelisted.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type GuardIndex<T: Config> = StorageValue<_, GuardFilter>;

	/// The policy, own limit and usage of each guarded account.
	#[pallet::storage]
	pub type Guards<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, AccountGuardOf<T>>;

	/// The cap on the sum of debits of all accounts with a governance policy.
	#[pallet::storage]
	pub type GlobalCap<T: Config> = StorageValue<_, PolicyOf<T>>;

	/// Announced loosenings and removals of own limits.
	#[pallet::storage]
	pub type OwnLimitAnnouncements<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, AnnouncementOf<T>>;

	/// The risk level's deadlines and the next staleness check. A per-block key (read by
	/// `on_initialize` every block), whitelisted for benchmarks.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type Alert<T: Config> = StorageValue<_, AlertState<BlockNumberFor<T>>, ValueQuery>;

	/// The monitors, by source: rule, playbook and what each remembers.
	#[pallet::storage]
	pub type Monitors<T: Config> = CountedStorageMap<_, Twox64Concat, Source, MonitorOf<T>>;

	/// The staleness deadline of each monitor with `stale_after`.
	#[pallet::storage]
	pub type StaleWatch<T: Config> = StorageValue<_, StaleWatchOf<T>, ValueQuery>;

	/// How many outflows went beyond their account's allowance (by a forced path: a slash, a
	/// forced withdrawal; or let through on value credited in anticipation), ever. (Named for
	/// the refusals it counted before the ledger stopped refusing.)
	#[pallet::storage]
	pub type RejectedDebits<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// The deposit each own limit holds ([`HoldReason::OwnLimit`]).
	#[pallet::storage]
	pub type OwnLimitDeposits<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::Balance>;

	/// The guard index's counters beyond 255, by counter (see [`caps::guard_index`]).
	#[pallet::storage]
	pub type GuardIndexOverflow<T: Config> = StorageMap<_, Twox64Concat, u16, u32, ValueQuery>;

	/// Excess held on an account (first key) from a guarded account (second key), and until when
	/// only governance may release it (see [`caps::excess`]).
	#[pallet::storage]
	pub type ExcessHolds<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		ExcessHold<T::Balance, BlockNumberFor<T>>,
	>;

	/// Guarded accounts whose stored `frozen` a write changed, to mark again (see
	/// [`caps::marker`]). A per-block key (read by `on_initialize`), whitelisted for benchmarks.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type MarkerRepairs<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, ConstU32<16>>, ValueQuery>;

	/// Who holds each pause placed by an automatic response, and until when (see
	/// [`breakers::pauses`]); a pause without an entry is governance's (or another pallet's)
	/// alone.
	#[pallet::storage]
	pub type PauseOwners<T: Config> =
		StorageMap<_, Blake2_128Concat, PauseTargetOf<T>, PauseOwnersOf<T>>;

	/// Each contributor's deadline at each risk level (see [`monitors::risk`]); the level in
	/// force is the highest with a live contribution, summarised in [`Alert`].
	#[pallet::storage]
	pub type RiskContributions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Contributor, Twox64Concat, RiskLevel, BlockNumberFor<T>>;

	/// The last value a signed transaction reported for a source, judged after its dispatch
	/// (see [`monitors::observation`]). Empty between transactions.
	#[pallet::storage]
	pub type PendingObservations<T: Config> = StorageMap<_, Twox64Concat, Source, u128>;

	/// The targets any signed account may report (see [`reports`]).
	#[pallet::storage]
	pub type Reportable<T: Config> =
		StorageValue<_, BoundedVec<PauseTargetOf<T>, T::MaxReportableTargets>, ValueQuery>;

	/// Open reports (their deposits held), by identifier.
	#[pallet::storage]
	pub type Reports<T: Config> = StorageMap<_, Twox64Concat, ReportId, ReportOf<T>>;

	/// The identifier of the next report.
	#[pallet::storage]
	pub type NextReportId<T: Config> = StorageValue<_, ReportId, ValueQuery>;

	/// How many reports are open chain-wide.
	#[pallet::storage]
	pub type OpenReportCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// How many reports each reporter has open (no entry for none).
	#[pallet::storage]
	pub type ReportsOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The open reports on each target (no entry for none).
	#[pallet::storage]
	pub type ReportsOn<T: Config> =
		StorageMap<_, Blake2_128Concat, PauseTargetOf<T>, ReportIdsOf<T>, ValueQuery>;

	/// Targets escalated by reports: the block of the latest escalation and until when it
	/// holds (only targets with open reports). Only reports filed after that block count
	/// toward the next escalation.
	#[pallet::storage]
	pub type Escalations<T: Config> =
		StorageMap<_, Blake2_128Concat, PauseTargetOf<T>, (BlockNumberFor<T>, BlockNumberFor<T>)>;

	/// Each reporter's judged reports (written by governance's judgments only).
	#[pallet::storage]
	pub type Reputation<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ReporterRecord, ValueQuery>;

	/// Pauses of inbound XCM (see [`cross_chain::inbound`]). Read by `on_initialize` every
	/// block for expiry, and by [`PausableProcessor`] for every message; whitelisted for
	/// benchmarks.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type XcmInboundPauses<T: Config> = StorageValue<_, InboundPausesOf<T>, ValueQuery>;

	/// The destinations this chain alerts when a playbook fires (see
	/// [`cross_chain::alerts_out`]).
	#[pallet::storage]
	pub type AlertSubscriptions<T: Config> = StorageValue<_, SubscriptionsOf<T>, ValueQuery>;

	/// The locations allowed to alert this chain, with their mapped playbooks and the
	/// response in force (see [`cross_chain::alerts_in`]).
	#[pallet::storage]
	pub type AlertSources<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, cross_chain::Location, AlertSourceOf<T>>;

	/// The inbound value caps, by origin (see [`cross_chain::inflow`]).
	#[pallet::storage]
	pub type InboundCaps<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, cross_chain::Location, InboundCapOf<T>>;

	/// The identifier of the next alert source.
	#[pallet::storage]
	pub type NextAlertSourceId<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Why the guardian holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an own limit.
		OwnLimit,
		/// An outflow's excess held on its recipient (see [`caps::excess`]).
		Excess,
		/// A bonded report's deposit (see [`reports`]).
		Report,
	}

	/// Why the guardian freezes funds.
	#[pallet::composite_enum]
	pub enum FreezeReason {
		/// The guard marker: one planck on every guarded account (see [`caps::marker`]).
		Guarded,
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `target` is paused until block `until` (exclusive).
		Paused { target: PauseTargetOf<T>, until: BlockNumberFor<T> },
		/// The pause of `target` now lasts until block `until` (exclusive).
		PauseExtended { target: PauseTargetOf<T>, until: BlockNumberFor<T> },
		/// `target` runs again.
		Resumed { target: PauseTargetOf<T>, reason: ResumeReason },
		/// Governance put a cap policy on `who`.
		PolicySet { who: T::AccountId },
		/// Governance changed the cap policy of `who` (usage carried over).
		PolicyChanged { who: T::AccountId },
		/// Governance removed the cap policy of `who`.
		PolicyRemoved { who: T::AccountId },
		/// Governance set (or replaced) the global cap.
		GlobalCapSet,
		/// Governance removed the global cap.
		GlobalCapRemoved,
		/// Governance zeroed the usage of `scope`.
		UsageReset { scope: CapScope<T::AccountId> },
		/// `who` set or tightened its own limit; in force at once.
		OwnLimitSet { who: T::AccountId },
		/// `who` announced a loosening (or, with `removal`, the removal) of its own limit,
		/// which it may enact from block `effective_at`.
		OwnLimitAnnounced { who: T::AccountId, effective_at: BlockNumberFor<T>, removal: bool },
		/// `who` cancelled its announcement.
		OwnLimitAnnouncementCancelled { who: T::AccountId },
		/// `who` enacted its announcement (`removed`: the limit is gone).
		OwnLimitEnacted { who: T::AccountId, removed: bool },
		/// A successful debit took window `window` of `scope` to `used` of `limit`, across its
		/// high-water mark; the configured response (if any) ran in the same block.
		HighWaterCrossed {
			scope: CapScope<T::AccountId>,
			window: u32,
			used: T::Balance,
			limit: T::Balance,
		},
		/// Governance set (or replaced) the monitor of `source`.
		MonitorSet { source: Source },
		/// Governance removed the monitor of `source`.
		MonitorRemoved { source: Source },
		/// The monitor of `source` found `anomaly`: `measured` against `threshold` (for a
		/// flow, the window's total change; for a jump, the move; for staleness, blocks
		/// without a value; for a high-water mark, the window's usage against the mark).
		AnomalyDetected { source: Source, anomaly: Anomaly, measured: u128, threshold: u128 },
		/// The playbook of `source` ran: `paused` targets paused and the level raised to
		/// `level`, all until block `until` (exclusive).
		ResponseApplied { source: Source, paused: u32, level: RiskLevel, until: BlockNumberFor<T> },
		/// Governance extended the response for `source` until block `until` (exclusive).
		ResponseExtended { source: Source, until: BlockNumberFor<T> },
		/// Governance reset the response for `source`: `resumed` targets resumed, the level it
		/// raised cleared, the monitor started afresh.
		ResponseReset { source: Source, resumed: u32 },
		/// The risk level in force changed.
		RiskLevelChanged { from: RiskLevel, to: RiskLevel },
		/// An outflow of `amount` from `who` went `excess` beyond its allowance: it came by a
		/// forced path (a slash, a forced withdrawal) or was let through because the value had
		/// been credited in anticipation (then held, see [`Event::ExcessHeld`]).
		DebitBeyondCap { who: T::AccountId, amount: T::Balance, excess: T::Balance },
		/// `amount` of the excess of guarded account `from` is held on `on` until block
		/// `until`, for governance to return.
		ExcessHeld {
			from: T::AccountId,
			on: T::AccountId,
			amount: T::Balance,
			until: BlockNumberFor<T>,
		},
		/// Governance returned `amount` held on `on` to `from`.
		ExcessReturned { from: T::AccountId, on: T::AccountId, amount: T::Balance },
		/// `amount` held on `on` (from `from`) was released to `on`.
		ExcessReleased { from: T::AccountId, on: T::AccountId, amount: T::Balance },
		/// The response of `by` could not pause `unplaced` (no room for another pause): it
		/// raised the risk level to `level` until block `until` instead.
		ResponseEscalated {
			by: Contributor,
			unplaced: BoundedVec<PauseTargetOf<T>, T::MaxResponseTargets>,
			level: RiskLevel,
			until: BlockNumberFor<T>,
		},
		/// The pause of `target` now ends at block `until` (a response that held it longer was
		/// withdrawn).
		PauseShortened { target: PauseTargetOf<T>, until: BlockNumberFor<T> },
		/// Governance made `target` reportable by anyone (or no longer).
		ReportableSet { target: PauseTargetOf<T>, reportable: bool },
		/// `reporter` filed report `id` on `target`, holding `deposit`; `target` is paused
		/// (on the report's behalf) until block `until`.
		Reported {
			id: ReportId,
			reporter: T::AccountId,
			target: PauseTargetOf<T>,
			deposit: T::Balance,
			until: BlockNumberFor<T>,
		},
		/// `reporters` distinct reporters escalated `target`: paused, and the level `Elevated`,
		/// until block `until`.
		ReportsEscalated { target: PauseTargetOf<T>, reporters: u32, until: BlockNumberFor<T> },
		/// Governance confirmed report `id`: its deposit is back and `reward` was paid.
		ReportConfirmed { id: ReportId, reporter: T::AccountId, reward: T::Balance },
		/// Governance rejected report `id`: `slashed` of its deposit went to the treasury.
		ReportRejected { id: ReportId, reporter: T::AccountId, slashed: T::Balance },
		/// The deposit of unjudged report `id` went back to its reporter.
		ReportDepositReleased { id: ReportId, reporter: T::AccountId, deposit: T::Balance },
		/// Inbound XCM from `from` (and every location inside it; everyone's for `None`) waits
		/// in the queue until block `until` (exclusive).
		XcmInboundPaused { from: Option<cross_chain::Location>, until: BlockNumberFor<T> },
		/// Inbound XCM from `from` runs again.
		XcmInboundResumed { from: Option<cross_chain::Location>, reason: ResumeReason },
		/// Governance subscribed `dest` (its guardian at `pallet_index`) to the firings of
		/// `kinds` kinds of monitor.
		AlertSubscriptionSet { dest: cross_chain::Location, pallet_index: u8, kinds: u32 },
		/// Governance unsubscribed `dest`.
		AlertSubscriptionRemoved { dest: cross_chain::Location },
		/// `alert` was sent to `dest` (message `hash`).
		AlertSent { dest: cross_chain::Location, alert: GuardianAlert, hash: [u8; 32] },
		/// The router refused to deliver `alert` to `dest`.
		AlertNotDelivered { dest: cross_chain::Location, alert: GuardianAlert },
		/// Governance allowed `source` to alert this chain, mapping `kinds` kinds.
		AlertSourceSet { source: cross_chain::Location, kinds: u32 },
		/// Governance no longer allows `source` to alert this chain.
		AlertSourceRemoved { source: cross_chain::Location },
		/// The allowed source `from` alerted `alert`; `mapped`: a playbook is mapped to its kind.
		AlertReceived { from: cross_chain::Location, alert: GuardianAlert, mapped: bool },
		/// The playbook mapped to `from`'s `kind` ran: inbound XCM from `from` waits
		/// (`inbound_paused`), `paused` targets paused, the level raised to `level`, all until
		/// block `until` (exclusive).
		AlertResponseApplied {
			from: cross_chain::Location,
			kind: Source,
			inbound_paused: bool,
			paused: u32,
			level: RiskLevel,
			until: BlockNumberFor<T>,
		},
		/// Governance reset the response to `source`'s alert: `resumed` pauses ended.
		AlertResponseReset { source: cross_chain::Location, resumed: u32 },
		/// Governance capped the native value `origin` brings in at `limit` per `period` blocks.
		InboundCapSet {
			origin: cross_chain::Location,
			period: BlockNumberFor<T>,
			limit: T::Balance,
		},
		/// Governance removed the inbound cap of `origin`.
		InboundCapRemoved { origin: cross_chain::Location },
		/// A deposit from `origin` went `excess` beyond its inbound cap; `held` of it is held on
		/// the beneficiary ([`Event::ExcessHeld`]), the rest (its existential deposit) is free.
		InboundBeyondCap { origin: cross_chain::Location, excess: T::Balance, held: T::Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No pallet of that name in this runtime.
		UnknownPallet,
		/// The pallet has no call of that name.
		UnknownCall,
		/// A pallet or call name is longer than `MaxNameLen`.
		NameTooLong,
		/// The target covers a call of the runtime's whitelist.
		TargetWhitelisted,
		/// The guardian's own calls can never be paused.
		CannotPauseGuardian,
		/// The target is already paused; use `extend`.
		AlreadyPaused,
		/// The target is not paused (or its pause has expired).
		NotPaused,
		/// A pause or extension must last at least one block.
		ZeroDuration,
		/// The pause would last longer than the caller may impose.
		DurationBeyondBound,
		/// `MaxActivePauses` pauses are already in force.
		TooManyPauses,
		/// A policy or limit needs at least one window.
		NoWindows,
		/// More windows than `MaxWindows`.
		TooManyWindows,
		/// A window must last at least one block.
		ZeroPeriod,
		/// A limit must be above zero.
		ZeroLimit,
		/// An absolute limit above `Balance::MAX / 8`, which the accounting could not sum.
		LimitOverflow,
		/// Two windows of the same policy have the same period.
		DuplicatePeriod,
		/// The global cap takes absolute limits only.
		ShareNotAllowed,
		/// A high-water mark must be above 0%.
		HighWaterOutOfRange,
		/// A response needs a high-water mark to trigger it.
		ResponseWithoutHighWater,
		/// A response needs at least one target.
		NoResponseTargets,
		/// More response targets than `MaxResponseTargets`.
		TooManyTargets,
		/// The account already has a policy; use `change_policy`.
		PolicyExists,
		/// No such policy (or no global cap).
		NoPolicy,
		/// The account has no own limit.
		NoOwnLimit,
		/// The account has no announced change of its own limit.
		NoAnnouncement,
		/// The announced change's delay has not passed yet.
		AnnouncementNotDue,
		/// `MaxMonitors` monitors are already set.
		TooManyMonitors,
		/// No monitor for that source.
		NoMonitor,
		/// The rule (or `stale_after`) does not apply to that source: outflow sources take
		/// neither (their threshold is the caps' high-water mark); the issuance is observed
		/// every block, so it takes no `stale_after`.
		RuleNotApplicable,
		/// A monitor of values needs a rule or `stale_after`, and a flow rule a rise or fall.
		NoThreshold,
		/// A threshold of zero (every change would be an anomaly).
		ThresholdOutOfRange,
		/// No response is in force for that source.
		NotFlagged,
		/// Lowering the risk level is a reset; raising to `Normal` does nothing.
		NotARaise,
		/// The account cannot carry the guard marker: it does not exist, or it already holds
		/// the most freezes it may.
		AccountCannotBeGuarded,
		/// The own limit's deposit cannot be held (not enough free balance, or no room for a
		/// hold).
		CannotHoldDeposit,
		/// No excess of that guarded account is held on that account.
		NoExcessHold,
		/// The excess may only be released by governance before its hold period is over.
		ExcessHoldNotDue,
		/// The monitor's response is in force: reset it (the resume origin) or let it expire
		/// before removing the monitor.
		ResponseInForce,
		/// Another pallet may only end a pause other pallets hold; this one is held by
		/// governance or an automatic response.
		PauseHeldByOthers,
		/// Governance has not declared that target reportable.
		NotReportable,
		/// The whole chain is never reportable.
		ChainNotReportable,
		/// `MaxReportableTargets` targets are already reportable.
		TooManyReportable,
		/// The account's own report on that target is still running; it cannot extend it.
		AlreadyReported,
		/// The account cannot hold the report's deposit (see `report_deposit`).
		DepositUnaffordable,
		/// `MaxOpenReports` reports are already open.
		TooManyReports,
		/// No open report with that identifier.
		UnknownReport,
		/// The report's deposit is releasable only `ReportReleaseDelay` after its pause ended.
		ReportNotReleasable,
		/// The location cannot be converted to XCM's latest version, or is this chain itself.
		BadLocation,
		/// The XCM router does not accept an alert for this destination.
		AlertDestinationUnreachable,
		/// The destination is not subscribed.
		NotSubscribed,
		/// A kind is listed twice.
		DuplicateAlertKind,
		/// More kinds than `MaxAlertKinds`.
		TooManyAlertKinds,
		/// As many destinations as `MaxAlertSubscribers` are subscribed.
		TooManyAlertSubscribers,
		/// As many locations as `MaxAlertSources` may alert this chain.
		TooManyAlertSources,
		/// The location is not an alert source.
		NoAlertSource,
		/// An alert came from a location governance did not allow.
		AlertSourceNotAllowed,
		/// The origin has no inbound cap.
		NoInboundCap,
		/// As many origins as `MaxInboundCaps` are capped.
		TooManyInboundCaps,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Targets paused from genesis, each for the given number of blocks.
		pub paused: alloc::vec::Vec<(PauseTargetInput, BlockNumberFor<T>)>,
		/// Accounts under a cap policy from genesis (a treasury, a bridge's account).
		pub guarded: alloc::vec::Vec<(T::AccountId, PolicyInputOf<T>)>,
		/// The global cap from genesis.
		pub global_cap: Option<PolicyInputOf<T>>,
		/// Monitors from genesis.
		pub monitors: alloc::vec::Vec<(Source, MonitorInputOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (target, duration) in &self.paused {
				let bounded = Pallet::<T>::validate_target(target)
					.unwrap_or_else(|e| panic!("genesis pause {target:?} is invalid: {e:?}"));
				Pallet::<T>::insert_pause(
					bounded,
					*duration,
					<BlockNumberFor<T> as sp_runtime::traits::Bounded>::max_value(),
					Contributor::Governance,
				)
				.unwrap_or_else(|e| panic!("genesis pause {target:?} refused: {e:?}"));
			}
			for (who, policy) in &self.guarded {
				let free = Pallet::<T>::free_of(who);
				let policy = Pallet::<T>::build_policy(policy, false, None, free)
					.unwrap_or_else(|e| panic!("genesis policy of {who:?} is invalid: {e:?}"));
				assert!(!Guards::<T>::contains_key(who), "genesis guards {who:?} twice");
				Pallet::<T>::store_guard(
					who,
					AccountGuard { policy: Some(policy), own: None, rejected: 0 },
				)
				.unwrap_or_else(|e| panic!("genesis cannot guard {who:?}: {e:?}"));
			}
			if let Some(cap) = &self.global_cap {
				let cap = Pallet::<T>::build_policy(cap, true, None, Zero::zero())
					.unwrap_or_else(|e| panic!("genesis global cap is invalid: {e:?}"));
				GlobalCap::<T>::put(cap);
			}
			for (source, input) in &self.monitors {
				let monitor = Pallet::<T>::build_monitor(*source, input)
					.unwrap_or_else(|e| panic!("genesis monitor of {source:?} is invalid: {e:?}"));
				assert!(!Monitors::<T>::contains_key(source), "genesis sets {source:?} twice");
				Pallet::<T>::store_monitor(*source, monitor)
					.unwrap_or_else(|e| panic!("genesis monitor of {source:?} refused: {e:?}"));
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			// Bring the guard index into the block's cache: the ledger's per-debit look-ups of
			// it are then free (the key is whitelisted for benchmarks).
			let _ = sp_io::storage::read(&GuardIndex::<T>::hashed_key(), &mut [], 0);
			let mut weight = Self::expire_pauses(now).saturating_add(T::DbWeight::get().reads(1));
			weight = weight.saturating_add(Self::expire_inbound_pauses(now));
			// One read of the (whitelisted) alert state decides whether anything else is due.
			let alert = Alert::<T>::get();
			if alert.level_at(now) != alert.announced {
				weight = weight.saturating_add(Self::announce_risk());
			}
			if alert.issuance_watched {
				weight = weight.saturating_add(Self::observe_issuance_now());
			}
			if alert.next_stale.is_some_and(|next| next <= now) {
				weight = weight.saturating_add(Self::check_stale(now));
			}
			// Markers a write outside any transaction left to repair (a whitelisted key).
			if !MarkerRepairs::<T>::get().is_empty() {
				weight = weight.saturating_add(Self::repair_markers());
			}
			// The pallets after this one may credit in anticipation (see `caps::excess`).
			caps::tx_scope::open_hook_window(caps::tx_scope::HookPhase::Initialization);
			weight
		}

		fn on_finalize(_now: BlockNumberFor<T>) {
			caps::tx_scope::open_hook_window(caps::tx_scope::HookPhase::Finalization);
		}

		fn integrity_test() {
			Self::check_runtime_names();
			assert!(
				T::MaxActivePauses::get() > T::MaxResponseTargets::get(),
				"MaxActivePauses must exceed MaxResponseTargets: the difference is governance's room"
			);
			assert!(T::MaxMonitors::get() > 0, "MaxMonitors must be at least 1");
			assert!(
				T::MaxReportPause::get() <= T::MaxProgrammaticPause::get()
					&& T::EscalatedReportPause::get() <= T::MaxProgrammaticPause::get(),
				"report pauses must be within MaxProgrammaticPause"
			);
			assert!(T::ReportsToEscalate::get() >= 2, "one reporter must never escalate");
			assert!(!T::ReportDepositBase::get().is_zero(), "a report must hold a deposit");
			assert!(
				cross_chain::inbound::bounds_are_consistent::<T>(),
				"MaxInboundPauses must exceed MaxAlertSources: each source keeps one slot"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	/// Every call is a shim over a `do_*` helper that holds its logic (named "Logic for" the
	/// call); its weight is the [`WeightInfo`] function of the same name. Every error leaves
	/// storage unchanged. The emergency and governance calls on pauses, responses and the risk
	/// level are `DispatchClass::Operational`, so they get into a block whose normal-class
	/// space an attacker has filled (and are prioritised by the pool).
	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Pause `target` for `duration` blocks (counting the current one).
		///
		/// * Origin: [`Config::PauseOrigin`]; its `Success` is the longest `duration` it may
		///   impose.
		/// * Emits [`Event::Paused`] (and [`Event::Resumed`] for any expired pause it tidies).
		/// * Errors: [`Error::UnknownPallet`], [`Error::UnknownCall`], [`Error::NameTooLong`],
		///   [`Error::TargetWhitelisted`], [`Error::CannotPauseGuardian`],
		///   [`Error::AlreadyPaused`], [`Error::ZeroDuration`], [`Error::DurationBeyondBound`],
		///   [`Error::TooManyPauses`].
		#[pallet::call_index(0)]
		#[pallet::weight((T::WeightInfo::pause(), DispatchClass::Operational))]
		pub fn pause(
			origin: OriginFor<T>,
			target: PauseTargetInput,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let bound = T::PauseOrigin::ensure_origin(origin)?;
			Self::do_pause(&target, duration, bound, Contributor::Governance)
		}

		/// Push the expiry of the active pause of `target` back by `extra` blocks; the pause
		/// may then last at most the origin's bound from now.
		///
		/// * Origin: [`Config::PauseOrigin`].
		/// * Emits [`Event::PauseExtended`].
		/// * Errors: the target errors of [`Pallet::pause`], [`Error::NotPaused`],
		///   [`Error::ZeroDuration`], [`Error::DurationBeyondBound`].
		#[pallet::call_index(1)]
		#[pallet::weight((T::WeightInfo::extend(), DispatchClass::Operational))]
		pub fn extend(
			origin: OriginFor<T>,
			target: PauseTargetInput,
			extra: BlockNumberFor<T>,
		) -> DispatchResult {
			let bound = T::PauseOrigin::ensure_origin(origin)?;
			Self::do_extend(&target, extra, bound, Contributor::Governance)
		}

		/// End the pause of `target` now.
		///
		/// * Origin: [`Config::ResumeOrigin`].
		/// * Emits [`Event::Resumed`] with [`ResumeReason::Governance`].
		/// * Errors: the target errors of [`Pallet::pause`], [`Error::NotPaused`].
		#[pallet::call_index(2)]
		#[pallet::weight((T::WeightInfo::resume(), DispatchClass::Operational))]
		pub fn resume(origin: OriginFor<T>, target: PauseTargetInput) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			Self::do_resume(&target)
		}

		/// Put a cap policy on `who`, which has none.
		///
		/// * Origin: [`Config::CapOrigin`].
		/// * Emits [`Event::PolicySet`].
		/// * Errors: [`Error::PolicyExists`]; for the windows [`Error::NoWindows`],
		///   [`Error::TooManyWindows`], [`Error::ZeroPeriod`], [`Error::ZeroLimit`],
		///   [`Error::LimitOverflow`], [`Error::DuplicatePeriod`]; for the response
		///   [`Error::HighWaterOutOfRange`], [`Error::ResponseWithoutHighWater`],
		///   [`Error::NoResponseTargets`], [`Error::TooManyTargets`], [`Error::ZeroDuration`],
		///   [`Error::DurationBeyondBound`] and the target errors of [`Pallet::pause`].
		#[pallet::call_index(3)]
		pub fn set_policy(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			policy: PolicyInputOf<T>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			Self::do_set_policy(T::Lookup::lookup(who)?, policy)
		}

		/// Replace the cap policy of `who`. Usage is carried over: the largest usage of the old
		/// windows counts as already debited in each new one.
		///
		/// * Origin: [`Config::CapOrigin`].
		/// * Emits [`Event::PolicyChanged`].
		/// * Errors: [`Error::NoPolicy`] and the policy errors of [`Pallet::set_policy`].
		#[pallet::call_index(4)]
		pub fn change_policy(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			policy: PolicyInputOf<T>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			Self::do_change_policy(T::Lookup::lookup(who)?, policy)
		}

		/// Remove the cap policy of `who`.
		///
		/// * Origin: [`Config::CapOrigin`].
		/// * Emits [`Event::PolicyRemoved`].
		/// * Errors: [`Error::NoPolicy`].
		#[pallet::call_index(5)]
		pub fn remove_policy(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			Self::do_remove_policy(T::Lookup::lookup(who)?)
		}

		/// Set, replace (usage carried over) or, with `None`, remove the global cap on the sum
		/// of debits of all accounts with a governance policy. Absolute limits only.
		///
		/// * Origin: [`Config::CapOrigin`].
		/// * Emits [`Event::GlobalCapSet`] or [`Event::GlobalCapRemoved`].
		/// * Errors: [`Error::ShareNotAllowed`], [`Error::NoPolicy`] (removing none) and the
		///   policy errors of [`Pallet::set_policy`].
		#[pallet::call_index(6)]
		pub fn set_global_cap(
			origin: OriginFor<T>,
			cap: Option<PolicyInputOf<T>>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			Self::do_set_global_cap(cap)
		}

		/// Zero the usage of a policy, an own limit or the global cap (for example after an
		/// incident is resolved).
		///
		/// * Origin: [`Config::CapOrigin`].
		/// * Emits [`Event::UsageReset`].
		/// * Errors: [`Error::NoPolicy`], [`Error::NoOwnLimit`].
		#[pallet::call_index(7)]
		pub fn reset_usage(origin: OriginFor<T>, scope: CapScope<T::AccountId>) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			Self::do_reset_usage(scope)
		}

		/// Cap the caller's own outflow with `windows`. A first limit, or one that only
		/// tightens the current one, is in force at once; anything else is announced and may
		/// be enacted after [`Config::OwnLimitDelay`] blocks.
		///
		/// * Origin: signed.
		/// * Emits [`Event::OwnLimitSet`] or [`Event::OwnLimitAnnounced`].
		/// * Errors: the window errors of [`Pallet::set_policy`].
		#[pallet::call_index(8)]
		pub fn limit_own_outflow(
			origin: OriginFor<T>,
			windows: alloc::vec::Vec<WindowSpecOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_limit_own_outflow(&who, &windows)
		}

		/// Announce the removal of the caller's own limit; it may be enacted after
		/// [`Config::OwnLimitDelay`] blocks.
		///
		/// * Origin: signed.
		/// * Emits [`Event::OwnLimitAnnounced`] with `removal: true`.
		/// * Errors: [`Error::NoOwnLimit`].
		#[pallet::call_index(9)]
		pub fn remove_own_limit(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_own_limit(&who)
		}

		/// Enact the caller's announced change once its delay has passed.
		///
		/// * Origin: signed.
		/// * Emits [`Event::OwnLimitEnacted`].
		/// * Errors: [`Error::NoAnnouncement`], [`Error::AnnouncementNotDue`].
		#[pallet::call_index(10)]
		pub fn enact_own_limit(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_enact_own_limit(&who)
		}

		/// Cancel the caller's announced change.
		///
		/// * Origin: signed.
		/// * Emits [`Event::OwnLimitAnnouncementCancelled`].
		/// * Errors: [`Error::NoAnnouncement`].
		#[pallet::call_index(11)]
		pub fn cancel_own_announcement(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_own_announcement(&who)
		}

		/// Set (or replace, starting afresh) the monitor of `source`: its rule, staleness
		/// threshold and playbook. A response of the replaced monitor stays in force.
		///
		/// * Origin: [`Config::CapOrigin`].
		/// * Emits [`Event::MonitorSet`].
		/// * Errors: [`Error::RuleNotApplicable`], [`Error::NoThreshold`],
		///   [`Error::ThresholdOutOfRange`], [`Error::ZeroPeriod`], [`Error::ZeroDuration`],
		///   [`Error::DurationBeyondBound`], [`Error::TooManyTargets`],
		///   [`Error::TooManyMonitors`] and the target errors of [`Pallet::pause`].
		#[pallet::call_index(12)]
		pub fn set_monitor(
			origin: OriginFor<T>,
			source: Source,
			monitor: MonitorInputOf<T>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			Self::do_set_monitor(source, &monitor)
		}

		/// Remove the monitor of `source`, once no response of it is in force.
		///
		/// * Origin: [`Config::CapOrigin`].
		/// * Emits [`Event::MonitorRemoved`].
		/// * Errors: [`Error::NoMonitor`], [`Error::ResponseInForce`].
		#[pallet::call_index(13)]
		pub fn remove_monitor(origin: OriginFor<T>, source: Source) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			Self::do_remove_monitor(source)
		}

		/// Keep the response in force for `source` for `extra` more blocks (its flag, its
		/// pauses still in force, the level it raised), within the origin's bound from now.
		///
		/// * Origin: [`Config::PauseOrigin`].
		/// * Emits [`Event::ResponseExtended`] (and [`Event::PauseExtended`] per pause).
		/// Each part is extended as far as the bound allows: a pause another contributor holds
		/// longer, or that governance has resumed, is left as it is (never an error).
		///
		/// * Errors: [`Error::NoMonitor`], [`Error::NotFlagged`], [`Error::ZeroDuration`],
		///   [`Error::DurationBeyondBound`] (the response cannot last any longer within the
		///   bound).
		#[pallet::call_index(14)]
		#[pallet::weight((T::WeightInfo::extend_response(), DispatchClass::Operational))]
		pub fn extend_response(
			origin: OriginFor<T>,
			source: Source,
			extra: BlockNumberFor<T>,
		) -> DispatchResult {
			let bound = T::PauseOrigin::ensure_origin(origin)?;
			Self::do_extend_response(source, extra, bound)
		}

		/// Clear the response for `source` (resume its targets, clear the level it raised)
		/// and start its monitor afresh.
		///
		/// * Origin: [`Config::ResumeOrigin`].
		/// * Emits [`Event::ResponseReset`] (and [`Event::Resumed`] per target,
		///   [`Event::RiskLevelChanged`] if the level falls).
		/// * Errors: [`Error::NoMonitor`].
		#[pallet::call_index(15)]
		#[pallet::weight((T::WeightInfo::reset_response(), DispatchClass::Operational))]
		pub fn reset_response(origin: OriginFor<T>, source: Source) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			Self::do_reset_response(source)
		}

		/// Raise the risk level to `level` for `duration` blocks (within the origin's bound).
		///
		/// * Origin: [`Config::PauseOrigin`].
		/// * Emits [`Event::RiskLevelChanged`] if the level in force changes.
		/// * Errors: [`Error::NotARaise`], [`Error::ZeroDuration`],
		///   [`Error::DurationBeyondBound`].
		#[pallet::call_index(16)]
		#[pallet::weight((T::WeightInfo::raise_risk_level(), DispatchClass::Operational))]
		pub fn raise_risk_level(
			origin: OriginFor<T>,
			level: RiskLevel,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let bound = T::PauseOrigin::ensure_origin(origin)?;
			Self::do_raise_risk_level(level, duration, bound)
		}

		/// Clear the risk level: back to `Normal` at once.
		///
		/// * Origin: [`Config::ResumeOrigin`].
		/// * Emits [`Event::RiskLevelChanged`] if the level in force changes.
		/// * Errors: none beyond the origin.
		#[pallet::call_index(17)]
		#[pallet::weight((T::WeightInfo::clear_risk_level(), DispatchClass::Operational))]
		pub fn clear_risk_level(origin: OriginFor<T>) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			Self::do_clear_risk_level()
		}

		/// Return the excess of guarded account `from` held on `on` (see [`caps::excess`]) to
		/// `from`.
		///
		/// * Origin: [`Config::CapOrigin`].
		/// * Emits [`Event::ExcessReturned`].
		/// * Errors: [`Error::NoExcessHold`].
		#[pallet::call_index(18)]
		pub fn return_excess(
			origin: OriginFor<T>,
			on: AccountIdLookupOf<T>,
			from: AccountIdLookupOf<T>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			Self::do_return_excess(T::Lookup::lookup(on)?, T::Lookup::lookup(from)?)
		}

		/// Release the excess of guarded account `from` held on `on` to `on`.
		///
		/// * Origin: [`Config::CapOrigin`] at any time; any signed account once the hold's
		///   period ([`Config::ExcessHoldPeriod`]) is over.
		/// * Emits [`Event::ExcessReleased`].
		/// * Errors: [`Error::NoExcessHold`], [`Error::ExcessHoldNotDue`].
		#[pallet::call_index(19)]
		pub fn release_excess(
			origin: OriginFor<T>,
			on: AccountIdLookupOf<T>,
			from: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let by_governance = T::CapOrigin::try_origin(origin)
				.map_or_else(|origin| ensure_signed(origin).map(|_| false), |_| Ok(true))?;
			Self::do_release_excess(T::Lookup::lookup(on)?, T::Lookup::lookup(from)?, by_governance)
		}

		/// Declare `target` reportable by anyone (`reportable: true`), or no longer. Open
		/// reports on it stay open.
		///
		/// * Origin: [`Config::CapOrigin`].
		/// * Emits [`Event::ReportableSet`].
		/// * Errors: the target's validation errors (as [`Pallet::pause`]),
		///   [`Error::ChainNotReportable`], [`Error::TooManyReportable`].
		#[pallet::call_index(20)]
		pub fn set_reportable(
			origin: OriginFor<T>,
			target: PauseTargetInput,
			reportable: bool,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			Self::do_set_reportable(&target, reportable)
		}

		/// Report an attack on `target`, with `evidence` (a hash of what was seen): hold
		/// [`Pallet::report_deposit`] and pause `target` for `duration` blocks, at most
		/// [`Config::MaxReportPause`]. `ReportsToEscalate` distinct reporters escalate it.
		///
		/// * Origin: signed.
		/// * Emits [`Event::Reported`], [`Event::Paused`] or [`Event::PauseExtended`], and
		///   [`Event::ReportsEscalated`] (with [`Event::RiskLevelChanged`]) on escalation.
		/// * Errors: the target's validation errors, [`Error::NotReportable`],
		///   [`Error::ZeroDuration`], [`Error::DurationBeyondBound`],
		///   [`Error::AlreadyReported`], [`Error::TooManyReports`],
		///   [`Error::DepositUnaffordable`], [`Error::TooManyPauses`].
		#[pallet::call_index(21)]
		pub fn report(
			origin: OriginFor<T>,
			target: PauseTargetInput,
			evidence: T::Hash,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let reporter = ensure_signed(origin)?;
			Self::do_report(reporter, &target, evidence, duration)
		}

		/// Confirm report `id`: its deposit back and [`Config::ReportReward`] paid to its
		/// reporter (nothing if the pot cannot pay); its pause runs on.
		///
		/// * Origin: [`Config::ResumeOrigin`].
		/// * Emits [`Event::ReportConfirmed`].
		/// * Errors: [`Error::UnknownReport`].
		#[pallet::call_index(22)]
		pub fn confirm_report(origin: OriginFor<T>, id: ReportId) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			Self::do_confirm_report(id)
		}

		/// Reject report `id`: its deposit slashed to [`Config::ReportSlash`], and its pause
		/// (and escalation) withdrawn once no other running report holds the target.
		///
		/// * Origin: [`Config::ResumeOrigin`].
		/// * Emits [`Event::ReportRejected`] (and [`Event::Resumed`] or
		///   [`Event::PauseShortened`], [`Event::RiskLevelChanged`]).
		/// * Errors: [`Error::UnknownReport`].
		#[pallet::call_index(23)]
		#[pallet::weight((T::WeightInfo::reject_report(), DispatchClass::Operational))]
		pub fn reject_report(origin: OriginFor<T>, id: ReportId) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			Self::do_reject_report(id)
		}

		/// Release the deposit of unjudged report `id` to its reporter,
		/// [`Config::ReportReleaseDelay`] after its pause ended.
		///
		/// * Origin: signed (anyone).
		/// * Emits [`Event::ReportDepositReleased`].
		/// * Errors: [`Error::UnknownReport`], [`Error::ReportNotReleasable`].
		#[pallet::call_index(24)]
		pub fn release_report_deposit(origin: OriginFor<T>, id: ReportId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_release_report_deposit(id)
		}

		/// Receive an alert from another chain's guardian (see [`cross_chain`]). Only
		/// `AlertOrigin`: an XCM `Transact` from a location governance allowed
		/// ([`Call::set_alert_source`]). Emits [`Event::AlertReceived`]; runs the playbook
		/// mapped to the alert's kind unless a response to that source is in force. The call
		/// index is part of the wire format ([`RECEIVE_ALERT_CALL_INDEX`]).
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::observe_fire()
			.saturating_add(T::WeightInfo::pause().saturating_mul(T::MaxResponseTargets::get().into()))
			.saturating_add(T::DbWeight::get().reads_writes(2, 2)))]
		pub fn receive_alert(origin: OriginFor<T>, alert: GuardianAlert) -> DispatchResult {
			let from = T::AlertOrigin::ensure_origin(origin)?;
			Self::do_receive_alert(from, alert)
		}

		/// Pause inbound XCM from `from` and every location inside it (from everyone for
		/// `None`) for `duration` blocks, at most the origin's bound: the chain's message
		/// processor ([`PausableProcessor`]) leaves their messages in the queue until then.
		/// `PauseOrigin`.
		#[pallet::call_index(26)]
		#[pallet::weight(T::WeightInfo::pause())]
		pub fn pause_xcm_inbound(
			origin: OriginFor<T>,
			from: Option<alloc::boxed::Box<xcm::VersionedLocation>>,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let bound = T::PauseOrigin::ensure_origin(origin)?;
			let from = from.map(|from| Self::latest_location(*from)).transpose()?;
			Self::do_pause_xcm_inbound(from, duration, bound)
		}

		/// End every pause of inbound XCM from exactly `from` (everyone's for `None`), whoever
		/// holds it; the waiting messages run from the next servicing of the queue.
		/// `ResumeOrigin`.
		#[pallet::call_index(27)]
		#[pallet::weight(T::WeightInfo::resume())]
		pub fn resume_xcm_inbound(
			origin: OriginFor<T>,
			from: Option<alloc::boxed::Box<xcm::VersionedLocation>>,
		) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			let from = from.map(|from| Self::latest_location(*from)).transpose()?;
			Self::do_resume_xcm_inbound(from)
		}

		/// Subscribe `dest`, whose guardian is at pallet index `pallet_index` in its runtime,
		/// to the firings of the monitors of `kinds` (replacing its subscription); no kinds
		/// unsubscribes it. The router must accept an alert for `dest`. `CapOrigin`.
		#[pallet::call_index(28)]
		#[pallet::weight(T::WeightInfo::set_monitor().saturating_add(T::DbWeight::get().reads_writes(2, 1)))]
		pub fn set_alert_subscription(
			origin: OriginFor<T>,
			dest: alloc::boxed::Box<xcm::VersionedLocation>,
			pallet_index: u8,
			kinds: alloc::vec::Vec<Source>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			let dest = Self::latest_location(*dest)?;
			Self::do_set_alert_subscription(dest, pallet_index, kinds)
		}

		/// Allow `source` to alert this chain, with a playbook for each kind it maps (other
		/// kinds only emit an event); replacing keeps the response in force. `CapOrigin`.
		#[pallet::call_index(29)]
		#[pallet::weight(T::WeightInfo::set_monitor().saturating_mul(T::MaxAlertKinds::get().max(1).into()))]
		pub fn set_alert_source(
			origin: OriginFor<T>,
			source: alloc::boxed::Box<xcm::VersionedLocation>,
			playbooks: alloc::vec::Vec<(Source, AlertPlaybookInput<BlockNumberFor<T>>)>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			let source = Self::latest_location(*source)?;
			Self::do_set_alert_source(source, playbooks)
		}

		/// No longer allow `source` to alert this chain. Refused while its response is in
		/// force. `CapOrigin`.
		#[pallet::call_index(30)]
		#[pallet::weight(T::WeightInfo::remove_monitor().saturating_add(T::DbWeight::get().reads_writes(2, 3)))]
		pub fn remove_alert_source(
			origin: OriginFor<T>,
			source: alloc::boxed::Box<xcm::VersionedLocation>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			let source = Self::latest_location(*source)?;
			Self::do_remove_alert_source(source)
		}

		/// Withdraw the response in force to `source`'s alert: its inbound pause, its hold on
		/// the pauses it placed, its contribution to the level. `ResumeOrigin`.
		#[pallet::call_index(31)]
		#[pallet::weight(T::WeightInfo::reset_response().saturating_add(T::DbWeight::get().reads_writes(2, 2)))]
		pub fn reset_alert_response(
			origin: OriginFor<T>,
			source: alloc::boxed::Box<xcm::VersionedLocation>,
		) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			let source = Self::latest_location(*source)?;
			Self::do_reset_alert_response(source)
		}

		/// Cap the native value the messages of `from` deposit on this chain at `cap.limit`
		/// (absolute) in any `cap.period` blocks; `None` removes the cap. Beyond it, deposits
		/// land held ([`cross_chain::inflow`]). `CapOrigin`.
		#[pallet::call_index(32)]
		#[pallet::weight(T::WeightInfo::set_global_cap())]
		pub fn set_inbound_cap(
			origin: OriginFor<T>,
			from: alloc::boxed::Box<xcm::VersionedLocation>,
			cap: Option<WindowSpecOf<T>>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			let from = Self::latest_location(*from)?;
			Self::do_set_inbound_cap(from, cap)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// `location` in XCM's latest version ([`Error::BadLocation`] if it has none).
	fn latest_location(
		location: xcm::VersionedLocation,
	) -> Result<cross_chain::Location, Error<T>> {
		cross_chain::Location::try_from(location).map_err(|_| Error::<T>::BadLocation)
	}
}
