//! A harness that drives the real template runtime the way a node does: genesis from the
//! runtime's `development` preset, blocks through `Executive` (initialize, timestamp inherent,
//! signed extrinsics, finalize), and transactions signed by the dev keyring with the runtime's
//! own transaction extensions.

pub mod storage_reads;

use codec::Encode;
use frame_support::{
	dispatch::GetDispatchInfo,
	storage::{with_transaction, TransactionOutcome},
	traits::IntegrityTest,
};
use guardian_runtime::{
	genesis_config_presets, AllPalletsWithSystem, BlockNumber, Executive, Header, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, SignedPayload, System, TxExtension,
	UncheckedExtrinsic,
};
use pallet_guardian::{
	MonitorInput, PauseTarget, PauseTargetInput, PlaybookInput, RiskLevel, Rule,
};
use sp_runtime::{
	generic::Era,
	traits::{BlakeTwo256, Hash, Header as _},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, DispatchError, MultiAddress,
};

pub use guardian_runtime::{AccountId, Balance, UNIT};
pub use sp_keyring::Sr25519Keyring as Keyring;

/// Milliseconds between the blocks this harness produces.
pub const BLOCK_TIME_MS: u64 = guardian_runtime::SLOT_DURATION;

/// Merges a genesis patch into a full genesis JSON, as the node does with a preset.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// A fresh chain from the runtime's `development` preset, with block 1 opened.
pub fn new_chain() -> sp_io::TestExternalities {
	let mut genesis = serde_json::to_value(RuntimeGenesisConfig::default()).expect("json");
	let preset = genesis_config_presets::get_preset(&"development".into()).expect("preset");
	merge(&mut genesis, serde_json::from_slice(&preset).expect("preset json"));
	let json = serde_json::to_vec(&genesis).expect("json");

	let mut ext = sp_io::TestExternalities::new(Default::default());
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(json)
			.expect("genesis builds");
		// The node computes the genesis hash from the state; any fixed hash will do here.
		frame_system::BlockHash::<Runtime>::insert(
			0,
			<Runtime as frame_system::Config>::Hash::repeat_byte(0x47),
		);
		open_block(1);
	});
	ext
}

fn open_block(number: BlockNumber) {
	let parent_hash = frame_system::BlockHash::<Runtime>::get(number.saturating_sub(1));
	// Aura's pre-runtime digest, as an authoring node writes it: slot `number`, the slot of the
	// block's timestamp below.
	let slot = sp_consensus_aura::Slot::from(u64::from(number));
	let digest = sp_runtime::Digest {
		logs: vec![sp_runtime::DigestItem::PreRuntime(
			sp_consensus_aura::AURA_ENGINE_ID,
			codec::Encode::encode(&slot),
		)],
	};
	let header = Header::new(number, Default::default(), Default::default(), parent_hash, digest);
	Executive::initialize_block(&header);
	let now = u64::from(number) * BLOCK_TIME_MS;
	let inherent =
		UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }));
	Executive::apply_extrinsic(inherent).expect("inherent valid").expect("inherent dispatches");
}

/// Finalizes the current block and opens the next one (running every `on_initialize`).
pub fn next_block() {
	let header = Executive::finalize_block();
	let number = *header.number();
	frame_system::BlockHash::<Runtime>::insert(number, header.hash());
	open_block(number + 1);
}

/// As [`next_block`], returning the guardian events of the block it finalized: those of its
/// transactions and those of its end (the guardian judges values anyone can move there, after
/// the last transaction), which the next block's initialization clears.
pub fn end_block() -> Vec<pallet_guardian::Event<Runtime>> {
	let header = Executive::finalize_block();
	let ended = guardian_events();
	let number = *header.number();
	frame_system::BlockHash::<Runtime>::insert(number, header.hash());
	open_block(number + 1);
	ended
}

/// As [`next_block`], running `between` after the block's transactions and its
/// `PostTransactions` point: where the block's `on_idle` and `on_finalize` hooks, and the next
/// block's `on_initialize` of pallets declared before the guardian, run.
pub fn next_block_with(between: impl FnOnce()) {
	let header = Executive::finalize_block();
	between();
	let number = *header.number();
	frame_system::BlockHash::<Runtime>::insert(number, header.hash());
	open_block(number + 1);
}

