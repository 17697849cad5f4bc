//! The v3 → v4 storage migration on the real template runtime, from a chain in the middle of an
//! incident: an issuance monitor's response in force (Balances paused, the level Critical), a
//! guarded account whose stored `frozen` is the cap the old ledger guard only meant to show
//! (the state the bug left), a counter and a repair list of the old layout. The state is
//! written exactly as version 3 stored it (its types are `migrations::v4::old`), the runtime's
//! migrations run, and the upgraded chain must carry the incident on unchanged — same pause,
//! same level, same deadlines — hold only the ledger's truth, and pass `try_state`.

use codec::Encode;
use frame_support::{
	storage::unhashed,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	BoundedVec,
};
use guardian_integration_tests::*;
use guardian_runtime::{BlockNumber, Runtime, RuntimeCall, System};
use pallet_guardian::{
	caps::ledger::LedgerTruth, migrations::v4::old, Contributor, Limit, MonitorInput,
	PauseTargetOf, PlaybookInput, PolicyInput, RiskLevel, Rule, Source, WindowSpec,
};
use sp_runtime::{MultiAddress, Perbill};

type Guardian = pallet_guardian::Pallet<Runtime>;

/// The storage version 3 had and version 4 no longer has.
mod v3 {
	use super::*;
	#[frame_support::storage_alias]
	pub type Alert = StorageValue<Guardian, old::AlertState<BlockNumber>>;
	#[frame_support::storage_alias]
	pub type PauseOwners = StorageMap<
		Guardian,
		frame_support::Blake2_128Concat,
		PauseTargetOf<Runtime>,
		old::Owners<Runtime>,
	>;
	#[frame_support::storage_alias]
	pub type RejectedDebits = StorageValue<Guardian, u64>;
	#[frame_support::storage_alias]
	pub type MarkerRepairs =
		StorageValue<Guardian, BoundedVec<AccountId, frame_support::traits::ConstU32<16>>>;
}

const RESPONSE: BlockNumber = 30;

/// Rewrites the guardian's v4 state as version 3 stored it.
fn store_as_v3() {
	let now = System::block_number();
	// The per-block alert state held the level's deadlines and the watch.
	let level = pallet_guardian::RiskState::<Runtime>::take();
	let watch = pallet_guardian::Watch::<Runtime>::take();
	v3::Alert::put(old::AlertState {
		announced: level.announced,
		elevated_until: level.elevated_until,
		critical_until: level.critical_until,
		next_stale: watch.next_stale,
		issuance_watched: watch.issuance_watched,
	});
	// Who held each pause was a map beside the pauses.
	for entry in pallet_guardian::PauseHolds::<Runtime>::take() {
		v3::PauseOwners::insert(&entry.target, BoundedVec::truncate_from(entry.holds.into_inner()));
	}
	// A monitor's response in force was a flag in its state; the playbook had no inbound part.
	let (source, monitor) = pallet_guardian::Monitors::<Runtime>::iter().next().expect("one");
	let response = pallet_guardian::Responses::<Runtime>::take(Contributor::Monitor(source))
		.expect("in force");
	assert!(response.until > now);
	let flagged = old::Monitor::<Runtime> {
		rule: monitor.rule,
		stale_after: monitor.stale_after,
		playbook: old::Playbook {
			pause: monitor.playbook.pause,
			raise_to: monitor.playbook.raise_to,
			duration: monitor.playbook.duration,
		},
		state: old::MonitorStateV3 {
			last: monitor.state.last,
			seen: monitor.state.seen,
			rises: monitor.state.rises,
			falls: monitor.state.falls,
			basis: monitor.state.basis,
			flag: Some(old::Flag { anomaly: response.anomaly, until: response.until }),
		},
	};
	unhashed::put_raw(
		&pallet_guardian::Monitors::<Runtime>::hashed_key_for(source),
		&flagged.encode(),
	);
	// The counter had another name; the repair list existed.
	v3::RejectedDebits::put(pallet_guardian::DebitsBeyondCap::<Runtime>::take() + 7);
	v3::MarkerRepairs::put(BoundedVec::truncate_from(vec![Keyring::Charlie.to_account_id()]));
	StorageVersion::new(3).put::<Guardian>();
}

