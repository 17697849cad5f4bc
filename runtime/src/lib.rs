//! # guardian-runtime: the template runtime of pallet-guardian
//!
//! A FRAME runtime with System, Timestamp, Aura and Grandpa (block production in turns and
//! finality, for a network of validators), Balances, TransactionPayment, Sudo, Utility, Proxy,
//! Multisig, a Council (pallet-collective), the Guardian, a Treasury, an Oracle
//! (pallet-oracle, fed by the council) and Collateral (pallet-collateral, the guardian's
//! example consumer: prices through the guarded feed, margins by risk level, its collateral
//! ratio reported as a guardian metric). Each pallet's configuration is a file of
//! [`configs`]. The guardian is wired
//! as the runtime's `BaseCallFilter`, as pallet-balances' account store
//! ([`pallet_guardian::LedgerGuard`], the velocity caps) and around the fee payment
//! ([`pallet_guardian::ExemptFees`]); its [`pallet_guardian::CheckPaused`] and
//! [`pallet_guardian::CheckVelocity`] extensions sit in the transaction extension tuple. See
//! [`configs::guardian`] for its origins, whitelist and bounds.
//!
//! The feature `without-guardian` builds the same runtime with none of that (no pallet, no
//! filter, no ledger guard, no fee wrapper, no extensions): the baseline the benchmark report
//! (`benchmarking/REPORT.md`) measures the guardian's cost against. Never ship it.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`/`impl_runtime_apis` expand to large types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

// Declared first: its `define_benchmarks!` macros are used by `apis`.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
mod apis;
pub use apis::RuntimeApi;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

pub use configs::oracle;
#[cfg(not(feature = "without-guardian"))]
pub use configs::{collateral, guardian};

use sp_runtime::{
	generic,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
#[cfg(not(feature = "without-guardian"))]
pub use pallet_guardian::Call as GuardianCall;

/// The runtime's version.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("guardian-runtime"),
	impl_name: alloc::borrow::Cow::Borrowed("guardian-runtime"),
	authoring_version: 1,
	spec_version: 107,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// A block number.
pub type BlockNumber = u32;
/// Signature of a transaction.
pub type Signature = MultiSignature;
/// An account: the public key of the signature scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance.
pub type Balance = u128;
/// A transaction index.
pub type Nonce = u32;
/// A hash.
pub type Hash = sp_core::H256;

/// One unit of the native token (12 decimals).
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a unit.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// The existential deposit.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// The block time: one Aura slot.
pub const MILLISECS_PER_BLOCK: u64 = 6000;
/// The length of an Aura slot in milliseconds.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// The address format.
pub type Address = MultiAddress<AccountId, ()>;
/// The block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// The block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions, in order. [`pallet_guardian::CheckPaused`] refuses a paused
/// call and [`pallet_guardian::CheckVelocity`] a transfer beyond the signer's allowance at
/// pool validation, before `ChargeTransactionPayment` takes a fee;
/// [`pallet_guardian::WatchTransaction`] runs the guardian's lifecycle around the dispatch
/// (guard work reserved and settled, values judged once committed, trips kept).
#[cfg(not(feature = "without-guardian"))]
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// One element of three: tuples of extensions implement `Debug`/`Eq` up to 12 elements.
	// The encoding and the metadata's list of extensions are the same as flat.
	(
		pallet_guardian::CheckPaused<Runtime>,
		pallet_guardian::CheckVelocity<Runtime>,
		pallet_guardian::WatchTransaction<Runtime>,
	),
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The transaction extensions of the baseline build without the guardian (feature
/// `without-guardian`, for the benchmark report only).
#[cfg(feature = "without-guardian")]
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The extrinsic format.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload signed by a transaction's signer.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// The storage migrations run on the next runtime upgrade.
#[cfg(not(feature = "without-guardian"))]
pub type Migrations = (
	pallet_guardian::migrations::v2::MigrateToV2<Runtime>,
	pallet_guardian::migrations::v3::MigrateToV3<Runtime>,
	pallet_guardian::migrations::v4::MigrateToV4<Runtime>,
);
/// No migrations in the benchmark baseline.
#[cfg(feature = "without-guardian")]
pub type Migrations = ();

/// Dispatches to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// Opaque types for the node, independent of the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;
	/// Opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;

	sp_runtime::impl_opaque_keys! {
		/// A validator's keys: `aura` to author blocks, `grandpa` to vote on finality.
		pub struct SessionKeys {
			/// Block production.
			pub aura: Aura,
			/// Finality.
			pub grandpa: Grandpa,
		}
	}
}

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
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(13)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(14)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(4)]
	pub type Sudo = pallet_sudo;
	#[runtime::pallet_index(5)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(6)]
	pub type Proxy = pallet_proxy;
	#[runtime::pallet_index(7)]
	pub type Multisig = pallet_multisig;
	#[runtime::pallet_index(8)]
	pub type Council = pallet_collective<Instance1>;
	#[cfg(not(feature = "without-guardian"))]
	#[runtime::pallet_index(9)]
	pub type Guardian = pallet_guardian;

	#[runtime::pallet_index(10)]
	pub type Treasury = pallet_treasury;
	#[runtime::pallet_index(11)]
	pub type Oracle = pallet_oracle;
	#[cfg(not(feature = "without-guardian"))]
	#[runtime::pallet_index(12)]
	pub type Collateral = pallet_collateral;
}
