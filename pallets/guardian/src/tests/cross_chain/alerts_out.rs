//! Sending alerts: subscriptions, the alerts a firing playbook sends, and the alerts the
//! router refuses (kept, offered again with the block's spare weight, abandoned).

use super::*;

/// The alert [`feed_monitor`]'s playbook sends when it fires for a fall, until `until`.
fn feed_fall_alert(until: u32) -> GuardianAlert {
	GuardianAlert {
		kind: Source::Feed(1),
		anomaly: Anomaly::Fall,
		severity: RiskLevel::Elevated,
		until,
	}
}

/// A monitor of feed 1 whose playbook (a fall of more than 100 in 10 blocks) raises the level
/// to `Elevated` for `duration` blocks and pauses nothing.
fn feed_monitor(duration: u64) {
	assert_ok!(Guardian::set_monitor(
		capper(),
		Source::Feed(1),
		MonitorInput {
			rule: Some(Rule::Flow { period: 10, rise: None, fall: Some(Limit::Absolute(100)) }),
			stale_after: None,
			playbook: mapping(false, vec![], duration),
		},
	));
}

#[test]
fn a_firing_playbook_alerts_its_subscribers_in_the_same_block() {
	test(|| {
		assert_noop!(
			Guardian::set_alert_subscription(
				capper(),
				versioned(Location::new(2, [GlobalConsensus(NetworkId::Polkadot)])),
				2,
				vec![Source::Metric(1)],
			),
			Error::<Test>::AlertDestinationUnreachable
		);
		assert_noop!(
			Guardian::set_alert_subscription(
				capper(),
				versioned(sibling(5)),
				2,
				vec![Source::Metric(1), Source::Metric(1)],
			),
			Error::<Test>::DuplicateAlertKind
		);
		assert_noop!(
			Guardian::set_alert_subscription(
				capper(),
				versioned(sibling(5)),
				2,
				vec![Source::Metric(1), Source::Metric(2), Source::Metric(3), Source::Metric(4)],
			),
			Error::<Test>::TooManyAlertKinds
		);
		assert_noop!(
			Guardian::set_alert_subscription(capper(), versioned(sibling(5)), 2, vec![]),
			Error::<Test>::NotSubscribed
		);
		assert_ok!(Guardian::set_alert_subscription(
			capper(),
			versioned(sibling(5)),
			2,
			vec![Source::Feed(1)]
		));
		assert_ok!(Guardian::set_alert_subscription(
			capper(),
			versioned(sibling(6)),
			9,
			vec![Source::Feed(2)]
		));
		feed_monitor(7);
		observe(Source::Feed(1), 1_000);
		assert!(take_sent().is_empty());
		observe(Source::Feed(1), 800);
		let expected = feed_fall_alert(8);
		// Only the subscriber of Feed(1), with the alert encoded for its guardian's index.
		assert_eq!(take_sent(), vec![(sibling(5), Guardian::alert_message(2, &expected))]);
		assert!(guardian_events().contains(&Event::AlertSent {
			dest: sibling(5),
			alert: expected,
			hash: [0; 32]
		}));
		// The message's call is `[index, 25, alert]`.
		if let Some(Transact { call, .. }) = Guardian::alert_message(2, &expected).0.get(1) {
			assert_eq!(call.encoded()[..2], [2, crate::RECEIVE_ALERT_CALL_INDEX]);
		}
		// Unsubscribing stops it.
		assert_ok!(Guardian::set_alert_subscription(capper(), versioned(sibling(5)), 2, vec![]));
		assert!(crate::AlertSubscriptions::<Test>::get().len() == 1);
	});
}

/// The alerts a firing sends are part of what the firing costs — paid by whoever pays for it:
/// the transaction that tripped the monitor, the hook that judged it — not weight added to the
/// block that nobody pays.
#[test]
fn a_firings_alerts_are_part_of_its_weight_not_the_blocks() {
	test(|| {
		use frame_support::{dispatch::DispatchClass, traits::Get};
		assert_ok!(Guardian::set_alert_subscription(
			capper(),
			versioned(sibling(5)),
			2,
			vec![Source::Feed(1)]
		));
		feed_monitor(7);
		observe(Source::Feed(1), 1_000);
		let mandatory = || *frame_system::BlockWeight::<Test>::get().get(DispatchClass::Mandatory);
		let before = mandatory();
		let used = crate::monitors::Monitoring::<Test>::observe(Source::Feed(1), 800);
		assert_eq!(take_sent().len(), 1);
		assert_eq!(mandatory(), before, "nothing added to the block behind anyone's back");
		let subscribers: u32 = <Test as crate::Config>::MaxAlertSubscribers::get();
		let deliveries = AlertDeliveryWeight::get().saturating_mul(subscribers.into());
		let fire = <<Test as crate::Config>::WeightInfo as crate::WeightInfo>::observe_fire();
		let alerts = crate::cross_chain::CrossChain::<Test>::alerts_weight();
		assert!(alerts.all_gte(deliveries));
		assert_eq!(used, fire.saturating_add(alerts));
	});
}

