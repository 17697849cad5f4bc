//! A mock runtime: System, Balances, Utility, the guardian and Timestamp (an inherent the
//! whitelist forgets), with a fast narrow pauser
//! (account 10, bound 10 blocks), a resumer (account 20), root (bound 1000 blocks) and an
//! argument-aware whitelist.

use crate::{self as pallet_guardian, cross_chain::Location, PauseWhitelist};
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{
		tokens::imbalance::ResolveTo, ConstU32, ConstU64, Contains, EitherOf, EitherOfDiverse,
		MapSuccess, VariantCountOf,
	},
};
use frame_support::{dispatch::GetDispatchInfo, weights::Weight};
use frame_system::{EnsureRoot, EnsureRootWithSuccess, EnsureSignedBy};
use sp_runtime::{
	traits::{DispatchTransaction, Replace, TransactionExtension},
	BuildStorage,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Utility: pallet_utility,
		Guardian: pallet_guardian,
		Deposits: deposits,
		// An inherent the whitelist below forgets: pauses must leave it alone.
		Timestamp: pallet_timestamp,
	}
);

/// A pallet that only holds deposits: the reason the tests of held funds hold them for.
#[frame_support::pallet(dev_mode)]
pub mod deposits {
	/// The pallet.
	#[pallet::pallet]
	pub struct Pallet<T>(_);
	/// Its configuration: nothing.
	#[pallet::config]
	pub trait Config: frame_system::Config {}
	/// Why it holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A deposit.
		Deposit,
	}
}
impl deposits::Config for Test {}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

/// The hold reason of the tests of held funds.
pub const DEPOSIT: RuntimeHoldReason = RuntimeHoldReason::Deposits(deposits::HoldReason::Deposit);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
	type BaseCallFilter = Guardian;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = pallet_guardian::LedgerGuard<Test, System>;
	type ReserveIdentifier = [u8; 8];
	type MaxReserves = ConstU32<4>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
}

impl pallet_utility::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = ();
}

/// The fast pauser may impose this many blocks at most.
pub const FAST_BOUND: u64 = 10;
/// Root may impose this many blocks at most.
pub const ROOT_BOUND: u64 = 1000;
/// Other pallets may impose this many blocks at most (the test prelude's
/// `MaxProgrammaticPause`).
pub const PROGRAMMATIC_BOUND: u64 = 50;
/// The account allowed to pause (narrowly).
pub const PAUSER: u64 = 10;
/// The account allowed to resume.
pub const RESUMER: u64 = 20;
/// The account allowed to set cap policies.
pub const CAPPER: u64 = 30;
/// Blocks an own limit's loosening waits (the test prelude's `OwnLimitDelay`).
pub const OWN_LIMIT_DELAY: u64 = 20;

ord_parameter_types! {
	pub const Pauser: u64 = PAUSER;
	pub const Resumer: u64 = RESUMER;
	pub const Capper: u64 = CAPPER;
}

parameter_types! {
	/// In storage so that a test can lower it below the runtime's longest names.
	pub storage MaxNameLen: u32 = 32;
	/// A static so that a test can give the runtime other refusal codes.
	pub static Refusals: pallet_guardian::RefusalCodes = pallet_guardian::RefusalCodes::DEFAULT;
}

/// Whitelist: everything in System, and `Utility::as_derivative` with index 0 only (an
/// argument-aware exemption).
pub struct MockWhitelist;
impl Contains<RuntimeCall> for MockWhitelist {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::System(_)
				| RuntimeCall::Utility(pallet_utility::Call::as_derivative { index: 0, .. })
		)
	}
}
impl PauseWhitelist<RuntimeCall> for MockWhitelist {
	fn protects(pallet: &[u8], call: Option<&[u8]>) -> bool {
		pallet == b"System"
			|| (pallet == b"Utility" && call.is_none_or(|call| call == b"as_derivative"))
	}
}

