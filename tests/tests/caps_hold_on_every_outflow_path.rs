//! The velocity caps in the real template runtime, one test per way value can leave a guarded
//! account: each proves the cap holds (the over-limit debit is refused by pallet-balances,
//! through the cap the ledger shows, and nothing moves) while a debit within the allowance goes
//! through. Inflows are never slowed down, fees are exempt, and a tip the allowance cannot pay
//! is refused by the pool.

use guardian_integration_tests::*;
use guardian_runtime::{configs::TreasuryAccount, Runtime, RuntimeCall, RuntimeEvent, System};
use pallet_guardian::{
	DebitsBeyondCap, Event as GuardianEvent, Limit, PolicyInput, WindowSpec, CAP_EXCEEDED_ERROR,
};
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchError, MultiAddress, TokenError,
};

/// The cap every test puts on its guarded account: 10 UNIT per 100 blocks.
const CAP: Balance = 10 * UNIT;

/// pallet-balances' answer to a debit beyond the allowance: the cap shows as frozen balance.
fn capped() -> DispatchError {
	TokenError::Frozen.into()
}

fn doomed() -> TransactionValidityError {
	TransactionValidityError::Invalid(InvalidTransaction::Custom(CAP_EXCEEDED_ERROR))
}

/// Governance (sudo) caps `who` at [`CAP`] per 100 blocks.
fn guard(who: AccountId) {
	let policy = PolicyInput {
		windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(CAP) }],
		high_water: None,
		response: None,
	};
	assert_eq!(
		sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
			who: MultiAddress::Id(who),
			policy,
		})),
		Ok(())
	);
}

fn balance_of(who: &AccountId) -> Balance {
	pallet_balances::Pallet::<Runtime>::free_balance(who)
}

fn transfer_to(to: &AccountId, value: Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(to.clone()),
		value,
	})
}

/// A signed transaction whose transfer the pool and block inclusion both refuse: no fee is
/// taken, nothing moves.
fn assert_refused_before_dispatch(call: RuntimeCall) {
	let (bob, dave) = (free(Keyring::Bob), free(Keyring::Dave));
	assert_eq!(validate(Keyring::Bob, call.clone()), Err(doomed()));
	assert_eq!(submit(Keyring::Bob, call), Err(doomed()));
	assert_eq!((free(Keyring::Bob), free(Keyring::Dave)), (bob, dave));
}

#[test]
fn transfer_allow_death_and_keep_alive_are_capped() {
	on_chain(|| {
		guard(Keyring::Bob.to_account_id());
		let dave = free(Keyring::Dave);
		submit_ok(Keyring::Bob, allow_death(Keyring::Dave, 6 * UNIT));
		assert_refused_before_dispatch(allow_death(Keyring::Dave, 5 * UNIT));
		assert_refused_before_dispatch(keep_alive(Keyring::Dave, 5 * UNIT));
		submit_ok(Keyring::Bob, keep_alive(Keyring::Dave, 4 * UNIT));
		assert_eq!(free(Keyring::Dave), dave + CAP);
		// The window rolls: 100 blocks later (plus at most one bucket) it has refilled.
		run_to_block(116);
		submit_ok(Keyring::Bob, keep_alive(Keyring::Dave, CAP));
	});
}

#[test]
fn transfer_all_moves_the_allowance_and_nothing_more() {
	on_chain(|| {
		guard(Keyring::Bob.to_account_id());
		let dave = free(Keyring::Dave);
		let all = |keep_alive| {
			RuntimeCall::Balances(pallet_balances::Call::transfer_all {
				dest: MultiAddress::Id(Keyring::Dave.to_account_id()),
				keep_alive,
			})
		};
		submit_ok(Keyring::Bob, all(false));
		assert_eq!(free(Keyring::Dave), dave + CAP);
		submit_ok(Keyring::Bob, all(true));
		assert_eq!(free(Keyring::Dave), dave + CAP);
	});
}

#[test]
fn batches_are_capped() {
	on_chain(|| {
		guard(Keyring::Bob.to_account_id());
		let dave = Keyring::Dave.to_account_id();
		let over = || vec![transfer_to(&dave, 6 * UNIT), transfer_to(&dave, 6 * UNIT)];
		for call in [
			RuntimeCall::Utility(pallet_utility::Call::batch { calls: over() }),
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: over() }),
			RuntimeCall::Utility(pallet_utility::Call::force_batch { calls: over() }),
		] {
			assert_refused_before_dispatch(call);
		}
		let before = balance_of(&dave);
		submit_ok(
			Keyring::Bob,
			RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![transfer_to(&dave, 5 * UNIT), transfer_to(&dave, 5 * UNIT)],
			}),
		);
		assert_eq!(balance_of(&dave), before + CAP);
	});
}

