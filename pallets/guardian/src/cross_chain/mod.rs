//! # Cross-chain orchestration over XCM
//!
//! Liquidity moves between parachains over XCM, and so does contagion: a mint bug on one
//! chain becomes a drain on every chain that accepts its tokens. This capability lets
//! guardians on different chains defend each other, with nothing lost in flight.
//!
//! ```text
//!   chain A                                   chain B (and C)
//!   monitor fires ─► playbook (pause, level)   message queue ─► PausableProcessor ─► XCM executor
//!        │                                        │ paused origin? Yield: the message waits
//!        └─► for each subscriber: XCM             │        (never dropped) and runs after
//!            [UnpaidExecution,                     ▼
//!             Transact(Guardian.receive_alert)] ─► AllowAlertsFrom barrier (allowed source,
//!                                                  alert shape only) ─► EnsureXcm origin
//!                                                  ─► AlertSources[A]: kind → local playbook:
//!                                                     pause inbound XCM from A, pause calls,
//!                                                     raise the level — until it expires
//! ```
//!
//! | concern | file |
//! |---|---|
//! | what is paused, alerted and mapped (the types below) | `mod.rs` |
//! | pausing inbound XCM by origin, its expiry, the message-processor wrapper | [`inbound`] |
//! | subscriptions and the alerts a firing playbook sends | [`alerts_out`] |
//! | allowed alert sources, their mapped playbooks, receiving, reset | [`alerts_in`] |
//! | the barrier that lets only alert-shaped messages from allowed sources run unpaid | [`barrier`] |
//! | inbound value per origin: the design, the cap, the hold above it, burning a mint | [`inflow`] |
//! | where the value in a message's holding came from | [`inflow_holding`] |
//! | the asset transactor wrapper that counts, nets and holds | [`inflow_transactor`] |
//! | the weigher wrapper that charges the message for it | [`inflow_weigher`] |
//!
//! ## What a parachain gets
//!
//! * **Inbound XCM under the guardian.** [`PausableProcessor`] wraps the chain's message
//!   processor (`xcm_builder::ProcessXcmMessage`). While inbound XCM is paused — from every
//!   origin ([`Call::pause_xcm_inbound`] with `None`) or from one queue origin (the relay
//!   chain, a sibling: [`is_message_origin`]) —, and while the chain or a pallet holding what
//!   XCM moves is paused for a message that would move value
//!   ([`crate::lifecycle::waiting_messages`]), it answers
//!   `ProcessMessageError::Yield`: pallet-message-queue keeps the message where it is and
//!   offers it again in a later block, so it runs, in order, once the pause ends. Nothing is
//!   dropped (moonbeam#2913 lost messages by refusing them in a barrier). Governance's own
//!   messages (running as one of `Config::InboundGovernance`'s locations) never wait.
//!   Pauses of this kind expire at a block like every pause (`on_initialize` removes them and
//!   emits [`Event::XcmInboundResumed`]) and are answered by the runtime API
//!   (`GuardianApi::xcm_inbound_paused_until`).
//! * **Outbound value under the caps.** Nothing to add: `xcm_builder::FungibleAdapter` over
//!   pallet-balances withdraws with a polite `burn_from`, which the ledger guard (the
//!   `LedgerGuard` account store) limits like every other debit. A reserve transfer or
//!   teleport through pallet-xcm from a guarded account, and an XCM program from another
//!   chain withdrawing from a guarded sovereign account, fail with `FailedToTransactAsset`
//!   beyond the allowance and move nothing (the tests in `tests/xcm` prove both).
//! * **Inbound value per origin.** [`Call::set_inbound_cap`] caps the native value one origin
//!   really brings in any window of blocks — withdrawn from its own account or minted on its
//!   word, net of what goes back to it; value a user of its chain moves from their own account
//!   here is not counted. [`CappedInflow`] wraps the native `FungibleAdapter` and
//!   [`InflowWeigher`] the XCM weigher (the message pays for the accounting). Beyond the cap
//!   the deposit lands but the excess is held on the beneficiary, attributed to where it came
//!   from, for governance to return (to the origin's account) or burn (what was minted) —
//!   never lost ([`inflow`]).
//! * **Alerts between chains.** A monitor's playbook that fires sends every subscribed
//!   destination ([`Call::set_alert_subscription`]) a [`GuardianAlert`] — the monitor's
//!   source, the anomaly, the level its playbook raised to, and until when (in the sender's
//!   blocks) — as `Transact(Guardian.receive_alert)` in the same block. The receiving guardian
//!   accepts it only from locations governance allowed ([`Call::set_alert_source`]) and maps
//!   each kind to a local [`Playbook`] (its `pause_inbound` pauses inbound XCM from the
//!   alerting chain), pause
//!   calls, raise the level — bounded by `MaxProgrammaticPause`, expiring, and reset by the
//!   resume origin ([`Call::reset_alert_response`]). An alert of a kind without a playbook
//!   only emits [`Event::AlertReceived`].
//!
//! ## Who pays
//!
//! * **Receiving**: unpaid execution, and only for what [`AllowAlertsFrom`] lets through: a
//!   message from an allowed source made of `UnpaidExecution`, one `Transact` of
//!   `Guardian.receive_alert` with `OriginKind::Xcm` and at most a `SetTopic`. Every other
//!   message, from the same chain or any other, goes through the chain's paid barriers. An
//!   allowed source thus gets free execution of exactly one call, whose effect is bounded by
//!   the playbook governance mapped (one response per source at a time). An alert that
//!   starts no response (an unmapped kind, a response in force, a muted source) declares only
//!   what it used ([`CrossChain::unanswered_alert_weight`], 16% of the declared weight on the
//!   mock) and the executor refunds the rest to the queue's budget, so a compromised source
//!   flooding redundant alerts takes from the block what reading its entry costs.
//! * **Sending**: the alert is a message of the chain itself, like pallet-xcm's version
//!   notifications. Delivery fees are not charged to anyone (`send_xcm` delivers without
//!   paying); the weight of the deliveries (`AlertDeliveryWeight` each, at most
//!   `MaxAlertSubscribers` per firing) is part of what the monitor's firing costs
//!   (`Engine::alert_fanout_weight`): the transaction that tripped it pays
//!   it with its guard work (reserved up front in its guard budget), the hook that judged it
//!   counts it in its weight. A playbook fires at most once per response duration, so an
//!   attacker who trips a monitor on purpose buys at most `MaxAlertSubscribers` messages per
//!   duration, and pays for the trip and the messages.
//!
//! ## Threat model
//!
//! | attacker | what they try | what stops it | cost / bound |
//! |---|---|---|---|
//! | a chain that is not an allowed source | forge an alert to pause us | [`AllowAlertsFrom`] refuses it unpaid (`Barrier`); paid, `receive_alert`'s origin check refuses it (`BadOrigin`) | nothing changes |
//! | an allowed source, compromised | alert repeatedly to keep us paused | one response per source at a time; each lasts the mapped duration (≤ `MaxProgrammaticPause`); resume origin resets it, and the reset mutes the source until the response would have ended, or past the end of another inbound pause still holding it ([`Event::AlertMuted`]), so the alerts those pauses held in the queue do not restart it; removal is refused while a response is in force | one alert per mapped duration buys one duration |
//! | anyone on a sibling | move value into or out of the chain over XCM while governance put it in safe mode, or paused Balances or pallet-xcm | the processor holds every message that would move value (a `Transact` into a pallet holding value included) while the chain or a pallet the processor names is paused; a `Transact` of another paused call is refused by the call filter at dispatch | the messages wait, in order; nothing moves until the pause ends |
//! | governance itself | pause everyone's inbound XCM, then cannot lift it over XCM | governance's own messages (running as one of `InboundGovernance`'s locations: its queue's origin, or a body its top-level `DescendOrigin`s lead to) never wait; those queues cannot be paused by name | — |
//! | a user of the governance chain | ride governance's exemption to move value during safe mode | the exemption holds only for a message that runs as one of governance's locations: a user's message (pallet-xcm descends into the user's account, or clears the origin) waits like anyone's | — |
//! | anyone on a sibling | stall the sibling's queue into this chain during an incident | a message that moves value waits, in order, so it holds its own queue's later messages while this chain is in safe mode or a value pallet is paused; other queues and governance's own messages run | one message (its delivery fee on the sibling) holds that one queue for the pause |
//! | a careless pause | pause `Parent` and silently hold every sibling, or pause an account on a sibling and hold nothing | a pause holds exactly its queue origin; a location that is no queue's origin is refused ([`crate::Error::NotAMessageOrigin`]) | — |
//! | an allowed source, compromised | use the unpaid path for something else | the barrier accepts only the alert shape | nothing |
//! | anyone | fill the inbound pause list so governance cannot pause | alerts take at most one entry per source; governance keeps `MaxInboundPauses − MaxAlertSources` | — |
//! | a paused origin | lose messages / reorder them | `Yield` leaves them in the queue, in order | — |
//! | a compromised chain A | drain A's sovereign account on B | B's ledger caps on the sovereign account: the withdrawal fails beyond the allowance, nothing moves | the allowance per window |
//! | a compromised chain A | mint (teleport) or release value into B without bound | B's inbound cap on A: beyond the window's allowance the value is held on the beneficiary; governance returns what came from A's sovereign account and burns what was minted ([`Call::burn_excess`]) | the allowance per window moves freely |
//! | a user of chain A | exhaust A's inbound cap for everyone by sending value in and straight back out | what goes back to A (a reserve transfer, a teleport out) nets A's window | — |
//! | anyone on chain A | have their own value here, moved by A's message, held as A's excess (and returned to A's sovereign account) | only value withdrawn from A's account or minted on A's word counts and is held; a user's own account moves freely | — |
//! | a compromised chain A | make B do the inflow accounting for free | the message pays it up front ([`InflowWeigher`]), and is refunded only what it did not use | the accounting's weight per deposit instruction |
//!
//! A pause of inbound XCM from A also holds A's later alerts in the queue behind it (the
//! queue is in order): they run when the pause ends or governance resumes.
//!
//! ## Integrating (the exact lines: see the README, "Parachains and XCM")
//!
//! 1. pallet-message-queue: `type MessageProcessor = pallet_guardian::PausableProcessor<Runtime,
//!    xcm_builder::ProcessXcmMessage<AggregateMessageOrigin, XcmExecutor<XcmConfig>, RuntimeCall>,
//!    XcmValuePallets>;` (the origin converts `Into<Location>`, as cumulus'
//!    `AggregateMessageOrigin` does; `XcmValuePallets` names the pallets holding what XCM
//!    moves, e.g. `&["Balances", "PolkadotXcm"]`), and `type InboundGovernance` the queues of
//!    governance (e.g. `Equals<ParentLocation>`).
//! 2. XCM config: `type Barrier = (pallet_guardian::AllowAlertsFrom<Runtime>, <your barriers>);`
//!    and `pallet_xcm::XcmPassthrough<RuntimeOrigin>` among the origin converters.
//! 3. The guardian: `type AlertOrigin = pallet_xcm::EnsureXcm<pallet_guardian::IsAlertSource<Runtime>>;`,
//!    `type AlertRouter = XcmRouter;` and the bounds.
//! 4. Balances: `type AccountStore = pallet_guardian::LedgerGuard<Runtime, System>;` (the caps)
//!    and a policy on every sovereign account worth guarding.
//! 5. The inbound caps: `type AssetTransactor = pallet_guardian::CappedInflow<Runtime,
//!    FungibleAdapter<Balances, IsConcrete<Here>, LocationToAccountId, AccountId, ()>,
//!    IsConcrete<Here>, LocationToAccountId>;`, `type Weigher = pallet_guardian::InflowWeigher<
//!    Runtime, <your weigher>>;` (in pallet-xcm's config too) and [`Call::set_inbound_cap`]
//!    per origin.

