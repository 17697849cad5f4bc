//! `guardian-watcher`: see the crate docs (`lib.rs`) and the README's "The security agent".
//!
//! ```sh
//! guardian-watcher --url ws://127.0.0.1:9944                       # dry run: log and metrics
//! guardian-watcher --report-target Balances::transfer_keep_alive \
//!     --key //Ferdie --submit                                      # file bonded reports
//! ```

use clap::Parser;
use guardian_watcher::{
	detector::{Detector, Params, Rule},
	execute::{Metrics, Reporter},
	follow::Agent,
	logger,
	signals::Tracker,
};
use std::{net::SocketAddr, str::FromStr};
use substrate_prometheus_endpoint::Registry;
use subxt_signer::{sr25519::Keypair, SecretUri};

/// The guardian's off-chain security agent.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
	/// The node's WebSocket JSON-RPC address.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// Serve Prometheus metrics on 127.0.0.1:<port> (0: none).
	#[arg(long, default_value_t = 9616)]
	prometheus_port: u16,
	/// Weight of a new sample in a signal's baseline (EWMA α).
	#[arg(long, default_value_t = Params::default().alpha)]
	alpha: f64,
	/// Samples each signal learns before it is judged.
	#[arg(long, default_value_t = Params::default().warmup)]
	warmup: u32,
	/// The score (in spreads from the mean) at which a sample is an anomaly.
	#[arg(long, default_value_t = Params::default().threshold)]
	threshold: f64,
	/// Beyond this many spreads a sample is an outlier for learning.
	#[arg(long, default_value_t = Params::default().clip)]
	clip: f64,
	/// The drift detector's (CUSUM's) slack per block, in spreads.
	#[arg(long, default_value_t = Params::default().slack)]
	slack: f64,
	/// The CUSUM level at which a drift is an anomaly.
	#[arg(long, default_value_t = Params::default().drift)]
	drift: f64,
	/// Consecutive anomalous blocks after which a signal re-learns its normal.
	#[arg(long, default_value_t = Params::default().relearn)]
	relearn: u32,
	/// The smallest spread, in the signal's unit (tokens for balances).
	#[arg(long, default_value_t = Params::default().floor_abs)]
	floor_abs: f64,
	/// The smallest spread, as a share of the mean.
	#[arg(long, default_value_t = Params::default().floor_rel)]
	floor_rel: f64,
	/// A fixed rule `signal<=max` (a signal name, or a prefix ending in `*`); repeatable.
	#[arg(long = "rule")]
	rules: Vec<String>,
	/// What a report pauses: `Pallet` or `Pallet::call` (a target governance made reportable).
	#[arg(long)]
	report_target: Option<String>,
	/// How long a report pauses it, in blocks (at most the chain's `MaxReportPause`).
	#[arg(long, default_value_t = 600)]
	report_duration: u32,
	/// Signals whose findings are reported (names, or prefixes ending in `*`); repeatable.
	#[arg(long = "report-on", default_value = "outflow:*")]
	report_on: Vec<String>,
	/// The least score of a reported anomaly (rule breaches are always reported).
	#[arg(long)]
	report_score: Option<f64>,
	/// The reporter's secret URI (e.g. `//Ferdie`, or a mnemonic); also read from
	/// `GUARDIAN_WATCHER_KEY`.
	#[arg(long, env = "GUARDIAN_WATCHER_KEY", hide_env_values = true)]
	key: Option<String>,
	/// Submit reports (without it, a dry run: reports are logged, never sent).
	#[arg(long)]
	submit: bool,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
	logger::init();
	let cli = Cli::parse();
	let params = Params {
		alpha: cli.alpha,
		warmup: cli.warmup,
		threshold: cli.threshold,
		clip: cli.clip,
		slack: cli.slack,
		drift: cli.drift,
		relearn: cli.relearn,
		floor_abs: cli.floor_abs,
		floor_rel: cli.floor_rel,
	};
	if !(params.alpha > 0.0 && params.alpha <= 1.0)
		|| [params.threshold, params.clip, params.drift].iter().any(|p| *p <= 0.0)
		|| params.slack < 0.0
	{
		return Err("--alpha must be in (0, 1]; --threshold, --clip, --drift above 0".into());
	}
	let rules = cli.rules.iter().map(|r| Rule::parse(r)).collect::<Result<Vec<_>, _>>()?;
	let signer = match &cli.key {
		Some(uri) => Some(Keypair::from_uri(&SecretUri::from_str(uri)?)?),
		None => None,
	};
	if cli.submit && (signer.is_none() || cli.report_target.is_none()) {
		return Err("--submit needs --key and --report-target".into());
	}
	let registry = Registry::new_custom(None, None)?;
	let metrics = Metrics::register(&registry)?;
	if cli.prometheus_port != 0 {
		let address = SocketAddr::from(([127, 0, 0, 1], cli.prometheus_port));
		tokio::spawn(async move {
			if let Err(error) =
				substrate_prometheus_endpoint::init_prometheus(address, registry).await
			{
				log::error!("Prometheus endpoint on {address}: {error}");
			}
		});
		log::info!("Prometheus metrics on http://{address}/metrics");
	}
	log::info!(
		"{}: α {}, warm-up {} blocks, threshold {}, {} rules; reports: {}",
		if cli.submit { "submitting" } else { "dry run" },
		params.alpha,
		params.warmup,
		params.threshold,
		rules.len(),
		cli.report_target.as_deref().unwrap_or("none"),
	);
	let mut agent = Agent {
		url: cli.url,
		detector: Detector::new(params, rules),
		reporter: Reporter {
			target: cli.report_target,
			duration: cli.report_duration,
			report_on: cli.report_on,
			min_score: cli.report_score.unwrap_or(params.threshold),
			signer,
			submit: cli.submit,
			quiet_until: 0,
		},
		metrics,
		tracker: Tracker::default(),
		findings: 0,
	};
	tokio::select! {
		_ = agent.run() => {},
		_ = tokio::signal::ctrl_c() => log::info!("stopped"),
	}
	Ok(())
}
