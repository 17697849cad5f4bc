//! One parachain runtime, instantiated three times (A, B, C) by the network in `lib.rs`,
//! wired the way a parachain team adds the guardian:
//!
//! * pallet-balances keeps accounts in the guardian's `LedgerGuard` (the caps);
//! * inbound XCM is enqueued in pallet-message-queue, whose processor is the guardian's
//!   `PausableProcessor` around `xcm_builder::ProcessXcmMessage` (messages from a paused origin
//!   wait in the queue);
//! * the processor names the pallets holding what XCM moves (`XcmValuePallets`): while one
//!   of them or the chain is paused, messages that move value wait too;
//! * the relay chain is governance (`InboundGovernance`): it dispatches as root and its
//!   messages never wait;
//! * the XCM barrier puts `AllowAlertsFrom` before the paid barrier, and
//!   `XcmPassthrough` lets a `Transact` keep its XCM origin for `EnsureXcm`;
//! * the guardian's `AlertOrigin` is `pallet_xcm::EnsureXcm<IsAlertSource>` and its
//!   `AlertRouter` the chain's XCM router.
//!
//! The native token is the chain's own (`Here`); chain A's token (para 2000) is also held on
//! the others, in a second balances instance (`ForeignBalances`), reserve-backed by A.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	construct_runtime, derive_impl, parameter_types,
	traits::{
		ConstU128, ConstU32, ConstU64, Disabled, EnqueueMessage, Equals, Everything, Get, Nothing,
		VariantCountOf,
	},
	weights::Weight,
	BoundedSlice,
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess};
use polkadot_parachain_primitives::primitives::{
	DmpMessageHandler, Id as ParaId, XcmpMessageFormat, XcmpMessageHandler,
};
use scale_info::TypeInfo;
use sp_runtime::{traits::IdentityLookup, AccountId32};
use xcm::{latest::prelude::*, VersionedXcm};
use xcm_builder::{
	AccountId32Aliases, AllowExplicitUnpaidExecutionFrom, AllowTopLevelPaidExecutionFrom,
	DescribeAllTerminal, DescribeFamily, EnsureXcmOrigin, FixedRateOfFungible, FixedWeightBounds,
	FrameTransactionalProcessor, FungibleAdapter, HashedDescription, IsConcrete, NativeAsset,
	ParentAsSuperuser, ParentIsPreset, ProcessXcmMessage, SiblingParachainConvertsVia,
	SignedAccountId32AsNative, SignedToAccountId32, SovereignSignedViaLocation, TakeWeightCredit,
};
use xcm_executor::XcmExecutor;

pub type AccountId = AccountId32;
pub type Balance = u128;
pub type BlockNumber = u64;

/// Chain A's para id: its token is held on the other chains as `ForeignBalances`.
pub const PARA_A: u32 = 2000;
/// The guardian's pallet index in this runtime (part of every alert sent to it).
pub const GUARDIAN_INDEX: u8 = 3;

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Runtime {
	type AccountId = AccountId;
	type Lookup = IdentityLookup<Self::AccountId>;
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
	type BaseCallFilter = Guardian;
	type PreInherents = Guardian;
	type PostInherents = Guardian;
	type PostTransactions = Guardian;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = pallet_guardian::LedgerGuard<Runtime, System>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
}

/// Chain A's token, held on this chain (reserve-backed by A).
pub type ForeignInstance = pallet_balances::Instance2;
#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config<ForeignInstance> for Runtime {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = frame_support::traits::StorageMapShim<
		pallet_balances::Account<Runtime, ForeignInstance>,
		AccountId,
		pallet_balances::AccountData<Balance>,
	>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
}

parameter_types! {
	pub const AlertDeliveryWeight: Weight = Weight::from_parts(20_000_000, 4_000);
	pub const ReportDepositIncrease: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(10);
	pub const ReportPot: AccountId = AccountId32::new([0xee; 32]);
}

parameter_types! {
	pub const TreasuryPalletId: frame_support::PalletId = frame_support::PalletId(*b"py/trsry");
	pub TreasuryAccount: AccountId = Treasury::account_id();
	pub const SpendPeriod: BlockNumber = TREASURY_SPEND_PERIOD;
	pub const MaxSpend: Balance = Balance::MAX;
}

/// How often the treasury pays its approved spends, in blocks.
pub const TREASURY_SPEND_PERIOD: BlockNumber = 10;

/// A treasury paying out through `fungible` transfers from its account, declared *before* the
/// guardian in `construct_runtime!` (so its spend period runs before the guardian's
/// `on_initialize`): the guardian must not depend on the order pallets are declared in.
impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = EnsureRoot<AccountId>;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	type Burn = ();
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = ();
	type SpendFunds = ();
	type MaxApprovals = ConstU32<100>;
	type SpendOrigin = frame_system::EnsureRootWithSuccess<AccountId, MaxSpend>;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type Paymaster = frame_support::traits::tokens::pay::PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = frame_support::traits::tokens::UnityAssetBalanceConversion;
	type PayoutPeriod = ConstU64<1_000>;
	type BlockNumberProvider = System;
}

