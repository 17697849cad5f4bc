//! Observability: what the agent measures in every block it follows, as named signals.
//!
//! | signal | one sample per block |
//! |---|---|
//! | `outflow:<account>` | what a guarded account (`Guardian::Guards`) sent in `Balances.Transfer` events, in tokens |
//! | `transfer_volume` | every `Balances.Transfer` of the block, in tokens |
//! | `issuance_delta` | the change of `Balances::TotalIssuance`, in tokens |
//! | `calls:<pallet>` | the block's extrinsics calling each pallet (every pallet with calls, zero included) |
//! | `pool:<pallet>`, `pool_size` | the node's pending transactions (`author_pendingExtrinsics`), decoded |
//! | `oracle:<key>` | each `Oracle::Values` entry's value |
//! | `block_time` | milliseconds since the parent (`Timestamp::Now`) |
//! | `finality_lag` | best block number − finalized block number |
//!
//! Everything is decoded from the node's metadata at that block (dynamically), so a runtime
//! upgrade that keeps these names keeps the agent working; a storage item or event the runtime
//! lacks is skipped, and anything that does not decode is logged and counted, never fatal.

use std::collections::BTreeMap;
use subxt::{
	backend::{legacy::LegacyRpcMethods, rpc::RpcClient},
	blocks::Block,
	dynamic::{At, Value},
	ext::subxt_core,
	OnlineClient, PolkadotConfig,
};

/// The client the agent uses.
pub type Client = OnlineClient<PolkadotConfig>;
/// A block as the agent follows it.
pub type FollowedBlock = Block<PolkadotConfig, Client>;

/// A balances event the agent reads.
#[derive(Debug, subxt::ext::scale_decode::DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Transfer {
	from: subxt::utils::AccountId32,
	#[allow(dead_code)]
	to: subxt::utils::AccountId32,
	amount: u128,
}

impl subxt::events::StaticEvent for Transfer {
	const PALLET: &'static str = "Balances";
	const EVENT: &'static str = "Transfer";
}

/// State carried from block to block (previous values for the deltas).
#[derive(Default)]
pub struct Tracker {
	issuance: Option<u128>,
	timestamp: Option<(u64, u128)>,
	/// Pending extrinsics that did not decode, in total.
	pub malformed: u64,
	/// The guardian's events seen, for the log.
	pub guardian_events: Vec<String>,
}

/// The samples of one block.
pub struct Samples {
	/// The block number.
	pub number: u64,
	/// Each signal's value.
	pub values: BTreeMap<String, f64>,
}

/// What one token is in the chain's smallest unit (from `tokenDecimals`).
#[derive(Clone, Copy)]
pub struct Unit(pub f64);

impl Unit {
	fn tokens(&self, planck: u128) -> f64 {
		planck as f64 / self.0
	}
}

