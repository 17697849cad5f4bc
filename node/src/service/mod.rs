//! The node's service: client, ParityDB backend, transaction pool, networking and RPC, with
//! blocks authored in one of two ways.
//!
//! | consensus | what it is for | file |
//! |---|---|---|
//! | Aura + GRANDPA (`--consensus aura`, the default for every chain but `--dev`) | a network of validators: each authors the blocks of its Aura slots, and GRANDPA finalizes | [`network`] |
//! | instant or manual seal (`--dev`) | one operator's dev chain: a block per transaction or on a timer, final at once | [`dev`] |
//!
//! Both run the same runtime; the dev chain seals blocks with an Aura pre-digest (slot from the
//! timestamp) so the runtime's Aura pallet accepts them, without keys.

pub mod dev;
pub mod network;

use guardian_runtime::{opaque::Block, RuntimeApi};
use sc_executor::WasmExecutor;
use sc_service::{error::Error as ServiceError, Configuration, KeystoreContainer, TaskManager};
use sc_telemetry::{Telemetry, TelemetryWorker};
use std::sync::Arc;

type HostFunctions = sp_io::SubstrateHostFunctions;

/// The full client, executing the runtime's wasm.
pub type FullClient = sc_service::TFullClient<Block, RuntimeApi, WasmExecutor<HostFunctions>>;
/// The backend (ParityDB unless `--database` says otherwise).
pub type FullBackend = sc_service::TFullBackend<Block>;
/// The longest chain rule (GRANDPA's finality then restricts it).
pub type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
/// The transaction pool.
pub type FullPool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;

/// What both kinds of node are built on.
pub struct Core {
	/// The client.
	pub client: Arc<FullClient>,
	/// The backend.
	pub backend: Arc<FullBackend>,
	/// The keystore (the validator's `aura` and `grandpa` keys).
	pub keystore_container: KeystoreContainer,
	/// The tasks.
	pub task_manager: TaskManager,
	/// The chain selection rule.
	pub select_chain: FullSelectChain,
	/// The transaction pool.
	pub transaction_pool: Arc<FullPool>,
	/// Telemetry, if configured.
	pub telemetry: Option<Telemetry>,
}

/// Builds the client, backend, keystore and transaction pool.
pub fn new_core(config: &Configuration) -> Result<Core, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|endpoints| !endpoints.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			// Keep the blocks with a GRANDPA justification when blocks are pruned: warp sync
			// proofs are built from them.
			vec![Arc::new(sc_consensus_grandpa::GrandpaPruningFilter)],
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	Ok(Core {
		client,
		backend,
		keystore_container,
		task_manager,
		select_chain,
		transaction_pool,
		telemetry,
	})
}

/// Whether `config`'s chain is a dev chain (`--dev`): sealed on demand rather than by Aura.
pub fn is_dev(config: &Configuration) -> bool {
	config.chain_spec.chain_type() == sc_service::ChainType::Development
}

/// The client, backend, import queue and tasks of [`new_chain_ops`].
pub type ChainOps =
	(Arc<FullClient>, Arc<FullBackend>, sc_consensus::DefaultImportQueue<Block>, TaskManager);

/// What the chain maintenance subcommands (`check-block`, `import-blocks`, `revert`, ...)
/// need: the client, backend, tasks and the import queue of the chain's consensus.
pub fn new_chain_ops(config: &Configuration) -> Result<ChainOps, ServiceError> {
	if is_dev(config) {
		let core = new_core(config)?;
		let queue = dev::import_queue(&core, config);
		Ok((core.client, core.backend, queue, core.task_manager))
	} else {
		let parts = network::new_partial(config)?;
		Ok((parts.core.client, parts.core.backend, parts.import_queue, parts.core.task_manager))
	}
}

/// The RPC extensions of either kind of node (`E` is sc-rpc's subscription executor, which
/// the node never uses by name).
pub(crate) fn rpc_builder<E>(
	core: &Core,
) -> Box<dyn Fn(E) -> Result<jsonrpsee::RpcModule<()>, ServiceError>> {
	let client = core.client.clone();
	let pool = core.transaction_pool.clone();
	Box::new(move |_| {
		let deps = crate::rpc::FullDeps { client: client.clone(), pool: pool.clone() };
		crate::rpc::create_full(deps).map_err(Into::into)
	})
}

/// Runs the offchain workers (the runtime has none today; kept so that a runtime adding one
/// needs no node change).
pub(crate) fn spawn_offchain_workers(
	core: &Core,
	config: &Configuration,
	network: Arc<dyn sc_network::service::traits::NetworkService>,
) -> Result<(), ServiceError> {
	use futures::FutureExt;
	use sc_client_api::Backend;
	if !config.offchain_worker.enabled {
		return Ok(());
	}
	let offchain_workers = sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
		runtime_api_provider: core.client.clone(),
		is_validator: config.role.is_authority(),
		keystore: Some(core.keystore_container.keystore()),
		offchain_db: core.backend.offchain_storage(),
		transaction_pool: Some(sc_transaction_pool_api::OffchainTransactionPoolFactory::new(
			core.transaction_pool.clone(),
		)),
		// `Arc<dyn NetworkService>` implements `NetworkProvider`, but is no `dyn NetworkProvider`.
		network_provider: Arc::new(network),
		enable_http_requests: false,
		custom_extensions: |_| vec![],
	})?;
	core.task_manager.spawn_handle().spawn(
		"offchain-workers-runner",
		"offchain-worker",
		offchain_workers.run(core.client.clone(), core.task_manager.spawn_handle()).boxed(),
	);
	Ok(())
}
