//! Command-line interface.

use std::str::FromStr;

/// How blocks are authored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consensus {
	/// A block as soon as a transaction arrives (and one at start-up).
	InstantSeal,
	/// A block every so many milliseconds, transactions or not.
	ManualSeal(u64),
}

impl FromStr for Consensus {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		if s == "instant-seal" {
			return Ok(Consensus::InstantSeal);
		}
		match s.strip_prefix("manual-seal-").map(u64::from_str) {
			Some(Ok(ms)) if ms > 0 => Ok(Consensus::ManualSeal(ms)),
			_ => Err(format!(
				"unknown consensus {s:?}: use `instant-seal` or `manual-seal-<milliseconds>` \
				 (e.g. manual-seal-3000)"
			)),
		}
	}
}

/// The node's command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// How blocks are authored: `instant-seal`, or `manual-seal-<ms>` for a block every
	/// `<ms>` milliseconds.
	#[arg(long, default_value = "manual-seal-3000")]
	pub consensus: Consensus,

	#[command(flatten)]
	pub run: sc_cli::RunCmd,
}

/// Maintenance subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Export the chain specification (e.g. `export-chain-spec --chain dev`).
	ExportChainSpec(sc_cli::ExportChainSpecCmd),
	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),
	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),
	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),
	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),
	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),
	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),
}
