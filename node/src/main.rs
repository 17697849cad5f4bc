//! guardian-node: the node of the pallet-guardian template runtime.
//!
//! On a network (`--chain local`, or any chain spec with authorities) it runs Aura block
//! production and GRANDPA finality, with keys from its keystore (`--alice`, `key insert`); with
//! `--dev` it seals blocks itself, instantly (a block per transaction) or on a timer. It keeps
//! its state in ParityDB and serves JSON-RPC (ws://127.0.0.1:9944 with `--dev`) for
//! polkadot.js apps and other clients. See the README for the operator walkthrough.

// `sc_cli::Error` is large (176 bytes); sc-cli's `Runner` API returns it by value, so the
// node's command functions must too.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
