//! Subscriptions and the alerts a firing playbook sends: governance subscribes destinations
//! (checked reachable by the router), and when a monitor's playbook runs, every destination
//! subscribed to its source gets a [`GuardianAlert`] in the same block.

use super::CrossChain;
use super::{GuardianAlert, Location, Subscription, RECEIVE_ALERT_CALL_INDEX};
use crate::{AlertSubscriptions, Anomaly, Config, Error, Event, Pallet, RiskLevel, Source};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{dispatch::DispatchClass, ensure, traits::Get};
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
			Pallet::<T>::deposit_event(Event::AlertSubscriptionRemoved { dest });
			return Ok(());
		}
		let mut unique = kinds.clone();
		unique.sort_by_key(|kind| kind.encode());
		unique.dedup();
		ensure!(unique.len() == kinds.len(), Error::<T>::DuplicateAlertKind);
		let count: u32 = kinds.len().saturated_into();
		let kinds = kinds.try_into().map_err(|_| Error::<T>::TooManyAlertKinds)?;
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

	/// Alert every destination subscribed to `kind`: the playbook of its monitor just ran,
	/// raising the level to `severity` until block `until`. Each delivery's weight
	/// (`AlertDeliveryWeight`) is registered on the block; a delivery the router refuses is
	/// reported by [`Event::AlertNotDelivered`] and the others go on.
	pub(crate) fn send_alerts(
		kind: Source,
		anomaly: Anomaly,
		severity: RiskLevel,
		until: BlockNumberFor<T>,
	) {
		let subscriptions = AlertSubscriptions::<T>::get();
		let mut weight = T::DbWeight::get().reads(1);
		let alert = GuardianAlert { kind, anomaly, severity, until: until.saturated_into() };
		for subscription in subscriptions.iter().filter(|s| s.kinds.contains(&kind)) {
			weight = weight.saturating_add(T::AlertDeliveryWeight::get());
			let message = Self::alert_message(subscription.pallet_index, &alert);
			let dest = subscription.dest.clone();
			match send_xcm::<T::AlertRouter>(dest.clone(), message) {
				Ok((hash, _)) => Pallet::<T>::deposit_event(Event::AlertSent { dest, alert, hash }),
				Err(error) => {
					log::warn!(target: crate::LOG_TARGET, "alert to {dest:?} not sent: {error:?}");
					Pallet::<T>::deposit_event(Event::AlertNotDelivered { dest, alert });
				}
			}
		}
		frame_system::Pallet::<T>::register_extra_weight_unchecked(
			weight,
			DispatchClass::Mandatory,
		);
	}
}