/// Ends the open block's inherents (its `PostInherents` point and `on_poll` hooks) before its
/// first transaction, as block production does; then runs `on_poll`, where an `on_poll`
/// hook (or a multi-block migration step) would run.
pub fn after_inherents(on_poll: impl FnOnce()) {
	Executive::inherents_applied();
	on_poll();
}

/// Produces blocks until block `n` is open.
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		next_block();
	}
}

/// A signed extrinsic from `who` with its current nonce and the runtime's extensions.
pub fn sign(who: Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
	sign_with_tip(who, call, 0)
}

/// As [`sign`], paying `tip` to the block author.
pub fn sign_with_tip(who: Keyring, call: RuntimeCall, tip: Balance) -> UncheckedExtrinsic {
	let account = who.to_account_id();
	let nonce = System::account_nonce(&account);
	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		(
			pallet_guardian::CheckPaused::new(),
			pallet_guardian::CheckVelocity::new(),
			pallet_guardian::WatchTransaction::new(),
		),
		pallet_transaction_payment::ChargeTransactionPayment::from(tip),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	);
	let payload = SignedPayload::new(call.clone(), extension.clone()).expect("implicit data");
	let signature = payload.using_encoded(|bytes| who.sign(bytes));
	UncheckedExtrinsic::new_signed(call, MultiAddress::Id(account), signature.into(), extension)
}

/// Applies a signed extrinsic in the open block, as block production does.
pub fn submit(who: Keyring, call: RuntimeCall) -> ApplyExtrinsicResult {
	Executive::apply_extrinsic(sign(who, call))
}

/// Submits and expects the transaction to be included and its call to succeed.
pub fn submit_ok(who: Keyring, call: RuntimeCall) {
	let result = submit(who, call.clone());
	assert_eq!(result, Ok(Ok(())), "{call:?} from {who:?}");
}

/// Submits and returns the dispatch error of an included transaction.
pub fn submit_err(who: Keyring, call: RuntimeCall) -> DispatchError {
	match submit(who, call.clone()) {
		Ok(Err(e)) => e,
		other => panic!("{call:?} from {who:?}: expected a dispatch error, got {other:?}"),
	}
}

/// Transaction-pool validation of a signed transaction, in a storage layer that is rolled
/// back (the pool validates against a copy of the state).
pub fn validate(who: Keyring, call: RuntimeCall) -> TransactionValidity {
	validate_xt(sign(who, call))
}

/// Transaction-pool validation of a signed extrinsic (see [`validate`]).
pub fn validate_xt(xt: UncheckedExtrinsic) -> TransactionValidity {
	let parent = System::parent_hash();
	with_transaction(|| {
		let result = Executive::validate_transaction(TransactionSource::External, xt, parent);
		TransactionOutcome::Rollback(Ok::<_, DispatchError>(result))
	})
	.expect("no storage error")
}

/// An account's free balance.
pub fn free_of(who: &AccountId) -> Balance {
	pallet_balances::Pallet::<Runtime>::free_balance(who)
}

/// A balance.
pub fn free(who: Keyring) -> Balance {
	pallet_balances::Pallet::<Runtime>::free_balance(who.to_account_id())
}

/// Every event of the open block.
pub fn events() -> Vec<RuntimeEvent> {
	System::events().into_iter().map(|r| r.event).collect()
}

/// The guardian's events in the open block.
pub fn guardian_events() -> Vec<pallet_guardian::Event<Runtime>> {
	events()
		.into_iter()
		.filter_map(|e| match e {
			RuntimeEvent::Guardian(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// `Balances::transfer_keep_alive` of `amount` to `to`.
pub fn keep_alive(to: Keyring, amount: Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(to.to_account_id()),
		value: amount,
	})
}

/// `Balances::transfer_allow_death` of `amount` to `to`.
pub fn allow_death(to: Keyring, amount: Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
		dest: MultiAddress::Id(to.to_account_id()),
		value: amount,
	})
}