#[test]
fn a_proxy_cannot_escape() {
	on_chain(|| {
		submit_ok(
			Keyring::Bob,
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: MultiAddress::Id(Keyring::Charlie.to_account_id()),
				proxy_type: guardian_runtime::configs::ProxyType::Any,
				delay: 0,
			}),
		);
		guard(Keyring::Bob.to_account_id());
		let dave = Keyring::Dave.to_account_id();
		let by_proxy = |value| {
			RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: MultiAddress::Id(Keyring::Bob.to_account_id()),
				force_proxy_type: None,
				call: Box::new(transfer_to(&dave, value)),
			})
		};
		let before = balance_of(&dave);
		System::reset_events();
		// The pool cannot see Bob's debit in Charlie's transaction: pallet-balances refuses it
		// at dispatch, through the cap the ledger shows, before anything moves.
		submit_ok(Keyring::Charlie, by_proxy(CAP + 1));
		assert!(events().contains(&RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted {
			result: Err(capped())
		})));
		assert_eq!(balance_of(&dave), before);
		// A refusal is not an outflow beyond the cap: nothing to report.
		assert_eq!(DebitsBeyondCap::<Runtime>::get(), 0);
		submit_ok(Keyring::Charlie, by_proxy(CAP));
		assert_eq!(balance_of(&dave), before + CAP);
	});
}

#[test]
fn a_multisig_cannot_escape() {
	on_chain(|| {
		let multisig = bob_charlie_multisig();
		submit_ok(Keyring::Ferdie, transfer_to(&multisig, 1_000 * UNIT));
		guard(multisig.clone());
		let dave = Keyring::Dave.to_account_id();
		let execute = |value: Balance| multisig_execute(transfer_to(&dave, value));
		let before = balance_of(&dave);
		assert_eq!(execute(CAP + UNIT), Some(Err(capped())));
		assert_eq!(balance_of(&dave), before);
		assert_eq!(execute(CAP), Some(Ok(())));
		assert_eq!(balance_of(&dave), before + CAP);
	});
}

#[test]
fn sudo_force_transfer_is_capped() {
	on_chain(|| {
		guard(Keyring::Bob.to_account_id());
		let force = |value| {
			RuntimeCall::Balances(pallet_balances::Call::force_transfer {
				source: MultiAddress::Id(Keyring::Bob.to_account_id()),
				dest: MultiAddress::Id(Keyring::Dave.to_account_id()),
				value,
			})
		};
		let dave = free(Keyring::Dave);
		assert_eq!(sudo_dispatch(force(CAP + 1)), Err(capped()));
		assert_eq!(free(Keyring::Dave), dave);
		// Root has to lift the policy (an evented, deliberate act) to move more.
		assert_eq!(sudo_dispatch(force(CAP)), Ok(()));
		assert_eq!(free(Keyring::Dave), dave + CAP);
	});
}

#[test]
fn a_governance_dispatched_transfer_is_capped() {
	on_chain(|| {
		guard(Keyring::Bob.to_account_id());
		let dave = Keyring::Dave.to_account_id();
		let dispatch_as = |value| {
			RuntimeCall::Utility(pallet_utility::Call::dispatch_as {
				as_origin: Box::new(guardian_runtime::OriginCaller::system(
					frame_system::RawOrigin::Signed(Keyring::Bob.to_account_id()),
				)),
				call: Box::new(transfer_to(&dave, value)),
			})
		};
		let before = balance_of(&dave);
		assert_eq!(sudo_dispatch(dispatch_as(CAP + 1)), Ok(()));
		assert!(events().contains(&RuntimeEvent::Utility(pallet_utility::Event::DispatchedAs {
			result: Err(capped())
		})));
		assert_eq!(balance_of(&dave), before);
		assert_eq!(sudo_dispatch(dispatch_as(CAP)), Ok(()));
		assert_eq!(balance_of(&dave), before + CAP);
	});
}

#[test]
fn a_treasury_payout_pallet_to_pallet_is_capped() {
	on_chain(|| {
		let treasury: AccountId = TreasuryAccount::get();
		submit_ok(Keyring::Ferdie, transfer_to(&treasury, 1_000 * UNIT));
		guard(treasury.clone());
		let dave = Keyring::Dave.to_account_id();
		let spend = |amount| {
			RuntimeCall::Treasury(pallet_treasury::Call::spend {
				asset_kind: Box::new(()),
				amount,
				beneficiary: Box::new(dave.clone()),
				valid_from: None,
			})
		};
		let payout = |index| RuntimeCall::Treasury(pallet_treasury::Call::payout { index });
		let before = balance_of(&dave);
		assert_eq!(sudo_dispatch(spend(CAP + UNIT)), Ok(()));
		// The treasury pays with `fungible::Mutate::transfer` from its account: refused.
		assert_eq!(
			submit_err(Keyring::Eve, payout(0)),
			pallet_treasury::Error::<Runtime>::PayoutError.into()
		);
		assert_eq!(balance_of(&dave), before);
		assert_eq!(sudo_dispatch(spend(CAP)), Ok(()));
		submit_ok(Keyring::Eve, payout(1));
		assert_eq!(balance_of(&dave), before + CAP);
	});
}