/// The test prelude's bounds (16 pauses, 3 windows, 2 targets, 3 monitors, programmatic pauses
/// of at most [`PROGRAMMATIC_BOUND`], own-limit delay [`OWN_LIMIT_DELAY`]), with the mock's
/// origins, whitelist and currency.
#[derive_impl(pallet_guardian::config_preludes::TestDefaultConfig)]
impl pallet_guardian::Config for Test {
	type RefusalCodes = Refusals;
	type PauseOrigin = EitherOf<
		EnsureRootWithSuccess<u64, ConstU64<ROOT_BOUND>>,
		MapSuccess<EnsureSignedBy<Pauser, u64>, Replace<ConstU64<FAST_BOUND>>>,
	>;
	type ResumeOrigin = EitherOfDiverse<EnsureRoot<u64>, EnsureSignedBy<Resumer, u64>>;
	type WhitelistedCalls = MockWhitelist;
	type MaxNameLen = MaxNameLen;
	type Balance = u64;
	type Currency = Balances;
	type ConfigureOrigin = EitherOfDiverse<EnsureRoot<u64>, EnsureSignedBy<Capper, u64>>;
	type PauseRooms = MockRooms;
	type OutflowEstimator = pallet_guardian::BalancesTransfersInBatches<Test>;
	type OwnLimitDeposit = ConstU64<5>;
	type ReportDepositBase = ConstU64<REPORT_DEPOSIT>;
	type ReportDepositIncrease = ReportDepositIncrease;
	type ReportReward = ConstU64<REPORT_REWARD>;
	type ReportRewardPot = Treasury;
	type ReportSlash = ResolveTo<Treasury, Balances>;
	type AlertRouter = MockRouter;
	type AlertOrigin = SiblingOrigin;
	type AlertDeliveryWeight = AlertDeliveryWeight;
	type InboundGovernance = (
		frame_support::traits::Equals<GovernanceChain>,
		frame_support::traits::Equals<GovernanceBody>,
	);
}

/// The sibling whose queue is governance's (`InboundGovernance`): its messages never wait.
pub const GOVERNANCE_PARA: u32 = 1_001;

parameter_types! {
	pub GovernanceChain: Location = sibling(GOVERNANCE_PARA);
	/// A governance body on sibling 7 (as the Fellowship is on the collectives chain): its
	/// messages descend into it from 7's queue.
	pub GovernanceBody: Location = Location::new(
		1,
		[
			xcm::latest::Junction::Parachain(7),
			xcm::latest::Junction::Plurality {
				id: xcm::latest::BodyId::Technical,
				part: xcm::latest::BodyPart::Voice,
			},
		],
	);
	pub const AlertDeliveryWeight: Weight = Weight::from_parts(1_000_000, 100);
	/// The rooms among the prelude's 16 pauses: governance 2, the automatic responses 4 (two
	/// full playbooks), other pallets 2, reports 4 (every reportable target), alerts 4 (both
	/// sources' full playbooks).
	pub const MockRooms: pallet_guardian::PauseRooms = pallet_guardian::PauseRooms {
		governance: 2,
		automatic: 4,
		programmatic: 2,
		reports: 4,
		alerts: 4,
	};
}

std::thread_local! {
	/// What [`MockRouter`] delivered: destination and message.
	pub static SENT: core::cell::RefCell<Vec<(Location, xcm::latest::Xcm<()>)>> =
		const { core::cell::RefCell::new(Vec::new()) };
}

/// A router that reaches sibling parachains (`../Parachain(id)`) only, and records what it
/// delivers. (The real routers are exercised by the xcm-simulator tests in `tests/xcm`.)
pub struct MockRouter;
impl xcm::latest::SendXcm for MockRouter {
	type Ticket = (Location, xcm::latest::Xcm<()>);
	fn validate(
		dest: &mut Option<Location>,
		message: &mut Option<xcm::latest::Xcm<()>>,
	) -> xcm::latest::SendResult<Self::Ticket> {
		use xcm::latest::{Junction::Parachain, SendError};
		let d = dest.take().ok_or(SendError::MissingArgument)?;
		if !matches!(d.unpack(), (1, [Parachain(_)])) {
			*dest = Some(d);
			return Err(SendError::NotApplicable);
		}
		let m = message.take().ok_or(SendError::MissingArgument)?;
		Ok(((d, m), xcm::latest::Assets::new()))
	}
	fn deliver(ticket: Self::Ticket) -> Result<xcm::latest::XcmHash, xcm::latest::SendError> {
		if REFUSING.with(|refusing| refusing.get()) {
			return Err(xcm::latest::SendError::Transport("the channel is full"));
		}
		SENT.with(|sent| sent.borrow_mut().push(ticket));
		Ok([0; 32])
	}
}

