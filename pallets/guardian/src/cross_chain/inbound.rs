//! Pausing inbound XCM: by origin location or for everyone, held by governance or by the
//! response to an alert source, expiring at a block; and [`PausableProcessor`], the message
//! processor wrapper that makes paused messages wait in the queue.

use super::{CrossChain, InboundPause, Location};
use crate::{lifecycle, Config, Contributor, Error, Event, Pallet, ResumeReason, XcmInboundPauses};
use core::marker::PhantomData;
use frame_support::{
	ensure,
	traits::{Get, ProcessMessage, ProcessMessageError},
	weights::{Weight, WeightMeter},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{DispatchError, DispatchResult};

impl<T: Config> CrossChain<T> {
	/// Until when (exclusive) messages from `origin` wait, if an inbound pause holds them now
	/// (governance's own messages pass it: see [`crate::lifecycle::waiting_messages`]).
	pub fn xcm_inbound_paused_until(origin: &Location) -> Option<BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		XcmInboundPauses::<T>::get()
			.into_iter()
			.filter(|pause| pause.holds(origin, &now))
			.map(|pause| pause.until)
			.max()
	}

	/// Whether an inbound pause holds messages from `origin` now (governance's own messages
	/// pass it: see [`crate::lifecycle::waiting_messages`]).
	pub fn xcm_inbound_paused(origin: &Location) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		XcmInboundPauses::<T>::get().iter().any(|pause| pause.holds(origin, &now))
	}

	/// How many inbound pauses governance may hold: all but one per alert source, so that an
	/// alert's response always finds room.
	pub(crate) fn governance_inbound_room() -> u32 {
		T::MaxInboundPauses::get().saturating_sub(T::MaxAlertSources::get())
	}

	/// Pause inbound XCM from `from` (everyone for `None`) until `until` on behalf of `by`
	/// (governance, through the response engine), in governance's room.
	pub(crate) fn pause_inbound(
		from: Option<Location>,
		by: Contributor,
		until: BlockNumberFor<T>,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let mut pauses = XcmInboundPauses::<T>::get();
		pauses.retain(|pause| now < pause.until);
		ensure!(!pauses.iter().any(|p| p.by == by && p.from == from), Error::<T>::AlreadyPaused);
		let held = pauses.iter().filter(|p| p.by == by).count();
		ensure!(
			(held as u64) < u64::from(Self::governance_inbound_room()),
			Error::<T>::TooManyPauses
		);
		pauses
			.try_push(InboundPause { from: from.clone(), by, until })
			.map_err(|_| Error::<T>::TooManyPauses)?;
		XcmInboundPauses::<T>::put(pauses);
		Pallet::<T>::deposit_event(Event::XcmInboundPaused { from, until });
		Ok(())
	}

	/// End every pause of inbound XCM from exactly `from`, whoever holds it (governance's
	/// `resume_xcm_inbound`, through the response engine).
	pub(crate) fn resume_inbound(
		from: Option<Location>,
	) -> Result<alloc::vec::Vec<Contributor>, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut pauses = XcmInboundPauses::<T>::get();
		ensure!(pauses.iter().any(|p| p.from == from && now < p.until), Error::<T>::NotPaused);
		let holders = pauses.iter().filter(|p| p.from == from).map(|p| p.by).collect();
		pauses.retain(|p| p.from != from);
		XcmInboundPauses::<T>::put(pauses);
		Pallet::<T>::deposit_event(Event::XcmInboundResumed {
			from,
			reason: ResumeReason::Governance,
		});
		Ok(holders)
	}

	/// Hold a pause of inbound XCM from `from` for `by` until `until` (an alert's response):
	/// its entry is set to `until`, or added. Alert sources have room reserved, so this only
	/// fails if the bounds are misconfigured (then the response logs it and goes on).
	pub(crate) fn hold_inbound(from: Location, by: Contributor, until: BlockNumberFor<T>) -> bool {
		let mut pauses = XcmInboundPauses::<T>::get();
		let from = Some(from);
		if let Some(pause) = pauses.iter_mut().find(|p| p.by == by && p.from == from) {
			pause.until = until;
		} else if pauses.try_push(InboundPause { from: from.clone(), by, until }).is_err() {
			return false;
		}
		XcmInboundPauses::<T>::put(pauses);
		Pallet::<T>::deposit_event(Event::XcmInboundPaused { from, until });
		true
	}

	/// Whether `by` holds an inbound pause (in force or not yet tidied).
	pub(crate) fn holds_inbound(by: Contributor) -> bool {
		XcmInboundPauses::<T>::get().iter().any(|p| p.by == by)
	}

	/// Raise the inbound pauses `by` holds to end no earlier than `until` (an extended
	/// response).
	pub(crate) fn raise_inbound_of(by: Contributor, until: BlockNumberFor<T>) {
		let mut pauses = XcmInboundPauses::<T>::get();
		let now = frame_system::Pallet::<T>::block_number();
		let mut raised = alloc::vec::Vec::new();
		for pause in pauses.iter_mut().filter(|p| p.by == by && now < p.until && p.until < until) {
			pause.until = until;
			raised.push(pause.from.clone());
		}
		if raised.is_empty() {
			return;
		}
		XcmInboundPauses::<T>::put(pauses);
		for from in raised {
			Pallet::<T>::deposit_event(Event::XcmInboundPaused { from, until });
		}
	}

	/// Drop the inbound pauses `by` holds; emits [`Event::XcmInboundResumed`] for each scope
	/// no longer paused. Returns how many ended.
	pub(crate) fn release_inbound_of(by: Contributor) -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let mut pauses = XcmInboundPauses::<T>::get();
		let (released, kept): (alloc::vec::Vec<_>, alloc::vec::Vec<_>) =
			pauses.iter().cloned().partition(|p| p.by == by);
		if released.is_empty() {
			return 0;
		}
		pauses.retain(|p| p.by != by);
		XcmInboundPauses::<T>::put(pauses);
		let mut ended: u32 = 0;
		for pause in released {
			if kept.iter().any(|p| p.from == pause.from && now < p.until) {
				continue;
			}
			ended = ended.saturating_add(1);
			Pallet::<T>::deposit_event(Event::XcmInboundResumed {
				from: pause.from,
				reason: ResumeReason::Governance,
			});
		}
		ended
	}

	/// Remove the inbound pauses that ended before block `now`; emits
	/// [`Event::XcmInboundResumed`] for each scope no longer paused. Called by
	/// `on_initialize`; returns the weight used (one read of the whitelisted list, and a
	/// write when something expired).
	pub(crate) fn expire_inbound_pauses(now: BlockNumberFor<T>) -> Weight {
		let mut pauses = XcmInboundPauses::<T>::get();
		let read = T::DbWeight::get().reads(1);
		if pauses.iter().all(|p| now < p.until) {
			return read;
		}
		let expired: alloc::vec::Vec<_> =
			pauses.iter().filter(|p| now >= p.until).cloned().collect();
		pauses.retain(|p| now < p.until);
		for pause in expired {
			if pauses.iter().any(|p| p.from == pause.from) {
				continue;
			}
			Pallet::<T>::deposit_event(Event::XcmInboundResumed {
				from: pause.from,
				reason: ResumeReason::Expired,
			});
		}
		XcmInboundPauses::<T>::put(pauses);
		read.saturating_add(T::DbWeight::get().writes(1))
	}
}

