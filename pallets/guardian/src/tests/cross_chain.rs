//! Cross-chain orchestration on the mock: inbound pauses and the processor wrapper, the
//! barrier, subscriptions and the alerts a firing playbook sends, receiving and resetting.
//! (The three-parachain scenarios over real XCM are in `tests/xcm`.)

use super::mock::*;
use crate::{
	cross_chain::Location, AllowAlertsFrom, Anomaly, Contributor, Error, Event, GuardianAlert,
	Limit, MonitorInput, PausableProcessor, PauseTarget, PlaybookInput, ResumeReason, RiskLevel,
	Rule, Source, XcmInboundPauses,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{ProcessMessage, ProcessMessageError},
	weights::{Weight, WeightMeter},
};
use xcm::{latest::prelude::*, VersionedLocation};
use xcm_executor::traits::{Properties, ShouldExecute};

fn versioned(location: Location) -> Box<VersionedLocation> {
	Box::new(VersionedLocation::from(location))
}

/// The origin an alert from sibling `id` arrives with on this mock.
fn from_sibling(id: u32) -> RuntimeOrigin {
	RuntimeOrigin::signed(SIBLING_BASE + u64::from(id))
}

fn alert(kind: Source) -> GuardianAlert {
	GuardianAlert { kind, anomaly: Anomaly::Rise, severity: RiskLevel::Critical, until: 50 }
}

fn mapping(pause_inbound: bool, pause: Vec<&str>, duration: u64) -> PlaybookInput<u64> {
	PlaybookInput {
		pause: pause.into_iter().map(target).collect(),
		pause_inbound,
		raise_to: RiskLevel::Elevated,
		duration,
	}
}

/// The inner processor of the wrapper's tests: counts what reaches it.
struct Counting;
std::thread_local! {
	static PROCESSED: core::cell::Cell<u32> = const { core::cell::Cell::new(0) };
}
impl ProcessMessage for Counting {
	type Origin = Origin;
	fn process_message(
		_: &[u8],
		_: Origin,
		_: &mut WeightMeter,
		_: &mut [u8; 32],
	) -> Result<bool, ProcessMessageError> {
		PROCESSED.with(|p| p.set(p.get() + 1));
		Ok(true)
	}
}
/// A queue origin: a sibling parachain.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
)]
struct Origin(u32);
impl From<Origin> for Location {
	fn from(origin: Origin) -> Location {
		sibling(origin.0)
	}
}

frame_support::parameter_types! {
	/// The pallets whose pause stops XCM's value movement on this mock.
	pub const ValuePallets: &'static [&'static str] = &["Balances"];
}

type Processor = PausableProcessor<Test, Counting, ValuePallets>;

fn process(from: u32, meter: &mut WeightMeter) -> Result<bool, ProcessMessageError> {
	Processor::process_message(b"msg", Origin(from), meter, &mut [0; 32])
}

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
		assert_ok!(Guardian::set_monitor(
			capper(),
			Source::Feed(1),
			MonitorInput {
				rule: Some(Rule::Flow { period: 10, rise: None, fall: Some(Limit::Absolute(100)) }),
				stale_after: None,
				playbook: PlaybookInput {
					pause: vec![],
					pause_inbound: false,
					raise_to: RiskLevel::Elevated,
					duration: 7,
				},
			},
		));
		observe(Source::Feed(1), 1_000);
		assert!(take_sent().is_empty());
		observe(Source::Feed(1), 800);
		let expected = GuardianAlert {
			kind: Source::Feed(1),
			anomaly: Anomaly::Fall,
			severity: RiskLevel::Elevated,
			until: 8,
		};
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

/// `program` from sibling `from` through the processor, as pallet-message-queue hands it over.
fn process_program(from: u32, program: Xcm<RuntimeCall>) -> Result<bool, ProcessMessageError> {
	let message = xcm::VersionedXcm::from(program).encode();
	Processor::process_message(&message, Origin(from), &mut WeightMeter::new(), &mut [0; 32])
}

/// A deposit into a local account: what a reserve transfer or a teleport from a sibling is.
fn deposit_program() -> Xcm<RuntimeCall> {
	let asset: Asset = (Here, 100u128).into();
	Xcm(vec![
		ReserveAssetDeposited(asset.clone().into()),
		ClearOrigin,
		DepositAsset {
			assets: Wild(AllCounted(1)),
			beneficiary: AccountId32 { network: None, id: [1; 32] }.into(),
		},
	])
}

