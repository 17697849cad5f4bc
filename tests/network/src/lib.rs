//! A local network of the template chain for the multi-node tests: four validators (Alice,
//! Bob, Charlie, Dave: Aura and GRANDPA, the `local_testnet` preset) and one full node (Eve),
//! launched by zombienet-sdk's native provider with the real `guardian-node` binary, every
//! port on 127.0.0.1, and a JSON-RPC client per node.
//!
//! Transactions are built and signed with the runtime's own types (its call enum and its
//! transaction extensions), exactly as a wallet does, and submitted to the node a test chooses.
//! Nothing here assumes more than a wallet would: answers come from the nodes' RPC (headers,
//! storage, runtime API calls, pool submission).
//!
//! The network is torn down when [`LocalNetwork`] is dropped — also when a test panics (the
//! native provider kills its processes on drop) — and explicitly by [`LocalNetwork::stop`].

use codec::{Decode, Encode};
use guardian_runtime::{
	AccountId, BlockNumber, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic,
};
use jsonrpsee::{
	core::client::{ClientT, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use sp_core::{Pair, H256};
use sp_keyring::Sr25519Keyring as Keyring;
use sp_runtime::{generic::Era, MultiAddress};
use std::time::{Duration, Instant};
use zombienet_sdk::{Network, NetworkConfigBuilder, NetworkConfigExt};

pub use zombienet_sdk::LocalFileSystem;

/// The validators, in `local_testnet`'s order, and the full node.
pub const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];
/// The full node (no keys: it follows and serves RPC).
pub const FULL_NODE: &str = "eve";

/// A test failure, with what was being waited for.
pub type Error = Box<dyn std::error::Error + Send + Sync>;
/// A test step's result.
pub type Result<T> = std::result::Result<T, Error>;

/// The `guardian-node` binary the tests run (`GUARDIAN_NODE`, or the workspace build).
pub fn node_binary() -> String {
	std::env::var("GUARDIAN_NODE").unwrap_or_else(|_| {
		let target = std::env::var("CARGO_TARGET_DIR")
			.unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../target").into());
		format!("{target}/debug/guardian-node")
	})
}

/// The running network and a client per node.
pub struct LocalNetwork {
	network: Option<Network<LocalFileSystem>>,
	/// The nodes' directory (chain spec, base paths, logs), removed with the network.
	base_dir: Option<std::path::PathBuf>,
	/// Every node, validators first.
	pub nodes: Vec<Node>,
}

impl Drop for LocalNetwork {
	/// Kills the nodes (the native provider does on drop) and removes their directory, also
	/// when a test fails.
	fn drop(&mut self) {
		drop(self.network.take());
		if let Some(dir) = self.base_dir.take() {
			let _ = std::fs::remove_dir_all(dir);
		}
	}
}

/// One node: its name and its JSON-RPC client.
pub struct Node {
	/// Its zombienet name (`alice` .. `eve`).
	pub name: String,
	/// Its JSON-RPC address (`ws://127.0.0.1:<port>`).
	pub uri: String,
	rpc: WsClient,
}

impl LocalNetwork {
	/// Spawns the four validators and the full node and waits until every node answers.
	pub async fn start() -> Result<Self> {
		let binary = node_binary();
		if !std::path::Path::new(&binary).exists() {
			return Err(format!("no guardian-node at {binary}: build it first").into());
		}
		let config = NetworkConfigBuilder::new()
			.with_relaychain(|chain| {
				let chain = chain
					.with_chain("local")
					.with_default_command(binary.as_str())
					// Loopback only: p2p, RPC (the native provider adds no external RPC) and
					// Prometheus (zombienet's readiness check reads it locally).
					.with_default_args(vec![
						"-:--prometheus-external".into(),
						("--listen-addr", "/ip4/127.0.0.1/tcp/0/ws").into(),
						("--log", "info,grandpa=warn,sync=warn").into(),
					]);
				// The first validator changes the builder's type; the rest add to it.
				let [first, rest @ ..] = VALIDATORS;
				let chain = chain.with_validator(|node| node.with_name(first));
				let chain = rest
					.iter()
					.fold(chain, |chain, name| chain.with_validator(|node| node.with_name(*name)));
				chain.with_fullnode(|node| node.with_name(FULL_NODE))
			})
			.with_global_settings(|settings| {
				settings.with_local_ip("127.0.0.1").with_network_spawn_timeout(300)
			})
			.build()
			.map_err(|errors| format!("zombienet config: {errors:?}"))?;
		let network = config.spawn_native().await?;
		let mut nodes = Vec::new();
		for name in VALIDATORS.iter().chain([FULL_NODE].iter()) {
			let node = network.get_node(*name)?;
			node.wait_until_is_up(120u64).await?;
			nodes.push(Node::connect(name, node.ws_uri()).await?);
		}
		let base_dir = network.base_dir().map(std::path::PathBuf::from);
		Ok(Self { network: Some(network), base_dir, nodes })
	}

	/// The node called `name`.
	pub fn node(&self, name: &str) -> &Node {
		self.nodes.iter().find(|node| node.name == name).expect("a node of the network")
	}

	/// Stops `name`'s process (its base path stays), runs `while_down`, then starts it again on
	/// the same base path and reconnects its client.
	pub async fn with_node_down<T>(
		&mut self,
		name: &str,
		while_down: impl AsyncFnOnce(&LocalNetwork) -> Result<T>,
	) -> Result<T> {
		let network = self.network.as_ref().ok_or("the network was stopped")?;
		let node = network.get_node(name)?;
		node.pause().await?;
		let outcome = while_down(self).await;
		// Restart (not just resume): a new process on the same base path, as an operator
		// restarting a crashed validator.
		node.restart(None).await?;
		node.wait_until_is_up(120u64).await?;
		let client = Node::connect(name, node.ws_uri()).await?;
		if let Some(slot) = self.nodes.iter_mut().find(|n| n.name == name) {
			*slot = client;
		}
		outcome
	}

	/// Waits until `check` holds on every node, returning what each gave; `what` names it.
	pub async fn on_every_node<T>(
		&self,
		what: &str,
		timeout: Duration,
		check: impl AsyncFn(&Node) -> Result<Option<T>>,
	) -> Result<Vec<T>> {
		let mut found = Vec::new();
		for node in &self.nodes {
			found.push(node.wait_for(what, timeout, async || check(node).await).await?);
		}
		Ok(found)
	}

	/// Tears the network down (also done on drop).
	pub async fn stop(mut self) -> Result<()> {
		if let Some(network) = self.network.take() {
			network.destroy().await?;
		}
		Ok(())
	}
}

/// A finalized block as a node reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finalized {
	/// Its hash.
	pub hash: H256,
	/// Its number.
	pub number: BlockNumber,
}

