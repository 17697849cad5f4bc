//! What the block is charged for a signed transfer on the real runtime, against what the
//! transaction declared up front (what `payment_queryInfo` shows and the fee is computed from):
//! the base, the call's generated weight, the extensions' weights and the length.
//!
//! * The guardian's extensions declare what they will check, from the state at validation:
//!   `CheckPaused` nothing for a never-paused call, `check_paused_none` while nothing is
//!   paused, `check_paused(MaxActivePauses)` otherwise (refunded down to `check_paused(n)`);
//!   `CheckVelocity` the ledger's unguarded check (`ledger_debit_unguarded`) for a call that
//!   may move value; `WatchTransaction` the issuance reads while an issuance monitor is set.
//! * A transaction that may debit a guarded account reserves its guard work up front
//!   (`guard_reservation`: the velocity check, and `guard_budget` of its most debits), booked
//!   in the block at `prepare` and settled to what the guard work used, which the signer pays
//!   for beside the fee.
//!
//! So an unguarded transfer is charged exactly what it declared. These are the figures
//! `benchmarking/REPORT.md` counts transfers per block with.

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

fn guardian_extensions(call: &RuntimeCall) -> Weight {
	use sp_runtime::traits::TransactionExtension;
	pallet_guardian::CheckPaused::<Runtime>::new()
		.weight(call)
		.saturating_add(pallet_guardian::CheckVelocity::<Runtime>::new().weight(call))
		.saturating_add(pallet_guardian::WatchTransaction::<Runtime>::new().weight(call))
}

#[test]
fn an_unguarded_transfer_is_charged_exactly_what_it_declared() {
	on_chain(|| {
		let call = keep_alive(Keyring::Bob, UNIT);
		let declared =
			Guardian::check_paused_none().saturating_add(Guardian::ledger_debit_unguarded());
		assert_eq!(guardian_extensions(&call), declared);
		// Neither of the checks charges a storage read.
		assert_eq!(declared.proof_size(), 0);
		let (charged, upfront) = charged(Keyring::Alice, call);
		assert_eq!(charged, upfront);
	});
}

#[test]
fn a_never_paused_call_declares_no_filter_work() {
	on_chain(|| {
		assert_eq!(sudo_dispatch(pause(call_target("Utility", "batch"), 10)), Ok(()));
		let call = RuntimeCall::Guardian(pallet_guardian::Call::remove_own_limit {});
		assert_eq!(guardian_extensions(&call), Weight::zero());
	});
}

#[test]
fn with_pauses_stored_the_filter_charges_for_reading_them() {
	on_chain(|| {
		assert_eq!(sudo_dispatch(pause(call_target("Utility", "batch"), 10)), Ok(()));
		assert_eq!(sudo_dispatch(pause(call_target("Proxy", "proxy"), 10)), Ok(()));
		let call = keep_alive(Keyring::Bob, UNIT);
		let max = <Runtime as pallet_guardian::Config>::MaxActivePauses::get();
		assert_eq!(
			guardian_extensions(&call),
			Guardian::check_paused(max).saturating_add(Guardian::ledger_debit_unguarded())
		);
		let (charged, upfront) = charged(Keyring::Alice, call);
		let refunded = Guardian::check_paused(max).saturating_sub(Guardian::check_paused(2));
		assert_eq!(charged, upfront.saturating_sub(refunded));
	});
}

#[test]
fn a_guarded_transfer_is_charged_its_checks_and_the_guard_work_it_used() {
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
		let bob = Keyring::Bob.to_account_id();
		let reserved = pallet_guardian::Pallet::<Runtime>::guard_reservation(&bob, &call);
		use pallet_guardian::caps::outflow::EstimateOutflow;
		let debits = <Runtime as pallet_guardian::Config>::OutflowEstimator::max_debits(&call);
		let check = Guardian::check_velocity().saturating_sub(Guardian::ledger_debit_unguarded());
		assert_eq!(
			reserved,
			pallet_guardian::Pallet::<Runtime>::guard_budget(debits).saturating_add(check)
		);
		let (charged, upfront) = charged(Keyring::Bob, call);
		// The velocity check, the transfer's guarded debit (the fee is exempt and counts
		// nothing) and two reads, once: the guard record and the global cap.
		let reads = <Runtime as frame_system::Config>::DbWeight::get().reads(2);
		let used = check.saturating_add(Guardian::ledger_debit_guarded()).saturating_add(reads);
		assert_eq!(charged, upfront.saturating_add(used));
		assert!(used.all_lte(reserved));
	});
}

