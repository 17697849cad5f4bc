//! # pallet-guardian: chain-level security automation
//!
//! Exploits run at machine speed; governance does not. The guardian lives in the runtime and
//! gives a chain:
//!
//! * **circuit breakers** that stop a call, a pallet or the whole chain (safe mode) in the same
//!   block the decision is taken, and that always end: every pause carries an expiry and
//!   `on_initialize` resumes it when the time is up;
//! * **velocity caps** that bound how fast value can leave protected accounts, enforced in the
//!   balances ledger itself so that no path escapes them (see [Velocity caps](#velocity-caps));
//! * **monitors and automatic response**: the issuance, oracle feeds, reported metrics and the
//!   caps' high-water marks judged against governance's thresholds, an anomaly answered in the
//!   same block by a playbook that pauses and raises the risk level, every response expiring
//!   (see [Monitors](#monitors-and-automatic-response)).
//!
//! ## Circuit breakers
//!
//! ```text
//!  PauseOrigin (fast, narrow; Success = longest pause it may impose)      ResumeOrigin (slow, broad)
//!        │ pause / extend                                                       │ resume
//!        ▼                                                                      ▼
//!  ┌──────────────── validation: names exist in the runtime's call metadata ───────────────────┐
//!  │ not whitelisted, not the guardian, 0 < duration ≤ bound, ≤ MaxActivePauses               │
//!  └──────────────────────────────────────────────────────────────────────────────────────────┘
//!        │ writes                                     ▲ CircuitBreaker trait (other pallets,
//!        ▼                                            │ monitors): same rules, own bound
//!   Summary {active, next_expiry}  (whitelisted per-block key)
//!   Pauses  [ {target, since, until} ; MaxActivePauses ]
//!        │                                   │
//!        │ on_initialize: expire due pauses  │ read by
//!        ▼                                   ▼
//!   Resumed{Expired} events      BaseCallFilter (every dispatch, nested ones included)
//!                                CheckPaused extension (pool validation of top-level calls)
//! ```
//!
//! * **Targets** ([`PauseTarget`]): `Call { pallet, call }`, `Pallet { pallet }` and `Chain`.
//!   Names are checked against the runtime's own call metadata ([`GetCallMetadata`]), so an
//!   unknown pallet or call is refused ([`Error::UnknownPallet`], [`Error::UnknownCall`]) and a
//!   name longer than [`Config::MaxNameLen`] is refused with [`Error::NameTooLong`]. The filter
//!   fails closed on a runtime name over the bound (and `integrity_test` refuses such a
//!   runtime).
//! * **Never pausable**: the guardian's own calls, and the runtime's [`Config::WhitelistedCalls`]
//!   (a [`Contains<RuntimeCall>`](frame_support::traits::Contains), so it may look at
//!   arguments). A pause that would cover a whitelisted call is refused
//!   ([`Error::TargetWhitelisted`], [`Error::CannotPauseGuardian`]).
//! * **Expiry**: the pause origin's `Success` is the longest pause it may impose; extending is
//!   allowed while the remaining time stays within the caller's bound. The filter treats an
//!   expired pause as resumed, so correctness never depends on the hook; the hook only tidies up
//!   and emits [`Event::Resumed`] with [`ResumeReason::Expired`].
//! * **Two origins**: [`Config::PauseOrigin`] (fast and narrow, e.g. a council majority with a
//!   short bound) and [`Config::ResumeOrigin`] (slow and broad, e.g. a super-majority).
//!
//! ## Use cost
//!
//! * **Call filter** (every dispatch, nested ones included): the whitelist check and the
//!   call's metadata cost no storage access. It then reads [`Summary`], a per-block key that
//!   `on_initialize` reads anyway and that is whitelisted for benchmarks the way frame-system's
//!   `Number` is: **no charged read while nothing is paused**. While pauses are stored it reads
//!   [`Pauses`] once (a bounded vector of at most [`Config::MaxActivePauses`] records) and
//!   `System::Number` (whitelisted): **one charged read per dispatch**.
//! * **[`CheckPaused`] extension** (pool validation and block inclusion of a signed
//!   transaction): the same check on the top-level call, so a paused call is refused before
//!   anyone pays a fee.
//! * **`on_initialize`**: one whitelisted read per block when nothing expires; when pauses
//!   expire, one read and one write of [`Pauses`], one write of [`Summary`] and one event each.
//!
//! ## Integrating
//!
//! 1. Add the pallet with `PauseOrigin`, `ResumeOrigin`, `WhitelistedCalls` and the bounds
//!    (see the template runtime in `runtime/src/guardian.rs`).
//! 2. Wire the filter: `type BaseCallFilter = pallet_guardian::Pallet<Runtime>;` (or combine it
//!    with your own with `InsideBoth`). Without this the guardian is inert.
//! 3. Add [`CheckPaused<Runtime>`] to the runtime's transaction extension tuple.
//! 4. Whitelist at least the inherents (System, Timestamp), Sudo and the governance pallet, so
//!    that the chain keeps producing blocks and governance can always act.
//!
//! Root bypasses every call filter in FRAME (including this one): `sudo(call)` still runs
//! while `call` is paused, on purpose. `sudo_as` dispatches with a signed origin and is
//! filtered.
//!
//! ## Velocity caps
//!
//! ```text
//!  CapOrigin (slow, broad)              any signed account
//!   set/change/remove_policy,            limit_own_outflow: tighten at once;
//!   set_global_cap, reset_usage          loosen/remove: announce → wait OwnLimitDelay → enact
//!        │                                      │
//!        ▼                                      ▼
//!   Guards[account] {policy, own, rejected}   GlobalCap   GuardIndex (2 KiB counting filter)
//!        ▲                                      ▲              ▲ 8-byte partial read
//!        │ 1 read + 1 write, guarded only       │              │ (whitelisted, every debit)
//!  ┌─────┴──────────────────────────────────────┴──────────────┴───────────────────────────┐
//!  │ LedgerGuard = pallet-balances' AccountStore: every change of every balance, whatever   │
//!  │ caused it (call, batch, proxy, multisig, scheduler, another pallet, XCM).              │
//!  │ debit = free decrease not moved to reserve; fees exempt (ExemptFees), tips count.      │
//!  │ over the allowance → VelocityCapExceeded / GlobalCapExceeded, nothing moves            │
//!  │ crossing a high-water mark → HighWaterCrossed + response pauses via CircuitBreaker     │
//!  └────────────────────────────────────────────────────────────────────────────────────────┘
//!        ▲ refusals noted outside storage (tx_scope)       CheckVelocity extension:
//!        └──────────────────────────────────────────────── pool refuses doomed transfers
//!                                                          (Custom 181); post-dispatch
//!                                                          records DebitRejected + counters
//! ```
//!
//! * **Windows** ([`WindowSpec`]): "at most `limit` in any `period` consecutive blocks",
//!   [`Limit::Absolute`] or [`Limit::ShareOfBalance`] (the share's basis is fixed when the
//!   window starts, so a mint cannot raise its own quota). A policy has up to
//!   [`Config::MaxWindows`] windows and a debit must fit in all of them. Each window is a ring
//!   of buckets ([`velocity`]): O(1) per touch, lazy, and **exact** — the total debited in any
//!   `period` blocks never exceeds the limit (a token bucket or decaying accumulator would let
//!   almost twice the limit out in one window; a fixed window, twice across its boundary).
//! * **Who is capped**: governance policies ([`Call::set_policy`]; their debits also count
//!   toward the [`GlobalCap`]) and self-imposed limits ([`Call::limit_own_outflow`]; never
//!   counted globally, so a user cannot exhaust the global cap for everyone).
//! * **Where**: [`LedgerGuard`] wraps the `StoredMap` pallet-balances keeps accounts in. The
//!   [`ledger`](LedgerGuard) docs define a debit precisely: holds, reserves and slashes of held
//!   funds, fees (with [`ExemptFees`]) and inflows are never refused.
//! * **Response**: a policy's `high_water` share, when a successful debit crosses it in any
//!   window, emits [`Event::HighWaterCrossed`] and pauses the policy's response targets for its
//!   duration through [`CircuitBreaker`] — in force for the next extrinsic of the same block.
//! * **Visibility of refusals**: a refused debit fails its dispatch, which rolls back its
//!   storage; the ledger notes it outside storage ([`tx_scope`]) and [`CheckVelocity`]'s
//!   post-dispatch writes [`Event::DebitRejected`], the account's `rejected` counter and
//!   [`RejectedDebits`].
//!
//! Use cost: an unguarded account pays **no charged read or write** per balance change (one
//! partial read of [`GuardIndex`], read by `on_initialize` and whitelisted); a guarded debit
//! pays one read and one write of [`Guards`] (plus one read, and with a global cap one write,
//! of [`GlobalCap`] for a governance policy).
//!
//! Integrating the caps:
//!
//! 1. `type AccountStore = pallet_guardian::LedgerGuard<Runtime, System>;` in pallet-balances'
//!    config (instead of `System`), and `type Currency = Balances;` here.
//! 2. `type OnChargeTransaction = pallet_guardian::ExemptFees<FungibleAdapter<Balances, ()>>;`
//!    so that fees are not debits.
//! 3. Add [`CheckVelocity<Runtime>`] to the transaction extension tuple, with
//!    `type OutflowEstimator = pallet_guardian::BalancesTransfers<Runtime>;`.
//! 4. Give `CapOrigin` to a slow, broad body (the template uses root or a two-thirds council).
//!
//! Root is capped too: `sudo(force_transfer)` from a guarded account is refused like any other
//! debit. Governance lifts or changes the policy first, which is itself an evented act.
//!
//! ## Monitors and automatic response
//!
//! ```text
//!  Issuance (on_initialize; after a tx that created value)   Feed(k) (OracleMonitor)
//!  Metric(id) (MetricSink)   PolicyOutflow / GlobalOutflow (a cap's high-water mark)
//!        │ observe(source, value): 1 read + 1 write of Monitors[source]
//!        ▼
//!  rule: Flow {period, rise?, fall?} (rolling sums, exact ring) | Jump {within, max_jump}
//!        + stale_after (StaleWatch; on_initialize only when Alert.next_stale is due)
//!        │ anomaly → AnomalyDetected, source flagged until now + duration
//!        ▼ (unless a response for the source is in force)
//!  playbook: pause targets (CircuitBreaker) · raise_to Elevated | Critical · duration
//!        │ ResponseApplied; expires in on_initialize; extend_response (PauseOrigin);
//!        ▼ reset_response (ResumeOrigin: resume, clear level, start afresh)
//!  Alert {elevated_until, critical_until, next_stale} (whitelisted per-block key)
//!        → RiskLevel scales every cap (100% / 50% / 0%) → RiskLevelProvider for pallets
//! ```
//!
//! * **Sources** ([`Source`]): [`Source::Issuance`] is read by `on_initialize` (one read of
//!   the total issuance) and, for same-block detection, after any signed transaction whose
//!   balance changes created value ([`tx_scope`]: the ledger sums, in memory, how the accounts'
//!   totals moved; only a net rise makes [`CheckVelocity`] read the issuance).
//!   [`Source::Feed`] values come from pallet-oracle through [`OracleMonitor`];
//!   [`Source::Metric`] from any pallet through [`MetricSink`]; the outflow sources from the
//!   caps' high-water marks (global and any policy).
//! * **Rules** ([`Rule`]): [`Rule::Flow`] sums rises and falls over any `period` blocks with
//!   the caps' exact ring, thresholds absolute or a share of the value when the window started;
//!   [`Rule::Jump`] compares each value with the last accepted one. A jumping value is not
//!   accepted, and [`GuardedFeed`] hides a flagged feed from consumers (fail closed).
//! * **Playbooks** ([`Playbook`]): every part lasts `duration` (at most
//!   [`Config::MaxProgrammaticPause`]): the pauses, the raised [`RiskLevel`], the flag that
//!   keeps the playbook from running again meanwhile.
//! * **Risk levels** ([`RiskLevel`]) scale every velocity-cap limit: `Elevated` halves them,
//!   `Critical` lets nothing leave a guarded account. [`RiskLevelProvider`] gives the level to
//!   other pallets.
//!
//! Use cost: idle `on_initialize` reads the whitelisted [`Alert`] only; an issuance monitor
//! adds one read of the issuance, one read and (if the issuance changed) one write of its
//! monitor per block; a staleness deadline adds the `check_stale(n)` work in the block it
//! falls due. An observation costs `observe_quiet`, or `observe_fire` when it responds.
//!
//! Integrating the monitors: `type MaxMonitors = ConstU32<16>;`, pallet-oracle's
//! `type OnNewData = pallet_guardian::OracleMonitor<Runtime>;`, consumers read prices through
//! `GuardedFeed<Runtime, Oracle>` and the level through `Guardian` as [`RiskLevelProvider`].
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

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod breaker;
mod cap_types;
mod caps;
mod expiry;
mod extension;
mod fees;
mod filter;
pub mod guard_index;
mod invariants;
mod ledger;
mod monitor_types;
mod monitors;
mod oracle;
mod outflow;
mod own_limits;
mod playbooks;
mod risk;
pub mod runtime_api;
pub mod tx_scope;
mod types;
mod validation;
pub mod velocity;
mod velocity_extension;
mod whitelist;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod cap_tests;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod monitor_tests;
#[cfg(test)]
mod tests;
pub mod weights;