impl Node {
	async fn connect(name: &str, uri: &str) -> Result<Self> {
		let rpc =
			WsClientBuilder::default().request_timeout(Duration::from_secs(60)).build(uri).await?;
		Ok(Self { name: name.into(), uri: uri.into(), rpc })
	}

	/// Polls `probe` until it gives a value, or fails after `timeout`.
	pub async fn wait_for<T>(
		&self,
		what: &str,
		timeout: Duration,
		mut probe: impl AsyncFnMut() -> Result<Option<T>>,
	) -> Result<T> {
		let start = Instant::now();
		loop {
			if let Some(value) = probe().await? {
				return Ok(value);
			}
			if start.elapsed() > timeout {
				return Err(format!("{}: no {what} within {timeout:?}", self.name).into());
			}
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
	}

	/// The node's finalized head.
	pub async fn finalized(&self) -> Result<Finalized> {
		let hash: H256 = self.rpc.request("chain_getFinalizedHead", rpc_params![]).await?;
		Ok(Finalized { hash, number: self.number_of(hash).await? })
	}

	/// The node's best block number.
	pub async fn best_number(&self) -> Result<BlockNumber> {
		let header: serde_json::Value = self.rpc.request("chain_getHeader", rpc_params![]).await?;
		parse_number(&header)
	}

	/// The number of block `hash`.
	pub async fn number_of(&self, hash: H256) -> Result<BlockNumber> {
		let header: serde_json::Value =
			self.rpc.request("chain_getHeader", rpc_params![hash]).await?;
		parse_number(&header)
	}

	/// The hash of block `number` on the node's chain, if it has one.
	pub async fn hash_of(&self, number: BlockNumber) -> Result<Option<H256>> {
		Ok(self.rpc.request("chain_getBlockHash", rpc_params![number]).await?)
	}

	/// The raw value at storage `key` at block `at`.
	pub async fn storage(&self, key: &[u8], at: H256) -> Result<Option<Vec<u8>>> {
		let value: Option<sp_core::Bytes> = self
			.rpc
			.request("state_getStorage", rpc_params![sp_core::Bytes(key.to_vec()), at])
			.await?;
		Ok(value.map(|bytes| bytes.0))
	}

	/// The raw answer of runtime API `method` (e.g. `GuardianApi_active_pauses`) at `at`.
	pub async fn api_raw(&self, method: &str, args: impl Encode, at: H256) -> Result<Vec<u8>> {
		let bytes: sp_core::Bytes = self
			.rpc
			.request("state_call", rpc_params![method, sp_core::Bytes(args.encode()), at])
			.await?;
		Ok(bytes.0)
	}

	/// Runtime API `method` at `at`, decoded.
	pub async fn api<R: Decode>(&self, method: &str, args: impl Encode, at: H256) -> Result<R> {
		let bytes = self.api_raw(method, args, at).await?;
		Ok(R::decode(&mut &bytes[..])?)
	}

	/// The next nonce of `who`, pool included.
	pub async fn nonce(&self, who: &AccountId) -> Result<u32> {
		Ok(self.rpc.request("system_accountNextIndex", rpc_params![who.to_string()]).await?)
	}

	/// `who` signs `call` with the nonce this node gives, as a wallet would.
	pub async fn sign(&self, who: Keyring, call: RuntimeCall) -> Result<UncheckedExtrinsic> {
		let nonce = self.nonce(&who.to_account_id()).await?;
		self.sign_with_nonce(who, call, nonce).await
	}

	/// `who` signs `call` with `nonce`.
	pub async fn sign_with_nonce(
		&self,
		who: Keyring,
		call: RuntimeCall,
		nonce: u32,
	) -> Result<UncheckedExtrinsic> {
		let genesis: H256 = self.rpc.request("chain_getBlockHash", rpc_params![0]).await?;
		let version: serde_json::Value =
			self.rpc.request("state_getRuntimeVersion", rpc_params![]).await?;
		let field = |name: &str| {
			version[name].as_u64().map(|v| v as u32).ok_or(format!("no {name} in runtime version"))
		};
		let (spec_version, tx_version) = (field("specVersion")?, field("transactionVersion")?);
		let extension: TxExtension = (
			frame_system::CheckNonZeroSender::new(),
			frame_system::CheckSpecVersion::new(),
			frame_system::CheckTxVersion::new(),
			frame_system::CheckGenesis::new(),
			frame_system::CheckEra::from(Era::Immortal),
			frame_system::CheckNonce::from(nonce),
			frame_system::CheckWeight::new(),
			(
				pallet_guardian::CheckPaused::new(),
				pallet_guardian::CheckVelocity::new(),
				pallet_guardian::WatchTransaction::new(),
			),
			pallet_transaction_payment::ChargeTransactionPayment::from(0),
			frame_metadata_hash_extension::CheckMetadataHash::new(false),
			frame_system::WeightReclaim::new(),
		);
		let implicit =
			((), spec_version, tx_version, genesis, genesis, (), (), ((), (), ()), (), None, ());
		let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
		let signature = payload.using_encoded(|bytes| who.pair().sign(bytes));
		Ok(UncheckedExtrinsic::new_signed(
			call,
			MultiAddress::Id(who.to_account_id()),
			signature.into(),
			extension,
		))
	}

	/// Submits `xt` to this node's pool: its hash, or the pool's refusal as the node words it
	/// (e.g. `Invalid Transaction ... Custom error: 180`).
	pub async fn submit(&self, xt: &UncheckedExtrinsic) -> std::result::Result<H256, String> {
		self.rpc
			.request::<H256, _>("author_submitExtrinsic", rpc_params![sp_core::Bytes(xt.encode())])
			.await
			.map_err(|error| error.to_string())
	}

	/// Submits `xt` and waits until a block including it is finalized; returns that block.
	pub async fn submit_and_finalize(&self, xt: &UncheckedExtrinsic) -> Result<Finalized> {
		let mut statuses = self
			.rpc
			.subscribe::<serde_json::Value, _>(
				"author_submitAndWatchExtrinsic",
				rpc_params![sp_core::Bytes(xt.encode())],
				"author_unwatchExtrinsic",
			)
			.await?;
		let deadline = Duration::from_secs(120);
		loop {
			let status = tokio::time::timeout(deadline, statuses.next())
				.await
				.map_err(|_| format!("{}: not finalized within {deadline:?}", self.name))?
				.ok_or("the subscription ended")??;
			if let Some(hash) = status.get("finalized") {
				let hash: H256 = serde_json::from_value(hash.clone())?;
				return Ok(Finalized { hash, number: self.number_of(hash).await? });
			}
			if status.get("invalid").is_some()
				|| status.get("dropped").is_some()
				|| status.get("usurped").is_some()
			{
				return Err(format!("{}: transaction {status}", self.name).into());
			}
		}
	}
}

fn parse_number(header: &serde_json::Value) -> Result<BlockNumber> {
	let hex = header["number"].as_str().ok_or("a header without a number")?;
	Ok(BlockNumber::from_str_radix(hex.trim_start_matches("0x"), 16)?)
}

/// The storage key of a plain storage value `pallet::item`.
pub fn value_key(pallet: &str, item: &str) -> Vec<u8> {
	frame_support::storage::storage_prefix(pallet.as_bytes(), item.as_bytes()).to_vec()
}

/// A `sudo(call)` by Alice.
pub fn sudo(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) })
}

/// The pallet-level pause target `pallet`.
pub fn pallet_target(pallet: &str) -> pallet_guardian::PauseTargetInput {
	pallet_guardian::PauseTarget::Pallet { pallet: pallet.as_bytes().to_vec() }
}
