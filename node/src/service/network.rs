//! A node of a network of validators: Aura block production and GRANDPA finality.
//!
//! * **Import**: blocks from peers are checked by Aura (the slot's author sealed it, the slot
//!   increases, the timestamp matches the slot) and imported through GRANDPA's block import,
//!   which follows authority-set changes and imports justifications.
//! * **Authoring** (`--validator` with an `aura` key in the keystore, e.g. `--alice`): in each
//!   slot whose turn is the node's, it builds a block from its transaction pool and announces
//!   it.
//! * **Finality**: every node runs the GRANDPA voter (validators vote with their `grandpa`
//!   key, full nodes only follow). A block is final once more than two thirds of the
//!   authorities have voted for it or a descendant: with four validators, three suffice, so
//!   the network keeps finalizing with one of them down.
//! * **Warp sync** from GRANDPA's proofs, so a new node needs no replay from genesis.

use super::{Core, FullBackend, FullClient, FullSelectChain};
use guardian_runtime::opaque::Block;
use sc_client_api::BlockBackend;
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_consensus_aura::sr25519::{AuthorityId as AuraId, AuthorityPair as AuraPair};
use sp_runtime::traits::Block as BlockT;
use std::{sync::Arc, time::Duration};

/// How often (in blocks) GRANDPA produces a justification even without an authority-set
/// change, so that a syncing node can prove finality without replaying every vote.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

type GrandpaBlockImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;
type GrandpaLink = sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>;

/// The core, Aura's import queue, and GRANDPA's block import and link.
pub struct Partial {
	/// Client, backend, keystore, tasks, pool.
	pub core: Core,
	/// Aura's import queue, importing through GRANDPA.
	pub import_queue: sc_consensus::DefaultImportQueue<Block>,
	/// GRANDPA's block import (authoring imports its own blocks through it too).
	pub block_import: GrandpaBlockImport,
	/// What the GRANDPA voter needs of the import.
	pub grandpa_link: GrandpaLink,
}

/// The timestamp and Aura slot inherents of a block built now.
fn inherent_data_providers(
	slot_duration: sp_consensus_aura::SlotDuration,
) -> (sp_consensus_aura::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider) {
	let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
	let slot = sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
		*timestamp,
		slot_duration,
	);
	(slot, timestamp)
}

/// Builds the core and the import pipeline (also for the chain maintenance subcommands).
pub fn new_partial(config: &Configuration) -> Result<Partial, ServiceError> {
	let core = super::new_core(config)?;
	let (block_import, grandpa_link) = sc_consensus_grandpa::block_import(
		core.client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&core.client,
		core.select_chain.clone(),
		core.telemetry.as_ref().map(|x| x.handle()),
	)?;

	let client = core.client.clone();
	let import_queue =
		sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(ImportQueueParams {
			block_import: block_import.clone(),
			justification_import: Some(Box::new(block_import.clone())),
			client: core.client.clone(),
			create_inherent_data_providers: move |parent: <Block as BlockT>::Hash, ()| {
				let client = client.clone();
				async move {
					let slot_duration =
						sc_consensus_aura::standalone::slot_duration_at::<AuraId, Block, _>(
							&*client, parent,
						)?;
					Ok(inherent_data_providers(slot_duration))
				}
			},
			spawner: &core.task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			check_for_equivocation: Default::default(),
			telemetry: core.telemetry.as_ref().map(|x| x.handle()),
			compatibility_mode: Default::default(),
		})?;

	Ok(Partial { core, import_queue, block_import, grandpa_link })
}

/// Builds and starts a node of the network: authoring with Aura when it is a validator, and
/// the GRANDPA voter.
pub async fn new_full<Network: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>>(
	config: Configuration,
) -> Result<TaskManager, ServiceError> {
	let Partial { mut core, import_queue, block_import, grandpa_link } = new_partial(&config)?;

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as BlockT>::Hash,
		Network,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = Network::register_notification_metrics(config.prometheus_registry());

	let genesis = core
		.client
		.block_hash(0)
		.ok()
		.flatten()
		.ok_or_else(|| ServiceError::Other("the genesis block is missing".into()))?;
	let grandpa_protocol_name =
		sc_consensus_grandpa::protocol_standard_name(&genesis, &config.chain_spec);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, Network>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			net_config.peer_store_handle(),
		);
	net_config.add_notification_protocol(grandpa_protocol_config);

	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		core.backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::default(),
	));

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: core.client.clone(),
			transaction_pool: core.transaction_pool.clone(),
			spawn_handle: core.task_manager.spawn_handle(),
			spawn_essential_handle: core.task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config: Some(WarpSyncConfig::WithProvider(warp_sync)),
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	super::spawn_offchain_workers(&core, &config, network.clone())?;

	let role = config.role;
	let force_authoring = config.force_authoring;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();

	let rpc_builder = super::rpc_builder(&core);
	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: network.clone(),
		client: core.client.clone(),
		keystore: core.keystore_container.keystore(),
		task_manager: &mut core.task_manager,
		transaction_pool: core.transaction_pool.clone(),
		rpc_builder,
		backend: core.backend.clone(),
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: core.telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	let Core {
		client,
		keystore_container,
		task_manager,
		select_chain,
		transaction_pool,
		telemetry,
		..
	} = core;

	if role.is_authority() {
		let proposer_factory = sc_basic_authorship::ProposerFactory::new(
			task_manager.spawn_handle(),
			client.clone(),
			transaction_pool.clone(),
			prometheus_registry.as_ref(),
			telemetry.as_ref().map(|x| x.handle()),
		);
		let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
		let aura = sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(
			StartAuraParams {
				slot_duration,
				client,
				select_chain,
				block_import,
				proposer_factory,
				create_inherent_data_providers: move |_, ()| async move {
					Ok(inherent_data_providers(slot_duration))
				},
				force_authoring,
				backoff_authoring_blocks: Option::<()>::None,
				keystore: keystore_container.keystore(),
				sync_oracle: sync_service.clone(),
				justification_sync_link: sync_service.clone(),
				block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
				max_block_proposal_slot_portion: None,
				telemetry: telemetry.as_ref().map(|x| x.handle()),
				compatibility_mode: Default::default(),
			},
		)?;
		// Essential: if authoring fails, the node stops rather than idling as a validator.
		task_manager.spawn_essential_handle().spawn_blocking("aura", Some("block-authoring"), aura);
	}

	if enable_grandpa {
		// Only a validator votes (with the keystore's `grandpa` key); others follow.
		let keystore = role.is_authority().then(|| keystore_container.keystore());
		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: Duration::from_millis(333),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			protocol_name: grandpa_protocol_name,
		};
		let voter = sc_consensus_grandpa::run_grandpa_voter(sc_consensus_grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: Arc::new(sync_service),
			notification_service: grandpa_notification_service,
			voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
			prometheus_registry,
			shared_voter_state: SharedVoterState::empty(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		})?;
		task_manager.spawn_essential_handle().spawn_blocking("grandpa-voter", None, voter);
	}

	Ok(task_manager)
}
