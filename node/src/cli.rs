//! Command-line interface.

use std::str::FromStr;

/// How blocks are authored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consensus {
	/// Aura block production by the chain's validators, GRANDPA finality (a network).
	Aura,
	/// Dev chain: a block as soon as a transaction arrives (and one at start-up).
	InstantSeal,
	/// Dev chain: a block every so many milliseconds, transactions or not.
	ManualSeal(u64),
}

impl Consensus {
	/// What a chain runs unless `--consensus` says otherwise: a block every 3 s on a dev chain
	/// (`--dev`), Aura and GRANDPA on any other.
	pub fn default_for(dev: bool) -> Self {
		if dev {
			Consensus::ManualSeal(3000)
		} else {
			Consensus::Aura
		}
	}
}

impl FromStr for Consensus {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		match s {
			"aura" => return Ok(Consensus::Aura),
			"instant-seal" => return Ok(Consensus::InstantSeal),
			_ => {}
		}
		match s.strip_prefix("manual-seal-").map(u64::from_str) {
			Some(Ok(ms)) if ms > 0 => Ok(Consensus::ManualSeal(ms)),
			_ => Err(format!(
				"unknown consensus {s:?}: use `aura`, `instant-seal` or \
				 `manual-seal-<milliseconds>` (e.g. manual-seal-3000)"
			)),
		}
	}
}

/// The node's command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// How blocks are authored: `aura` (Aura and GRANDPA, the default for every chain but
	/// `--dev`), or on a dev chain `instant-seal` or `manual-seal-<ms>` for a block every
	/// `<ms>` milliseconds (the default for `--dev`: manual-seal-3000).
	#[arg(long)]
	pub consensus: Option<Consensus>,

	#[command(flatten)]
	pub run: sc_cli::RunCmd,
}

/// Maintenance subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Export the chain specification (e.g. `export-chain-spec --chain local`).
	ExportChainSpec(sc_cli::ExportChainSpecCmd),
	/// Build a chain specification (`build-spec --chain local [--raw]`), as launchers such as
	/// zombienet expect.
	BuildSpec(sc_cli::BuildSpecCmd),
	/// Insert a key into a node's keystore (`key insert --key-type aura ...`).
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),
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
