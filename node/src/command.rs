//! Running the node and its subcommands.

use crate::{
	chain_spec,
	cli::{Cli, Consensus, Subcommand},
	service,
};
use sc_cli::SubstrateCli;
use sc_network::config::NetworkBackendType;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"pallet-guardian dev node".into()
	}

	fn impl_version() -> String {
		env!("CARGO_PKG_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/pallet-guardian/pallet-guardian/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" | "" => Box::new(chain_spec::development()?),
			"local" => Box::new(chain_spec::local_testnet()?),
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			}
		})
	}
}

/// Parse the command line and run the node or the subcommand.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		}
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		}
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let (client, _, import_queue, task_manager) = service::new_chain_ops(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let (client, _, _, task_manager) = service::new_chain_ops(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		}
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let (client, _, _, task_manager) = service::new_chain_ops(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		}
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let (client, _, import_queue, task_manager) = service::new_chain_ops(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		}
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let dev = service::is_dev(&config);
				let (client, backend, _, task_manager) = service::new_chain_ops(&config)?;
				// A network's GRANDPA keeps the authority set changes it has seen in the
				// database: revert them with the blocks. A dev chain runs no GRANDPA.
				let aux_revert = Box::new(move |client, _, blocks| {
					if !dev {
						sc_consensus_grandpa::revert(client, blocks)?;
					}
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		}
		None => {
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|config| async move {
				let consensus = cli
					.consensus
					.unwrap_or_else(|| Consensus::default_for(service::is_dev(&config)));
				match (consensus, config.network.network_backend) {
					(Consensus::Aura, NetworkBackendType::Libp2p) => {
						service::network::new_full::<sc_network::NetworkWorker<_, _>>(config).await
					}
					(Consensus::Aura, NetworkBackendType::Litep2p) => {
						service::network::new_full::<sc_network::Litep2pNetworkBackend>(config)
							.await
					}
					(sealed, NetworkBackendType::Libp2p) => {
						service::dev::new_full::<sc_network::NetworkWorker<_, _>>(config, sealed)
							.await
					}
					(sealed, NetworkBackendType::Litep2p) => {
						service::dev::new_full::<sc_network::Litep2pNetworkBackend>(config, sealed)
							.await
					}
				}
				.map_err(sc_cli::Error::Service)
			})
		}
	}
}
