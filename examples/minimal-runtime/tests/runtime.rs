//! The guide's lines do what the README says, in the minimal runtime: blocks through
//! `Executive`, transactions signed by the dev keyring with the runtime's own extensions.

use codec::Encode;
use frame_support::{
	storage::{with_transaction, TransactionOutcome},
	traits::IntegrityTest,
};
use guardian_minimal_runtime::{
	AccountId, AllPalletsWithSystem, Executive, Header, Runtime, RuntimeCall, RuntimeGenesisConfig,
	SignedPayload, System, TxExtension, UncheckedExtrinsic, UNIT,
};
use pallet_guardian::{
	runtime_api::runtime_decl_for_guardian_api::GuardianApiV5 as Api, Limit, PauseTarget,
	PolicyInput, WindowSpec,
};
use sp_keyring::Sr25519Keyring as Keyring;
use sp_runtime::{
	generic::Era,
	traits::Header as _,
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	ApplyExtrinsicResult, BuildStorage, DispatchError, MultiAddress, TokenError,
};

/// The guardian's runtime API as the node calls it (here natively, in the same state).
fn paused_until(pallet: &[u8], call: &[u8]) -> Option<u32> {
	<Runtime as Api<guardian_minimal_runtime::Block, AccountId, u128, u32>>::paused_until(
		pallet.to_vec(),
		call.to_vec(),
	)
}
fn allowances(who: AccountId) -> Vec<pallet_guardian::runtime_api::WindowAllowance<u32, u128>> {
	<Runtime as Api<guardian_minimal_runtime::Block, AccountId, u128, u32>>::allowances(who)
}

/// Alice (sudo), Bob and Ferdie with 1 000 UNIT each, block 1 open.
fn chain() -> sp_io::TestExternalities {
	let endowed = [Keyring::Alice, Keyring::Bob, Keyring::Ferdie]
		.map(|who| (who.to_account_id(), 1_000 * UNIT))
		.to_vec();
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig { balances: endowed, ..Default::default() },
		sudo: pallet_sudo::GenesisConfig { key: Some(Keyring::Alice.to_account_id()) },
		..Default::default()
	}
	.build_storage()
	.expect("genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		frame_system::BlockHash::<Runtime>::insert(0, sp_core::H256::repeat_byte(1));
		open_block(1);
	});
	ext
}

/// Opens block `number` as block production does: every `on_initialize`, then the end of the
/// inherents (there are none here; the guardian's `PostInherents` point runs).
fn open_block(number: u32) {
	let parent = frame_system::BlockHash::<Runtime>::get(number - 1);
	Executive::initialize_block(&Header::new(
		number,
		Default::default(),
		Default::default(),
		parent,
		Default::default(),
	));
	Executive::inherents_applied();
}

/// Finalizes the open block (its `PostTransactions` point, every `on_finalize`) and opens the
/// next one on its hash.
fn next_block() {
	let header = Executive::finalize_block();
	let number = *header.number();
	frame_system::BlockHash::<Runtime>::insert(number, header.hash());
	open_block(number + 1);
}

fn sign(who: Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
	let account = who.to_account_id();
	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(System::account_nonce(&account)),
		frame_system::CheckWeight::new(),
		(
			pallet_guardian::CheckPaused::new(),
			pallet_guardian::CheckVelocity::new(),
			pallet_guardian::WatchTransaction::new(),
		),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	);
	let payload = SignedPayload::new(call.clone(), extension.clone()).expect("implicit data");
	let signature = payload.using_encoded(|bytes| who.sign(bytes));
	UncheckedExtrinsic::new_signed(call, MultiAddress::Id(account), signature.into(), extension)
}

fn submit(who: Keyring, call: RuntimeCall) -> ApplyExtrinsicResult {
	Executive::apply_extrinsic(sign(who, call))
}

fn pool(who: Keyring, call: RuntimeCall) -> Result<(), TransactionValidityError> {
	let xt = sign(who, call);
	let parent = System::parent_hash();
	with_transaction(|| {
		let result = Executive::validate_transaction(TransactionSource::External, xt, parent);
		TransactionOutcome::Rollback(Ok::<_, DispatchError>(result))
	})
	.expect("no storage error")
	.map(|_| ())
}

