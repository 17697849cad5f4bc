//! The guardian's events.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod events {
	#[pallet::event]
	#[pallet::generate_deposit(pub(crate) fn deposit_event)]
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
		/// The playbook of `by` ran, answering `anomaly` on `source`: `paused` targets paused,
		/// inbound XCM from the location it answers paused (`inbound_paused`), the level
		/// raised to `level`, all until block `until` (exclusive).
		ResponseApplied {
			by: Contributor,
			source: Source,
			anomaly: Anomaly,
			paused: u32,
			inbound_paused: bool,
			level: RiskLevel,
			until: BlockNumberFor<T>,
		},
		/// The response of `by` now lasts until block `until` (exclusive).
		ResponseExtended { by: Contributor, until: BlockNumberFor<T> },
		/// Governance reset the response of `by`: `resumed` pauses (of calls and of inbound
		/// XCM) ended, the level it raised cleared (a monitor also starts afresh).
		ResponseReset { by: Contributor, resumed: u32 },
		/// The risk level in force changed.
		RiskLevelChanged { from: RiskLevel, to: RiskLevel },
		/// An outflow of `amount` from `who` went `excess` beyond its allowance: it came by a
		/// forced path (a slash, a forced withdrawal) or was let through because the value had
		/// been credited in anticipation (then held, see [`Event::ExcessHeld`]). Counted in
		/// [`DebitsBeyondCap`].
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
		/// The response of `by` could not pause `unplaced` (its class's room is full): it
		/// raised the risk level to `level` until block `until` instead (`Normal` for another
		/// chain's alert, which never goes beyond what governance mapped it to).
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
		/// The router refused to deliver `alert` to `dest`: it is kept and offered again with
		/// the block's spare weight (`GuardianApi::undelivered_alerts` lists it).
		AlertNotDelivered { dest: cross_chain::Location, alert: GuardianAlert },
		/// Governance allowed `source` to alert this chain, mapping `kinds` kinds.
		AlertSourceSet { source: cross_chain::Location, kinds: u32 },
		/// Governance no longer allows `source` to alert this chain.
		AlertSourceRemoved { source: cross_chain::Location },
		/// The allowed source `from` alerted `alert`; `mapped`: a playbook is mapped to its kind.
		AlertReceived { from: cross_chain::Location, alert: GuardianAlert, mapped: bool },
		/// Governance capped the native value `origin` brings in at `limit` per `period` blocks.
		InboundCapSet {
			origin: cross_chain::Location,
			period: BlockNumberFor<T>,
			limit: T::Balance,
		},
		/// Governance removed the inbound cap of `origin`.
		InboundCapRemoved { origin: cross_chain::Location },
		/// A deposit of what `origin` brought went `excess` beyond its inbound cap, `minted` of
		/// it minted on its word; `held` of it is held on the beneficiary (the part from the
		/// origin's account as [`Event::ExcessHeld`], the minted part in
		/// [`crate::MintedExcessHolds`]), the rest (its existential deposit) is free.
		InboundBeyondCap {
			origin: cross_chain::Location,
			excess: T::Balance,
			minted: T::Balance,
			held: T::Balance,
		},
		/// Governance burned `amount` minted on `origin`'s word beyond its inbound cap and held
		/// on `on`.
		ExcessBurned { origin: cross_chain::Location, on: T::AccountId, amount: T::Balance },
		/// `amount` minted on `origin`'s word beyond its inbound cap and held on `on` was
		/// released to `on`.
		MintedExcessReleased { origin: cross_chain::Location, on: T::AccountId, amount: T::Balance },
		/// An alert from `from` was not answered: governance reset the source's response, and
		/// its alerts are muted until block `until` (the end of the response it reset).
		AlertMuted { from: cross_chain::Location, until: BlockNumberFor<T> },
		/// An alert the router refused was delivered on a later try.
		AlertRedelivered { dest: cross_chain::Location, alert: GuardianAlert, retries: u32 },
		/// An alert the router kept refusing was given up: the response it announced is no
		/// longer in force (it ended, or governance reset it).
		AlertAbandoned { dest: cross_chain::Location, alert: GuardianAlert, retries: u32 },
	}
}
