//! What the block is charged for a signed transfer on the real runtime, once the guardian's
//! extensions refunded what they did not do: the base, the call's generated weight, the other
//! extensions' weights, and of the guardian only the checks it made (`check_paused_none` or
//! `check_paused(n)`, `ledger_debit_unguarded`), plus for a guarded account `check_velocity`
//! and the guard work its debits caused (`ledger_debit_guarded` per counted debit — the
//! transfer; the fee is exempt from the caps and counts nothing — and two reads of its guard
//! record and the global cap, once). `CheckVelocity`
//! charges a guard budget up front (`guard_budget(max_debits)`) and refunds what the guard
//! work did not use. These are the figures `benchmarking/REPORT.md` counts transfers per block
//! with.

use codec::Encode;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::Get,
	weights::Weight,
};
use guardian_integration_tests::*;
use guardian_runtime::{configs::RuntimeBlockWeights, Runtime, RuntimeCall, System, TxExtension};
use pallet_guardian::{weights::SubstrateWeight, Limit, PolicyInput, WeightInfo, WindowSpec};
use sp_runtime::{traits::TransactionExtension, MultiAddress};

type Guardian = SubstrateWeight<Runtime>;

fn normal() -> Weight {
	*System::block_weight().get(DispatchClass::Normal)
}

/// The weight `who` sending `call` adds to the block, and what the block would add with the
/// guardian's extensions charging their worst case and no guarded debit (the extrinsic's
/// length counts as proof size).
fn charged(who: Keyring, call: RuntimeCall) -> (Weight, Weight) {
	let extrinsic = sign(who, call.clone());
	let length = Weight::from_parts(0, extrinsic.encoded_size() as u64);
	let extension: &TxExtension = match &extrinsic.preamble {
		sp_runtime::generic::Preamble::Signed(_, _, extension) => extension,
		_ => unreachable!("signed"),
	};
	let upfront = RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.base_extrinsic
		.saturating_add(call.get_dispatch_info().call_weight)
		.saturating_add(extension.weight(&call))
		.saturating_add(length);
	let before = normal();
	assert_eq!(guardian_runtime::Executive::apply_extrinsic(extrinsic), Ok(Ok(())));
	(normal().saturating_sub(before), upfront)
}

/// What the guardian's extensions charge up front for `call`: the filter's worst case, the
/// velocity check and the guard budget of the call's most debits.
fn worst_checks(call: &RuntimeCall) -> Weight {
	use pallet_guardian::caps::outflow::EstimateOutflow;
	let max = <Runtime as pallet_guardian::Config>::MaxActivePauses::get();
	let debits = <Runtime as pallet_guardian::Config>::OutflowEstimator::max_debits(call);
	Guardian::check_paused(max)
		.saturating_add(Guardian::check_velocity())
		.saturating_add(pallet_guardian::Pallet::<Runtime>::guard_budget(debits))
}

#[test]
fn an_unguarded_transfer_is_charged_the_checks_it_made() {
	on_chain(|| {
		let call = keep_alive(Keyring::Bob, UNIT);
		let (charged, upfront) = charged(Keyring::Alice, call.clone());
		let made = Guardian::check_paused_none().saturating_add(Guardian::ledger_debit_unguarded());
		assert_eq!(charged, upfront.saturating_sub(worst_checks(&call)).saturating_add(made));
		// Neither of the checks made charges a storage read.
		assert_eq!(made.proof_size(), 0);
	});
}

#[test]
fn with_pauses_stored_the_filter_charges_for_reading_them() {
	on_chain(|| {
		assert_eq!(sudo_dispatch(pause(call_target("Utility", "batch"), 10)), Ok(()));
		assert_eq!(sudo_dispatch(pause(call_target("Proxy", "proxy"), 10)), Ok(()));
		let call = keep_alive(Keyring::Bob, UNIT);
		let (charged, upfront) = charged(Keyring::Alice, call.clone());
		let made = Guardian::check_paused(2).saturating_add(Guardian::ledger_debit_unguarded());
		assert_eq!(charged, upfront.saturating_sub(worst_checks(&call)).saturating_add(made));
	});
}

#[test]
fn a_guarded_transfer_is_charged_its_checks_and_the_ledger_guard() {
	on_chain(|| {
		let policy = PolicyInput {
			windows: vec![WindowSpec { period: 600, limit: Limit::Absolute(1_000 * UNIT) }],
			high_water: None,
			response: None,
		};
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
				who: MultiAddress::Id(Keyring::Bob.to_account_id()),
				policy,
			})),
			Ok(())
		);
		let call = keep_alive(Keyring::Charlie, UNIT);
		let (charged, upfront) = charged(Keyring::Bob, call.clone());
		let reads = <Runtime as frame_system::Config>::DbWeight::get().reads(2);
		let made = Guardian::check_paused_none()
			.saturating_add(Guardian::check_velocity())
			.saturating_add(Guardian::ledger_debit_guarded())
			.saturating_add(reads);
		let expected = upfront.saturating_sub(worst_checks(&call)).saturating_add(made);
		assert_eq!(charged, expected);
	});
}
