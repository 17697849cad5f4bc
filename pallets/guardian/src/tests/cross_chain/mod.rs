//! Cross-chain orchestration on the mock: inbound pauses and the processor wrapper, the
//! barrier, subscriptions and the alerts a firing playbook sends, receiving and resetting.
//! (The three-parachain scenarios over real XCM are in `tests/xcm`.) The helpers are here, the
//! tests in one file per concern.

use super::mock::*;
use crate::{
	cross_chain::Location, AllowAlertsFrom, Anomaly, Contributor, Error, Event, GuardianAlert,
	Limit, MonitorInput, PausableProcessor, PauseTarget, PlaybookInput, ResumeReason, RiskLevel,
	Rule, Source, XcmInboundPauses,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{ProcessMessage, ProcessMessageError},
	weights::{Weight, WeightMeter},
};
use xcm::{latest::prelude::*, VersionedLocation};
use xcm_executor::traits::{Properties, ShouldExecute};

mod alerts_in;
mod alerts_out;
mod inbound;
mod waiting_messages;

fn versioned(location: Location) -> Box<VersionedLocation> {
	Box::new(VersionedLocation::from(location))
}

/// The origin an alert from sibling `id` arrives with on this mock.
fn from_sibling(id: u32) -> RuntimeOrigin {
	RuntimeOrigin::signed(SIBLING_BASE + u64::from(id))
}

fn alert(kind: Source) -> GuardianAlert {
	GuardianAlert { kind, anomaly: Anomaly::Rise, severity: RiskLevel::Critical, until: 50 }
}

fn mapping(pause_inbound: bool, pause: Vec<&str>, duration: u64) -> PlaybookInput<u64> {
	PlaybookInput {
		pause: pause.into_iter().map(target).collect(),
		pause_inbound,
		raise_to: RiskLevel::Elevated,
		duration,
	}
}

/// The inner processor of the wrapper's tests: counts what reaches it.
struct Counting;
std::thread_local! {
	static PROCESSED: core::cell::Cell<u32> = const { core::cell::Cell::new(0) };
}
impl ProcessMessage for Counting {
	type Origin = Origin;
	fn process_message(
		_: &[u8],
		_: Origin,
		_: &mut WeightMeter,
		_: &mut [u8; 32],
	) -> Result<bool, ProcessMessageError> {
		PROCESSED.with(|p| p.set(p.get() + 1));
		Ok(true)
	}
}
/// A queue origin: a sibling parachain.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
)]
struct Origin(u32);
impl From<Origin> for Location {
	fn from(origin: Origin) -> Location {
		sibling(origin.0)
	}
}

frame_support::parameter_types! {
	/// The pallets whose pause stops XCM's value movement on this mock.
	pub const ValuePallets: &'static [&'static str] = &["Balances"];
}

type Processor = PausableProcessor<Test, Counting, ValuePallets>;

/// A message without value from sibling `from` through the processor.
fn process(from: u32, meter: &mut WeightMeter) -> Result<bool, ProcessMessageError> {
	let message = xcm::VersionedXcm::from(Xcm::<RuntimeCall>(vec![ClearOrigin])).encode();
	Processor::process_message(&message, Origin(from), meter, &mut [0; 32])
}

/// `program` from sibling `from` through the processor, as pallet-message-queue hands it over.
fn process_program(from: u32, program: Xcm<RuntimeCall>) -> Result<bool, ProcessMessageError> {
	let message = xcm::VersionedXcm::from(program).encode();
	Processor::process_message(&message, Origin(from), &mut WeightMeter::new(), &mut [0; 32])
}

/// A deposit into a local account: what a reserve transfer or a teleport from a sibling is.
fn deposit_program() -> Xcm<RuntimeCall> {
	let asset: Asset = (Here, 100u128).into();
	Xcm(vec![
		ReserveAssetDeposited(asset.clone().into()),
		ClearOrigin,
		DepositAsset {
			assets: Wild(AllCounted(1)),
			beneficiary: AccountId32 { network: None, id: [1; 32] }.into(),
		},
	])
}

/// `call` transacted with `origin_kind`.
fn transact(origin_kind: OriginKind, call: RuntimeCall) -> Xcm<RuntimeCall> {
	Xcm(vec![Transact { origin_kind, fallback_max_weight: None, call: call.encode().into() }])
}

fn balances_call() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: 2, value: 1 })
}

fn no_value() -> Xcm<RuntimeCall> {
	Xcm(vec![ClearOrigin, SetTopic([7; 32])])
}

/// Governance's own message from its queue: root's resume of everyone's inbound XCM, its
/// origin kept.
fn governance_program() -> Xcm<RuntimeCall> {
	let resume = RuntimeCall::Guardian(crate::Call::resume_xcm_inbound { from: None });
	let mut program = transact(OriginKind::Superuser, resume);
	program.0.insert(0, UnpaidExecution { weight_limit: Unlimited, check_origin: None });
	program
}

/// A user's message from the governance chain: pallet-xcm descends into the sender's account.
fn user_of(program: Xcm<RuntimeCall>) -> Xcm<RuntimeCall> {
	let mut program = program;
	program.0.insert(0, DescendOrigin(AccountId32 { network: None, id: [9; 32] }.into()));
	program
}
