//! The stored and input forms of the guardian's types, bound to a runtime's configuration.

use crate::{
	AccountGuard, AlertSource, Announcement, Config, InboundCap, InboundPause, Monitor,
	MonitorInput, MonitorState, PauseRecord, PauseTarget, Playbook, Policy, PolicyInput, Report,
	ReportId, Source, Subscription, Window, WindowSpec,
};
use frame_support::{traits::fungible, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;

/// A name as stored: bounded by [`Config::MaxNameLen`].
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;
/// A pause target as stored.
pub type PauseTargetOf<T> = PauseTarget<NameOf<T>>;
/// A pause record as stored.
pub type PauseRecordOf<T> = PauseRecord<NameOf<T>, BlockNumberFor<T>>;
/// All active pauses.
pub type PausesOf<T> = BoundedVec<PauseRecordOf<T>, <T as Config>::MaxActivePauses>;
/// Who holds each paused target, until when (the response engine's).
pub type PauseHoldsOf<T> = BoundedVec<
	crate::responses::TargetHolds<PauseTargetOf<T>, BlockNumberFor<T>, crate::MaxPauseHolders<T>>,
	<T as Config>::MaxActivePauses,
>;
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
pub type MonitorOf<T> = Monitor<NameOf<T>, BlockNumberFor<T>, <T as Config>::MaxResponseTargets>;
/// A monitor as given to an extrinsic.
pub type MonitorInputOf<T> = MonitorInput<BlockNumberFor<T>>;
/// What a monitor remembers, as stored.
pub type MonitorStateOf<T> = MonitorState<BlockNumberFor<T>>;
/// The monitors' per-block state, as stored.
pub type WatchStateOf<T> =
	crate::monitors::WatchState<BlockNumberFor<T>, <T as Config>::MaxMonitors>;
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
pub type PlaybookOf<T> = Playbook<NameOf<T>, BlockNumberFor<T>, <T as Config>::MaxResponseTargets>;
/// An inbound cap as stored.
pub type InboundCapOf<T> = InboundCap<BlockNumberFor<T>, <T as Config>::Balance>;
/// The pauses of inbound XCM, as stored.
pub type InboundPausesOf<T> =
	BoundedVec<InboundPause<BlockNumberFor<T>>, <T as Config>::MaxInboundPauses>;
/// The alert subscriptions, as stored.
pub type SubscriptionsOf<T> =
	BoundedVec<Subscription<<T as Config>::MaxAlertKinds>, <T as Config>::MaxAlertSubscribers>;
/// The alerts waiting for delivery, as stored.
pub type UndeliveredAlertsOf<T> = BoundedVec<
	crate::cross_chain::UndeliveredAlert<BlockNumberFor<T>>,
	crate::cross_chain::MaxUndelivered<T>,
>;
/// A credit of the guarded currency (a slashed deposit).
pub type CreditOf<T> =
	fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
