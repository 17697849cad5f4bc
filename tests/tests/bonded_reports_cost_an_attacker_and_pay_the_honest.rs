//! Bonded reports on the real template runtime: an honest reporter pauses a target through a
//! signed transaction and is repaid and rewarded by the council; a griefer who keeps a target
//! paused for a day pays the documented deposits and loses them all when governance rejects
//! the reports; unjudged deposits come back to anyone's call after three days. Every test ends
//! with the guardian's `try_state` and conservation ([`on_chain`]).

use frame_support::traits::fungible::{InspectHold, Mutate};
use guardian_integration_tests::*;
use guardian_runtime::{
	configs::TreasuryAccount,
	guardian::{
		MAX_REPORT_PAUSE, PROGRAMMATIC_MAX_PAUSE, REPORT_DEPOSIT_BASE, REPORT_RELEASE_DELAY,
		REPORT_REWARD,
	},
	BlockNumber, Runtime, RuntimeCall, RuntimeOrigin, DAYS,
};
use pallet_guardian::{
	Event as GuardianEvent, HoldReason, PauseTargetInput, ReporterRecord, RiskLevel,
	PAUSED_CALL_ERROR,
};
use sp_core::H256;
use sp_runtime::{
	traits::Dispatchable,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchError, Perbill,
};

type Guardian = pallet_guardian::Pallet<Runtime>;
type Balances = pallet_balances::Pallet<Runtime>;

fn collateral() -> PauseTargetInput {
	pallet_target("Collateral")
}

fn set_reportable(target: PauseTargetInput) {
	let call =
		RuntimeCall::Guardian(pallet_guardian::Call::set_reportable { target, reportable: true });
	// The cap origin: root or two thirds of the council.
	assert_eq!(council_motion(call, 4), Some(Ok(())));
}

fn report_call(target: PauseTargetInput, duration: BlockNumber) -> RuntimeCall {
	RuntimeCall::Guardian(pallet_guardian::Call::report {
		target,
		evidence: H256::repeat_byte(0xe7),
		duration,
	})
}

fn held(who: &AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::Report.into(), who)
}

fn last_report_id() -> u32 {
	pallet_guardian::NextReportId::<Runtime>::get() - 1
}

/// A fresh account of the attacker's, funded with `amount`.
fn sybil(i: u32, amount: Balance) -> AccountId {
	let who = AccountId::from([0x5b; 32].map(|b| b ^ (i as u8)));
	assert!(Balances::mint_into(&who, amount).is_ok());
	who
}

/// What the n-th report open chain-wide costs a fresh reporter: the base grown 10% per open
/// report, rounded down at each step as the pallet does.
fn fresh_deposit(open: u32) -> Balance {
	let mut deposit = REPORT_DEPOSIT_BASE;
	for _ in 0..open {
		deposit += Perbill::from_percent(10).mul_floor(deposit);
	}
	deposit
}

#[test]
fn an_honest_report_pauses_at_once_and_the_council_repays_and_rewards_it() {
	on_chain(|| {
		set_reportable(call_target("Balances", "transfer_keep_alive"));
		// The treasury pays rewards: fund it.
		assert!(Balances::mint_into(&TreasuryAccount::get(), 10_000 * UNIT).is_ok());
		let ferdie = Keyring::Ferdie.to_account_id();
		let before = free(Keyring::Ferdie);

		submit_ok(
			Keyring::Ferdie,
			report_call(call_target("Balances", "transfer_keep_alive"), MAX_REPORT_PAUSE),
		);
		assert_eq!(held(&ferdie), REPORT_DEPOSIT_BASE);
		// In force from the including block: every pool refuses the call from now on.
		assert_eq!(
			validate(Keyring::Bob, keep_alive(Keyring::Dave, UNIT)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(PAUSED_CALL_ERROR)))
		);
		let fee_paid = before - free(Keyring::Ferdie) - REPORT_DEPOSIT_BASE;

		let confirm =
			RuntimeCall::Guardian(pallet_guardian::Call::confirm_report { id: last_report_id() });
		assert_eq!(council_motion(confirm, 4), Some(Ok(())));
		assert_eq!(held(&ferdie), 0);
		assert_eq!(free(Keyring::Ferdie), before - fee_paid + REPORT_REWARD);
		assert_eq!(
			pallet_guardian::Reputation::<Runtime>::get(&ferdie),
			ReporterRecord { confirmed: 1, rejected: 0 }
		);
		// A confirmed report's pause runs on until it ends by itself.
		assert!(validate(Keyring::Bob, keep_alive(Keyring::Dave, UNIT)).is_err());
		next_block();
		run_to_block(1 + MAX_REPORT_PAUSE + 1);
		assert!(validate(Keyring::Bob, keep_alive(Keyring::Dave, UNIT)).is_ok());
	});
}