#[cfg(doc)]
use crate::{Call, Event};

pub mod alerts_in;
pub mod alerts_out;
pub mod barrier;
pub mod inbound;
pub mod inflow;
pub mod inflow_holding;
pub mod inflow_transactor;
pub mod inflow_weigher;
pub(crate) mod storage;

pub use alerts_in::IsAlertSource;
pub use barrier::AllowAlertsFrom;
pub use inbound::PausableProcessor;
pub use inflow::InboundCap;
pub use inflow_transactor::CappedInflow;
pub use inflow_weigher::InflowWeigher;

use crate::{Anomaly, Contributor, Playbook, RiskLevel, Source};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::{fmt::Debug, marker::PhantomData};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

/// A location in XCM's latest version, as the guardian stores it.
pub use xcm::latest::Location;

/// Cross-chain orchestration: the functions of this capability (see the module docs).
pub struct CrossChain<T>(PhantomData<T>);

impl<T: crate::Config> CrossChain<T> {
	/// `location` in XCM's latest version ([`crate::Error::BadLocation`] if it has none).
	pub(crate) fn latest_location(
		location: xcm::VersionedLocation,
	) -> Result<Location, crate::Error<T>> {
		Location::try_from(location).map_err(|_| crate::Error::<T>::BadLocation)
	}

