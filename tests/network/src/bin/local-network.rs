//! `scripts/local-network.sh`: starts the local network of the multi-node tests — validators
//! Alice, Bob, Charlie and Dave (Aura and GRANDPA) and the full node Eve, on 127.0.0.1 — prints
//! each node's JSON-RPC address (for polkadot.js apps or the guardian-watcher agent), and stops
//! it on Ctrl-C.

use guardian_network_tests::{LocalNetwork, Result};

#[tokio::main]
async fn main() -> Result<()> {
	let network = LocalNetwork::start().await?;
	for node in &network.nodes {
		println!("{:8} {}", node.name, node.uri);
	}
	println!("the network runs until Ctrl-C");
	tokio::signal::ctrl_c().await?;
	network.stop().await
}
