//! Chain specifications, built from the runtime's genesis presets.

use guardian_runtime::WASM_BINARY;
use sc_service::{ChainType, GenericChainSpec};

/// The chain specification of this node: no extensions.
pub type ChainSpec = GenericChainSpec;

fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), "UNIT".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn from_preset(name: &str, id: &str, preset: &str, kind: ChainType) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or("the runtime's wasm was not built (SKIP_WASM_BUILD?)")?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(kind)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `--dev`: the `development` preset (Alice is sudo; Alice..Eve form the council).
pub fn development() -> Result<ChainSpec, String> {
	from_preset("Guardian Development", "guardian_dev", "development", ChainType::Development)
}

/// `--chain local`: the `local_testnet` preset.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset("Guardian Local Testnet", "guardian_local", "local_testnet", ChainType::Local)
}