	/// `location` in XCM's latest version, checked to be an origin whose inbound messages the
	/// guardian can hold or count: [`is_message_origin`] ([`crate::Error::NotAMessageOrigin`]
	/// otherwise) and not one of governance's ([`crate::Error::GovernanceLocation`]: their
	/// own messages never wait, see `Config::InboundGovernance`).
	pub(crate) fn message_origin(
		location: xcm::VersionedLocation,
	) -> Result<Location, crate::Error<T>> {
		let location = Self::latest_location(location)?;
		Self::ensure_holdable(&location)?;
		Ok(location)
	}

	/// See [`Self::message_origin`].
	pub(crate) fn ensure_holdable(location: &Location) -> Result<(), crate::Error<T>> {
		frame_support::ensure!(is_message_origin(location), crate::Error::<T>::NotAMessageOrigin);
		frame_support::ensure!(
			!<T::InboundGovernance as frame_support::traits::Contains<Location>>::contains(
				location
			),
			crate::Error::<T>::GovernanceLocation
		);
		Ok(())
	}
}

/// The call index of [`Call::receive_alert`]: part of the alert's wire format (a sender
/// encodes `[guardian pallet index, RECEIVE_ALERT_CALL_INDEX, GuardianAlert]`).
pub const RECEIVE_ALERT_CALL_INDEX: u8 = 25;

