//! Trips persist: a response fired inside a dispatch that later fails is applied again after
//! the dispatch's storage was rolled back, so that probing a threshold has its consequence
//! (Hydration's circuit breaker lost its own lockdowns this way, hydration-node#1511).
//!
//! Every response fired inside a signed transaction is noted in memory
//! ([`tx_scope`](crate::tx_scope)), outside storage; [`crate::CheckVelocity`]'s post-dispatch
//! step, which runs after the dispatch's storage layer has been committed or rolled back,
//! checks each one and applies again any that is no longer in force. Its weight is charged to
//! the transaction as guard work.

use super::rules::Finding;
use crate::{
	Config, Contributor, Monitors, Pallet, PauseOwners, PauseTargetOf, Source, WeightInfo,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

/// A response fired inside a transaction, as noted.
#[derive(Encode, Decode)]
pub(crate) enum Trip<Target, BlockNumber> {
	/// The playbook of the monitor of `source` ran on `finding`.
	Playbook {
		/// The monitor's source.
		source: Source,
		/// What it found.
		finding: Finding,
	},
	/// A velocity cap's high-water response paused `targets` for `duration` blocks.
	CapResponse {
		/// What it paused.
		targets: Vec<Target>,
		/// For how long.
		duration: BlockNumber,
	},
}

impl<T: Config> Pallet<T> {
	/// Re-apply the responses the transaction fired that its own rollback erased (noted by
	/// `tx_scope::note_trip`): a trip inside a dispatch that later failed stays in force, so
	/// that probing a threshold has its consequence. Returns the weight used.
	pub(crate) fn persist_trips(trips: Vec<Vec<u8>>) -> Weight {
		let mut weight = Weight::zero();
		let now = frame_system::Pallet::<T>::block_number();
		for encoded in trips {
			let Ok(trip) = Trip::<PauseTargetOf<T>, BlockNumberFor<T>>::decode(&mut &encoded[..])
			else {
				continue;
			};
			match trip {
				Trip::Playbook { source, finding } => {
					let Some(mut monitor) = Monitors::<T>::get(source) else { continue };
					weight = weight.saturating_add(T::DbWeight::get().reads(1));
					if monitor.state.flag.is_some_and(|flag| now < flag.until) {
						continue;
					}
					if Self::run_playbook(source, &mut monitor, finding) {
						weight = weight.saturating_add(T::WeightInfo::observe_fire());
					}
					Monitors::<T>::insert(source, monitor);
				}
				Trip::CapResponse { targets, duration } => {
					// Missing unless the caps' hold reaches as far as this trip asked: a
					// rolled-back extension of an older hold is applied again too.
					let asked = now.saturating_add(duration);
					let missing: Vec<_> = targets
						.into_iter()
						.filter(|target| {
							!PauseOwners::<T>::get(target).is_some_and(|owners| {
								owners.iter().any(|(by, until)| {
									*by == Contributor::CapResponse && *until >= asked
								})
							})
						})
						.collect();
					if !missing.is_empty() {
						let placed = Self::pause_response_targets(
							&missing,
							duration,
							Contributor::CapResponse,
						);
						weight = weight
							.saturating_add(T::WeightInfo::pause().saturating_mul(placed.into()));
					}
				}
			}
		}
		weight
	}
}
