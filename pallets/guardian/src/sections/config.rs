//! The guardian's configuration (see the template runtime's `runtime/src/configs/guardian.rs`).

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod config {
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
		/// hook's work per block; at least the sum of [`Config::PauseRooms`].
		#[pallet::constant]
		type MaxActivePauses: Get<u32>;

		/// How many targets each class of contributors may hold paused at once: governance,
		/// the automatic responses (monitors, caps), other pallets, bonded reports, other
		/// chains' alerts. No class can fill another's room (see [`crate::responses`]).
		#[pallet::constant]
		#[pallet::no_default]
		type PauseRooms: Get<PauseRooms>;

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
		/// and set the guard marker; `try_state` checks that its stored `frozen` balances are
		/// true ([`crate::caps::ledger::LedgerTruth`]).
		#[pallet::no_default]
		type Currency: fungible::Mutate<Self::AccountId, Balance = Self::Balance>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>
			+ fungible::MutateFreeze<Self::AccountId, Id = Self::RuntimeFreezeReason>
			+ caps::ledger::LedgerTruth;

		/// Who may configure the guardian's automatic defences: cap policies and the global
		/// cap, usage resets, monitors, reportable targets, excess returns, alert subscriptions
		/// and sources, inbound caps. Should be slow and broad.
		#[pallet::no_default]
		type ConfigureOrigin: EnsureOrigin<Self::RuntimeOrigin>;

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
		/// positives costs an attacker this much per account (see [`crate::caps::guard_index`]).
		/// No default: an amount means nothing without the chain's decimals and prices.
		#[pallet::constant]
		#[pallet::no_default]
		type OwnLimitDeposit: Get<Self::Balance>;

		/// How long an excess held on a recipient ([`crate::excess`]) stays held before anyone
		/// may release it: the time governance has to return it.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ExcessHoldPeriod: Get<BlockNumberFor<Self>>;

		/// What a call will debit from its signer, for the pool check of [`CheckVelocity`];
		/// whose balances it may debit and how many times, for the guard work
		/// [`WatchTransaction`] reserves ([`BalancesTransfers`] for pallet-balances,
		/// `BalancesTransfersInBatches` also inside pallet-utility's batches; `()` for none).
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

		/// The deposit of a report when none is open ([`crate::reports`] explains its growth).
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
		/// destination is reachable, so none can be subscribed). See [`crate::cross_chain`].
		#[pallet::no_default]
		type AlertRouter: xcm::latest::SendXcm;

		/// Who may deliver an alert, and from where:
		/// `pallet_xcm::EnsureXcm<IsAlertSource<Runtime>>` (`NeverEnsureOrigin` without XCM).
		#[pallet::no_default]
		type AlertOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = cross_chain::Location>;

		/// Governance's locations: queue origins (the relay chain) and bodies on them
		/// (`Parent/Plurality{..}`, the Fellowship on a collectives chain). Governance's own
		/// messages — those that run as one of them: the queue's origin kept, or descended into
		/// one by top-level `DescendOrigin`s, with nothing else changing it — never wait:
		/// neither a pause of everyone's inbound XCM (so governance's `resume_xcm_inbound` over
		/// XCM gets in) nor a pause of the chain or a pallet holds them. Messages of that
		/// chain's users (sent with an origin of their own) wait like anyone's. No pause or cap
		/// may name these locations ([`Error::GovernanceLocation`]). `Nothing` by default.
		type InboundGovernance: frame_support::traits::Contains<cross_chain::Location>;

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

		/// The `InvalidTransaction::Custom` codes of the pool's refusals (a paused call, a cap
		/// exceeded): [`DefaultRefusalCodes`] (180, 181) unless another extension of the
		/// runtime uses those (see [`crate::lifecycle::refusals`]). Distinct (`integrity_test`).
		#[pallet::constant]
		type RefusalCodes: Get<RefusalCodes>;

		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;
	}
}
