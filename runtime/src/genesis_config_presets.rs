//! Genesis presets (`development`, `local_testnet`, and with `runtime-benchmarks` the
//! `guarded-benchmark` preset of the benchmark report) through sp-genesis-builder.

use crate::{AccountId, Balance, RuntimeGenesisConfig, SudoConfig, UNIT};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each endowed account holds at genesis.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// The council of both presets: five members, so that a majority (3) and a two-thirds
/// super-majority (4) differ.
pub fn council() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
	]
	.iter()
	.map(|k| k.to_account_id())
	.collect()
}

/// A well-known validator: its name as an sr25519 key (its `aura` key) and as an ed25519 key
/// (its `grandpa` key), both derived from `//Name` as `--alice` puts them in a node's
/// keystore.
pub type Validator = (Sr25519Keyring, Ed25519Keyring);

fn genesis(
	endowed: Vec<AccountId>,
	root: AccountId,
	council: Vec<AccountId>,
	validators: &[Validator],
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: endowed.into_iter().map(|a| (a, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: validators
				.iter()
				.map(|(aura, _)| aura.public().into())
				.collect::<Vec<AuraId>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: validators
				.iter()
				.map(|(_, grandpa)| (grandpa.public().into(), 1))
				.collect::<Vec<(GrandpaId, u64)>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		council: pallet_collective::GenesisConfig { members: council },
	})
}

/// The validators of `local_testnet`: four, so that one can stop and GRANDPA (more than two
/// thirds) still finalizes.
pub const LOCAL_TESTNET_VALIDATORS: [Validator; 4] = [
	(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
	(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
	(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
	(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
];

/// `development`: every dev account of the keyring endowed (stashes included), Alice as sudo
/// and the one validator.
pub fn development_config_genesis() -> Value {
	genesis(
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		council(),
		&[(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
	)
}

/// `local_testnet`: Alice to Ferdie endowed, Alice as sudo, Alice, Bob, Charlie and Dave the
/// validators ([`LOCAL_TESTNET_VALIDATORS`]).
pub fn local_testnet_genesis() -> Value {
	genesis(
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		council(),
		&LOCAL_TESTNET_VALIDATORS,
	)
}

/// The preset of the benchmark report: benchmarks run on it measure a guarded caller.
#[cfg(all(feature = "runtime-benchmarks", not(feature = "without-guardian")))]
pub const GUARDED_BENCHMARK_PRESET: &str = "guarded-benchmark";

/// How many accounts besides the benchmark caller `guarded-benchmark` puts under a policy.
#[cfg(all(feature = "runtime-benchmarks", not(feature = "without-guardian")))]
pub const GUARDED_BENCHMARK_ACCOUNTS: u32 = 500;

/// `guarded-benchmark`: `development`, plus (endowed) frame-benchmarking's whitelisted caller and
/// [`GUARDED_BENCHMARK_ACCOUNTS`] other accounts under a governance policy of
/// [`crate::guardian::MAX_WINDOWS`] windows, and a global cap of as many windows: a transfer
/// benchmarked from the caller takes the ledger guard's most expensive path, and the hooks'
/// benchmarks run with many policies stored. The limits are far above what benchmarks move.
#[cfg(all(feature = "runtime-benchmarks", not(feature = "without-guardian")))]
pub fn guarded_benchmark_genesis() -> Value {
	use pallet_guardian::{Limit, PolicyInput, WindowSpec};
	let policy = || PolicyInput {
		windows: (1..=crate::guardian::MAX_WINDOWS)
			.map(|i| WindowSpec { period: i * 100, limit: Limit::Absolute(ENDOWMENT) })
			.collect::<Vec<_>>(),
		high_water: None,
		response: None,
	};
	let guarded = core::iter::once(frame_benchmarking::whitelisted_caller::<AccountId>())
		.chain(
			(0..GUARDED_BENCHMARK_ACCOUNTS).map(|i| frame_benchmarking::account("guarded", i, 0)),
		)
		.map(|who| (who, policy()))
		.collect::<Vec<_>>();
	// A guarded account must exist: every one is endowed too.
	let endowed = Sr25519Keyring::iter()
		.map(|k| k.to_account_id())
		.chain(guarded.iter().map(|(who, _)| who.clone()))
		.collect();
	let mut patch = genesis(
		endowed,
		Sr25519Keyring::Alice.to_account_id(),
		council(),
		&[(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
	);
	let extra = build_struct_json_patch!(RuntimeGenesisConfig {
		guardian: pallet_guardian::GenesisConfig { guarded, global_cap: Some(policy()) },
	});
	if let (Value::Object(base), Value::Object(extra)) = (&mut patch, extra) {
		base.extend(extra);
	}
	patch
}

/// The JSON of the preset `id`.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		#[cfg(all(feature = "runtime-benchmarks", not(feature = "without-guardian")))]
		GUARDED_BENCHMARK_PRESET => guarded_benchmark_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	#[allow(unused_mut)]
	let mut names =
		vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)];
	#[cfg(all(feature = "runtime-benchmarks", not(feature = "without-guardian")))]
	names.push(PresetId::from(GUARDED_BENCHMARK_PRESET));
	names
}
