//! Following a node: connect, follow best blocks, measure, judge, act — and when the node goes
//! away (a restart, a network error), say so and reconnect with a growing back-off, keeping
//! every learned baseline. A runtime upgrade is followed (the client's metadata is updated)
//! and logged.

use crate::{
	detector::Detector,
	execute::{Metrics, Reporter},
	signals::{self, Client, Tracker, Unit},
};
use std::time::Duration;
use subxt::{
	backend::{legacy::LegacyRpcMethods, rpc::RpcClient},
	PolkadotConfig,
};

/// Everything the agent keeps across connections.
pub struct Agent {
	/// The node's WebSocket address.
	pub url: String,
	/// The baselines.
	pub detector: Detector,
	/// What to report.
	pub reporter: Reporter,
	/// The metrics.
	pub metrics: Metrics,
	/// Deltas' previous values.
	pub tracker: Tracker,
	/// Findings so far (for the summary line).
	pub findings: u64,
}

impl Agent {
	/// Runs forever: follows the node, reconnecting whenever the connection ends.
	pub async fn run(&mut self) {
		let mut backoff = Duration::from_millis(500);
		loop {
			match self.follow().await {
				Ok(()) => log::warn!("{}: the block subscription ended; reconnecting", self.url),
				Err(error) => {
					log::warn!("{}: {error}; reconnecting in {backoff:?}", self.url)
				}
			}
			self.metrics.reconnects.inc();
			tokio::time::sleep(backoff).await;
			backoff = (backoff * 2).min(Duration::from_secs(10));
			// A fresh connection starts deltas afresh (a restarted node may be elsewhere).
			self.tracker = Tracker::default();
		}
	}

	/// One connection: returns when it ends.
	pub async fn follow(&mut self) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
		let rpc = RpcClient::from_url(&self.url).await?;
		let legacy = LegacyRpcMethods::<PolkadotConfig>::new(rpc.clone());
		let client = Client::from_rpc_client(rpc.clone()).await?;
		let unit = Unit(10f64.powi(token_decimals(&legacy).await));
		let mut spec_version = client.runtime_version().spec_version;
		log::info!(
			"connected to {} ({}), runtime spec_version {spec_version}",
			self.url,
			legacy.system_chain().await.unwrap_or_default()
		);
		let updater = client.updater();
		let upgrades = tokio::spawn(async move { updater.perform_runtime_updates().await });
		let mut blocks = client.blocks().subscribe_best().await?;
		let outcome = loop {
			let Some(block) = blocks.next().await else { break Ok(()) };
			let block = match block {
				Ok(block) => block,
				Err(error) => break Err(error.into()),
			};
			let version = client.runtime_version().spec_version;
			if version != spec_version {
				log::warn!("runtime upgraded: spec_version {spec_version} → {version}");
				spec_version = version;
			}
			if let Err(error) = self.judge(&client, &rpc, &legacy, &block, unit).await {
				log::warn!("block {}: not measured: {error}", block.number());
			}
		};
		upgrades.abort();
		outcome
	}

	async fn judge(
		&mut self,
		client: &Client,
		rpc: &RpcClient,
		legacy: &LegacyRpcMethods<PolkadotConfig>,
		block: &signals::FollowedBlock,
		unit: Unit,
	) -> Result<(), subxt::Error> {
		let malformed_before = self.tracker.malformed;
		let samples = signals::measure(client, rpc, legacy, block, unit, &mut self.tracker).await?;
		for event in &self.tracker.guardian_events {
			log::info!("block {}: {event}", samples.number);
		}
		let mut scores = Vec::new();
		for (signal, value) in &samples.values {
			let Some((score, finding)) = self.detector.observe(signal, samples.number, *value)
			else {
				continue;
			};
			scores.push((signal.clone(), score));
			if let Some(finding) = finding {
				self.findings = self.findings.saturating_add(1);
				log::warn!(
					"FINDING block {}: {} = {} ({:?}: mean {:.3}, spread {:.3}, score {:.1})",
					finding.block,
					finding.signal,
					finding.value,
					finding.kind,
					finding.mean,
					finding.spread,
					finding.score
				);
				let kind = format!("{:?}", finding.kind);
				self.metrics.findings.with_label_values(&[signal.as_str(), kind.as_str()]).inc();
				self.reporter.act(client, &finding, &self.metrics).await;
			}
		}
		self.metrics.record(&samples, &scores);
		self.metrics.malformed.inc_by(self.tracker.malformed.saturating_sub(malformed_before));
		log::debug!("block {}: {} signals", samples.number, samples.values.len());
		Ok(())
	}
}

/// The chain's `tokenDecimals` (12 if it does not say).
async fn token_decimals(legacy: &LegacyRpcMethods<PolkadotConfig>) -> i32 {
	let properties = legacy.system_properties().await.unwrap_or_default();
	let decimals = match properties.get("tokenDecimals") {
		Some(serde_json::Value::Number(n)) => n.as_i64(),
		Some(serde_json::Value::Array(list)) => list.first().and_then(|n| n.as_i64()),
		_ => None,
	};
	decimals.and_then(|d| i32::try_from(d).ok()).unwrap_or(12)
}
