//! Inbound pauses: by queue origin or for everyone, their expiry and room, the processor
//! wrapper's yield, and the locations they may name.

use super::*;

#[test]
fn paused_origins_messages_yield_and_others_run() {
	test(|| {
		let mut meter = WeightMeter::new();
		assert_eq!(process(7, &mut meter), Ok(true));
		assert_ok!(Guardian::pause_xcm_inbound(
			RuntimeOrigin::root(),
			Some(versioned(sibling(7))),
			5
		));
		// Yield: pallet-message-queue keeps the message and offers it again later.
		assert_eq!(process(7, &mut meter), Err(ProcessMessageError::Yield));
		assert_eq!(process(8, &mut meter), Ok(true));
		assert_eq!(PROCESSED.with(|p| p.get()), 2);
		// A pause holds exactly its queue origin; other chains run.
		assert_eq!(Guardian::xcm_inbound_paused_until(&sibling(7)), Some(6));
		assert_eq!(Guardian::xcm_inbound_paused_until(&sibling(8)), None);
		// Its one read is taken from the meter (zero on this mock's `DbWeight`; the
		// runtime's is RocksDb's).
		let mut meter = WeightMeter::with_limit(Weight::zero());
		assert_eq!(process(8, &mut meter), Ok(true));
	});
}

#[test]
fn inbound_pauses_expire_and_governance_keeps_its_room() {
	test(|| {
		assert_ok!(Guardian::pause_xcm_inbound(RuntimeOrigin::root(), None, 3));
		assert!(Guardian::xcm_inbound_paused(&sibling(1)));
		assert_eq!(Guardian::xcm_inbound_pauses().len(), 1);
		// The fast pauser is bounded too.
		assert_noop!(
			Guardian::pause_xcm_inbound(
				RuntimeOrigin::signed(PAUSER),
				Some(versioned(sibling(2))),
				FAST_BOUND + 1
			),
			Error::<Test>::DurationBeyondBound
		);
		assert_ok!(Guardian::pause_xcm_inbound(
			RuntimeOrigin::signed(PAUSER),
			Some(versioned(sibling(2))),
			FAST_BOUND
		));
		// MaxInboundPauses (4) − MaxAlertSources (2): governance holds two at most.
		assert_noop!(
			Guardian::pause_xcm_inbound(RuntimeOrigin::root(), Some(versioned(sibling(3))), 3),
			Error::<Test>::TooManyPauses
		);
		assert_noop!(
			Guardian::resume_xcm_inbound(RuntimeOrigin::signed(PAUSER), None),
			sp_runtime::DispatchError::BadOrigin
		);
		// Block 4: the global pause expires in on_initialize, with an event.
		run_to_block(4);
		assert!(!Guardian::xcm_inbound_paused(&sibling(1)));
		assert!(guardian_events()
			.contains(&Event::XcmInboundResumed { from: None, reason: ResumeReason::Expired }));
		assert_eq!(XcmInboundPauses::<Test>::get().len(), 1);
		assert_ok!(Guardian::resume_xcm_inbound(
			RuntimeOrigin::signed(RESUMER),
			Some(versioned(sibling(2)))
		));
		assert!(XcmInboundPauses::<Test>::get().is_empty());
	});
}

/// No inbound pause, inbound cap or alert playbook pausing inbound XCM can name `location`:
/// each is refused with `error`, and nothing is stored.
fn nothing_can_hold(location: Location, error: fn() -> Error<Test>) {
	assert_noop!(
		Guardian::pause_xcm_inbound(RuntimeOrigin::root(), Some(versioned(location.clone())), 5),
		error()
	);
	assert_noop!(
		Guardian::set_inbound_cap(
			capper(),
			versioned(location.clone()),
			Some(crate::WindowSpec { period: 10, limit: Limit::Absolute(100) })
		),
		error()
	);
	assert_noop!(
		Guardian::set_alert_source(
			capper(),
			versioned(location),
			vec![(Source::Issuance, mapping(true, vec![], 10))],
		),
		error()
	);
}

#[test]
fn inbound_pauses_and_caps_name_queue_origins_and_never_governance() {
	test(|| {
		// `Parent` is the relay chain, not the siblings under it.
		assert_ok!(Guardian::pause_xcm_inbound(
			RuntimeOrigin::root(),
			Some(versioned(Location::parent())),
			5
		));
		assert_eq!(Guardian::xcm_inbound_paused_until(&Location::parent()), Some(6));
		assert_eq!(Guardian::xcm_inbound_paused_until(&sibling(7)), None);
		assert_eq!(process(7, &mut WeightMeter::new()), Ok(true));
		// A location inside a queue origin is never a message's origin: refused, not stored.
		let account = Location::new(1, [Parachain(7), AccountId32 { network: None, id: [1; 32] }]);
		let bridged = Location::new(2, [GlobalConsensus(NetworkId::Kusama), Parachain(1000)]);
		for deeper in [account.clone(), bridged] {
			nothing_can_hold(deeper, || Error::<Test>::NotAMessageOrigin);
		}
		// Without an inbound pause in its playbooks, a deeper source may alert.
		assert_ok!(Guardian::set_alert_source(
			capper(),
			versioned(account),
			vec![(Source::Issuance, mapping(false, vec!["Balances"], 10))],
		));
		// Governance's queue: never paused, capped or paused by a response; a pause of
		// everyone leaves it running, so its own resume gets in.
		let governance = sibling(GOVERNANCE_PARA);
		nothing_can_hold(governance.clone(), || Error::<Test>::GovernanceLocation);
		assert_ok!(Guardian::pause_xcm_inbound(RuntimeOrigin::root(), None, 5));
		assert_eq!(process(7, &mut WeightMeter::new()), Err(ProcessMessageError::Yield));
		assert_eq!(process_program(GOVERNANCE_PARA, governance_program()), Ok(true));
		// The pause of everyone holds the governance chain's users.
		assert_eq!(
			process_program(GOVERNANCE_PARA, user_of(no_value())),
			Err(ProcessMessageError::Yield)
		);
		assert_eq!(Guardian::xcm_inbound_paused_until(&governance), Some(6));
		// Removing a cap needs no queue origin (nothing to hold).
		assert_noop!(
			Guardian::set_inbound_cap(capper(), versioned(governance), None),
			Error::<Test>::NoInboundCap
		);
	});
}