/// The message processor wrapper for pallet-message-queue: `Yield` while the message waits
/// ([`lifecycle::waiting_messages`]: inbound XCM from its origin is paused; it would move value
/// while the chain or one of `ValuePallets` is paused) — the queue keeps the message and offers
/// it again in a later block —, `Inner` otherwise. The reads of the check are taken from the
/// meter. While `Inner` runs, the message's origin is noted for the inbound caps
/// ([`super::CappedInflow`]).
///
/// `Inner` is the chain's processor, normally `xcm_builder::ProcessXcmMessage`; its origin
/// must convert into a [`Location`] (cumulus' `AggregateMessageOrigin` does). `ValuePallets`
/// names the pallets that hold what XCM moves on this chain — the balances and assets
/// instances behind the asset transactors, and pallet-xcm —, as in the runtime's metadata (a
/// pause of the chain holds value whatever they are). Pause them together: a pallet left
/// running moves what it holds through its own calls:
///
/// ```ignore
/// parameter_types! {
///     pub const XcmValuePallets: &'static [&'static str] = &["Balances", "PolkadotXcm"];
/// }
/// type MessageProcessor = pallet_guardian::PausableProcessor<Runtime,
///     ProcessXcmMessage<AggregateMessageOrigin, XcmExecutor<XcmConfig>, RuntimeCall>,
///     XcmValuePallets>;
/// ```
pub struct PausableProcessor<T, Inner, ValuePallets>(PhantomData<(T, Inner, ValuePallets)>);

impl<T: Config, Inner: ProcessMessage, ValuePallets: Get<&'static [&'static str]>> ProcessMessage
	for PausableProcessor<T, Inner, ValuePallets>
where
	Inner::Origin: Clone + Into<Location>,
{
	type Origin = Inner::Origin;

	fn process_message(
		message: &[u8],
		origin: Self::Origin,
		meter: &mut WeightMeter,
		id: &mut [u8; 32],
	) -> Result<bool, ProcessMessageError> {
		// The inbound pauses and the breakers' summary, then the pause list if anything is
		// paused (declared up front: the worst case); the removal of the holding's notes.
		let read = T::DbWeight::get()
			.reads_writes(3, 1)
			.saturating_add(lifecycle::message_span_weight::<T>());
		meter.try_consume(read).map_err(|_| ProcessMessageError::Overweight(read))?;
		let location: Location = origin.clone().into();
		if let Some(why) =
			lifecycle::waiting_messages::message_waits::<T, ValuePallets>(&location, message)
		{
			log::debug!(target: crate::LOG_TARGET, "inbound XCM from {location:?} waits: {why:?}");
			return Err(ProcessMessageError::Yield);
		}
		// A span of the lifecycle: the inbound caps count what this message deposits against
		// where it came from, and the issuance is judged against its value right before it.
		let processed =
			lifecycle::inbound_message::<T, _>(codec::Encode::encode(&location), || {
				Inner::process_message(message, origin, meter, id)
			});
		// The notes of its holding go with it (their removal is declared above).
		super::inflow_holding::message_ended::<T>();
		processed
	}
}

/// The pause list's room check, for `integrity_test`: alert sources need one entry each and
/// governance at least one.
pub(crate) fn bounds_are_consistent<T: Config>() -> bool {
	T::MaxInboundPauses::get() > T::MaxAlertSources::get()
}
