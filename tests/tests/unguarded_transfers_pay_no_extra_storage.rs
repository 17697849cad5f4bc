//! The ledger guard's measured storage cost per debit in the template runtime: the distinct
//! keys a `fungible` transfer reads and writes with no guard anywhere (the baseline), from an
//! unguarded account while other accounts are guarded, and from guarded accounts; counted as a
//! benchmark charges them (keys neither the runtime nor frame-benchmarking whitelists).

use frame_support::traits::{fungible::Mutate, tokens::Preservation};
use guardian_integration_tests::{storage_reads::*, *};
use guardian_runtime::{Runtime, RuntimeCall};
use pallet_guardian::{Limit, PolicyInput, WindowSpec};
use sp_runtime::MultiAddress;

fn policy() -> PolicyInput<u32, Balance> {
	PolicyInput {
		windows: vec![
			WindowSpec { period: 600, limit: Limit::Absolute(1_000 * UNIT) },
			WindowSpec { period: 14_400, limit: Limit::Absolute(5_000 * UNIT) },
		],
		high_water: None,
		response: None,
	}
}

fn guard(who: Keyring) {
	assert_eq!(
		sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
			who: MultiAddress::Id(who.to_account_id()),
			policy: policy(),
		})),
		Ok(())
	);
}

/// (charged distinct reads, charged distinct writes) of a 1 UNIT transfer from `from` to Dave.
fn transfer_cost(from: Keyring) -> (usize, usize) {
	let (result, reads, writes) = accesses_of(|| {
		<pallet_balances::Pallet<Runtime> as Mutate<AccountId>>::transfer(
			&from.to_account_id(),
			&Keyring::Dave.to_account_id(),
			UNIT,
			Preservation::Preserve,
		)
	});
	assert!(result.is_ok());
	if std::env::var("SHOW_KEYS").is_ok() {
		for key in charged(&distinct(&reads)) {
			println!("read {}", String::from_utf8_lossy(&key).escape_debug());
			println!("   {}", sp_core::hexdisplay::HexDisplay::from(&key));
		}
	}
	(charged(&distinct(&reads)).len(), charged(&distinct(&writes)).len())
}

#[test]
fn the_ledger_guard_costs_unguarded_accounts_nothing() {
	on_chain(|| {
		let baseline = transfer_cost(Keyring::Bob);

		guard(Keyring::Ferdie);
		guard(Keyring::Eve);
		assert!(!pallet_guardian::Pallet::<Runtime>::may_be_guarded(&Keyring::Bob.to_account_id()));
		next_block();
		let unguarded = transfer_cost(Keyring::Bob);
		assert_eq!(unguarded, baseline, "an unguarded account pays nothing extra");

		guard(Keyring::Charlie);
		next_block();
		let guarded = transfer_cost(Keyring::Charlie);
		assert_eq!(
			guarded,
			(baseline.0 + 2, baseline.1 + 1),
			"a policy: Guards read and written, GlobalCap read"
		);

		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_global_cap {
				cap: Some(policy()),
			})),
			Ok(())
		);
		next_block();
		let with_global = transfer_cost(Keyring::Charlie);
		assert_eq!(with_global, (baseline.0 + 2, baseline.1 + 2), "GlobalCap written too");

		submit_ok(
			Keyring::Alice,
			RuntimeCall::Guardian(pallet_guardian::Call::limit_own_outflow {
				windows: policy().windows,
			}),
		);
		next_block();
		let own = transfer_cost(Keyring::Alice);
		assert_eq!(own, (baseline.0 + 1, baseline.1 + 1), "an own limit: Guards only");

		println!(
			"ledger cost per transfer (charged distinct reads, charged distinct writes): \
			 no guards {baseline:?}, unguarded sender {unguarded:?}, guarded sender \
			 {guarded:?}, guarded + global cap {with_global:?}, own limit {own:?}"
		);
	});
}
