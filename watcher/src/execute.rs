//! Execution: every finding is logged with its evidence and counted in the metrics; a finding
//! on a signal the operator chose, scoring high enough, becomes a bonded `Guardian.report` —
//! only with `--submit` and a key (dry run by default: the report is logged, not sent).

use crate::{
	detector::{Finding, Kind},
	signals::{Client, Samples},
};
use substrate_prometheus_endpoint::{
	register, Counter, CounterVec, Gauge, GaugeVec, Opts, PrometheusError, Registry, F64, U64,
};
use subxt::dynamic::Value;
use subxt_signer::sr25519::Keypair;

/// The agent's Prometheus metrics.
#[derive(Clone)]
pub struct Metrics {
	/// The best block followed.
	pub best_block: Gauge<U64>,
	/// Each signal's last sample.
	pub signal: GaugeVec<F64>,
	/// Each signal's last score.
	pub score: GaugeVec<F64>,
	/// Findings by signal and kind.
	pub findings: CounterVec<U64>,
	/// Reports by outcome (`submitted`, `dry_run`, `failed`).
	pub reports: CounterVec<U64>,
	/// Connections lost and re-established.
	pub reconnects: Counter<U64>,
	/// Pending extrinsics that did not decode.
	pub malformed: Counter<U64>,
}

impl Metrics {
	/// Registers the metrics in `registry`.
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		Ok(Self {
			best_block: register(
				Gauge::new("guardian_watcher_best_block", "The best block followed")?,
				registry,
			)?,
			signal: register(
				GaugeVec::new(
					Opts::new("guardian_watcher_signal", "Each signal's last sample"),
					&["signal"],
				)?,
				registry,
			)?,
			score: register(
				GaugeVec::new(
					Opts::new("guardian_watcher_score", "Each signal's last score, in spreads"),
					&["signal"],
				)?,
				registry,
			)?,
			findings: register(
				CounterVec::new(
					Opts::new("guardian_watcher_findings_total", "Findings by signal and kind"),
					&["signal", "kind"],
				)?,
				registry,
			)?,
			reports: register(
				CounterVec::new(
					Opts::new("guardian_watcher_reports_total", "Bonded reports by outcome"),
					&["outcome"],
				)?,
				registry,
			)?,
			reconnects: register(
				Counter::new("guardian_watcher_reconnects_total", "Connections re-established")?,
				registry,
			)?,
			malformed: register(
				Counter::new(
					"guardian_watcher_malformed_extrinsics_total",
					"Pending extrinsics that did not decode",
				)?,
				registry,
			)?,
		})
	}

	/// Records a block's samples and scores.
	pub fn record(&self, samples: &Samples, scores: &[(String, f64)]) {
		self.best_block.set(samples.number);
		for (signal, value) in &samples.values {
			self.signal.with_label_values(&[signal.as_str()]).set(*value);
		}
		for (signal, score) in scores {
			self.score.with_label_values(&[signal.as_str()]).set(*score);
		}
	}
}

/// What to report, and when.
pub struct Reporter {
	/// The target a report pauses: `Pallet` or `Pallet::call`.
	pub target: Option<String>,
	/// How long a report pauses it, in blocks.
	pub duration: u32,
	/// Signals (or prefixes ending in `*`) whose findings are reported.
	pub report_on: Vec<String>,
	/// The least score a reported anomaly has (rule breaches are always reported).
	pub min_score: f64,
	/// The reporter's key; without it nothing is submitted.
	pub signer: Option<Keypair>,
	/// Submit for real (otherwise a dry run).
	pub submit: bool,
	/// No new report before this block (the previous one still runs: the chain would refuse
	/// it as `AlreadyReported`).
	pub quiet_until: u64,
}

impl Reporter {
	fn wants(&self, finding: &Finding) -> bool {
		let covered = self.report_on.iter().any(|pattern| match pattern.strip_suffix('*') {
			Some(prefix) => finding.signal.starts_with(prefix),
			None => *pattern == finding.signal,
		});
		covered && (finding.kind == Kind::Rule || finding.score >= self.min_score)
	}

	/// Acts on `finding` (already logged): a report when it is wanted and due.
	pub async fn act(&mut self, client: &Client, finding: &Finding, metrics: &Metrics) {
		let Some(target) = self.target.clone() else { return };
		if !self.wants(finding) || finding.block < self.quiet_until {
			return;
		}
		let (evidence, text) = finding.evidence();
		let call = report_call(&target, evidence, self.duration);
		let evidence_hex = hex::encode(evidence);
		match (&self.signer, self.submit) {
			(Some(signer), true) => {
				match client.tx().sign_and_submit_default(&call, signer).await {
					Ok(hash) => {
						log::warn!(
							"REPORT submitted: {target} for {} blocks, evidence 0x{evidence_hex} \
							 = blake2_256({text:?}), transaction {hash:?}",
							self.duration
						);
						metrics.reports.with_label_values(&["submitted"]).inc();
						self.quiet_until = finding.block.saturating_add(u64::from(self.duration));
					}
					Err(error) => {
						log::error!("REPORT failed: {target}: {error}");
						metrics.reports.with_label_values(&["failed"]).inc();
					}
				}
			}
			_ => {
				log::warn!(
					"REPORT (dry run): would report {target} for {} blocks, evidence \
					 0x{evidence_hex} = blake2_256({text:?})",
					self.duration
				);
				metrics.reports.with_label_values(&["dry_run"]).inc();
				self.quiet_until = finding.block.saturating_add(u64::from(self.duration));
			}
		}
	}
}

/// `Guardian.report(target, evidence, duration)` as a dynamic call.
pub fn report_call(target: &str, evidence: [u8; 32], duration: u32) -> subxt::tx::DynamicPayload {
	let target = match target.split_once("::") {
		Some((pallet, call)) => Value::named_variant(
			"Call",
			[
				("pallet", Value::from_bytes(pallet.as_bytes())),
				("call", Value::from_bytes(call.as_bytes())),
			],
		),
		None => Value::named_variant("Pallet", [("pallet", Value::from_bytes(target.as_bytes()))]),
	};
	subxt::dynamic::tx(
		"Guardian",
		"report",
		vec![target, Value::from_bytes(evidence), Value::u128(u128::from(duration))],
	)
}
