//! Receiving alerts: the barrier, allowed sources and their mapped playbooks, the response
//! and its reset (and the mute after it), the room alerts keep, and what an unanswered alert
//! costs.

use super::*;

#[test]
fn the_barrier_lets_only_an_allowed_sources_alert_run_unpaid() {
	test(|| {
		assert_ok!(Guardian::set_alert_source(capper(), versioned(sibling(2)), vec![]));
		let check = |origin: Location, message: Xcm<()>| {
			let mut instructions = message.0;
			AllowAlertsFrom::<Test>::should_execute(
				&origin,
				&mut instructions,
				Weight::from_parts(1_000, 1_000),
				&mut Properties { weight_credit: Weight::zero(), message_id: None },
			)
		};
		let index = <Guardian as frame_support::traits::PalletInfoAccess>::index() as u8;
		let good = Guardian::alert_message(index, &alert(Source::Issuance));
		assert_eq!(check(sibling(2), good.clone()), Ok(()));
		let mut topped = good.clone();
		topped.0.push(SetTopic([7; 32]));
		assert_eq!(check(sibling(2), topped), Ok(()));
		// Not a source.
		assert_eq!(check(sibling(3), good.clone()), Err(ProcessMessageError::Unsupported));
		// Anything else than the alert: another call, another origin kind, more instructions.
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		let other = Xcm(vec![
			UnpaidExecution { weight_limit: Unlimited, check_origin: None },
			Transact {
				origin_kind: OriginKind::Xcm,
				fallback_max_weight: None,
				call: codec::Encode::encode(&remark).into(),
			},
		]);
		assert_eq!(check(sibling(2), other), Err(ProcessMessageError::Unsupported));
		let mut native = good.clone();
		if let Some(Transact { origin_kind, .. }) = native.0.get_mut(1) {
			*origin_kind = OriginKind::Native;
		}
		assert_eq!(check(sibling(2), native), Err(ProcessMessageError::Unsupported));
		let mut longer = good.clone();
		longer.0.insert(1, ClearOrigin);
		assert_eq!(check(sibling(2), longer), Err(ProcessMessageError::Unsupported));
		let mut garbage = good.clone();
		if let Some(Transact { call, .. }) = garbage.0.get_mut(1) {
			*call = vec![index, crate::RECEIVE_ALERT_CALL_INDEX, 0xff].into();
		}
		assert_eq!(check(sibling(2), garbage), Err(ProcessMessageError::BadFormat));
		// A limit below the message's weight.
		let mut limited = good;
		limited.0[0] =
			UnpaidExecution { weight_limit: Limited(Weight::from_parts(1, 1)), check_origin: None };
		assert!(matches!(check(sibling(2), limited), Err(ProcessMessageError::Overweight(_))));
	});
}

#[test]
fn an_allowed_sources_alert_runs_its_mapped_playbook_once_until_it_expires() {
	test(|| {
		assert_noop!(
			Guardian::receive_alert(from_sibling(2), alert(Source::Issuance)),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Guardian::set_alert_source(
				capper(),
				versioned(sibling(2)),
				vec![(Source::Issuance, mapping(true, vec!["Balances"], 1_000))],
			),
			Error::<Test>::DurationBeyondBound
		);
		assert_ok!(Guardian::set_alert_source(
			capper(),
			versioned(sibling(2)),
			vec![(Source::Issuance, mapping(true, vec!["Balances"], 10))],
		));
		assert_ok!(Guardian::receive_alert(from_sibling(2), alert(Source::Issuance)));
		assert!(guardian_events().contains(&Event::ResponseApplied {
			by: Contributor::Alert(0),
			source: Source::Issuance,
			anomaly: Anomaly::Rise,
			inbound_paused: true,
			paused: 1,
			level: RiskLevel::Elevated,
			until: 11,
		}));
		assert!(Guardian::xcm_inbound_paused(&sibling(2)));
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Elevated);
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_allow_death"), Some(11));
		// A second alert while the response is in force: an event, nothing extended.
		System::reset_events();
		assert_ok!(Guardian::receive_alert(from_sibling(2), alert(Source::Issuance)));
		assert_eq!(
			guardian_events(),
			vec![Event::AlertReceived {
				from: sibling(2),
				alert: alert(Source::Issuance),
				mapped: true
			}]
		);
		// Removing the source is refused while it answers.
		assert_noop!(
			Guardian::remove_alert_source(capper(), versioned(sibling(2))),
			Error::<Test>::ResponseInForce
		);
		// Block 11: all of it ended.
		run_to_block(11);
		assert!(!Guardian::xcm_inbound_paused(&sibling(2)));
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Normal);
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_allow_death"), None);
		// A new alert answers again.
		assert_ok!(Guardian::receive_alert(from_sibling(2), alert(Source::Issuance)));
		assert!(Guardian::xcm_inbound_paused(&sibling(2)));
	});
}