/// `System::remark`.
pub fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: b"guardian".to_vec() })
}

/// A call target.
pub fn call_target(pallet: &str, call: &str) -> PauseTargetInput {
	PauseTarget::Call { pallet: pallet.into(), call: call.into() }
}

/// A pallet target.
pub fn pallet_target(pallet: &str) -> PauseTargetInput {
	PauseTarget::Pallet { pallet: pallet.into() }
}

/// `Guardian::pause`.
pub fn pause(target: PauseTargetInput, duration: BlockNumber) -> RuntimeCall {
	RuntimeCall::Guardian(pallet_guardian::Call::pause { target, duration })
}

/// `Guardian::resume`.
pub fn resume(target: PauseTargetInput) -> RuntimeCall {
	RuntimeCall::Guardian(pallet_guardian::Call::resume { target })
}

/// `Sudo::sudo(call)`.
pub fn sudo(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) })
}

/// Alice (the sudo key) dispatches `call` as root; returns the inner result.
pub fn sudo_dispatch(call: RuntimeCall) -> Result<(), DispatchError> {
	System::reset_events();
	submit_ok(Keyring::Alice, sudo(call));
	events()
		.into_iter()
		.find_map(|e| match e {
			RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result }) => Some(sudo_result),
			_ => None,
		})
		.expect("Sudid event")
}

/// The council runs a motion: Alice proposes `call`, the first `ayes` members vote aye, Alice
/// closes it. Returns the result of the executed proposal (or `None` if it was not executed).
pub fn council_motion(call: RuntimeCall, ayes: u32) -> Option<Result<(), DispatchError>> {
	let members = [Keyring::Alice, Keyring::Bob, Keyring::Charlie, Keyring::Dave, Keyring::Eve];
	let length_bound = call.encoded_size() as u32;
	let hash = BlakeTwo256::hash_of(&call);
	let weight_bound = call.get_dispatch_info().call_weight;
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	submit_ok(
		Keyring::Alice,
		RuntimeCall::Council(pallet_collective::Call::propose {
			threshold: ayes,
			proposal: Box::new(call),
			length_bound,
		}),
	);
	for member in members.iter().take(ayes as usize) {
		submit_ok(
			*member,
			RuntimeCall::Council(pallet_collective::Call::vote {
				proposal: hash,
				index,
				approve: true,
			}),
		);
	}
	System::reset_events();
	submit_ok(
		Keyring::Alice,
		RuntimeCall::Council(pallet_collective::Call::close {
			proposal_hash: hash,
			index,
			proposal_weight_bound: weight_bound,
			length_bound,
		}),
	);
	events().into_iter().find_map(|e| match e {
		RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
		_ => None,
	})
}

/// The 2-of-2 multisig account of Bob and Charlie.
pub fn bob_charlie_multisig() -> AccountId {
	pallet_multisig::Pallet::<Runtime>::multi_account_id(
		&[Keyring::Bob.to_account_id(), Keyring::Charlie.to_account_id()],
		2,
	)
}

/// The Bob–Charlie multisig runs `call`: Bob approves it, Charlie executes it. Returns the
/// result in `MultisigExecuted` (or `None` if it was not executed).
pub fn multisig_execute(call: RuntimeCall) -> Option<Result<(), DispatchError>> {
	let max_weight = frame_support::weights::Weight::from_parts(10_000_000_000, 1_000_000);
	submit_ok(
		Keyring::Bob,
		RuntimeCall::Multisig(pallet_multisig::Call::as_multi {
			threshold: 2,
			other_signatories: vec![Keyring::Charlie.to_account_id()],
			maybe_timepoint: None,
			call: Box::new(call.clone()),
			max_weight,
		}),
	);
	let when = pallet_multisig::Multisigs::<Runtime>::get(
		bob_charlie_multisig(),
		BlakeTwo256::hash_of(&call).0,
	)
	.expect("Bob's approval is stored")
	.when;
	System::reset_events();
	submit_ok(
		Keyring::Charlie,
		RuntimeCall::Multisig(pallet_multisig::Call::as_multi {
			threshold: 2,
			other_signatories: vec![Keyring::Bob.to_account_id()],
			maybe_timepoint: Some(when),
			call: Box::new(call),
			max_weight,
		}),
	);
	events().into_iter().find_map(|e| match e {
		RuntimeEvent::Multisig(pallet_multisig::Event::MultisigExecuted { result, .. }) => {
			Some(result)
		}
		_ => None,
	})
}

