//! Which inbound messages wait under the breakers' pauses: value movement while the chain or
//! a value pallet is paused, and governance's own messages.

use super::*;

#[test]
fn messages_that_move_value_wait_while_the_chain_or_a_value_pallet_is_paused() {
	test(|| {
		// Nothing paused: everything runs (and is not even decoded).
		assert_eq!(process_program(7, deposit_program()), Ok(true));
		// A pause of one of Balances' calls is not a pause of the value XCM moves, and a
		// transacted paused call does not wait: the call filter refuses it at dispatch, and
		// the queue goes on (holding it would stall the sibling's queue for free).
		assert_ok!(Guardian::pause(
			RuntimeOrigin::root(),
			target("Balances::transfer_keep_alive"),
			5
		));
		assert_eq!(process_program(7, deposit_program()), Ok(true));
		assert_eq!(
			process_program(7, transact(OriginKind::SovereignAccount, balances_call())),
			Ok(true)
		);
		assert_ok!(Guardian::resume(
			RuntimeOrigin::root(),
			target("Balances::transfer_keep_alive")
		));
		// The pallet holding the value paused as a whole: every message that moves value
		// waits (from every origin), wherever the instruction is, a `Transact` into the pallet
		// included; others run.
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Balances"), 5));
		assert_eq!(process_program(7, deposit_program()), Err(ProcessMessageError::Yield));
		assert_eq!(process_program(8, deposit_program()), Err(ProcessMessageError::Yield));
		let handler = Xcm(vec![ClearOrigin, SetErrorHandler(deposit_program())]);
		assert_eq!(process_program(8, handler), Err(ProcessMessageError::Yield));
		let nested = Xcm(vec![SetAppendix(transact(OriginKind::Native, balances_call()))]);
		assert_eq!(process_program(8, nested), Err(ProcessMessageError::Yield));
		// Fees withdrawn as they are due move value too.
		let jit = Xcm(vec![SetFeesMode { jit_withdraw: true }, ClearOrigin]);
		assert_eq!(process_program(8, jit), Err(ProcessMessageError::Yield));
		assert_eq!(process_program(8, no_value()), Ok(true));
		// Governance's own message runs; a user of the governance chain waits like anyone.
		assert_eq!(process_program(GOVERNANCE_PARA, governance_program()), Ok(true));
		// So does a governance body's, descended into from its chain's queue; nested, or
		// cleared on the way, the descent is not governance's.
		let body = xcm::latest::Junction::Plurality {
			id: xcm::latest::BodyId::Technical,
			part: xcm::latest::BodyPart::Voice,
		};
		let mut from_body = Xcm(vec![
			DescendOrigin(body.into()),
			WithdrawAsset((Here, 100u128).into()),
			DepositAsset {
				assets: Wild(AllCounted(1)),
				beneficiary: AccountId32 { network: None, id: [1; 32] }.into(),
			},
		]);
		assert_eq!(process_program(7, from_body.clone()), Ok(true));
		let nested = Xcm(vec![SetAppendix(from_body.clone())]);
		assert_eq!(process_program(7, nested), Err(ProcessMessageError::Yield));
		from_body.0.insert(1, ClearOrigin);
		assert_eq!(process_program(7, from_body), Err(ProcessMessageError::Yield));
		assert_eq!(
			process_program(GOVERNANCE_PARA, user_of(deposit_program())),
			Err(ProcessMessageError::Yield)
		);
		assert_ok!(Guardian::resume(RuntimeOrigin::root(), target("Balances")));
		assert_eq!(process_program(7, deposit_program()), Ok(true));
		// A call of a pallet holding no value XCM moves: value runs, and so does the call
		// transacted (the filter refuses it at dispatch).
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), target("Utility::batch"), 5));
		assert_eq!(process_program(7, deposit_program()), Ok(true));
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![] });
		assert_eq!(process_program(7, transact(OriginKind::SovereignAccount, batch)), Ok(true));
		// Safe mode: value waits whatever the processor names; messages without value run.
		assert_ok!(Guardian::pause(RuntimeOrigin::root(), PauseTarget::Chain, 5));
		assert_eq!(process_program(7, deposit_program()), Err(ProcessMessageError::Yield));
		let unnamed = PausableProcessor::<Test, Counting, ()>::process_message(
			&xcm::VersionedXcm::from(deposit_program()).encode(),
			Origin(7),
			&mut WeightMeter::new(),
			&mut [0; 32],
		);
		assert_eq!(unnamed, Err(ProcessMessageError::Yield));
		assert_eq!(process_program(7, no_value()), Ok(true));
		assert_eq!(process_program(GOVERNANCE_PARA, governance_program()), Ok(true));
		// A message that does not decode is the XCM processor's to refuse.
		let garbage = Processor::process_message(
			&[0xff],
			Origin(GOVERNANCE_PARA),
			&mut WeightMeter::new(),
			&mut [0; 32],
		);
		assert_eq!(garbage, Ok(true));
		// Nothing was dropped: the waiting messages never reached the inner processor, and
		// run once the pause ends.
		run_to_block(6);
		assert_eq!(process_program(7, deposit_program()), Ok(true));
	});
}