fn transfer(to: Keyring, amount: u128) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(to.to_account_id()),
		value: amount,
	})
}

fn sudo(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) })
}

fn free(who: Keyring) -> u128 {
	pallet_balances::Pallet::<Runtime>::free_balance(who.to_account_id())
}

#[test]
fn the_guides_bounds_pass_the_integrity_test() {
	chain().execute_with(<AllPalletsWithSystem as IntegrityTest>::integrity_test);
}

#[test]
fn a_pause_by_sudo_is_refused_in_the_pool_and_in_the_block_with_the_declared_code_until_it_expires()
{
	chain().execute_with(|| {
		let balances = PauseTarget::Pallet { pallet: b"Balances".to_vec() };
		let pause = sudo(RuntimeCall::Guardian(pallet_guardian::Call::pause {
			target: balances,
			duration: 10,
		}));
		assert_eq!(submit(Keyring::Alice, pause), Ok(Ok(())));
		assert_eq!(paused_until(b"Balances", b"transfer_keep_alive"), Some(11));

		let code = pallet_guardian::RefusalCodes::default().paused_call;
		assert_eq!(
			pool(Keyring::Bob, transfer(Keyring::Ferdie, UNIT)),
			Err(InvalidTransaction::Custom(code).into())
		);
		// Refused when a block is built too: no author can include it.
		assert_eq!(
			submit(Keyring::Bob, transfer(Keyring::Ferdie, UNIT)),
			Err(InvalidTransaction::Custom(code).into())
		);
		// Sudo is never paused (and root's dispatches bypass the filter: governance can act).
		assert_eq!(pool(Keyring::Alice, sudo(transfer(Keyring::Ferdie, UNIT))), Ok(()));
		// Once the pause has run out, the transfer goes through.
		for _ in 0..10 {
			next_block();
		}
		assert_eq!(paused_until(b"Balances", b"transfer_keep_alive"), None);
		assert_eq!(submit(Keyring::Bob, transfer(Keyring::Ferdie, UNIT)), Ok(Ok(())));
	});
}

#[test]
fn a_cap_is_exact_on_the_ledger_and_refused_in_the_pool() {
	chain().execute_with(|| {
		let policy = PolicyInput {
			windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(10 * UNIT) }],
			high_water: None,
			response: None,
		};
		let set = sudo(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
			who: MultiAddress::Id(Keyring::Ferdie.to_account_id()),
			policy,
		}));
		assert_eq!(submit(Keyring::Alice, set), Ok(Ok(())));

		assert_eq!(submit(Keyring::Ferdie, transfer(Keyring::Bob, 6 * UNIT)), Ok(Ok(())));
		let code = pallet_guardian::RefusalCodes::default().cap_exceeded;
		assert_eq!(
			pool(Keyring::Ferdie, transfer(Keyring::Bob, 4 * UNIT + 1)),
			Err(InvalidTransaction::Custom(code).into())
		);
		// Through sudo_as the pool cannot see it; the ledger refuses it at dispatch.
		let bob = free(Keyring::Bob);
		let through_sudo = RuntimeCall::Sudo(pallet_sudo::Call::sudo_as {
			who: MultiAddress::Id(Keyring::Ferdie.to_account_id()),
			call: Box::new(transfer(Keyring::Bob, 4 * UNIT + 1)),
		});
		assert_eq!(submit(Keyring::Alice, through_sudo), Ok(Ok(())));
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			guardian_minimal_runtime::RuntimeEvent::Sudo(pallet_sudo::Event::SudoAsDone {
				sudo_result: Err(DispatchError::Token(TokenError::Frozen))
			})
		)));
		assert_eq!(free(Keyring::Bob), bob);
		// Exactly the rest fits.
		assert_eq!(submit(Keyring::Ferdie, transfer(Keyring::Bob, 4 * UNIT)), Ok(Ok(())));
		let [window] = allowances(Keyring::Ferdie.to_account_id()).try_into().expect("one window");
		assert_eq!((window.used, window.remaining), (10 * UNIT, 0));
	});
}
