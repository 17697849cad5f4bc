//! # guardian-minimal-runtime: the README's integration guide, compiled
//!
//! The smallest runtime with the guardian in it: System, Balances, TransactionPayment, Sudo
//! and the Guardian, each configured in a file of its own. Every code block of the README's
//! "Adding the pallet to a runtime" is a region of these files (between `guide:start` and
//! `guide:end` comments); `tests/guide.rs` fails when the README and the code differ, so the
//! guide cannot drift from something that compiles. `tests/runtime.rs` shows the lines do
//! what the guide says: a pause filters calls and the pool refuses them with the declared
//! code, a cap is exact, the runtime API answers.
//!
//! It is built natively (the workspace's test build); the template runtime (`runtime/`) is
//! the one built to wasm and run by a node. Not a chain to run: no consensus, no genesis
//! presets.

#![cfg_attr(not(feature = "std"), no_std)]
#![recursion_limit = "256"]

extern crate alloc;

mod apis;
pub mod balances;
pub mod guardian;
pub mod system;
pub mod transaction_payment;

use sp_runtime::{
	generic,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

/// The runtime's version.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("guardian-minimal"),
	impl_name: alloc::borrow::Cow::Borrowed("guardian-minimal"),
	authoring_version: 1,
	spec_version: 1,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// A block number: `u32`, as the guardian's solochain prelude expects.
pub type BlockNumber = u32;
/// Signature of a transaction.
pub type Signature = MultiSignature;
/// An account: the public key of the signature scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance.
pub type Balance = u128;
/// A transaction index.
pub type Nonce = u32;
/// The address format.
pub type Address = MultiAddress<AccountId, ()>;
/// The block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// The block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// One unit of the native token (12 decimals).
pub const UNIT: Balance = 1_000_000_000_000;
/// Blocks per hour, at six seconds a block.
pub const HOURS: BlockNumber = 600;
/// Blocks per day.
pub const DAYS: BlockNumber = 24 * HOURS;

// guide:start extensions
/// The transaction extensions. The guardian's three refuse a paused call and a transfer
/// beyond the signer's allowance in the pool, before `ChargeTransactionPayment` takes a fee,
/// and run its lifecycle around the dispatch (guard work reserved and settled, values judged
/// once committed, trips kept after a rollback).
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// One element of three (tuples of extensions implement Debug/Eq up to 12 elements; the
	// encoding and the metadata are the same as flat):
	(
		pallet_guardian::CheckPaused<Runtime>,
		pallet_guardian::CheckVelocity<Runtime>,
		pallet_guardian::WatchTransaction<Runtime>,
	),
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	// Offline signers (the Ledger generic app) sign the metadata hash: build the wasm with
	// substrate-wasm-builder's `metadata-hash` (`enable_metadata_hash("UNIT", 12)`).
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);
// guide:end extensions

/// The extrinsic format.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload signed by a transaction's signer.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Dispatches to the pallets. A chain upgrading from an earlier guardian also lists
/// `pallet_guardian::migrations::{v2::MigrateToV2, v3::MigrateToV3, v4::MigrateToV4}` here.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(3)]
	pub type Sudo = pallet_sudo;
	#[runtime::pallet_index(4)]
	pub type Guardian = pallet_guardian;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = ();
}