#[test]
fn an_alert_the_router_refuses_is_offered_again_with_spare_weight_until_its_response_ends() {
	use frame_support::traits::Hooks;
	test(|| {
		for dest in [5, 6] {
			assert_ok!(Guardian::set_alert_subscription(
				capper(),
				versioned(sibling(dest)),
				2,
				vec![Source::Feed(1)]
			));
		}
		feed_monitor(7);
		// The channels are full when the monitor fires: both alerts are kept, not lost.
		router_refuses(true);
		observe(Source::Feed(1), 1_000);
		observe(Source::Feed(1), 800);
		let alert = feed_fall_alert(8);
		assert!(guardian_events().contains(&Event::AlertNotDelivered { dest: sibling(5), alert }));
		let waiting = Guardian::undelivered_alerts();
		assert_eq!(
			waiting.iter().map(|w| (w.dest.clone(), w.retries)).collect::<Vec<_>>(),
			vec![(sibling(5), 0), (sibling(6), 0)]
		);
		// No spare weight: nothing is tried, nothing is used.
		let delivery = AlertDeliveryWeight::get();
		assert_eq!(Guardian::on_idle(2, Weight::zero()), Weight::zero());
		// Spare weight for one try, the router still refusing: the first is tried again and
		// goes to the back.
		let list = Weight::from_parts(
			0,
			<crate::UndeliveredAlertsOf<Test> as codec::MaxEncodedLen>::max_encoded_len() as u64,
		);
		assert_eq!(Guardian::on_idle(2, list + delivery), list + delivery);
		let retries: Vec<_> =
			Guardian::undelivered_alerts().iter().map(|w| (w.dest.clone(), w.retries)).collect();
		assert_eq!(retries, vec![(sibling(6), 0), (sibling(5), 1)]);
		// The channels drain: both are delivered on the next idle time.
		router_refuses(false);
		assert_eq!(Guardian::on_idle(3, Weight::MAX), list + delivery + delivery);
		assert_eq!(take_sent().len(), 2);
		assert!(guardian_events().contains(&Event::AlertRedelivered {
			dest: sibling(5),
			alert,
			retries: 2
		}));
		assert!(Guardian::undelivered_alerts().is_empty());
		// Refused again at a later firing; an unsubscribed destination's alert goes.
		run_to_block(9);
		router_refuses(true);
		observe(Source::Feed(1), 1_000);
		observe(Source::Feed(1), 800);
		assert_eq!(Guardian::undelivered_alerts().len(), 2);
		assert_ok!(Guardian::set_alert_subscription(capper(), versioned(sibling(6)), 2, vec![]));
		assert_eq!(Guardian::undelivered_alerts().len(), 1);
		Guardian::on_idle(9, Weight::MAX);
		assert_eq!(Guardian::undelivered_alerts()[0].retries, 1);
		// Governance resets the response: the alert is abandoned, never delivered after the
		// withdrawal (the destination would answer what this chain no longer holds).
		assert_ok!(Guardian::reset_response(RuntimeOrigin::root(), Source::Feed(1)));
		router_refuses(false);
		Guardian::on_idle(9, Weight::MAX);
		assert!(take_sent().is_empty());
		assert!(Guardian::undelivered_alerts().is_empty());
		assert!(guardian_events().iter().any(|e| matches!(
			e,
			Event::AlertAbandoned { dest, retries: 1, .. } if *dest == sibling(5)
		)));
		// Refused, and the response runs its course: abandoned once it ended.
		router_refuses(true);
		observe(Source::Feed(1), 1_000);
		observe(Source::Feed(1), 800);
		let until = Guardian::undelivered_alerts()[0].until;
		run_to_block(until);
		Guardian::on_idle(until, Weight::MAX);
		assert!(Guardian::undelivered_alerts().is_empty());
		// Refused once more; the next firing is delivered directly: the older alert waiting
		// is dropped, never sent after the newer one.
		observe(Source::Feed(1), 1_000);
		observe(Source::Feed(1), 800);
		assert_eq!(Guardian::undelivered_alerts().len(), 1);
		router_refuses(false);
		run_to_block(until + 7);
		observe(Source::Feed(1), 500);
		assert_eq!(take_sent().len(), 1);
		assert!(Guardian::undelivered_alerts().is_empty());
		Guardian::on_idle(until + 7, Weight::MAX);
		assert!(take_sent().is_empty());
	});
}