/// Measures every signal at `block`.
pub async fn measure(
	client: &Client,
	rpc: &RpcClient,
	legacy: &LegacyRpcMethods<PolkadotConfig>,
	block: &FollowedBlock,
	unit: Unit,
	tracker: &mut Tracker,
) -> Result<Samples, subxt::Error> {
	let number: u64 = block.number().into();
	let mut values = BTreeMap::new();
	let storage = block.storage();

	// Guarded accounts: the keys of Guardian::Guards (Blake2_128Concat: the account is the
	// key's last 32 bytes).
	let mut guarded = Vec::new();
	if let Ok(mut keys) = storage.iter(subxt::dynamic::storage("Guardian", "Guards", ())).await {
		while let Some(Ok(pair)) = keys.next().await {
			if let Some(account) =
				pair.key_bytes.len().checked_sub(32).map(|at| &pair.key_bytes[at..])
			{
				let mut id = [0u8; 32];
				id.copy_from_slice(account);
				guarded.push(subxt::utils::AccountId32(id));
			}
		}
	}
	for account in &guarded {
		values.insert(format!("outflow:{account}"), 0.0);
	}

	// Events: transfers (outflows, volume) and the guardian's own.
	tracker.guardian_events.clear();
	let events = block.events().await?;
	let mut volume = 0u128;
	for event in events.iter() {
		let Ok(event) = event else {
			log::warn!("block {number}: an event did not decode");
			continue;
		};
		if let Ok(Some(transfer)) = event.as_event::<Transfer>() {
			volume = volume.saturating_add(transfer.amount);
			if guarded.contains(&transfer.from) {
				*values.entry(format!("outflow:{}", transfer.from)).or_default() +=
					unit.tokens(transfer.amount);
			}
		} else if event.pallet_name() == "Guardian" {
			let fields = event.field_values().map(|f| f.to_string()).unwrap_or_default();
			tracker.guardian_events.push(format!("Guardian.{} {fields}", event.variant_name()));
		}
	}
	values.insert("transfer_volume".into(), unit.tokens(volume));

	// Calls per pallet, every pallet with calls (a zero is a sample too).
	let metadata = client.metadata();
	for pallet in metadata.pallets() {
		if pallet.call_ty_id().is_some() {
			values.insert(format!("calls:{}", pallet.name()), 0.0);
		}
	}
	let extrinsics = block.extrinsics().await?;
	for extrinsic in extrinsics.iter() {
		if let Ok(pallet) = extrinsic.pallet_name() {
			*values.entry(format!("calls:{pallet}")).or_default() += 1.0;
		}
	}

	// The pool: pending transactions, decoded one by one (a malformed one is counted).
	let pool: Vec<String> = rpc
		.request("author_pendingExtrinsics", subxt::ext::subxt_rpcs::rpc_params![])
		.await
		.unwrap_or_default();
	values.insert("pool_size".into(), pool.len() as f64);
	for hex_bytes in pool {
		match pallet_of_pending(&hex_bytes, &metadata) {
			Ok(pallet) => *values.entry(format!("pool:{pallet}")).or_default() += 1.0,
			Err(error) => {
				tracker.malformed = tracker.malformed.saturating_add(1);
				log::warn!("block {number}: a pending extrinsic did not decode: {error}");
			}
		}
	}

	// The issuance's change.
	let issuance = fetch_u128(&storage, "Balances", "TotalIssuance").await;
	if let (Some(now), Some(before)) = (issuance, tracker.issuance) {
		let delta = unit.tokens(now.abs_diff(before));
		values.insert("issuance_delta".into(), if now >= before { delta } else { -delta });
	}
	tracker.issuance = issuance.or(tracker.issuance);

	// Block time, from the timestamp of consecutive blocks.
	if let Some(now) = fetch_u128(&storage, "Timestamp", "Now").await {
		if let Some((previous, then)) = tracker.timestamp {
			if number == previous.saturating_add(1) {
				values.insert("block_time".into(), now.saturating_sub(then) as f64);
			}
		}
		tracker.timestamp = Some((number, now));
	}

	// Oracle values.
	if let Ok(mut entries) = storage.iter(subxt::dynamic::storage("Oracle", "Values", ())).await {
		while let Some(Ok(pair)) = entries.next().await {
			let Ok(value) = pair.value.to_value() else { continue };
			if let Some(number) = value.at("value").and_then(|v| v.as_u128()) {
				let key = hex::encode(&pair.key_bytes[pair.key_bytes.len().saturating_sub(4)..]);
				values.insert(format!("oracle:{key}"), number as f64);
			}
		}
	}

	// Finality lag.
	if let Ok(finalized) = legacy.chain_get_finalized_head().await {
		if let Ok(Some(header)) = legacy.chain_get_header(Some(finalized)).await {
			values.insert(
				"finality_lag".into(),
				number.saturating_sub(u64::from(header.number)) as f64,
			);
		}
	}

	Ok(Samples { number, values })
}

/// The pallet a pending extrinsic (hex, as `author_pendingExtrinsics` gives it) calls, decoded
/// with `metadata`; an error for anything that is not a well-formed extrinsic of this runtime.
pub fn pallet_of_pending(hex_bytes: &str, metadata: &subxt::Metadata) -> Result<String, String> {
	let bytes = hex::decode(hex_bytes.trim_start_matches("0x")).map_err(|e| e.to_string())?;
	let decoded = subxt_core::blocks::Extrinsics::<PolkadotConfig>::decode_from(
		vec![bytes],
		metadata.clone(),
	)
	.map_err(|e| e.to_string())?;
	let extrinsic = decoded.iter().next().ok_or("no extrinsic")?;
	extrinsic.pallet_name().map(str::to_string).map_err(|e| e.to_string())
}

/// A `u128`-like storage value (`TotalIssuance`, `Now`), if the runtime has it.
async fn fetch_u128(
	storage: &subxt::storage::Storage<PolkadotConfig, Client>,
	pallet: &str,
	entry: &str,
) -> Option<u128> {
	let address = subxt::dynamic::storage(pallet, entry, Vec::<Value>::new());
	let value = storage.fetch(&address).await.ok()??;
	value.to_value().ok()?.as_u128()
}

#[cfg(test)]
mod tests {
	use super::pallet_of_pending;
	use codec::{Decode, Encode};
	use guardian_runtime::{Runtime, RuntimeCall, UncheckedExtrinsic};

	/// The template runtime's own metadata (v15), as a node serves it.
	fn metadata() -> subxt::Metadata {
		let opaque = Runtime::metadata_at_version(15).expect("v15 metadata");
		subxt::Metadata::decode(&mut &opaque[..]).expect("subxt decodes the runtime's metadata")
	}

	#[test]
	fn pending_extrinsics_are_decoded_and_malformed_ones_are_errors_not_panics() {
		let metadata = metadata();
		let call = RuntimeCall::Timestamp(pallet_timestamp::Call::set { now: 6_000 });
		let good = UncheckedExtrinsic::new_bare(call).encode();
		let hex_good = format!("0x{}", hex::encode(&good));
		assert_eq!(pallet_of_pending(&hex_good, &metadata), Ok("Timestamp".to_string()));
		// Malformed: not hex, empty, truncated, garbage.
		let truncated = format!("0x{}", hex::encode(&good[..good.len() / 2]));
		let garbage = format!("0x{}", hex::encode([0xff_u8; 64]));
		for bad in ["zz", "0x", truncated.as_str(), garbage.as_str()] {
			assert!(pallet_of_pending(bad, &metadata).is_err(), "{bad}");
		}
	}
}