#[test]
fn bad_reports_are_refused_and_change_nothing() {
	on_chain(|| {
		// Not reportable; the guardian and governance can never be.
		assert_eq!(
			submit_err(Keyring::Ferdie, report_call(collateral(), 10)),
			pallet_guardian::Error::<Runtime>::NotReportable.into()
		);
		for never in [pallet_target("Guardian"), pallet_target("Council"), PauseTargetInput::Chain]
		{
			let call = RuntimeCall::Guardian(pallet_guardian::Call::set_reportable {
				target: never,
				reportable: true,
			});
			assert!(sudo_dispatch(call).is_err());
		}
		set_reportable(collateral());
		assert_eq!(
			submit_err(Keyring::Ferdie, report_call(collateral(), MAX_REPORT_PAUSE + 1)),
			pallet_guardian::Error::<Runtime>::DurationBeyondBound.into()
		);
		// A judgment needs governance.
		submit_ok(Keyring::Ferdie, report_call(collateral(), 10));
		assert_eq!(
			submit_err(
				Keyring::Ferdie,
				RuntimeCall::Guardian(pallet_guardian::Call::reject_report { id: 0 })
			),
			DispatchError::BadOrigin
		);
		assert_eq!(
			submit_err(Keyring::Ferdie, report_call(collateral(), 10)),
			pallet_guardian::Error::<Runtime>::AlreadyReported.into()
		);
	});
}

/// The griefing arithmetic of `pallet_guardian::reports`, measured: keeping the collateral
/// pallet paused for a day with fresh accounts and escalation (3 reports every 6 hours).
#[test]
fn keeping_a_target_paused_for_a_day_costs_a_griefer_its_deposits() {
	on_chain(|| {
		set_reportable(collateral());
		let treasury_before = free_of(&TreasuryAccount::get());
		let start = frame_system::Pallet::<Runtime>::block_number();
		let mut locked = 0;
		let mut reporters = Vec::new();
		let rounds = DAYS / PROGRAMMATIC_MAX_PAUSE;
		for round in 0..rounds {
			let at = start + round * PROGRAMMATIC_MAX_PAUSE;
			if at > frame_system::Pallet::<Runtime>::block_number() {
				jump_to_block(at);
			}
			for k in 0..3 {
				let open = pallet_guardian::OpenReportCount::<Runtime>::get();
				let who = sybil(round * 3 + k, fresh_deposit(open) + UNIT);
				assert_eq!(Guardian::report_deposit(&who), fresh_deposit(open));
				let call = report_call(collateral(), MAX_REPORT_PAUSE);
				assert!(call.dispatch(RuntimeOrigin::signed(who.clone())).is_ok());
				locked += held(&who);
				reporters.push(who);
			}
			// The third report escalated: paused for 6 hours, the level Elevated.
			assert_eq!(Guardian::risk_level_now(), RiskLevel::Elevated);
			let paused = Guardian::call_paused_until(b"Collateral", b"open");
			assert_eq!(paused, Some(at + PROGRAMMATIC_MAX_PAUSE));
		}
		let reports = 3 * rounds;
		assert_eq!(locked, (0..reports).map(fresh_deposit).sum::<Balance>());
		println!(
			"a day ({DAYS} blocks) paused: {reports} reports, {} UNIT locked for at least 3 days \
			 ({:.3} UNIT per blocked block), all of it lost on rejection",
			locked / UNIT,
			locked as f64 / UNIT as f64 / DAYS as f64,
		);
		// One account alone could not: its renewal doubles for every report it has open.
		let lone = reporters[0].clone();
		let open = pallet_guardian::OpenReportCount::<Runtime>::get();
		assert_eq!(Guardian::report_deposit(&lone), 2 * fresh_deposit(open));

		// Governance rejects them all (root, as sudo or a referendum would dispatch it): every
		// deposit goes to the treasury, and nothing is minted or burnt.
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		for id in 0..reports {
			let reject = RuntimeCall::Guardian(pallet_guardian::Call::reject_report { id });
			assert!(reject.dispatch(RuntimeOrigin::root()).is_ok());
		}
		assert!(reporters.iter().all(|who| held(who) == 0));
		assert_eq!(free_of(&TreasuryAccount::get()), treasury_before + locked);
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), issuance);
		assert_eq!(Guardian::call_paused_until(b"Collateral", b"open"), None);
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Normal);
		let rejected = pallet_guardian::Reputation::<Runtime>::get(&lone);
		assert_eq!(rejected, ReporterRecord { confirmed: 0, rejected: 1 });
	});
}

#[test]
fn an_unjudged_deposit_comes_back_to_anyones_call_after_three_days() {
	on_chain(|| {
		set_reportable(collateral());
		let ferdie = Keyring::Ferdie.to_account_id();
		submit_ok(Keyring::Ferdie, report_call(collateral(), MAX_REPORT_PAUSE));
		let filed = frame_system::Pallet::<Runtime>::block_number();
		let release =
			RuntimeCall::Guardian(pallet_guardian::Call::release_report_deposit { id: 0 });
		jump_to_block(filed + MAX_REPORT_PAUSE + REPORT_RELEASE_DELAY - 1);
		assert_eq!(
			submit_err(Keyring::Bob, release.clone()),
			pallet_guardian::Error::<Runtime>::ReportNotReleasable.into()
		);
		next_block();
		let before = free(Keyring::Ferdie);
		submit_ok(Keyring::Bob, release);
		assert_eq!(held(&ferdie), 0);
		assert_eq!(free(Keyring::Ferdie), before + REPORT_DEPOSIT_BASE);
		assert!(guardian_events()
			.iter()
			.any(|e| matches!(e, GuardianEvent::ReportDepositReleased { id: 0, .. })));
	});
}