#[test]
fn the_v4_migration_carries_an_incident_on_and_stores_only_the_ledgers_truth() {
	on_chain(|| {
		// Charlie is guarded: 10 UNIT per 100 blocks.
		let charlie = Keyring::Charlie.to_account_id();
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
				who: MultiAddress::Id(charlie.clone()),
				policy: PolicyInput {
					windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(10 * UNIT) }],
					high_water: None,
					response: None,
				},
			})),
			Ok(())
		);
		// An incident: more than 1% minted pauses Balances and makes the chain Critical.
		let one_percent = Limit::ShareOfBalance(Perbill::from_percent(1));
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_monitor {
				source: Source::Issuance,
				monitor: MonitorInput {
					rule: Some(Rule::Flow { period: 100, rise: Some(one_percent), fall: None }),
					stale_after: None,
					playbook: PlaybookInput {
						pause: vec![pallet_target("Balances")],
						pause_inbound: false,
						raise_to: RiskLevel::Critical,
						duration: RESPONSE,
					},
				},
			})),
			Ok(())
		);
		next_block();
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		assert_eq!(
			sudo_dispatch(RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
				who: MultiAddress::Id(Keyring::Ferdie.to_account_id()),
				new_free: free(Keyring::Ferdie) + issuance / 10,
			})),
			Ok(())
		);
		let paused_until = Guardian::call_paused_until(b"Balances", b"transfer_keep_alive")
			.expect("the response paused Balances");
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Critical);
		next_block();

		// The chain as version 3 stored it, with the bug's trace: Charlie's shown cap stored as
		// his frozen balance.
		store_as_v3();
		frame_system::Account::<Runtime>::mutate(&charlie, |account| {
			account.data.frozen = account.data.free - 10 * UNIT;
		});
		type Balances = pallet_balances::Pallet<Runtime>;
		assert_eq!(Balances::untrue_frozen().len(), 1, "the stale shown cap is stored");

		guardian_runtime::Migrations::on_runtime_upgrade();
		assert_eq!(Guardian::on_chain_storage_version(), 4);

		// The incident carries on: the same pause, the same level, the same deadlines; the
		// monitor's response is the engine's, held by the monitor.
		assert_eq!(
			Guardian::call_paused_until(b"Balances", b"transfer_keep_alive"),
			Some(paused_until)
		);
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Critical);
		let by = Contributor::Monitor(Source::Issuance);
		assert_eq!(Guardian::response_in_force(by).map(|r| r.until), Some(paused_until));
		let holders: Vec<_> = pallet_guardian::PauseHolds::<Runtime>::get()
			.into_iter()
			.flat_map(|entry| entry.holds.into_inner())
			.collect();
		assert_eq!(holders, vec![(by, paused_until)]);
		let watch = pallet_guardian::Watch::<Runtime>::get();
		assert!(watch.issuance_watched && watch.issuance_seen.is_some());
		// Renamed, removed.
		assert_eq!(pallet_guardian::DebitsBeyondCap::<Runtime>::get(), 7);
		assert!(!v3::MarkerRepairs::exists() && !v3::RejectedDebits::exists());
		assert!(!v3::Alert::exists() && v3::PauseOwners::iter().next().is_none());
		// Only the ledger's truth: Charlie's marker, not the shown cap.
		assert_eq!(Balances::untrue_frozen(), Vec::<Vec<u8>>::new());
		Guardian::do_try_state().expect("try_state holds after the migration");
		// Running it again does nothing.
		guardian_runtime::Migrations::on_runtime_upgrade();
		assert_eq!(Guardian::response_in_force(by).map(|r| r.until), Some(paused_until));

		// The response ends when it did before the upgrade; Charlie's whole allowance moves.
		run_to_block(paused_until);
		assert_eq!(Guardian::risk_level_now(), RiskLevel::Normal);
		assert_eq!(Guardian::call_paused_until(b"Balances", b"transfer_keep_alive"), None);
		let before = free(Keyring::Dave);
		submit_ok(Keyring::Charlie, keep_alive(Keyring::Dave, 10 * UNIT));
		assert_eq!(free(Keyring::Dave), before + 10 * UNIT);
	});
}
