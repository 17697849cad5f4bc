//! Builds the runtime's wasm blob with substrate-wasm-builder (only with `std`, the way the
//! polkadot-sdk templates do). `SKIP_WASM_BUILD=1` skips it for native-only checks.
fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