parameter_types! {
	/// System (and so `set_code`) is never paused; root dispatches past pauses anyway.
	pub const NeverPaused: &'static [&'static str] = &["System"];
	/// Room for every alert source's full playbook (4 sources of 4 targets) beside the other
	/// classes.
	pub const Rooms: pallet_guardian::PauseRooms = pallet_guardian::PauseRooms {
		governance: 8,
		automatic: 8,
		programmatic: 4,
		reports: 4,
		alerts: 16,
	};
}

#[derive_impl(pallet_guardian::config_preludes::TestDefaultConfig)]
impl pallet_guardian::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type PauseOrigin = EnsureRootWithSuccess<AccountId, ConstU64<1_000>>;
	type ResumeOrigin = EnsureRoot<AccountId>;
	type ConfigureOrigin = EnsureRoot<AccountId>;
	type WhitelistedCalls = pallet_guardian::WhitelistedPallets<NeverPaused>;
	type MaxProgrammaticPause = ConstU64<100>;
	// pallet-xcm has a 34-byte call name (`transfer_assets_using_type_and_then`).
	type MaxNameLen = ConstU32<48>;
	type MaxActivePauses = ConstU32<40>;
	type PauseRooms = Rooms;
	type MaxResponseTargets = ConstU32<4>;
	type Balance = Balance;
	type Currency = Balances;
	type OwnLimitDeposit = ConstU128<5>;
	type OutflowEstimator = ();
	type MaxMonitors = ConstU32<8>;
	type ReportDepositBase = ConstU128<100>;
	type ReportDepositIncrease = ReportDepositIncrease;
	type ReportReward = ConstU128<1_000>;
	type ReportRewardPot = ReportPot;
	type ReportSlash = ();
	type AlertRouter = XcmRouter;
	type AlertOrigin = pallet_xcm::EnsureXcm<pallet_guardian::IsAlertSource<Runtime>>;
	type AlertDeliveryWeight = AlertDeliveryWeight;
	type MaxAlertSubscribers = ConstU32<4>;
	type MaxAlertSources = ConstU32<4>;
	type MaxAlertKinds = ConstU32<4>;
	type MaxInboundPauses = ConstU32<8>;
	type MaxInboundCaps = ConstU32<8>;
	// The relay chain is governance: its messages never wait behind a pause.
	type InboundGovernance = Equals<ParentLocation>;
}

// ---- Inbound messages: enqueued, then serviced through the guardian's processor. ----

/// Where a message came from (cumulus' `AggregateMessageOrigin`, without `Here`).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
)]
pub enum MessageOrigin {
	/// The relay chain (DMP).
	Parent,
	/// A sibling parachain (XCMP).
	Sibling(ParaId),
}

impl From<MessageOrigin> for Location {
	fn from(origin: MessageOrigin) -> Location {
		match origin {
			MessageOrigin::Parent => Location::parent(),
			MessageOrigin::Sibling(id) => Location::new(1, [Parachain(id.into())]),
		}
	}
}

parameter_types! {
	/// The pallets holding what XCM moves on this chain (the asset transactors' balances
	/// instances, and pallet-xcm): while one of them, or the chain, is paused, messages that
	/// move value wait in the queue.
	pub const XcmValuePallets: &'static [&'static str] =
		&["Balances", "ForeignBalances", "PolkadotXcm"];
}

/// The message processor: the guardian's wrapper around the XCM executor's.
pub type MessageProcessor = pallet_guardian::PausableProcessor<
	Runtime,
	ProcessXcmMessage<MessageOrigin, XcmExecutor<XcmConfig>, RuntimeCall>,
	XcmValuePallets,
>;

parameter_types! {
	pub MessageQueueServiceWeight: Weight = Weight::from_parts(500_000_000_000, 5_000_000);
}

impl pallet_message_queue::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Size = u32;
	type HeapSize = ConstU32<65_536>;
	type MaxStale = ConstU32<16>;
	type ServiceWeight = MessageQueueServiceWeight;
	type IdleMaxServiceWeight = ();
	type MessageProcessor = MessageProcessor;
	type QueueChangeHandler = ();
	type QueuePausedQuery = ();
	type WeightInfo = ();
}

/// This chain's para id, and the handlers the simulator delivers XCMP and DMP to: every
/// message is enqueued into pallet-message-queue (as cumulus' XCMP queue does), and serviced
/// in the chain's next block.
#[frame_support::pallet]
pub mod inbox {
	use super::*;
	use frame_support::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_message_queue::Config {}