#[test]
fn a_reset_withdraws_only_the_alerts_response() {
	test(|| {
		assert_ok!(Guardian::set_alert_source(
			capper(),
			versioned(sibling(2)),
			vec![(Source::Issuance, mapping(true, vec!["Balances"], 10))],
		));
		// Governance paused Balances itself, and inbound XCM from 2, before the alert.
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Balances"), 50));
		assert_ok!(Guardian::pause_xcm_inbound(
			RuntimeOrigin::root(),
			Some(versioned(sibling(2))),
			50
		));
		assert_ok!(Guardian::receive_alert(from_sibling(2), alert(Source::Issuance)));
		let holders: Vec<_> = XcmInboundPauses::<Test>::get().iter().map(|p| p.by).collect();
		assert_eq!(holders, vec![Contributor::Governance, Contributor::Alert(0)]);
		assert_noop!(
			Guardian::reset_alert_response(capper(), versioned(sibling(2))),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Guardian::reset_alert_response(
			RuntimeOrigin::signed(RESUMER),
			versioned(sibling(2))
		));
		// Governance's own pauses stay; the alert's level is gone.
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_allow_death"), Some(51));
		assert_eq!(Guardian::xcm_inbound_paused_until(&sibling(2)), Some(51));
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Normal);
		assert!(guardian_events()
			.contains(&Event::ResponseReset { by: Contributor::Alert(0), resumed: 0 }));
		assert_noop!(
			Guardian::reset_alert_response(RuntimeOrigin::root(), versioned(sibling(2))),
			Error::<Test>::NotFlagged
		);
		assert_ok!(Guardian::remove_alert_source(capper(), versioned(sibling(2))));
		assert_noop!(
			Guardian::receive_alert(from_sibling(2), alert(Source::Issuance)),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn alert_sources_are_bounded() {
	test(|| {
		assert_ok!(Guardian::set_alert_source(capper(), versioned(sibling(1)), vec![]));
		assert_ok!(Guardian::set_alert_source(capper(), versioned(sibling(2)), vec![]));
		assert_noop!(
			Guardian::set_alert_source(capper(), versioned(sibling(3)), vec![]),
			Error::<Test>::TooManyAlertSources
		);
		// Replacing one keeps its identifier.
		assert_ok!(Guardian::set_alert_source(
			capper(),
			versioned(sibling(2)),
			vec![(Source::Issuance, mapping(false, vec![], 5))]
		));
		assert_eq!(crate::AlertSources::<Test>::get(sibling(2)).map(|s| s.id), Some(1));
		assert_noop!(
			Guardian::set_alert_source(
				capper(),
				versioned(sibling(2)),
				vec![(Source::Issuance, mapping(false, vec!["NoSuchPallet"], 5))]
			),
			Error::<Test>::UnknownPallet
		);
		assert_noop!(
			Guardian::remove_alert_source(capper(), versioned(sibling(3))),
			Error::<Test>::NoAlertSource
		);
	});
}

#[test]
fn an_alert_finds_room_whatever_governance_reports_and_monitors_hold() {
	test(|| {
		// Governance's room (2) full, the automatic responses' (4) full.
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Timestamp"), 50));
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Utility::batch_all"), 50));
		let automatic = [
			"Utility::force_batch",
			"Utility::dispatch_as",
			"Utility::with_weight",
			"Utility::if_else",
		]
		.map(stored);
		// Two playbooks of MaxResponseTargets (2) each.
		assert_eq!(respond(Contributor::CapResponse, &automatic[..2], 50), 2);
		assert_eq!(respond(Contributor::CapResponse, &automatic[2..], 50), 2);
		// Two allowed sources, each mapping a two-target playbook: both fit (the alerts' room
		// is every source's full playbook), and neither goes beyond its mapped level.
		for (id, pause) in
			[(2, vec!["Balances", "Utility::batch"]), (3, vec!["Balances", "Timestamp"])]
		{
			assert_ok!(Guardian::set_alert_source(
				capper(),
				versioned(sibling(id)),
				vec![(Source::Issuance, mapping(false, pause, 10))],
			));
			assert_ok!(Guardian::receive_alert(from_sibling(id), alert(Source::Issuance)));
		}
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_allow_death"), Some(11));
		assert_eq!(Guardian::call_paused_until(b"Utility", b"batch"), Some(11));
		assert!(!guardian_events().iter().any(|e| matches!(e, Event::ResponseEscalated { .. })));
		// Critical comes from nobody: the mapped level is what the alerts raised.
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Elevated);
	});
}

#[test]
fn a_reset_mutes_the_alerts_queued_behind_it_until_the_response_would_have_ended() {
	test(|| {
		assert_ok!(Guardian::set_alert_source(
			capper(),
			versioned(sibling(2)),
			vec![(Source::Issuance, mapping(true, vec!["Balances"], 10))],
		));
		// Block 1: the alert pauses Balances and inbound XCM from 2 until block 11; the
		// source's next alerts wait behind that pause in the queue.
		assert_ok!(Guardian::receive_alert(from_sibling(2), alert(Source::Issuance)));
		assert_eq!(Guardian::xcm_inbound_paused_until(&sibling(2)), Some(11));
		// Governance resets it: the queued alerts now run, and restart nothing.
		run_to_block(3);
		assert_ok!(Guardian::reset_alert_response(RuntimeOrigin::root(), versioned(sibling(2))));
		assert!(!Guardian::xcm_inbound_paused(&sibling(2)));
		for _ in 0..3 {
			assert_ok!(Guardian::receive_alert(from_sibling(2), alert(Source::Issuance)));
		}
		assert!(!Guardian::xcm_inbound_paused(&sibling(2)));
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_allow_death"), None);
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Normal);
		let muted = Event::AlertMuted { from: sibling(2), until: 11 };
		assert_eq!(guardian_events().iter().filter(|e| **e == muted).count(), 3);
		// From block 11 (where the reset response would have ended), alerts answer again.
		run_to_block(11);
		assert_ok!(Guardian::receive_alert(from_sibling(2), alert(Source::Issuance)));
		assert_eq!(Guardian::xcm_inbound_paused_until(&sibling(2)), Some(21));
		assert!(crate::MutedAlertSources::<Test>::get(0).is_none());
		// Removing the source ends its mute with it.
		assert_ok!(Guardian::reset_alert_response(RuntimeOrigin::root(), versioned(sibling(2))));
		assert_eq!(crate::MutedAlertSources::<Test>::get(0), Some(21));
		assert_ok!(Guardian::remove_alert_source(capper(), versioned(sibling(2))));
		assert!(crate::MutedAlertSources::<Test>::get(0).is_none());
	});
}

#[test]
fn an_alert_that_starts_no_response_declares_only_what_it_used() {
	use frame_support::dispatch::GetDispatchInfo;
	use sp_runtime::traits::Dispatchable;
	test(|| {
		assert_ok!(Guardian::set_alert_source(
			capper(),
			versioned(sibling(2)),
			vec![(Source::Issuance, mapping(true, vec!["Balances"], 10))],
		));
		let receive =
			|kind| RuntimeCall::Guardian(crate::Call::receive_alert { alert: alert(kind) });
		let declared = receive(Source::Issuance).get_dispatch_info().call_weight;
		let unanswered = crate::cross_chain::CrossChain::<Test>::unanswered_alert_weight();
		let used = |kind| {
			receive(kind).dispatch(from_sibling(2)).expect("an allowed source").actual_weight
		};
		// An unmapped kind: only its event.
		assert_eq!(used(Source::Metric(9)), Some(unanswered));
		// A mapped kind starts the response: the full declared weight.
		assert_eq!(used(Source::Issuance), None);
		// The same kind again while the response is in force: nothing started.
		assert_eq!(used(Source::Issuance), Some(unanswered));
		// Muted after governance's reset: nothing started.
		assert_ok!(Guardian::reset_alert_response(RuntimeOrigin::root(), versioned(sibling(2))));
		assert_eq!(used(Source::Issuance), Some(unanswered));
		// What the executor refunds to the queue's budget for each of them.
		assert!(unanswered.all_lt(declared));
		println!(
			"receive_alert: declared {declared:?}, an alert starting no response uses \
			 {unanswered:?} ({}% of the ref time)",
			unanswered.ref_time().saturating_mul(100) / declared.ref_time().max(1)
		);
	});
}

#[test]
fn a_reset_mutes_past_another_inbound_pause_still_holding_the_source() {
	test(|| {
		assert_ok!(Guardian::set_alert_source(
			capper(),
			versioned(sibling(2)),
			vec![(Source::Issuance, mapping(true, vec![], 20))],
		));
		// Block 1: the response (until 21); governance then pauses everyone's inbound XCM
		// until 101, so the source's later alerts queue behind that too.
		assert_ok!(Guardian::receive_alert(from_sibling(2), alert(Source::Issuance)));
		assert_ok!(Guardian::pause_xcm_inbound(RuntimeOrigin::root(), None, 100));
		assert_ok!(Guardian::reset_alert_response(RuntimeOrigin::root(), versioned(sibling(2))));
		// Muted through block 101, where the pause of everyone ends and the queue drains.
		assert_eq!(crate::MutedAlertSources::<Test>::get(0), Some(102));
		run_to_block(101);
		assert!(!Guardian::xcm_inbound_paused(&sibling(2)));
		assert_ok!(Guardian::receive_alert(from_sibling(2), alert(Source::Issuance)));
		assert!(!Guardian::xcm_inbound_paused(&sibling(2)));
		assert!(guardian_events().contains(&Event::AlertMuted { from: sibling(2), until: 102 }));
		run_to_block(102);
		assert_ok!(Guardian::receive_alert(from_sibling(2), alert(Source::Issuance)));
		assert!(Guardian::xcm_inbound_paused(&sibling(2)));
	});
}
