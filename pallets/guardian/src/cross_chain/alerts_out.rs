//! Subscriptions and the alerts a firing playbook sends: governance subscribes destinations
//! (checked reachable by the router), and when a monitor's playbook runs, every destination
//! subscribed to its source gets a [`GuardianAlert`] in the same block.
//!
//! An alert the router refuses then (a full channel, a destination whose version is not yet
//! known, a router's fee it cannot pay) is not lost: it is kept in [`UndeliveredAlerts`]
//! (the latest per destination and kind) and offered again in `on_idle`, with the block's
//! spare weight, until it is delivered ([`Event::AlertRedelivered`]) or the response it
//! announces is no longer in force — it ended, or governance reset it
//! ([`Event::AlertAbandoned`]). A newer alert of its kind delivered directly replaces it.
//! `GuardianApi::undelivered_alerts` lists what waits, so a subscriber's operators see what
//! has not reached them.

use super::CrossChain;
use super::{GuardianAlert, Location, Subscription, UndeliveredAlert, RECEIVE_ALERT_CALL_INDEX};
use crate::{
	AlertSubscriptions, Anomaly, Config, Error, Event, Pallet, RiskLevel, Source, UndeliveredAlerts,
};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{ensure, traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{DispatchResult, SaturatedConversion};
use xcm::latest::{prelude::*, SendXcm};

impl<T: Config> CrossChain<T> {
	/// The message that carries `alert` to a guardian at pallet index `pallet_index`: unpaid
	/// execution of one `Transact` of `receive_alert` with the sender's own origin (the shape
	/// [`super::AllowAlertsFrom`] accepts).
	pub fn alert_message(pallet_index: u8, alert: &GuardianAlert) -> Xcm<()> {
		let call = (pallet_index, RECEIVE_ALERT_CALL_INDEX, alert).encode();
		Xcm(alloc::vec![
			UnpaidExecution { weight_limit: Unlimited, check_origin: None },
			Transact { origin_kind: OriginKind::Xcm, fallback_max_weight: None, call: call.into() },
		])
	}

	/// Logic for [`Pallet::set_alert_subscription`]: subscribe `dest` (whose guardian is at
	/// `pallet_index`) to the firings of `kinds`, replacing its subscription; no kinds
	/// unsubscribes it. The router must accept an alert for `dest`
	/// ([`Error::AlertDestinationUnreachable`] otherwise; nothing is sent).
	pub(crate) fn do_set_alert_subscription(
		dest: Location,
		pallet_index: u8,
		kinds: Vec<Source>,
	) -> DispatchResult {
		let mut subscriptions = AlertSubscriptions::<T>::get();
		if kinds.is_empty() {
			let before = subscriptions.len();
			subscriptions.retain(|s| s.dest != dest);
			ensure!(subscriptions.len() < before, Error::<T>::NotSubscribed);
			AlertSubscriptions::<T>::put(subscriptions);
			UndeliveredAlerts::<T>::mutate(|waiting| waiting.retain(|w| w.dest != dest));
			Pallet::<T>::deposit_event(Event::AlertSubscriptionRemoved { dest });
			return Ok(());
		}
		let mut unique = kinds.clone();
		unique.sort_by_key(|kind| kind.encode());
		unique.dedup();
		ensure!(unique.len() == kinds.len(), Error::<T>::DuplicateAlertKind);
		let count: u32 = kinds.len().saturated_into();
		let kinds: frame_support::BoundedVec<Source, T::MaxAlertKinds> =
			kinds.try_into().map_err(|_| Error::<T>::TooManyAlertKinds)?;
		let probe = GuardianAlert {
			kind: Source::Issuance,
			anomaly: Anomaly::Rise,
			severity: RiskLevel::Normal,
			until: 0,
		};
		T::AlertRouter::validate(
			&mut Some(dest.clone()),
			&mut Some(Self::alert_message(pallet_index, &probe)),
		)
		.map_err(|_| Error::<T>::AlertDestinationUnreachable)?;
		// Waiting alerts of kinds no longer subscribed, or for another pallet index, go.
		UndeliveredAlerts::<T>::mutate(|waiting| {
			waiting.retain(|w| {
				w.dest != dest || (w.pallet_index == pallet_index && kinds.contains(&w.alert.kind))
			})
		});
		let subscription = Subscription { dest: dest.clone(), pallet_index, kinds };
		match subscriptions.iter_mut().find(|s| s.dest == dest) {
			Some(existing) => *existing = subscription,
			None => subscriptions
				.try_push(subscription)
				.map_err(|_| Error::<T>::TooManyAlertSubscribers)?,
		}
		AlertSubscriptions::<T>::put(subscriptions);
		Pallet::<T>::deposit_event(Event::AlertSubscriptionSet {
			dest,
			pallet_index,
			kinds: count,
		});
		Ok(())
	}

	/// The most [`Self::send_alerts`] costs: the subscriptions and the waiting list read, the
	/// list written, and a delivery (`AlertDeliveryWeight`) to every possible subscriber. It is
	/// part of what a monitor's firing costs ([`crate::responses::Engine::alert_fanout_weight`]),
	/// so whoever pays for the firing — the transaction that tripped it, the hook that judged
	/// it — pays for its alerts.
	pub(crate) fn alerts_weight() -> Weight {
		use codec::MaxEncodedLen;
		let proof = (crate::UndeliveredAlertsOf::<T>::max_encoded_len() as u64)
			.saturating_add(crate::SubscriptionsOf::<T>::max_encoded_len() as u64);
		T::DbWeight::get()
			.reads_writes(2, 1)
			.saturating_add(Weight::from_parts(0, proof))
			.saturating_add(
				T::AlertDeliveryWeight::get().saturating_mul(T::MaxAlertSubscribers::get().into()),
			)
	}

	/// Alert every destination subscribed to `kind`: the playbook of its monitor just ran,
	/// raising the level to `severity` until block `until`. Its weight is part of the
	/// firing's ([`Self::alerts_weight`]); a delivery the router refuses is reported by
	/// [`Event::AlertNotDelivered`] and kept for `on_idle` to offer again, and the others go
	/// on.
	pub(crate) fn send_alerts(
		kind: Source,
		anomaly: Anomaly,
		severity: RiskLevel,
		until: BlockNumberFor<T>,
	) {
		let subscriptions = AlertSubscriptions::<T>::get();
		let alert = GuardianAlert { kind, anomaly, severity, until: until.saturated_into() };
		for subscription in subscriptions.iter().filter(|s| s.kinds.contains(&kind)) {
			let message = Self::alert_message(subscription.pallet_index, &alert);
			let dest = subscription.dest.clone();
			match send_xcm::<T::AlertRouter>(dest.clone(), message) {
				Ok((hash, _)) => {
					// A newer alert of this kind reached the destination: an older one waiting
					// would only arrive after it, stale.
					Self::forget_undelivered(&dest, kind);
					Pallet::<T>::deposit_event(Event::AlertSent { dest, alert, hash })
				}
				Err(error) => {
					log::warn!(target: crate::LOG_TARGET, "alert to {dest:?} not sent: {error:?}");
					Self::keep_undelivered(UndeliveredAlert {
						dest: dest.clone(),
						pallet_index: subscription.pallet_index,
						alert,
						until,
						retries: 0,
					});
					Pallet::<T>::deposit_event(Event::AlertNotDelivered { dest, alert });
				}
			}
		}
	}

	/// Keep `waiting` for a later try, replacing the alert of the same kind for the same
	/// destination (the latest firing is what the destination needs). There is room for one
	/// per subscriber and kind; should the list be full anyway, the alert is only logged.
	fn keep_undelivered(waiting: UndeliveredAlert<BlockNumberFor<T>>) {
		UndeliveredAlerts::<T>::mutate(|list| {
			list.retain(|w| !w.is_for(&waiting.dest, waiting.alert.kind));
			if list.try_push(waiting).is_err() {
				log::error!(target: crate::LOG_TARGET, "no room to keep an undelivered alert");
			}
		});
	}

	/// Drop the alert of `kind` waiting for `dest`, if any.
	fn forget_undelivered(dest: &Location, kind: Source) {
		let mut list = UndeliveredAlerts::<T>::get();
		let before = list.len();
		list.retain(|w| !w.is_for(dest, kind));
		if list.len() != before {
			UndeliveredAlerts::<T>::put(list);
		}
	}

	/// `on_idle`: offer the undelivered alerts to the router again, as many as `remaining`
	/// (the block's spare weight) pays for, at `AlertDeliveryWeight` and the read of the
	/// response each; abandon those whose response is no longer in force (it ended, or
	/// governance reset it: the destination must not answer what this chain withdrew). Those
	/// tried and refused again go to the back, so one unreachable destination cannot take
	/// every block's turn. Returns the weight used, never more than `remaining`: nothing if even
	/// the list's read (its whole bound as proof) and write do not fit, else those and each try.
	pub(crate) fn retry_undelivered(remaining: Weight) -> Weight {
		use codec::MaxEncodedLen;
		let proof = crate::UndeliveredAlertsOf::<T>::max_encoded_len() as u64;
		let read = T::DbWeight::get().reads(1).saturating_add(Weight::from_parts(0, proof));
		let write = T::DbWeight::get().writes(1);
		if remaining.any_lt(read.saturating_add(write)) {
			return Weight::zero();
		}
		let list = UndeliveredAlerts::<T>::get();
		if list.is_empty() {
			return read;
		}
		let mut used = read.saturating_add(write);
		let per_try = T::AlertDeliveryWeight::get().saturating_add(T::DbWeight::get().reads(1));
		let (mut untried, mut refused) = (Vec::new(), Vec::new());
		for mut waiting in list.into_iter() {
			let attempt = used.saturating_add(per_try);
			if attempt.any_gt(remaining) {
				untried.push(waiting);
				continue;
			}
			used = attempt;
			let by = crate::Contributor::Monitor(waiting.alert.kind);
			if crate::responses::Engine::<T>::in_force(by).is_none() {
				Pallet::<T>::deposit_event(Event::AlertAbandoned {
					dest: waiting.dest,
					alert: waiting.alert,
					retries: waiting.retries,
				});
				continue;
			}
			let message = Self::alert_message(waiting.pallet_index, &waiting.alert);
			match send_xcm::<T::AlertRouter>(waiting.dest.clone(), message) {
				Ok(_) => Pallet::<T>::deposit_event(Event::AlertRedelivered {
					dest: waiting.dest,
					alert: waiting.alert,
					retries: waiting.retries.saturating_add(1),
				}),
				Err(_) => {
					waiting.retries = waiting.retries.saturating_add(1);
					refused.push(waiting);
				}
			}
		}
		let mut kept = untried;
		kept.append(&mut refused);
		// At most as many as were read: the bound holds.
		UndeliveredAlerts::<T>::put(crate::UndeliveredAlertsOf::<T>::truncate_from(kept));
		used
	}

	/// Every alert waiting for delivery (see the module docs).
	pub fn undelivered_alerts() -> Vec<UndeliveredAlert<BlockNumberFor<T>>> {
		UndeliveredAlerts::<T>::get().into_inner()
	}
}
