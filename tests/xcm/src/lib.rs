//! pallet-guardian across chains: a relay chain and three parachains (A = 2000, B = 2001,
//! C = 2002) in one process, with xcm-simulator. Each parachain runs the guardian wired as a
//! parachain team would ([`parachain`]); the scenarios are in `tests/`.
//!
//! Blocks: the simulator carries a message to its destination's queue at once; the
//! destination services its queue in its next block ([`next_block`] runs every pallet's
//! `on_initialize`: the guardian's expiry first, then pallet-message-queue's servicing), as a
//! parachain does with the messages its inherent brought in.

pub mod parachain;
pub mod relay;

use frame_support::traits::{OnFinalize, OnInitialize};
use sp_runtime::{AccountId32, BuildStorage};
use xcm::latest::prelude::*;
use xcm_executor::traits::ConvertLocation;
use xcm_simulator::{decl_test_network, decl_test_parachain, decl_test_relay_chain, TestExt};

pub use parachain::{GUARDIAN_INDEX, PARA_A};
/// Chain B's para id.
pub const PARA_B: u32 = 2001;
/// Chain C's para id.
pub const PARA_C: u32 = 2002;

/// An account on every chain.
pub const ALICE: AccountId32 = AccountId32::new([1u8; 32]);
/// Another.
pub const BOB: AccountId32 = AccountId32::new([2u8; 32]);
/// What every account and sovereign account starts with.
pub const INITIAL_BALANCE: u128 = 1_000_000_000;

decl_test_parachain! {
	pub struct ParaA {
		Runtime = parachain::Runtime,
		XcmpMessageHandler = parachain::Inbox,
		DmpMessageHandler = parachain::Inbox,
		new_ext = para_ext(PARA_A),
	}
}

decl_test_parachain! {
	pub struct ParaB {
		Runtime = parachain::Runtime,
		XcmpMessageHandler = parachain::Inbox,
		DmpMessageHandler = parachain::Inbox,
		new_ext = para_ext(PARA_B),
	}
}

decl_test_parachain! {
	pub struct ParaC {
		Runtime = parachain::Runtime,
		XcmpMessageHandler = parachain::Inbox,
		DmpMessageHandler = parachain::Inbox,
		new_ext = para_ext(PARA_C),
	}
}

decl_test_relay_chain! {
	pub struct Relay {
		Runtime = relay::Runtime,
		RuntimeCall = relay::RuntimeCall,
		RuntimeEvent = relay::RuntimeEvent,
		XcmConfig = relay::XcmConfig,
		MessageQueue = relay::MessageQueue,
		System = relay::System,
		new_ext = relay_ext(),
	}
}

decl_test_network! {
	pub struct MockNet {
		relay_chain = Relay,
		parachains = vec![
			(2000, ParaA),
			(2001, ParaB),
			(2002, ParaC),
		],
	}
}

/// The location of sibling parachain `id`, as seen from a parachain.
pub fn sibling(id: u32) -> Location {
	Location::new(1, [Parachain(id)])
}

/// The sovereign account of sibling `id` on a parachain.
pub fn sibling_account(id: u32) -> AccountId32 {
	parachain::LocationToAccountId::convert_location(&sibling(id))
		.expect("siblings have sovereign accounts")
}

/// A local account as an XCM location.
pub fn account_location(who: &AccountId32) -> Location {
	Location::new(0, [Junction::AccountId32 { network: None, id: who.clone().into() }])
}

fn para_ext(para_id: u32) -> sp_io::TestExternalities {
	use parachain::{Runtime, System};
	let mut t = frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap();
	let sovereigns: Vec<_> = [PARA_A, PARA_B, PARA_C]
		.into_iter()
		.filter(|id| *id != para_id)
		.map(|id| (sibling_account(id), INITIAL_BALANCE))
		.collect();
	pallet_balances::GenesisConfig::<Runtime> {
		balances: [(ALICE, INITIAL_BALANCE), (BOB, INITIAL_BALANCE)]
			.into_iter()
			.chain(sovereigns)
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		inbox_set(para_id);
	});
	ext
}

fn inbox_set(para_id: u32) {
	parachain::inbox::ParachainId::<parachain::Runtime>::put(
		polkadot_parachain_primitives::primitives::Id::from(para_id),
	);
}