/// A pause of inbound XCM: from the queue origin `from` (`None`: from every origin but
/// governance's), held by `by` until block `until` (exclusive).
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct InboundPause<BlockNumber> {
	/// Whose messages wait; `None` for everyone's.
	pub from: Option<Location>,
	/// Who holds this pause (governance, or the response to an alert source).
	pub by: Contributor,
	/// The block from which the messages run again.
	pub until: BlockNumber,
}

impl<BlockNumber: PartialOrd> InboundPause<BlockNumber> {
	/// Whether this pause holds messages from the queue origin `origin` at block `now`: a pause
	/// of one origin holds exactly that origin (`Parent` is the relay chain, not the chains
	/// under it), a pause of everyone every origin.
	pub fn holds(&self, origin: &Location, now: &BlockNumber) -> bool {
		*now < self.until && self.from.as_ref().is_none_or(|from| from == origin)
	}
}

/// Whether `location` can be the origin of an inbound message queue, as the chain's message
/// processor sees it: the relay chain (`Parent`), a sibling parachain (`(1, Parachain(id))`),
/// or, on a relay chain, a parachain under it (`(0, Parachain(id))`). Inbound pauses and caps
/// name such origins: a location inside one (an account or a pallet on a sibling, a chain
/// behind a bridge) never is a queue's origin, so a pause of it would hold nothing.
pub fn is_message_origin(location: &Location) -> bool {
	use xcm::latest::Junction::Parachain;
	matches!((location.parents, location.interior.as_slice()), (1, []) | (0 | 1, [Parachain(_)]))
}

