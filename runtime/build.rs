//! Builds the runtime's wasm blob with substrate-wasm-builder (only with `std`, the way the
//! polkadot-sdk templates do). `SKIP_WASM_BUILD=1` skips it for native-only checks.
//!
//! With the `metadata-hash` feature the blob is built knowing the hash of its own metadata
//! (RFC-0078, the chain's token as the node's chain spec names it), which
//! `frame_metadata_hash_extension::CheckMetadataHash` adds to what a signer signs when it asks
//! for it (`mode: Enabled`).
fn main() {
	#[cfg(all(feature = "std", feature = "metadata-hash"))]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("UNIT", 12)
		.build();
	#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