pub use breaker::CircuitBreaker;
pub use cap_types::{
	AccountGuard, Announcement, CapScope, Limit, Policy, PolicyInput, Response, ResponseInput,
	Window, WindowSpec,
};
pub use extension::{CheckPaused, PAUSED_CALL_ERROR};
pub use fees::ExemptFees;
pub use guard_index::GuardFilter;
pub use ledger::{debit_of, LedgerGuard};
pub use monitor_types::{
	AlertState, Anomaly, Flag, Monitor, MonitorInput, MonitorState, Playbook, PlaybookInput,
	RiskLevel, Rule, Source,
};
pub use monitors::MetricSink;
pub use oracle::{GuardedFeed, OracleMonitor};
pub use outflow::{BalancesTransfers, EstimateOutflow};
pub use pallet::*;
pub use risk::RiskLevelProvider;
pub use types::{PauseRecord, PauseSummary, PauseTarget, PauseTargetInput, ResumeReason};
pub use velocity_extension::{CheckVelocity, CAP_EXCEEDED_ERROR};
pub use weights::WeightInfo;
pub use whitelist::{PauseWhitelist, WhitelistedPallets};

use frame_support::traits::GetCallMetadata;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		dispatch::GetDispatchInfo,
		pallet_prelude::*,
		traits::{fungible, tokens, IsSubType, IsType},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Dispatchable, Saturating, StaticLookup};

	/// The storage layout version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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
	type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The runtime's call type, with the metadata the guardian validates names against.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo
			+ GetCallMetadata
			+ IsSubType<Call<Self>>
			+ From<Call<Self>>
			+ IsType<<Self as frame_system::Config>::RuntimeCall>;

		/// Who may pause and extend. `Success` is the longest pause (in blocks, from now) the
		/// origin may impose: large for root, short for a fast narrow body.
		type PauseOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = BlockNumberFor<Self>>;

		/// Who may resume before the expiry. Should be broader and slower than `PauseOrigin`.
		type ResumeOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Calls that are never paused (safe mode included). Should contain at least the
		/// inherents, the sudo pallet and the governance pallet.
		type WhitelistedCalls: PauseWhitelist<<Self as Config>::RuntimeCall>;

		/// The longest pause another pallet may impose through [`CircuitBreaker`].
		#[pallet::constant]
		type MaxProgrammaticPause: Get<BlockNumberFor<Self>>;

		/// The longest pallet or call name a target may hold.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// How many pauses may be in force at once. Bounds the filter's one read and the
		/// hook's work per block.
		#[pallet::constant]
		type MaxActivePauses: Get<u32>;

		/// The balance type of the guarded currency (pallet-balances' `Balance`).
		type Balance: tokens::Balance;

		/// The guarded currency, to read free balances (for share limits and allowances).
		type Currency: fungible::Inspect<Self::AccountId, Balance = Self::Balance>;

		/// Who may set, change and remove cap policies and the global cap, and reset usage.
		/// Should be slow and broad.
		type CapOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// How many windows a policy, an own limit or the global cap may have.
		#[pallet::constant]
		type MaxWindows: Get<u32>;

		/// How many targets a high-water response may pause.
		#[pallet::constant]
		type MaxResponseTargets: Get<u32>;

		/// How many blocks an announced loosening or removal of an own limit waits.
		#[pallet::constant]
		type OwnLimitDelay: Get<BlockNumberFor<Self>>;

		/// What a call will debit from its signer, for the pool check of [`CheckVelocity`]
		/// ([`BalancesTransfers`] for pallet-balances and pallet-utility; `()` for none).
		type OutflowEstimator: EstimateOutflow<
			Self::AccountId,
			<Self as frame_system::Config>::RuntimeCall,
			Self::Balance,
		>;

		/// How many monitors (issuance, feeds, metrics, outflows) may be set. Bounds the
		/// staleness check's work in a block.
		#[pallet::constant]
		type MaxMonitors: Get<u32>;

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

	/// How many debits the caps have refused in signed transactions, ever.
	#[pallet::storage]
	pub type RejectedDebits<T: Config> = StorageValue<_, u64, ValueQuery>;

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
		/// A debit of `amount` from `who` was refused by its caps (`global`: by the global
		/// cap). Recorded after the refused dispatch was rolled back.
		DebitRejected { who: T::AccountId, amount: T::Balance, global: bool },
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
		/// The debit exceeds the account's remaining allowance (its policy or own limit).
		VelocityCapExceeded,
		/// The debit exceeds the global cap's remaining allowance.
		GlobalCapExceeded,
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
				)
				.unwrap_or_else(|e| panic!("genesis pause {target:?} refused: {e:?}"));
			}
			for (who, policy) in &self.guarded {
				let policy = Pallet::<T>::build_policy(policy, false, None)
					.unwrap_or_else(|e| panic!("genesis policy of {who:?} is invalid: {e:?}"));
				assert!(!Guards::<T>::contains_key(who), "genesis guards {who:?} twice");
				Pallet::<T>::store_guard(
					who,
					AccountGuard { policy: Some(policy), own: None, rejected: 0 },
				);
			}
			if let Some(cap) = &self.global_cap {
				let cap = Pallet::<T>::build_policy(cap, true, None)
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
			weight
		}

		fn integrity_test() {
			Self::check_runtime_names();
			assert!(T::MaxActivePauses::get() > 0, "MaxActivePauses must be at least 1");
			assert!(T::MaxMonitors::get() > 0, "MaxMonitors must be at least 1");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pause `target` for `duration` blocks (counting the current one).
		///
		/// The origin must be `PauseOrigin`; `duration` must be at least one block and at most
		/// the origin's bound.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::pause())]
		pub fn pause(
			origin: OriginFor<T>,
			target: PauseTargetInput,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let bound = T::PauseOrigin::ensure_origin(origin)?;
			let target = Self::validate_target(&target)?;
			Self::insert_pause(target, duration, bound)
		}

		/// Push the expiry of an active pause of `target` back by `extra` blocks; the pause may
		/// then last at most the origin's bound from now.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::extend())]
		pub fn extend(
			origin: OriginFor<T>,
			target: PauseTargetInput,
			extra: BlockNumberFor<T>,
		) -> DispatchResult {
			let bound = T::PauseOrigin::ensure_origin(origin)?;
			let target = Self::validate_target(&target)?;
			Self::extend_pause(&target, extra, bound)
		}

		/// End the pause of `target` now. The origin must be `ResumeOrigin`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::resume())]
		pub fn resume(origin: OriginFor<T>, target: PauseTargetInput) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			let target = Self::validate_target(&target)?;
			Self::remove_pause(&target, ResumeReason::Governance)
		}

		/// Put a cap policy on `who`, which has none. `CapOrigin`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_policy())]
		pub fn set_policy(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			policy: PolicyInputOf<T>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			let mut guard = Self::guard_of(&who);
			ensure!(guard.policy.is_none(), Error::<T>::PolicyExists);
			guard.policy = Some(Self::build_policy(&policy, false, None)?);
			Self::store_guard(&who, guard);
			Self::deposit_event(Event::PolicySet { who });
			Ok(())
		}

		/// Replace the cap policy of `who`. Usage is carried over: the largest usage of the old
		/// windows counts as already debited in each new one. `CapOrigin`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::change_policy())]
		pub fn change_policy(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			policy: PolicyInputOf<T>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			let mut guard = Guards::<T>::get(&who).ok_or(Error::<T>::NoPolicy)?;
			let old = guard.policy.as_ref().ok_or(Error::<T>::NoPolicy)?;
			guard.policy = Some(Self::build_policy(&policy, false, Some(&old.windows))?);
			Self::store_guard(&who, guard);
			Self::deposit_event(Event::PolicyChanged { who });
			Ok(())
		}

		/// Remove the cap policy of `who`. `CapOrigin`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_policy())]
		pub fn remove_policy(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			let mut guard = Guards::<T>::get(&who).ok_or(Error::<T>::NoPolicy)?;
			guard.policy.take().ok_or(Error::<T>::NoPolicy)?;
			Self::store_guard(&who, guard);
			Self::deposit_event(Event::PolicyRemoved { who });
			Ok(())
		}

		/// Set, replace (usage carried over) or, with `None`, remove the global cap on the sum
		/// of debits of all accounts with a governance policy. Absolute limits only.
		/// `CapOrigin`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_global_cap())]
		pub fn set_global_cap(
			origin: OriginFor<T>,
			cap: Option<PolicyInputOf<T>>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			match cap {
				Some(cap) => {
					let previous = GlobalCap::<T>::get();
					let cap =
						Self::build_policy(&cap, true, previous.as_ref().map(|p| &p.windows))?;
					GlobalCap::<T>::put(cap);
					Self::deposit_event(Event::GlobalCapSet);
				}
				None => {
					GlobalCap::<T>::take().ok_or(Error::<T>::NoPolicy)?;
					Self::deposit_event(Event::GlobalCapRemoved);
				}
			}
			Ok(())
		}

		/// Zero the usage of a policy, an own limit or the global cap (for example after an
		/// incident is resolved). `CapOrigin`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reset_usage())]
		pub fn reset_usage(origin: OriginFor<T>, scope: CapScope<T::AccountId>) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			Self::reset(&scope)?;
			Self::deposit_event(Event::UsageReset { scope });
			Ok(())
		}

		/// Cap the caller's own outflow with `windows`. A first limit, or one that only
		/// tightens the current one, is in force at once; anything else is announced and may
		/// be enacted after `OwnLimitDelay` blocks.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::limit_own_outflow())]
		pub fn limit_own_outflow(
			origin: OriginFor<T>,
			windows: alloc::vec::Vec<WindowSpecOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::set_own_limit(&who, &windows)
		}

		/// Announce the removal of the caller's own limit; it may be enacted after
		/// `OwnLimitDelay` blocks.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::remove_own_limit())]
		pub fn remove_own_limit(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::announce_own_removal(&who)
		}

		/// Enact the caller's announced change once its delay has passed.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::enact_own_limit())]
		pub fn enact_own_limit(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_enact_own_limit(&who)
		}

		/// Cancel the caller's announced change.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::cancel_own_announcement())]
		pub fn cancel_own_announcement(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_own_announcement(&who)
		}

		/// Set (or replace, starting afresh) the monitor of `source`: its rule, staleness
		/// threshold and playbook. `CapOrigin`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_monitor())]
		pub fn set_monitor(
			origin: OriginFor<T>,
			source: Source,
			monitor: MonitorInputOf<T>,
		) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			let monitor = Self::build_monitor(source, &monitor)?;
			Self::store_monitor(source, monitor)?;
			Self::deposit_event(Event::MonitorSet { source });
			Ok(())
		}

		/// Remove the monitor of `source` (a response in force runs its course). `CapOrigin`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::remove_monitor())]
		pub fn remove_monitor(origin: OriginFor<T>, source: Source) -> DispatchResult {
			T::CapOrigin::ensure_origin(origin)?;
			Self::drop_monitor(source)?;
			Self::deposit_event(Event::MonitorRemoved { source });
			Ok(())
		}

		/// Keep the response in force for `source` for `extra` more blocks (its flag, its
		/// pauses still in force, the level it raised), within the origin's bound from now.
		/// `PauseOrigin`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::extend_response())]
		pub fn extend_response(
			origin: OriginFor<T>,
			source: Source,
			extra: BlockNumberFor<T>,
		) -> DispatchResult {
			let bound = T::PauseOrigin::ensure_origin(origin)?;
			Self::extend_response_of(source, extra, bound)
		}

		/// Clear the response for `source` (resume its targets, clear the level it raised)
		/// and start its monitor afresh. `ResumeOrigin`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::reset_response())]
		pub fn reset_response(origin: OriginFor<T>, source: Source) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			Self::reset_response_of(source)
		}

		/// Raise the risk level to `level` for `duration` blocks (within the origin's bound).
		/// `PauseOrigin`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::raise_risk_level())]
		pub fn raise_risk_level(
			origin: OriginFor<T>,
			level: RiskLevel,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let bound = T::PauseOrigin::ensure_origin(origin)?;
			ensure!(level != RiskLevel::Normal, Error::<T>::NotARaise);
			ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
			ensure!(duration <= bound, Error::<T>::DurationBeyondBound);
			let now = frame_system::Pallet::<T>::block_number();
			Self::raise_risk(level, now.saturating_add(duration));
			Ok(())
		}

		/// Clear the risk level: back to `Normal` at once. `ResumeOrigin`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::clear_risk_level())]
		pub fn clear_risk_level(origin: OriginFor<T>) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			Self::clear_risk(RiskLevel::Normal);
			Ok(())
		}
	}
}
