//! The runtime APIs: what a node needs to build and import blocks, and the guardian's.

use crate::{
	AccountId, Balance, Block, BlockNumber, Executive, Guardian, InherentDataExt, Runtime, VERSION,
};
use alloc::vec::Vec;
use sp_api::impl_runtime_apis;
use sp_core::OpaqueMetadata;
use sp_runtime::{
	traits::Block as BlockT,
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	// guide:start runtime-api
	impl pallet_guardian::runtime_api::GuardianApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn paused_until(pallet: Vec<u8>, call: Vec<u8>) -> Option<BlockNumber> {
			Guardian::call_paused_until(&pallet, &call)
		}
		fn active_pauses() -> Vec<pallet_guardian::PauseRecord<Vec<u8>, BlockNumber>> {
			Guardian::active_pauses()
		}
		fn allowances(who: AccountId) -> Vec<pallet_guardian::runtime_api::WindowAllowance<BlockNumber, Balance>> {
			Guardian::allowances(&who)
		}
		fn global_cap() -> Vec<pallet_guardian::runtime_api::WindowAllowance<BlockNumber, Balance>> {
			Guardian::global_allowances()
		}
		fn risk_level() -> pallet_guardian::RiskLevel {
			Guardian::risk_level_now()
		}
		fn reputation(who: AccountId) -> pallet_guardian::ReporterRecord {
			pallet_guardian::Reputation::<Runtime>::get(who)
		}
		fn report_deposit(who: AccountId) -> Balance {
			Guardian::report_deposit(&who)
		}
		fn xcm_inbound_paused_until(origin: pallet_guardian::cross_chain::Location) -> Option<BlockNumber> {
			Guardian::xcm_inbound_paused_until(&origin)
		}
		fn xcm_inbound_pauses() -> Vec<pallet_guardian::InboundPause<BlockNumber>> {
			Guardian::xcm_inbound_pauses()
		}
		fn undelivered_alerts() -> Vec<pallet_guardian::UndeliveredAlert<BlockNumber>> {
			Guardian::undelivered_alerts()
		}
	}
	// guide:end runtime-api
}