/// `call` transacted with `origin_kind`.
fn transact(origin_kind: OriginKind, call: RuntimeCall) -> Xcm<RuntimeCall> {
	Xcm(vec![Transact { origin_kind, fallback_max_weight: None, call: call.encode().into() }])
}

fn balances_call() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: 2, value: 1 })
}

fn no_value() -> Xcm<RuntimeCall> {
	Xcm(vec![ClearOrigin, SetTopic([7; 32])])
}

#[test]
fn messages_that_move_value_wait_while_the_chain_or_a_value_pallet_is_paused() {
	test(|| {
		// Nothing paused: everything runs (and is not even decoded).
		assert_eq!(process_program(7, deposit_program()), Ok(true));
		// A pause of one of Balances' calls is not a pause of the value XCM moves.
		assert_ok!(Guardian::pause(
			RuntimeOrigin::root(),
			target("Balances::transfer_keep_alive"),
			5
		));
		assert_eq!(process_program(7, deposit_program()), Ok(true));
		// A paused call transacted waits; dispatched as root (Superuser) it passes, as root
		// passes every pause; the guardian's own calls are never paused.
		assert_eq!(
			process_program(7, transact(OriginKind::SovereignAccount, balances_call())),
			Err(ProcessMessageError::Yield)
		);
		assert_eq!(process_program(7, transact(OriginKind::Superuser, balances_call())), Ok(true));
		// Inside an appendix or an error handler too.
		let nested = Xcm(vec![SetAppendix(transact(OriginKind::Native, balances_call()))]);
		assert_eq!(process_program(7, nested), Err(ProcessMessageError::Yield));
		// The pallet holding the value paused as a whole: every message that moves value
		// waits (from every origin), wherever the instruction is; others run.
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Balances"), 5));
		assert_eq!(process_program(7, deposit_program()), Err(ProcessMessageError::Yield));
		assert_eq!(process_program(8, deposit_program()), Err(ProcessMessageError::Yield));
		let handler = Xcm(vec![ClearOrigin, SetErrorHandler(deposit_program())]);
		assert_eq!(process_program(8, handler), Err(ProcessMessageError::Yield));
		assert_eq!(process_program(8, no_value()), Ok(true));
		// Governance's queue never waits.
		assert_eq!(process_program(GOVERNANCE_PARA, deposit_program()), Ok(true));
		assert_ok!(Guardian::resume(RuntimeOrigin::root(), target("Balances")));
		assert_ok!(Guardian::resume(
			RuntimeOrigin::root(),
			target("Balances::transfer_keep_alive")
		));
		assert_eq!(process_program(7, deposit_program()), Ok(true));
		// A call of a pallet that holds no value XCM moves: value runs, the call transacted
		// waits.
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Utility::batch"), 5));
		assert_eq!(process_program(7, deposit_program()), Ok(true));
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![] });
		assert_eq!(
			process_program(7, transact(OriginKind::SovereignAccount, batch)),
			Err(ProcessMessageError::Yield)
		);
		// Safe mode: value waits; governance's own call and messages without value run.
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), PauseTarget::Chain, 5));
		assert_eq!(process_program(7, deposit_program()), Err(ProcessMessageError::Yield));
		assert_eq!(process_program(7, no_value()), Ok(true));
		let resume = RuntimeCall::Guardian(crate::Call::resume { target: PauseTarget::Chain });
		assert_eq!(process_program(7, transact(OriginKind::Xcm, resume)), Ok(true));
		assert_eq!(process_program(GOVERNANCE_PARA, deposit_program()), Ok(true));
		// A message that does not decode is the XCM processor's to refuse.
		let mut meter = WeightMeter::new();
		assert_eq!(process(7, &mut meter), Ok(true));
		// Nothing was dropped: the waiting messages never reached the inner processor.
		run_to_block(6);
		assert_eq!(process_program(7, deposit_program()), Ok(true));
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
		assert_eq!(process(GOVERNANCE_PARA, &mut WeightMeter::new()), Ok(true));
		assert_eq!(Guardian::xcm_inbound_paused_until(&governance), None);
		// Removing a cap needs no queue origin (nothing to hold).
		assert_noop!(
			Guardian::set_inbound_cap(capper(), versioned(governance), None),
			Error::<Test>::NoInboundCap
		);
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