	/// This chain's para id.
	#[pallet::storage]
	pub type ParachainId<T: Config> = StorageValue<_, ParaId, ValueQuery>;

	impl<T: Config> Get<ParaId> for Pallet<T> {
		fn get() -> ParaId {
			ParachainId::<T>::get()
		}
	}
}
impl inbox::Config for Runtime {}

fn enqueue(origin: MessageOrigin, message: &[u8]) {
	match BoundedSlice::try_from(message) {
		Ok(bounded) => MessageQueue::enqueue_message(bounded, origin),
		Err(_) => log::error!("message from {origin:?} too long to enqueue"),
	}
}

impl XcmpMessageHandler for Inbox {
	fn handle_xcmp_messages<'a, I: Iterator<Item = (ParaId, u32, &'a [u8])>>(
		iter: I,
		max_weight: Weight,
	) -> Weight {
		for (sender, _sent_at, data) in iter {
			let mut data = data;
			if XcmpMessageFormat::decode(&mut data)
				!= Ok(XcmpMessageFormat::ConcatenatedVersionedXcm)
			{
				log::error!("unexpected XCMP format from {sender:?}");
				continue;
			}
			while !data.is_empty() {
				let Ok(xcm) = VersionedXcm::<()>::decode(&mut data) else {
					log::error!("undecodable XCMP message from {sender:?}");
					break;
				};
				enqueue(MessageOrigin::Sibling(sender), &xcm.encode());
			}
		}
		max_weight
	}
}

impl DmpMessageHandler for Inbox {
	fn handle_dmp_messages(iter: impl Iterator<Item = (u32, Vec<u8>)>, limit: Weight) -> Weight {
		for (_sent_at, data) in iter {
			enqueue(MessageOrigin::Parent, &data);
		}
		limit
	}
}

// ---- XCM configuration ----

parameter_types! {
	pub const RelayNetwork: NetworkId = NetworkId::Kusama;
	pub UniversalLocation: InteriorLocation =
		[GlobalConsensus(RelayNetwork::get()), Parachain(Inbox::get().into())].into();
	pub const HereLocation: Location = Location::here();
	pub const ParentLocation: Location = Location::parent();
	pub ATokenLocation: Location = Location::new(1, [Parachain(PARA_A)]);
	pub const UnitWeightCost: Weight = Weight::from_parts(1_000, 1_000);
	pub const MaxInstructions: u32 = 100;
	pub const MaxAssetsIntoHolding: u32 = 64;
	/// Execution is paid in the native token or in A's token, at a nominal rate.
	pub ATokenPerSecond: (AssetId, u128, u128) = (AssetId(ATokenLocation::get()), 1_000_000, 1);
}

/// Execution paid in the native token: one unit per microsecond (what A's token pays too). A
/// weigher's refund smaller than a unit refunds nothing (xcm-builder's fixed-rate trader
/// would build a zero asset for it).
pub struct NativeFee;
impl frame_support::weights::WeightToFee for NativeFee {
	type Balance = Balance;
	fn weight_to_fee(weight: &Weight) -> Balance {
		Balance::from(weight.ref_time() / 1_000_000)
	}
}

/// How locations become accounts: the relay chain's, siblings' sovereign accounts, local keys,
/// and accounts of other chains' users (hashed, as on Asset Hub).
pub type LocationToAccountId = (
	ParentIsPreset<AccountId>,
	SiblingParachainConvertsVia<ParaId, AccountId>,
	AccountId32Aliases<RelayNetwork, AccountId>,
	HashedDescription<AccountId, DescribeFamily<DescribeAllTerminal>>,
);

parameter_types! {
	/// C is trusted to teleport this chain's native token (as the relay chain and Asset Hub
	/// trust each other's): what it teleports in is minted here.
	pub NativeFromC: (AssetFilter, Location) = (
		Wild(AllOf { id: AssetId(Location::here()), fun: WildFungible }),
		Location::new(1, [Parachain(crate::PARA_C)]),
	);
}

/// The native token over pallet-balances, whose ledger is guarded: every withdrawal is a debit
/// the caps limit, and every deposit from a capped origin counts against its inbound cap. A's
/// token over the second instance.
pub type AssetTransactors = (
	pallet_guardian::CappedInflow<
		Runtime,
		FungibleAdapter<Balances, IsConcrete<HereLocation>, LocationToAccountId, AccountId, ()>,
		IsConcrete<HereLocation>,
		LocationToAccountId,
	>,
	FungibleAdapter<
		ForeignBalances,
		IsConcrete<ATokenLocation>,
		LocationToAccountId,
		AccountId,
		(),
	>,
);