fn relay_ext() -> sp_io::TestExternalities {
	use relay::{Runtime, System};
	let mut t = frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Runtime> {
		balances: vec![(ALICE, INITIAL_BALANCE)],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Start the next block of the parachain whose externalities are in use, through the phases
/// `Executive` takes a block through: the current block's end (`PostTransactions`, then
/// `on_finalize`), then the next one's start (frame-system's initialization; every pallet's
/// `on_initialize` in declaration order — the treasury's spend period, the guardian's expiry
/// and monitors, the message queue's servicing —; `PreInherents`; no inherents;
/// `PostInherents`), leaving it open for extrinsics. Unlike `Executive`, events are kept
/// across blocks (a test reads what the last block's end did; `System::reset_events` clears
/// them). Returns the new block number. Checks the guardian's invariants (the ledger's truth
/// among them).
pub fn next_block() -> u64 {
	use frame_support::traits::{PostInherents, PostTransactions, PreInherents};
	use parachain::{AllPalletsWithSystem, Guardian, System};
	let now = System::block_number();
	System::note_finished_extrinsics();
	<Guardian as PostTransactions>::post_transactions();
	<AllPalletsWithSystem as OnFinalize<u64>>::on_finalize(now);
	let parent = System::finalize().hash();
	let next = now + 1;
	System::initialize(&next, &parent, &Default::default());
	<AllPalletsWithSystem as OnInitialize<u64>>::on_initialize(next);
	System::note_finished_initialize();
	<Guardian as PreInherents>::pre_inherents();
	System::note_inherents_applied();
	<Guardian as PostInherents>::post_inherents();
	pallet_guardian::Pallet::<parachain::Runtime>::do_try_state().expect("try_state holds");
	next
}

/// The guardian events of the parachain in use, in order.
pub fn guardian_events() -> Vec<pallet_guardian::Event<parachain::Runtime>> {
	parachain::System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			parachain::RuntimeEvent::Guardian(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The message queue's events of the parachain in use, in order.
pub fn queue_events() -> Vec<pallet_message_queue::Event<parachain::Runtime>> {
	parachain::System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			parachain::RuntimeEvent::MessageQueue(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// How many messages wait in the queue from sibling `id`, on the parachain in use.
pub fn waiting_from(id: u32) -> u64 {
	use frame_support::traits::QueueFootprintQuery;
	let origin = parachain::MessageOrigin::Sibling(id.into());
	<parachain::MessageQueue as QueueFootprintQuery<parachain::MessageOrigin>>::footprint(origin)
		.storage
		.count
}

/// How many messages wait in the queue from the relay chain, on the parachain in use.
pub fn waiting_from_relay() -> u64 {
	use frame_support::traits::QueueFootprintQuery;
	let origin = parachain::MessageOrigin::Parent;
	<parachain::MessageQueue as QueueFootprintQuery<parachain::MessageOrigin>>::footprint(origin)
		.storage
		.count
}

/// Root on the parachain in use.
pub fn root() -> parachain::RuntimeOrigin {
	parachain::RuntimeOrigin::root()
}

/// A pause of every call of `name`.
pub fn pallet(name: &str) -> pallet_guardian::PauseTargetInput {
	pallet_guardian::PauseTargetInput::Pallet { pallet: name.as_bytes().to_vec() }
}

/// A pause of the call `pallet::call`.
pub fn call(pallet: &str, call: &str) -> pallet_guardian::PauseTargetInput {
	pallet_guardian::PauseTargetInput::Call {
		pallet: pallet.as_bytes().to_vec(),
		call: call.as_bytes().to_vec(),
	}
}

/// `location` as the calls take it.
pub fn versioned(location: Location) -> Box<xcm::VersionedLocation> {
	Box::new(xcm::VersionedLocation::from(location))
}

/// On A: Alice sends `amount` of A's token to Bob on B (A is the reserve).
pub fn reserve_transfer_a_to_b(amount: u128) {
	frame_support::assert_ok!(parachain::PolkadotXcm::transfer_assets(
		parachain::RuntimeOrigin::signed(ALICE),
		versioned(sibling(PARA_B)),
		versioned(account_location(&BOB)),
		Box::new(xcm::VersionedAssets::from(Assets::from(vec![(Here, amount).into()]))),
		0,
		Unlimited,
	));
}