fn guard(who: Keyring) {
	assert_eq!(
		sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
			who: MultiAddress::Id(who.to_account_id()),
			policy: PolicyInput {
				windows: vec![WindowSpec { period: 600, limit: Limit::Absolute(1_000 * UNIT) }],
				high_water: None,
				response: None,
			},
		})),
		Ok(())
	);
}

/// A batch of `n` proxied calls, each on behalf of another (fresh) account whose funds it
/// would touch (an own limit's removal) — and each refused: nobody made Eve a proxy.
fn proxied_batch(n: u32) -> RuntimeCall {
	let calls = (0..n)
		.map(|i| {
			let mut id = [0x33u8; 32];
			id[..4].copy_from_slice(&i.to_le_bytes());
			RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: MultiAddress::Id(AccountId::from(id)),
				force_proxy_type: None,
				call: Box::new(RuntimeCall::Guardian(pallet_guardian::Call::remove_own_limit {})),
			})
		})
		.collect();
	RuntimeCall::Utility(pallet_utility::Call::batch { calls })
}

#[test]
fn validating_a_call_that_names_many_accounts_reads_a_bounded_amount() {
	use guardian_integration_tests::storage_reads::reads_of;
	on_chain(|| {
		guard(Keyring::Ferdie);
		let index = pallet_guardian::GuardIndex::<Runtime>::hashed_key().to_vec();
		let index_reads = |n: u32| {
			let call = proxied_batch(n);
			let (valid, reads) = reads_of(|| validate(Keyring::Eve, call));
			assert!(valid.is_ok());
			reads.iter().filter(|key| key.starts_with(&index)).count()
		};
		// However many accounts the call names, the reservation looks up at most
		// `MAX_NAMED_DEBITED` of them (beyond, one read: is anyone guarded at all?).
		let few = index_reads(4);
		let many = index_reads(2_000);
		assert!(many <= pallet_guardian::caps::outflow::MAX_NAMED_DEBITED + 4, "{many} reads");
		assert!(many <= few + pallet_guardian::caps::outflow::MAX_NAMED_DEBITED, "{few} vs {many}");
		// And what it cannot name still reserves guard work while anyone is guarded.
		let reserved = pallet_guardian::Pallet::<Runtime>::guard_reservation(
			&Keyring::Eve.to_account_id(),
			&proxied_batch(2_000),
		);
		assert_eq!(reserved, pallet_guardian::Pallet::<Runtime>::guard_budget(1));
	});
}

#[test]
fn a_reservation_no_block_can_hold_is_refused_in_the_pool() {
	on_chain(|| {
		guard(Keyring::Ferdie);
		let one = pallet_guardian::Pallet::<Runtime>::guard_budget(1);
		let max = RuntimeBlockWeights::get()
			.get(DispatchClass::Normal)
			.max_extrinsic
			.expect("a normal extrinsic limit");
		let n = u32::try_from(max.ref_time() / one.ref_time()).expect("fits") + 1;
		let batch = |n: u32| {
			RuntimeCall::Utility(pallet_utility::Call::batch {
				calls: (0..n).map(|_| keep_alive(Keyring::Dave, 1)).collect(),
			})
		};
		// A batch whose guard work could never fit a block: refused in the pool, not kept
		// there for every author to try.
		assert_eq!(
			validate(Keyring::Ferdie, batch(n)),
			Err(sp_runtime::transaction_validity::TransactionValidityError::Invalid(
				sp_runtime::transaction_validity::InvalidTransaction::ExhaustsResources
			))
		);
		// One that fits is valid, and lands.
		assert!(validate(Keyring::Ferdie, batch(10)).is_ok());
		submit_ok(Keyring::Ferdie, batch(10));
	});
}
