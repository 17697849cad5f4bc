//! The guardian's calls: every one a two-line shim over its capability's logic.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod calls {
	/// Every call is a shim over its capability's logic (named "Logic for" the call), or the
	/// response engine's; its weight is the [`WeightInfo`] function of the same name. Every error leaves
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
			Engine::<T>::pause(Contributor::Governance, &target, duration, bound)
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
			Engine::<T>::extend(Contributor::Governance, &target, extra, bound)
		}

		/// End the pause of `target` now.
		///
		/// * Origin: [`Config::ResumeOrigin`].
		/// * Emits [`Event::Resumed`] with [`ResumeReason::Governance`].
		/// * Errors: the target errors of [`Pallet::pause`], [`Error::NotPaused`].
		#[pallet::call_index(2)]
		#[pallet::weight((
			T::WeightInfo::resume().saturating_add(Pallet::<T>::emptied_alerts_weight()),
			DispatchClass::Operational,
		))]
		pub fn resume(origin: OriginFor<T>, target: PauseTargetInput) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			Engine::<T>::resume(&target)
		}

		/// Put a cap policy on `who`, which has none.
		///
		/// * Origin: [`Config::ConfigureOrigin`].
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
			T::ConfigureOrigin::ensure_origin(origin)?;
			Caps::<T>::do_set_policy(T::Lookup::lookup(who)?, policy)
		}

		/// Replace the cap policy of `who`. Usage is carried over: the largest usage of the old
		/// windows counts as already debited in each new one.
		///
		/// * Origin: [`Config::ConfigureOrigin`].
		/// * Emits [`Event::PolicyChanged`].
		/// * Errors: [`Error::NoPolicy`] and the policy errors of [`Pallet::set_policy`].
		#[pallet::call_index(4)]
		pub fn change_policy(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			policy: PolicyInputOf<T>,
		) -> DispatchResult {
			T::ConfigureOrigin::ensure_origin(origin)?;
			Caps::<T>::do_change_policy(T::Lookup::lookup(who)?, policy)
		}

		/// Remove the cap policy of `who`.
		///
		/// * Origin: [`Config::ConfigureOrigin`].
		/// * Emits [`Event::PolicyRemoved`].
		/// * Errors: [`Error::NoPolicy`].
		#[pallet::call_index(5)]
		pub fn remove_policy(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			T::ConfigureOrigin::ensure_origin(origin)?;
			Caps::<T>::do_remove_policy(T::Lookup::lookup(who)?)
		}

		/// Set, replace (usage carried over) or, with `None`, remove the global cap on the sum
		/// of debits of all accounts with a governance policy. Absolute limits only.
		///
		/// * Origin: [`Config::ConfigureOrigin`].
		/// * Emits [`Event::GlobalCapSet`] or [`Event::GlobalCapRemoved`].
		/// * Errors: [`Error::ShareNotAllowed`], [`Error::NoPolicy`] (removing none) and the
		///   policy errors of [`Pallet::set_policy`].
		#[pallet::call_index(6)]
		pub fn set_global_cap(
			origin: OriginFor<T>,
			cap: Option<PolicyInputOf<T>>,
		) -> DispatchResult {
			T::ConfigureOrigin::ensure_origin(origin)?;
			Caps::<T>::do_set_global_cap(cap)
		}

		/// Zero the usage of a policy, an own limit or the global cap (for example after an
		/// incident is resolved).
		///
		/// * Origin: [`Config::ConfigureOrigin`].
		/// * Emits [`Event::UsageReset`].
		/// * Errors: [`Error::NoPolicy`], [`Error::NoOwnLimit`].
		#[pallet::call_index(7)]
		pub fn reset_usage(origin: OriginFor<T>, scope: CapScope<T::AccountId>) -> DispatchResult {
			T::ConfigureOrigin::ensure_origin(origin)?;
			Caps::<T>::do_reset_usage(scope)
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
			Caps::<T>::do_limit_own_outflow(&who, &windows)
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
			Caps::<T>::do_remove_own_limit(&who)
		}

		/// Enact the caller's announced change once its delay has passed.
		///
		/// * Origin: signed.
		/// * Emits [`Event::OwnLimitEnacted`].
		/// * Errors: [`Error::NoAnnouncement`], [`Error::AnnouncementNotDue`].
		#[pallet::call_index(10)]
		pub fn enact_own_limit(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Caps::<T>::do_enact_own_limit(&who)
		}

		/// Cancel the caller's announced change.
		///
		/// * Origin: signed.
		/// * Emits [`Event::OwnLimitAnnouncementCancelled`].
		/// * Errors: [`Error::NoAnnouncement`].
		#[pallet::call_index(11)]
		pub fn cancel_own_announcement(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Caps::<T>::do_cancel_own_announcement(&who)
		}

		/// Set (or replace, starting afresh) the monitor of `source`: its rule, staleness
		/// threshold and playbook. A response of the replaced monitor stays in force.
		///
		/// * Origin: [`Config::ConfigureOrigin`].
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
			T::ConfigureOrigin::ensure_origin(origin)?;
			Monitoring::<T>::do_set_monitor(source, &monitor)
		}

		/// Remove the monitor of `source`, once no response of it is in force.
		///
		/// * Origin: [`Config::ConfigureOrigin`].
		/// * Emits [`Event::MonitorRemoved`].
		/// * Errors: [`Error::NoMonitor`], [`Error::ResponseInForce`].
		#[pallet::call_index(13)]
		pub fn remove_monitor(origin: OriginFor<T>, source: Source) -> DispatchResult {
			T::ConfigureOrigin::ensure_origin(origin)?;
			Monitoring::<T>::do_remove_monitor(source)
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
			Monitoring::<T>::do_extend_response(source, extra, bound)
		}

		/// Clear the response for `source` (resume its targets, clear the level it raised)
		/// and start its monitor afresh.
		///
		/// * Origin: [`Config::ResumeOrigin`].
		/// * Emits [`Event::ResponseReset`] (and [`Event::Resumed`] per target,
		///   [`Event::RiskLevelChanged`] if the level falls). A monitor with `stale_after` has it
		///   re-armed from now.
		/// * Errors: [`Error::NoMonitor`].
		#[pallet::call_index(15)]
		#[pallet::weight((T::WeightInfo::reset_response(), DispatchClass::Operational))]
		pub fn reset_response(origin: OriginFor<T>, source: Source) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			Monitoring::<T>::do_reset_response(source)
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
			Engine::<T>::raise_level(level, duration, bound)
		}

		/// Clear the risk level: back to `Normal` at once.
		///
		/// * Origin: [`Config::ResumeOrigin`].
		/// * Emits [`Event::RiskLevelChanged`] if the level in force changes.
		/// * Errors: none beyond the origin.
		#[pallet::call_index(17)]
		#[pallet::weight((
			T::WeightInfo::clear_risk_level().saturating_add(Pallet::<T>::emptied_alerts_weight()),
			DispatchClass::Operational,
		))]
		pub fn clear_risk_level(origin: OriginFor<T>) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			Engine::<T>::clear_level()
		}

		/// Return the excess of guarded account `from` held on `on` (see [`crate::excess`]) to
		/// `from`.
		///
		/// * Origin: [`Config::ConfigureOrigin`].
		/// * Emits [`Event::ExcessReturned`].
		/// * Errors: [`Error::NoExcessHold`].
		#[pallet::call_index(18)]
		pub fn return_excess(
			origin: OriginFor<T>,
			on: AccountIdLookupOf<T>,
			from: AccountIdLookupOf<T>,
		) -> DispatchResult {
			T::ConfigureOrigin::ensure_origin(origin)?;
			Excess::<T>::do_return(T::Lookup::lookup(on)?, T::Lookup::lookup(from)?)
		}

		/// Release the excess of guarded account `from` held on `on` to `on`.
		///
		/// * Origin: [`Config::ConfigureOrigin`] at any time; any signed account once the hold's
		///   period ([`Config::ExcessHoldPeriod`]) is over.
		/// * Emits [`Event::ExcessReleased`].
		/// * Errors: [`Error::NoExcessHold`], [`Error::ExcessHoldNotDue`].
		#[pallet::call_index(19)]
		pub fn release_excess(
			origin: OriginFor<T>,
			on: AccountIdLookupOf<T>,
			from: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let by_governance = T::ConfigureOrigin::try_origin(origin)
				.map_or_else(|origin| ensure_signed(origin).map(|_| false), |_| Ok(true))?;
			Excess::<T>::do_release(T::Lookup::lookup(on)?, T::Lookup::lookup(from)?, by_governance)
		}

		/// Declare `target` reportable by anyone (`reportable: true`), or no longer. Open
		/// reports on it stay open.
		///
		/// * Origin: [`Config::ConfigureOrigin`].
		/// * Emits [`Event::ReportableSet`].
		/// * Errors: the target's validation errors (as [`Pallet::pause`]),
		///   [`Error::ChainNotReportable`], [`Error::TooManyReportable`].
		#[pallet::call_index(20)]
		pub fn set_reportable(
			origin: OriginFor<T>,
			target: PauseTargetInput,
			reportable: bool,
		) -> DispatchResult {
			T::ConfigureOrigin::ensure_origin(origin)?;
			Reporting::<T>::do_set_reportable(&target, reportable)
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
			Reporting::<T>::do_report(reporter, &target, evidence, duration)
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
			Reporting::<T>::do_confirm_report(id)
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
			Reporting::<T>::do_reject_report(id)
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
			Reporting::<T>::do_release_report_deposit(id)
		}

		/// Receive an alert from another chain's guardian (see [`crate::cross_chain`]). Only
		/// `AlertOrigin`: an XCM `Transact` from a location governance allowed
		/// ([`Call::set_alert_source`]). Emits [`Event::AlertReceived`]; runs the playbook
		/// mapped to the alert's kind unless a response to that source is in force or the
		/// source is muted ([`Event::AlertMuted`]). An alert that starts no response declares
		/// only what it used ([`CrossChain::unanswered_alert_weight`]): the XCM executor
		/// refunds the rest to the message queue's budget. The call index is part of the wire
		/// format ([`RECEIVE_ALERT_CALL_INDEX`]).
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::observe_fire()
			.saturating_add(T::WeightInfo::pause().saturating_mul(T::MaxResponseTargets::get().into()))
			// The source, the inbound pauses; the mute (removed once expired).
			.saturating_add(T::DbWeight::get().reads_writes(3, 3)))]
		pub fn receive_alert(
			origin: OriginFor<T>,
			alert: GuardianAlert,
		) -> DispatchResultWithPostInfo {
			let from = T::AlertOrigin::ensure_origin(origin)?;
			let answered = CrossChain::<T>::do_receive_alert(from, alert)?;
			let used = (!answered).then(CrossChain::<T>::unanswered_alert_weight);
			Ok(used.into())
		}

		/// Pause inbound XCM from the queue origin `from` (the relay chain or a sibling; from
		/// everyone but `InboundGovernance` for `None`) for `duration` blocks, at most the
		/// origin's bound: the chain's message processor ([`PausableProcessor`]) leaves their
		/// messages in the queue until then. A location inside a queue origin is refused
		/// ([`Error::NotAMessageOrigin`]), as is governance's ([`Error::GovernanceLocation`]).
		/// `PauseOrigin`.
		#[pallet::call_index(26)]
		#[pallet::weight((T::WeightInfo::pause(), DispatchClass::Operational))]
		pub fn pause_xcm_inbound(
			origin: OriginFor<T>,
			from: Option<alloc::boxed::Box<xcm::VersionedLocation>>,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let bound = T::PauseOrigin::ensure_origin(origin)?;
			let from = from.map(|from| CrossChain::<T>::message_origin(*from)).transpose()?;
			Engine::<T>::pause_inbound(from, duration, bound)
		}

		/// End every pause of inbound XCM from exactly `from` (everyone's for `None`), whoever
		/// holds it; the waiting messages run from the next servicing of the queue.
		/// `ResumeOrigin`.
		#[pallet::call_index(27)]
		#[pallet::weight((
			T::WeightInfo::resume().saturating_add(Pallet::<T>::emptied_alerts_weight()),
			DispatchClass::Operational,
		))]
		pub fn resume_xcm_inbound(
			origin: OriginFor<T>,
			from: Option<alloc::boxed::Box<xcm::VersionedLocation>>,
		) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			let from = from.map(|from| CrossChain::<T>::latest_location(*from)).transpose()?;
			Engine::<T>::resume_inbound(from)
		}

		/// Subscribe `dest`, whose guardian is at pallet index `pallet_index` in its runtime,
		/// to the firings of the monitors of `kinds` (replacing its subscription); no kinds
		/// unsubscribes it. The router must accept an alert for `dest`. `ConfigureOrigin`.
		#[pallet::call_index(28)]
		// The subscriptions and the waiting alerts, each read and written.
		#[pallet::weight(T::WeightInfo::set_monitor().saturating_add(T::DbWeight::get().reads_writes(3, 2)))]
		pub fn set_alert_subscription(
			origin: OriginFor<T>,
			dest: alloc::boxed::Box<xcm::VersionedLocation>,
			pallet_index: u8,
			kinds: alloc::vec::Vec<Source>,
		) -> DispatchResult {
			T::ConfigureOrigin::ensure_origin(origin)?;
			let dest = CrossChain::<T>::latest_location(*dest)?;
			CrossChain::<T>::do_set_alert_subscription(dest, pallet_index, kinds)
		}

		/// Allow `source` to alert this chain, with a playbook for each kind it maps (other
		/// kinds only emit an event; a playbook's `pause_inbound` pauses inbound XCM from
		/// `source`, which must then be a queue origin and not governance's:
		/// [`Error::NotAMessageOrigin`], [`Error::GovernanceLocation`]); replacing keeps the
		/// response in force. `ConfigureOrigin`.
		#[pallet::call_index(29)]
		#[pallet::weight(T::WeightInfo::set_monitor().saturating_mul(T::MaxAlertKinds::get().max(1).into()))]
		pub fn set_alert_source(
			origin: OriginFor<T>,
			source: alloc::boxed::Box<xcm::VersionedLocation>,
			playbooks: alloc::vec::Vec<(Source, PlaybookInput<BlockNumberFor<T>>)>,
		) -> DispatchResult {
			T::ConfigureOrigin::ensure_origin(origin)?;
			let source = CrossChain::<T>::latest_location(*source)?;
			CrossChain::<T>::do_set_alert_source(source, playbooks)
		}

		/// No longer allow `source` to alert this chain. Refused while its response is in
		/// force. `ConfigureOrigin`.
		#[pallet::call_index(30)]
		#[pallet::weight(T::WeightInfo::remove_monitor().saturating_add(T::DbWeight::get().reads_writes(2, 3)))]
		pub fn remove_alert_source(
			origin: OriginFor<T>,
			source: alloc::boxed::Box<xcm::VersionedLocation>,
		) -> DispatchResult {
			T::ConfigureOrigin::ensure_origin(origin)?;
			let source = CrossChain::<T>::latest_location(*source)?;
			CrossChain::<T>::do_remove_alert_source(source)
		}

		/// Withdraw the response to `source`'s alert: its inbound pause, its hold on the pauses
		/// it placed, its contribution to the level. `ResumeOrigin`; `Operational`.
		#[pallet::call_index(31)]
		#[pallet::weight((
			// The source and the inbound pauses, their writes, and the mute.
			T::WeightInfo::reset_response().saturating_add(T::DbWeight::get().reads_writes(3, 3)),
			DispatchClass::Operational
		))]
		pub fn reset_alert_response(
			origin: OriginFor<T>,
			source: alloc::boxed::Box<xcm::VersionedLocation>,
		) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			let source = CrossChain::<T>::latest_location(*source)?;
			CrossChain::<T>::do_reset_alert_response(source)
		}

		/// Cap the native value the messages of the queue origin `from` deposit on this chain
		/// at `cap.limit` (absolute) in any `cap.period` blocks; `None` removes the cap. Beyond
		/// it, deposits land held ([`crate::cross_chain::inflow`]). `from` must be a queue
		/// origin ([`Error::NotAMessageOrigin`]) and not governance's
		/// ([`Error::GovernanceLocation`]). `ConfigureOrigin`.
		#[pallet::call_index(32)]
		#[pallet::weight(T::WeightInfo::set_global_cap())]
		pub fn set_inbound_cap(
			origin: OriginFor<T>,
			from: alloc::boxed::Box<xcm::VersionedLocation>,
			cap: Option<WindowSpecOf<T>>,
		) -> DispatchResult {
			T::ConfigureOrigin::ensure_origin(origin)?;
			let from = match cap {
				// A cap is set only on an origin the inflow accounting can meet.
				Some(_) => CrossChain::<T>::message_origin(*from)?,
				None => CrossChain::<T>::latest_location(*from)?,
			};
			CrossChain::<T>::do_set_inbound_cap(from, cap)
		}

		/// Burn the value minted on the word of `origin` beyond its inbound cap and held on
		/// `on` ([`crate::cross_chain::inflow`]): the answer to a compromised chain's mint.
		///
		/// * Origin: [`Config::ConfigureOrigin`].
		/// * Emits [`Event::ExcessBurned`].
		/// * Errors: [`Error::NoExcessHold`], [`Error::BadLocation`].
		#[pallet::call_index(33)]
		#[pallet::weight(T::WeightInfo::return_excess()
			.saturating_add(CrossChain::<T>::minted_record_proof()))]
		pub fn burn_excess(
			origin: OriginFor<T>,
			on: AccountIdLookupOf<T>,
			from: alloc::boxed::Box<xcm::VersionedLocation>,
		) -> DispatchResult {
			T::ConfigureOrigin::ensure_origin(origin)?;
			let from = CrossChain::<T>::latest_location(*from)?;
			CrossChain::<T>::do_burn_excess(T::Lookup::lookup(on)?, from)
		}

		/// Release the value minted on the word of `origin` beyond its inbound cap and held on
		/// `on` to `on`.
		///
		/// * Origin: [`Config::ConfigureOrigin`] at any time; any signed account once the hold's
		///   period ([`Config::ExcessHoldPeriod`]) is over.
		/// * Emits [`Event::MintedExcessReleased`].
		/// * Errors: [`Error::NoExcessHold`], [`Error::ExcessHoldNotDue`], [`Error::BadLocation`].
		#[pallet::call_index(34)]
		#[pallet::weight(T::WeightInfo::release_excess()
			.saturating_add(CrossChain::<T>::minted_record_proof()))]
		pub fn release_minted_excess(
			origin: OriginFor<T>,
			on: AccountIdLookupOf<T>,
			from: alloc::boxed::Box<xcm::VersionedLocation>,
		) -> DispatchResult {
			let by_governance = T::ConfigureOrigin::try_origin(origin)
				.map_or_else(|origin| ensure_signed(origin).map(|_| false), |_| Ok(true))?;
			let from = CrossChain::<T>::latest_location(*from)?;
			CrossChain::<T>::do_release_minted(T::Lookup::lookup(on)?, from, by_governance)
		}
	}
}
