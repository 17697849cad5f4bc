//! The guardian's errors: every bad input is refused with one of these and changes nothing.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod errors {
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
		/// The contributor's class holds as many pauses as its room
		/// ([`Config::PauseRooms`]), or `MaxActivePauses` pauses are in force.
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
		/// No response is in force for that source (nothing to extend or reset).
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
		/// A playbook may pause inbound XCM only where its response answers a location (an
		/// alert source's mapping).
		InboundNotApplicable,
		/// As many origins as `MaxInboundCaps` are capped.
		TooManyInboundCaps,
		/// The location is not the origin of an inbound queue (the relay chain, a sibling
		/// parachain): a location inside one (an account or a pallet on a sibling, a chain
		/// behind a bridge) is never a message's queue origin, so a pause or cap of it would
		/// hold nothing.
		NotAMessageOrigin,
		/// The location is one of governance's (`InboundGovernance`): its own messages never
		/// wait, so it cannot be paused, capped, or paused by an alert's response.
		GovernanceLocation,
	}
}