std::thread_local! {
	/// Whether [`MockRouter`] refuses to deliver (as a full channel does).
	pub static REFUSING: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// Make [`MockRouter`] refuse deliveries (`true`) or deliver again.
pub fn router_refuses(refusing: bool) {
	REFUSING.with(|r| r.set(refusing));
}

/// The messages delivered so far (and forget them).
pub fn take_sent() -> Vec<(Location, xcm::latest::Xcm<()>)> {
	SENT.with(|sent| sent.take())
}

/// The location of sibling parachain `id`.
pub fn sibling(id: u32) -> Location {
	Location::new(1, [xcm::latest::Junction::Parachain(id)])
}

/// Stands for `pallet_xcm::EnsureXcm<IsAlertSource<Test>>` on this mock (which has no XCM
/// executor): a signed account `id >= SIBLING_BASE` is the sibling parachain
/// `id - SIBLING_BASE`, and only an allowed alert source passes.
pub struct SiblingOrigin;
/// Signed accounts from here on stand for sibling parachains in [`SiblingOrigin`].
pub const SIBLING_BASE: u64 = 1_000_000;
impl frame_support::traits::EnsureOrigin<RuntimeOrigin> for SiblingOrigin {
	type Success = Location;
	fn try_origin(o: RuntimeOrigin) -> Result<Location, RuntimeOrigin> {
		use frame_support::traits::Contains;
		match o.clone().into() {
			Ok(frame_system::RawOrigin::Signed(who)) if who >= SIBLING_BASE => {
				let location = sibling((who - SIBLING_BASE) as u32);
				if pallet_guardian::IsAlertSource::<Test>::contains(&location) {
					Ok(location)
				} else {
					Err(o)
				}
			}
			_ => Err(o),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Err(())
	}
}

/// A report's deposit when none is open.
pub const REPORT_DEPOSIT: u64 = 10;
/// A confirmed report's reward.
pub const REPORT_REWARD: u64 = 50;
/// The treasury: pays rewards, receives slashed deposits (unfunded unless a test funds it).
pub const TREASURY: u64 = 99;

parameter_types! {
	pub const ReportDepositIncrease: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(50);
}
ord_parameter_types! {
	pub const Treasury: u64 = TREASURY;
}

/// Accounts 1..=5, 10, 20 and 30 hold 1000 each.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with(Default::default())
}

/// As [`new_test_ext`], with a guardian genesis.
pub fn new_test_ext_with(
	guardian: pallet_guardian::GenesisConfig<Test>,
) -> sp_io::TestExternalities {
	let t = RuntimeGenesisConfig {
		system: Default::default(),
		balances: pallet_balances::GenesisConfig {
			balances: [1, 2, 3, 4, 5, PAUSER, RESUMER, CAPPER]
				.into_iter()
				.map(|a| (a, 1000))
				.collect(),
			..Default::default()
		},
		guardian,
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` at block 1 and checks the pallet's invariants afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("try_state invariants hold");
	});
}

/// What the transaction extension `extension` refunds of its up-front weight once `who`'s
/// `call` has been validated, prepared and (successfully) dispatched.
pub fn refund_of<E: TransactionExtension<RuntimeCall>>(
	extension: E,
	who: u64,
	call: RuntimeCall,
) -> Weight {
	let info = call.get_dispatch_info();
	let (pre, _) = extension
		.validate_and_prepare(RuntimeOrigin::signed(who), &call, &info, 0, 0)
		.expect("valid");
	E::post_dispatch_details(pre, &info, &Default::default(), 0, &Ok(())).expect("no error")
}

/// The cap origin (account 30).
pub fn capper() -> RuntimeOrigin {
	RuntimeOrigin::signed(CAPPER)
}

/// A pallet target (`"Balances"`) or a call target (`"Utility::batch"`).
pub fn target(name: &str) -> pallet_guardian::PauseTargetInput {
	match name.split_once("::") {
		Some((pallet, call)) => pallet_guardian::PauseTarget::Call {
			pallet: pallet.as_bytes().to_vec(),
			call: call.as_bytes().to_vec(),
		},
		None => pallet_guardian::PauseTarget::Pallet { pallet: name.as_bytes().to_vec() },
	}
}

/// [`target`] as stored (validated against the mock's calls).
pub fn stored(name: &str) -> pallet_guardian::PauseTargetOf<Test> {
	Guardian::validate_target(&target(name)).expect("valid target")
}

/// `from` transfers `value` to `to` (keep-alive), dispatched with the call filter.
pub fn transfer(from: u64, to: u64, value: u64) -> Result<(), sp_runtime::DispatchError> {
	use sp_runtime::traits::Dispatchable;
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: to, value })
		.dispatch(RuntimeOrigin::signed(from))
		.map(|_| ())
		.map_err(|e| e.error)
}

/// The guardian's events so far.
pub fn guardian_events() -> Vec<pallet_guardian::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Guardian(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Opens block `n` as block production does: frame-system's initialization (the block is in
/// its `Initialization` phase), then every pallet's `on_initialize`.
pub fn initialize_block(n: u64) {
	use frame_support::traits::OnInitialize;
	System::initialize(&n, &Default::default(), &Default::default());
	AllPalletsWithSystem::on_initialize(n);
}

/// Runs every block up to `n` (finalizing each, with its timestamp inherent's effect).
pub fn run_to_block(n: u64) {
	System::run_to_block_with::<AllPalletsWithSystem>(
		n,
		frame_system::RunToBlockHooks::default()
			.before_finalize(|block: u64| Timestamp::set_timestamp(block.saturating_mul(6000))),
	);
}

#[test]
fn the_mock_constants_are_the_configuration() {
	use frame_support::traits::Get;
	type Config = <Test as pallet_guardian::Config>::MaxProgrammaticPause;
	assert_eq!(<Config as Get<u64>>::get(), PROGRAMMATIC_BOUND);
	assert_eq!(
		<<Test as pallet_guardian::Config>::OwnLimitDelay as Get<u64>>::get(),
		OWN_LIMIT_DELAY
	);
}

/// Observe `value` of `source` as its reporter would (a feed: judged at once outside a
/// transaction; a metric: kept as it stands for the block's end).
pub fn observe(source: pallet_guardian::Source, value: u128) {
	crate::monitors::Monitoring::<Test>::observe(source, value);
}

/// The end of the current block's transactions (`PostTransactions`): values anyone can move are
/// judged as they stand.
pub fn end_block() {
	<Guardian as frame_support::traits::PostTransactions>::post_transactions();
}

/// What the lifecycle (`WatchTransaction`) returns of its up-front weight once `who`'s `body`
/// ran as the dispatch of a signed `System::remark`, and the guard work it noted (what the
/// payer is charged).
pub fn in_signed_transaction(who: u64, body: impl FnOnce()) -> Weight {
	use sp_runtime::traits::{DispatchTransaction, TransactionExtension};
	let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
	let info = call.get_dispatch_info();
	let (pre, _) = pallet_guardian::WatchTransaction::<Test>::new()
		.validate_and_prepare(RuntimeOrigin::signed(who), &call, &info, 0, 0)
		.expect("valid");
	body();
	let refund = pallet_guardian::WatchTransaction::<Test>::post_dispatch_details(
		pre,
		&info,
		&Default::default(),
		0,
		&Ok(()),
	)
	.expect("no error");
	let _ = refund;
	crate::lifecycle::memory::take_guard_fee(&codec::Encode::encode(&who))
}

/// Have the response engine apply a playbook pausing `targets` for `duration` blocks on behalf
/// of `by` (as a cap's high-water response would). Returns how many of them `by` then holds.
pub fn respond(
	by: pallet_guardian::Contributor,
	targets: &[pallet_guardian::PauseTargetOf<Test>],
	duration: u64,
) -> u32 {
	use pallet_guardian::responses::{playbooks::Cause, Engine};
	let playbook = pallet_guardian::Playbook {
		pause: frame_support::BoundedVec::truncate_from(targets.to_vec()),
		pause_inbound: false,
		raise_to: pallet_guardian::RiskLevel::Normal,
		duration,
	};
	let cause = Cause {
		source: pallet_guardian::Source::PolicyOutflow,
		anomaly: pallet_guardian::Anomaly::HighWater,
		from: None,
	};
	Engine::<Test>::respond(by, cause, &playbook);
	targets.iter().filter(|t| Engine::<Test>::held_until(by, t).is_some()).count() as u32
}
