//! Trips persist: a response applied inside a dispatch that then fails is applied again after
//! the dispatch's storage was rolled back, so that probing a threshold has its consequence
//! (Hydration's circuit breaker lost its own lockdowns this way, hydration-node#1511).
//!
//! Every response applied inside a signed transaction is noted in the transaction's memory
//! ([`crate::lifecycle::memory`]), outside storage. At the end of the transaction — after the
//! dispatch's storage layer was committed or rolled back — the lifecycle hands the notes to
//! `Engine::persist_trips`, which applies again any response that is no longer in force.
//! Its weight is charged to the transaction.

use super::{playbooks::Cause, Anomaly, Contributor, Engine, Source};
use crate::{cross_chain::Location, Config, PlaybookOf, WeightInfo};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

/// A response applied inside a transaction, as noted.
pub(crate) struct Trip<T: Config> {
	/// Who responded.
	pub by: Contributor,
	/// What it answered.
	pub cause: Cause,
	/// What it applied.
	pub playbook: PlaybookOf<T>,
}

impl<T: Config> Trip<T> {
	/// The trip as the transaction's memory keeps it.
	pub(crate) fn encode(&self) -> Vec<u8> {
		(self.by, self.cause.source, self.cause.anomaly, &self.cause.from, &self.playbook).encode()
	}

	/// A trip from the transaction's memory.
	pub(crate) fn decode(encoded: &[u8]) -> Option<Self> {
		let (by, source, anomaly, from, playbook) =
			<(Contributor, Source, Anomaly, Option<Location>, PlaybookOf<T>)>::decode(
				&mut &encoded[..],
			)
			.ok()?;
		Some(Self { by, cause: Cause { source, anomaly, from }, playbook })
	}
}

impl<T: Config> Engine<T> {
	/// Apply again the responses the transaction applied that its own rollback erased: a
	/// trip inside a dispatch that later failed stays in force. Returns the weight used.
	pub(crate) fn persist_trips(trips: Vec<Vec<u8>>) -> Weight {
		let mut weight = Weight::zero();
		let now = frame_system::Pallet::<T>::block_number();
		for encoded in trips {
			let Some(trip) = Trip::<T>::decode(&encoded) else { continue };
			weight = weight.saturating_add(T::DbWeight::get().reads(2));
			let asked: BlockNumberFor<T> = now.saturating_add(trip.playbook.duration);
			if Self::still_in_force(&trip, asked) {
				continue;
			}
			let by = trip.by;
			if Self::respond(by, trip.cause, &trip.playbook).is_some() {
				weight = weight.saturating_add(T::WeightInfo::observe_fire());
				if matches!(by, Contributor::Monitor(_)) {
					weight = weight.saturating_add(Self::alert_fanout_weight());
				}
			}
		}
		weight
	}

	/// Whether what `trip` applied still holds until `asked`: its record (for a contributor
	/// that responds one at a time), its holds on the targets it paused, and its level.
	fn still_in_force(trip: &Trip<T>, asked: BlockNumberFor<T>) -> bool {
		if matches!(trip.by, Contributor::Monitor(_) | Contributor::Alert(_)) {
			return Self::in_force(trip.by).is_some();
		}
		let held =
			trip.playbook.pause.iter().all(|target| {
				Self::held_until(trip.by, target).is_some_and(|until| until >= asked)
			});
		let level = trip.playbook.raise_to == super::RiskLevel::Normal
			|| crate::RiskContributions::<T>::get(trip.by, trip.playbook.raise_to)
				.is_some_and(|until| until >= asked);
		held && level
	}
}

/// The engine's edge of every transaction: at its end, the responses its rollback erased are
/// applied again.
impl<T: Config> crate::lifecycle::TransactionEdges<T> for Engine<T> {
	type Kept = ();

	fn begin(
		_edge: &crate::lifecycle::Edge,
	) -> Result<(), sp_runtime::transaction_validity::TransactionValidityError> {
		Ok(())
	}

	fn end(
		_kept: (),
		_edge: &crate::lifecycle::Edge,
		noted: &mut crate::lifecycle::memory::Finished,
		_result: &sp_runtime::DispatchResult,
	) -> Weight {
		Self::persist_trips(core::mem::take(&mut noted.trips))
	}
}