#[test]
fn inflows_run_at_full_speed_and_fees_are_exempt() {
	on_chain(|| {
		let bob = Keyring::Bob.to_account_id();
		guard(bob.clone());
		let before = balance_of(&bob);
		for sender in [Keyring::Alice, Keyring::Charlie, Keyring::Dave, Keyring::Eve] {
			submit_ok(sender, transfer_to(&bob, 10_000 * UNIT));
		}
		assert_eq!(balance_of(&bob), before + 40_000 * UNIT);
		// Bob uses his whole allowance, then still pays fees for other transactions.
		submit_ok(Keyring::Bob, keep_alive(Keyring::Dave, CAP));
		let before = free(Keyring::Bob);
		submit_ok(Keyring::Bob, remark());
		assert!(free(Keyring::Bob) < before, "the fee was paid");
		// A tip is value the signer chooses to send: it counts. The pool refuses a tip the
		// allowance cannot pay (never accepted, then dropped unpaid at inclusion).
		let tipped = sign_with_tip(Keyring::Bob, remark(), UNIT);
		assert_eq!(validate_xt(tipped.clone()), Err(doomed()));
		assert_eq!(guardian_runtime::Executive::apply_extrinsic(tipped), Err(doomed()));
		// A tip the allowance can pay goes through, and uses it up.
		run_to_block(System::block_number() + 116);
		let tipped = sign_with_tip(Keyring::Bob, remark(), CAP);
		assert_eq!(validate_xt(tipped.clone()).map(|_| ()), Ok(()));
		assert_eq!(guardian_runtime::Executive::apply_extrinsic(tipped), Ok(Ok(())));
		assert_eq!(validate(Keyring::Bob, keep_alive(Keyring::Dave, 1)), Err(doomed()));
		// The pool adds the tip to the transfers it can see.
		run_to_block(System::block_number() + 116);
		let both = sign_with_tip(Keyring::Bob, keep_alive(Keyring::Dave, CAP), 1);
		assert_eq!(validate_xt(both), Err(doomed()));
	});
}

#[test]
fn crossing_a_high_water_mark_pauses_transfers_in_the_same_block() {
	on_chain(|| {
		let treasury: AccountId = TreasuryAccount::get();
		submit_ok(Keyring::Ferdie, transfer_to(&treasury, 1_000 * UNIT));
		let policy = PolicyInput {
			windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(CAP) }],
			high_water: Some(sp_runtime::Perbill::from_percent(80)),
			response: Some(pallet_guardian::PlaybookInput {
				pause: vec![call_target("Balances", "transfer_keep_alive")],
				pause_inbound: false,
				raise_to: pallet_guardian::RiskLevel::Normal,
				duration: 50,
			}),
		};
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
				who: MultiAddress::Id(treasury.clone()),
				policy,
			})),
			Ok(())
		);
		let spend = |amount| {
			RuntimeCall::Treasury(pallet_treasury::Call::spend {
				asset_kind: Box::new(()),
				amount,
				beneficiary: Box::new(Keyring::Dave.to_account_id()),
				valid_from: None,
			})
		};
		assert_eq!(sudo_dispatch(spend(8 * UNIT)), Ok(()));
		System::reset_events();
		// The payout that takes the window to 80% succeeds, and trips the response.
		submit_ok(Keyring::Eve, RuntimeCall::Treasury(pallet_treasury::Call::payout { index: 0 }));
		assert!(guardian_events().contains(&GuardianEvent::HighWaterCrossed {
			scope: pallet_guardian::CapScope::Account(treasury.clone()),
			window: 0,
			used: 8 * UNIT,
			limit: CAP,
		}));
		// The very next transaction of the same block is refused by the pool.
		assert_eq!(
			validate(Keyring::Bob, keep_alive(Keyring::Dave, UNIT)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(
				pallet_guardian::PAUSED_CALL_ERROR
			)))
		);
		// The response expires by itself; the cap still holds.
		run_to_block(System::block_number() + 50);
		submit_ok(Keyring::Bob, keep_alive(Keyring::Dave, UNIT));
	});
}
