//! The call filter's measured storage cost per dispatch in the template runtime: the keys it
//! reads, and how many of those a benchmark charges (keys not whitelisted).

use frame_support::traits::Contains;
use guardian_integration_tests::{storage_reads::*, *};
use guardian_runtime::{Runtime, RuntimeCall};
use pallet_guardian::{Pauses, Summary};

fn filter(call: &RuntimeCall) -> bool {
	<<Runtime as frame_system::Config>::BaseCallFilter as Contains<RuntimeCall>>::contains(call)
}

#[test]
fn with_nothing_paused_the_filter_costs_no_charged_read() {
	on_chain(|| {
		let (allowed, reads) = reads_of(|| filter(&keep_alive(Keyring::Dave, UNIT)));
		assert!(allowed);
		assert_eq!(reads, vec![Summary::<Runtime>::hashed_key().to_vec()]);
		assert_eq!(charged(&reads).len(), 0, "Summary is whitelisted");
		println!(
			"filter, nothing paused: {} read(s), {} charged",
			reads.len(),
			charged(&reads).len()
		);
	});
}

#[test]
fn with_pauses_active_the_filter_costs_one_charged_read() {
	on_chain(|| {
		// Fill the pause list with other targets, so the one read is of the largest value.
		for call in ["transfer_allow_death", "transfer_all", "force_transfer"] {
			assert_eq!(sudo_dispatch(pause(call_target("Balances", call), 100)), Ok(()));
		}
		for (allowed_expected, call) in
			[(true, keep_alive(Keyring::Dave, UNIT)), (false, allow_death(Keyring::Dave, UNIT))]
		{
			let (allowed, reads) = reads_of(|| filter(&call));
			assert_eq!(allowed, allowed_expected);
			let charged = charged(&reads);
			assert_eq!(charged, vec![Pauses::<Runtime>::hashed_key().to_vec()]);
			println!("filter, 3 pauses active: {} read(s), {} charged", reads.len(), charged.len());
		}
	});
}

#[test]
fn whitelisted_and_guardian_calls_cost_no_read_at_all() {
	on_chain(|| {
		assert_eq!(sudo_dispatch(pause(pallet_target("Balances"), 100)), Ok(()));
		for call in [remark(), resume(pallet_target("Balances"))] {
			let (allowed, reads) = reads_of(|| filter(&call));
			assert!(allowed);
			assert!(reads.is_empty(), "{reads:?}");
		}
	});
}
