//! The dev node (`--dev`): blocks sealed on demand — instant seal (a block per transaction) or
//! manual seal on a timer — and final at once, without keys or peers.
//!
//! The runtime runs Aura, which requires every block's slot (from its pre-runtime digest) to
//! increase and to match its timestamp. A dev block's timestamp is therefore the start of the
//! current slot, or of the slot after its parent's when blocks come faster than slots: with
//! instant seal or a timer shorter than a slot, the chain's clock runs ahead of the wall clock
//! by a slot per block. It is taken from the parent block, not from memory, so a node restarted
//! on its base path goes on from where its chain's clock stands. Nothing in the guardian depends
//! on wall-clock time (its windows and pauses count blocks).

use super::{Core, FullClient};
use crate::cli::Consensus;
use guardian_runtime::opaque::Block;
use sc_consensus_manual_seal::consensus::aura::AuraConsensusDataProvider;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager};
use sp_consensus_aura::{sr25519::AuthoritySignature, SlotDuration};
use sp_runtime::traits::Block as BlockT;

/// The import queue of a dev chain: blocks are the node's own, imported as sealed.
pub fn import_queue(
	core: &Core,
	config: &Configuration,
) -> sc_consensus::DefaultImportQueue<Block> {
	sc_consensus_manual_seal::import_queue(
		Box::new(core.client.clone()),
		&core.task_manager.spawn_essential_handle(),
		config.prometheus_registry(),
	)
}

/// The timestamp of a block built on `parent`: the start of the current slot, or of the slot
/// after `parent`'s (from its Aura pre-digest) if that is later.
fn next_timestamp(
	client: &FullClient,
	parent: <Block as BlockT>::Hash,
	slot_duration: SlotDuration,
) -> Result<sp_timestamp::Timestamp, Box<dyn std::error::Error + Send + Sync>> {
	let header = client.header(parent)?.ok_or("the parent block's header is missing")?;
	let parent_slot = sc_consensus_aura::find_pre_digest::<Block, AuthoritySignature>(&header)?;
	let slot = slot_duration.as_millis().max(1);
	let now = sp_timestamp::Timestamp::current().as_millis() / slot;
	let next = now.max(u64::from(parent_slot).saturating_add(1));
	Ok(next.saturating_mul(slot).into())
}

/// Builds and starts a dev node authoring blocks by `consensus` (instant or manual seal).
pub async fn new_full<Network: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>>(
	config: Configuration,
	consensus: Consensus,
) -> Result<TaskManager, ServiceError> {
	if consensus == Consensus::Aura {
		return Err(ServiceError::Other(
			"a dev chain (--dev) is sealed on demand: use --consensus instant-seal or \
			 manual-seal-<ms>, or run --chain local for Aura and GRANDPA"
				.into(),
		));
	}

	let mut core = super::new_core(&config)?;
	let import_queue = import_queue(&core, &config);

	let net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as BlockT>::Hash,
		Network,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = Network::register_notification_metrics(config.prometheus_registry());

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
			warp_sync_config: None,
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	super::spawn_offchain_workers(&core, &config, network.clone())?;

	let prometheus_registry = config.prometheus_registry().cloned();
	let rpc_builder = super::rpc_builder(&core);
	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network,
		client: core.client.clone(),
		keystore: core.keystore_container.keystore(),
		task_manager: &mut core.task_manager,
		transaction_pool: core.transaction_pool.clone(),
		rpc_builder,
		backend: core.backend.clone(),
		system_rpc_tx,
		tx_handler_controller,
		sync_service,
		config,
		telemetry: core.telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	let Core { client, task_manager, select_chain, transaction_pool, telemetry, .. } = core;
	let proposer = sc_basic_authorship::ProposerFactory::new(
		task_manager.spawn_handle(),
		client.clone(),
		transaction_pool.clone(),
		prometheus_registry.as_ref(),
		telemetry.as_ref().map(|x| x.handle()),
	);

	let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
	let create_inherent_data_providers = {
		let client = client.clone();
		move |parent, ()| {
			let timestamp = next_timestamp(&client, parent, slot_duration);
			async move { timestamp.map(sp_timestamp::InherentDataProvider::new) }
		}
	};
	let aura_digest =
		|| -> Option<Box<dyn sc_consensus_manual_seal::ConsensusDataProvider<Block>>> {
			Some(Box::new(AuraConsensusDataProvider::<Block>::new_with_slot_duration(
				slot_duration,
			)))
		};

	match consensus {
		Consensus::InstantSeal => {
			let params = sc_consensus_manual_seal::InstantSealParams {
				block_import: client.clone(),
				env: proposer,
				client,
				pool: transaction_pool,
				select_chain,
				consensus_data_provider: aura_digest(),
				create_inherent_data_providers,
			};
			task_manager.spawn_essential_handle().spawn_blocking(
				"instant-seal",
				None,
				sc_consensus_manual_seal::run_instant_seal_and_finalize(params),
			);
		}
		Consensus::ManualSeal(block_time) => {
			let (mut sink, commands_stream) = futures::channel::mpsc::channel(1024);
			task_manager.spawn_handle().spawn("block-timer", None, async move {
				loop {
					futures_timer::Delay::new(std::time::Duration::from_millis(block_time)).await;
					let command = sc_consensus_manual_seal::EngineCommand::SealNewBlock {
						create_empty: true,
						finalize: true,
						parent_hash: None,
						sender: None,
					};
					if sink.try_send(command).is_err() {
						log::warn!("block authoring is behind; skipping a tick");
					}
				}
			});
			let params = sc_consensus_manual_seal::ManualSealParams {
				block_import: client.clone(),
				env: proposer,
				client,
				pool: transaction_pool,
				select_chain,
				commands_stream: Box::pin(commands_stream),
				consensus_data_provider: aura_digest(),
				create_inherent_data_providers,
			};
			task_manager.spawn_essential_handle().spawn_blocking(
				"manual-seal",
				None,
				sc_consensus_manual_seal::run_manual_seal(params),
			);
		}
		Consensus::Aura => unreachable!("refused above"),
	}

	Ok(task_manager)
}