/// The error of a filtered call.
pub fn call_filtered() -> DispatchError {
	frame_system::Error::<Runtime>::CallFiltered.into()
}

/// Runs `test` on a fresh chain, then checks the invariants: the guardian's `try_state`,
/// conservation (see [`assert_conserved`]) and the runtime's integrity tests.
pub fn on_chain(test: impl FnOnce()) {
	new_chain().execute_with(|| {
		test();
		pallet_guardian::Pallet::<Runtime>::do_try_state().expect("guardian invariants hold");
		assert_conserved();
		<AllPalletsWithSystem as IntegrityTest>::integrity_test();
	});
}

/// Conservation: the total issuance equals the sum of every account's free and reserved
/// balance — nothing was created or destroyed outside pallet-balances' own accounting.
pub fn assert_conserved() {
	let sum: Balance = frame_system::Account::<Runtime>::iter()
		.map(|(_, info)| info.data.free + info.data.reserved)
		.sum();
	assert_eq!(
		pallet_balances::TotalIssuance::<Runtime>::get(),
		sum,
		"total issuance equals the sum of all balances"
	);
}

/// Finalizes the current block and opens block `n` directly (the blocks in between are
/// skipped: their hooks do not run), as if the chain had been idle until then.
pub fn jump_to_block(n: BlockNumber) {
	let header = Executive::finalize_block();
	let number = *header.number();
	frame_system::BlockHash::<Runtime>::insert(number, header.hash());
	frame_system::BlockHash::<Runtime>::insert(n.saturating_sub(1), header.hash());
	// frame-system opens only the block after the current one.
	System::set_block_number(n.saturating_sub(1));
	open_block(n);
}

/// An oracle member's submission of `price` for the native token's price.
pub fn feed_call(price: u128) -> RuntimeCall {
	RuntimeCall::Oracle(pallet_oracle::Call::feed_values {
		values: vec![(guardian_runtime::oracle::NATIVE_PRICE_KEY, price)]
			.try_into()
			.expect("one value"),
	})
}

/// Oracle member `member` submits `price` for the native token's price.
pub fn feed(member: Keyring, price: u128) {
	submit_ok(member, feed_call(price));
}

/// The native price feed: within 20% of the last accepted value (accepted in the last 10
/// blocks); a breach pauses the collateral pallet and raises the level to Elevated for
/// `duration` blocks.
pub fn price_monitor(
	stale_after: Option<BlockNumber>,
	duration: BlockNumber,
) -> MonitorInput<BlockNumber> {
	MonitorInput {
		rule: Some(Rule::Jump { within: 10, max_jump: sp_runtime::Perbill::from_percent(20) }),
		stale_after,
		playbook: PlaybookInput {
			pause: vec![pallet_target("Collateral")],
			pause_inbound: false,
			raise_to: RiskLevel::Elevated,
			duration,
		},
	}
}

/// A majority of the oracle's members (3 of the council's 5, pallet-oracle's `MinimumCount`)
/// submit `price`: the combined value (the median) becomes `price`.
pub fn set_price(price: u128) {
	for member in [Keyring::Alice, Keyring::Bob, Keyring::Charlie] {
		feed(member, price);
	}
}

/// The price as the collateral pallet reads it (through the guard).
pub fn guarded_price() -> Option<u128> {
	<pallet_guardian::GuardedFeed<Runtime, guardian_runtime::Oracle> as pallet_oracle::DataProvider<
		u32,
		u128,
	>>::get(&guardian_runtime::oracle::NATIVE_PRICE_KEY)
}