/// An alert between guardians: the argument of [`Call::receive_alert`]. The sending chain is
/// not part of it: the receiver knows it from the message's origin, which cannot be forged.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct GuardianAlert {
	/// The kind: the source of the monitor that fired on the sending chain.
	pub kind: Source,
	/// What it found.
	pub anomaly: Anomaly,
	/// The level the sender's playbook raised its own chain to.
	pub severity: RiskLevel,
	/// The sender's block at which its own response ends (informational: the receiver's
	/// response lasts what its mapped playbook says).
	pub until: u32,
}

/// An allowed alert source: its identifier (the [`Contributor::Alert`] its responses hold
/// pauses and levels as) and its mapped playbooks. The response in force is the engine's
/// ([`crate::Responses`]).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxTargets, MaxKinds))]
pub struct AlertSource<Name, BlockNumber, MaxTargets: Get<u32>, MaxKinds: Get<u32>>
where
	Name: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
{
	/// The identifier its responses hold pauses and levels as.
	pub id: u32,
	/// The playbook for each kind of alert (its `pause_inbound` pauses inbound XCM from the
	/// source); other kinds only emit an event.
	pub playbooks: BoundedVec<(Source, Playbook<Name, BlockNumber, MaxTargets>), MaxKinds>,
}

/// A destination subscribed to this chain's alerts.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxKinds))]
pub struct Subscription<MaxKinds: Get<u32>> {
	/// Where alerts go (as seen from this chain).
	pub dest: Location,
	/// The index of the guardian pallet in the destination's runtime.
	pub pallet_index: u8,
	/// Which monitors' firings are sent.
	pub kinds: BoundedVec<Source, MaxKinds>,
}

/// An alert the router refused: kept (one per destination and kind, the latest) and offered
/// to the router again with the block's spare weight until it is delivered or the response it
/// announces is no longer in force (see [`alerts_out`]). The runtime API lists them
/// (`GuardianApi::undelivered_alerts`), so a subscriber's operators see what did not reach it.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct UndeliveredAlert<BlockNumber> {
	/// Where it goes.
	pub dest: Location,
	/// The index of the guardian pallet in the destination's runtime.
	pub pallet_index: u8,
	/// The alert.
	pub alert: GuardianAlert,
	/// The block at which the response it announces ended when it was sent (the alert is
	/// abandoned once that response is no longer in force, whenever that is).
	pub until: BlockNumber,
	/// How many times the router refused it again.
	pub retries: u32,
}

impl<BlockNumber> UndeliveredAlert<BlockNumber> {
	/// Whether this is the alert of `kind` waiting for `dest` (there is at most one).
	pub fn is_for(&self, dest: &Location, kind: Source) -> bool {
		self.dest == *dest && self.alert.kind == kind
	}
}

/// How many alerts may wait for delivery: one per subscriber and kind.
pub struct MaxUndelivered<T>(PhantomData<T>);

impl<T: crate::Config> Get<u32> for MaxUndelivered<T> {
	fn get() -> u32 {
		T::MaxAlertSubscribers::get().saturating_mul(T::MaxAlertKinds::get())
	}
}