pub type XcmOriginToCallOrigin = (
	SovereignSignedViaLocation<LocationToAccountId, RuntimeOrigin>,
	// The relay chain's governance dispatches as root.
	ParentAsSuperuser<RuntimeOrigin>,
	SignedAccountId32AsNative<RelayNetwork, RuntimeOrigin>,
	pallet_xcm::XcmPassthrough<RuntimeOrigin>,
);

/// The guardian's alerts from allowed sources, and the relay chain's governance, run unpaid;
/// everything else pays.
pub type Barrier = (
	pallet_guardian::AllowAlertsFrom<Runtime>,
	AllowExplicitUnpaidExecutionFrom<Equals<ParentLocation>>,
	TakeWeightCredit,
	AllowTopLevelPaidExecutionFrom<Everything>,
);

/// Generated by the network (`decl_test_network!`).
pub type XcmRouter = crate::ParachainXcmRouter<Inbox>;

pub struct XcmConfig;
impl xcm_executor::Config for XcmConfig {
	type RuntimeCall = RuntimeCall;
	type XcmSender = XcmRouter;
	type XcmEventEmitter = PolkadotXcm;
	type AssetTransactor = AssetTransactors;
	type OriginConverter = XcmOriginToCallOrigin;
	type IsReserve = NativeAsset;
	type IsTeleporter = xcm_builder::Case<NativeFromC>;
	type Aliasers = Nothing;
	type UniversalLocation = UniversalLocation;
	type Barrier = Barrier;
	/// The inbound caps' accounting is charged to the message, and what it did not use
	/// refunded.
	type Weigher = pallet_guardian::InflowWeigher<
		Runtime,
		FixedWeightBounds<UnitWeightCost, RuntimeCall, MaxInstructions>,
	>;
	type Trader = (
		xcm_builder::UsingComponents<NativeFee, HereLocation, AccountId, Balances, ()>,
		FixedRateOfFungible<ATokenPerSecond, ()>,
	);
	type ResponseHandler = PolkadotXcm;
	type AssetTrap = PolkadotXcm;
	type AssetLocker = ();
	type AssetExchanger = ();
	type SubscriptionService = PolkadotXcm;
	type PalletInstancesInfo = AllPalletsWithSystem;
	type MaxAssetsIntoHolding = MaxAssetsIntoHolding;
	type FeeManager = ();
	type MessageExporter = ();
	type UniversalAliases = Nothing;
	type CallDispatcher = RuntimeCall;
	type SafeCallFilter = Everything;
	type TransactionalProcessor = FrameTransactionalProcessor;
	type HrmpNewChannelOpenRequestHandler = ();
	type HrmpChannelAcceptedHandler = ();
	type HrmpChannelClosingHandler = ();
	type XcmRecorder = PolkadotXcm;
}

pub type LocalOriginToLocation = SignedToAccountId32<RuntimeOrigin, AccountId, RelayNetwork>;

impl pallet_xcm::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type SendXcmOrigin = EnsureXcmOrigin<RuntimeOrigin, LocalOriginToLocation>;
	type XcmRouter = XcmRouter;
	type ExecuteXcmOrigin = EnsureXcmOrigin<RuntimeOrigin, LocalOriginToLocation>;
	type XcmExecuteFilter = Nothing;
	type XcmExecutor = XcmExecutor<XcmConfig>;
	type XcmTeleportFilter = Nothing;
	type XcmReserveTransferFilter = Everything;
	/// The inbound caps' accounting is charged to the message, and what it did not use
	/// refunded.
	type Weigher = pallet_guardian::InflowWeigher<
		Runtime,
		FixedWeightBounds<UnitWeightCost, RuntimeCall, MaxInstructions>,
	>;
	type UniversalLocation = UniversalLocation;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	const VERSION_DISCOVERY_QUEUE_SIZE: u32 = 100;
	type AdvertisedXcmVersion = pallet_xcm::CurrentXcmVersion;
	type Currency = Balances;
	type CurrencyMatcher = ();
	type TrustedLockers = ();
	type SovereignAccountOf = LocationToAccountId;
	type MaxLockers = ConstU32<8>;
	type MaxRemoteLockConsumers = ConstU32<0>;
	type RemoteLockConsumerIdentifier = ();
	type WeightInfo = pallet_xcm::TestWeightInfo;
	type AdminOrigin = EnsureRoot<AccountId>;
	type AuthorizedAliasConsideration = Disabled;
}

type Block = frame_system::mocking::MockBlock<Runtime>;

construct_runtime!(
	pub enum Runtime {
		System: frame_system = 0,
		Balances: pallet_balances = 1,
		ForeignBalances: pallet_balances::<Instance2> = 2,
		Treasury: pallet_treasury = 7,
		Guardian: pallet_guardian = 3,
		MessageQueue: pallet_message_queue = 4,
		PolkadotXcm: pallet_xcm = 5,
		Inbox: inbox = 6,
	}
);
