//! # Velocity caps
//!
//! Bound how fast value can leave protected accounts, enforced in the balances ledger itself
//! so that no path escapes them.
//!
//! ```text
//!  ConfigureOrigin (slow, broad)        any signed account (holds a deposit)
//!   set/change/remove_policy,            limit_own_outflow: tighten at once;
//!   set_global_cap, reset_usage,         loosen/remove: announce → wait OwnLimitDelay → enact
//!   return/release_excess                      │
//!        │                                      ▼
//!        ▼                                 Guards[account] + 1-planck marker freeze
//!   GlobalCap   GuardIndex (counting filter, exact)   ExcessHolds
//!  ┌──────────────────────────────────────────────────────────────────────────────────────┐
//!  │ LedgerGuard = pallet-balances' AccountStore: every read and write of every balance    │
//!  │ reads: a guarded account's `frozen` shows `total − allowance` → pallet-balances'      │
//!  │   own polite checks refuse a debit beyond it before anything moves (Token(Frozen))   │
//!  │ writes: every decrease of an account's total is outflow, counted in its windows;     │
//!  │   forced paths (slashes) land and what goes beyond is reported (DebitBeyondCap);     │
//!  │   value credited in anticipation in a hook: the excess is held on the recipients     │
//!  │ crossing a high-water mark → HighWaterCrossed + response pauses via CircuitBreaker   │
//!  └──────────────────────────────────────────────────────────────────────────────────────┘
//!  CheckVelocity extension: the pool refuses doomed transfers (Custom 181), ExemptFees the
//!  tips that do not fit; the guard work a call may cause is reserved and paid (edges)
//! ```
//!
//! | concern | file |
//! |---|---|
//! | what a policy, a window and a guard record are (the types below) | `mod.rs` |
//! | validating and storing policies, the global cap, resetting usage | [`policies`] |
//! | self-imposed limits with a delay on loosening | [`own_limits`] |
//! | checking a debit against every window, the high-water response | [`debits`] |
//! | the guarded account store pallet-balances writes through ([`LedgerGuard`]) | [`ledger`] |
//! | "certainly not guarded" without a charged read ([`GuardFilter`]) | [`guard_index`] |
//! | fees are not debits ([`ExemptFees`]) | [`fees`] |
//! | what a call will debit, for the pool ([`EstimateOutflow`]) | [`outflow`] |
//! | the pool check ([`CheckVelocity`]) | [`check_velocity`] |
//! | the guard work a transaction may cause: reserved before it, settled after it | [`edges`] |
//! | the storage ([`Guards`], [`GuardIndex`], [`GlobalCap`] and the rest) | `storage.rs` |
//!
//! The rolling windows themselves are shared with the monitors: [`crate::rolling_window`].
//!
//! * **Windows** ([`WindowSpec`]): "at most `limit` in any `period` consecutive blocks",
//!   [`Limit::Absolute`](crate::Limit::Absolute) or
//!   [`Limit::ShareOfBalance`](crate::Limit::ShareOfBalance) (the share's basis is fixed when the
//!   window starts, so a mint cannot raise its own quota). A policy has up to
//!   [`Config::MaxWindows`] windows and a debit must fit in all of them. Each window is a ring
//!   of buckets ([`rolling_window`](crate::rolling_window)): O(1) per touch, lazy, and
//!   **exact** — the total debited in any `period` blocks never exceeds the limit (a token
//!   bucket or decaying accumulator would let almost twice the limit out in one window; a
//!   fixed window, twice across its boundary).
//! * **Who is capped**: governance policies ([`Call::set_policy`]; their debits also count
//!   toward the [`GlobalCap`]) and self-imposed limits ([`Call::limit_own_outflow`]; never
//!   counted globally, so a user cannot exhaust the global cap for everyone).
//! * **Where**: [`LedgerGuard`] wraps the `StoredMap` pallet-balances keeps accounts in. Its
//!   reads show the cap as frozen balance, so pallet-balances itself refuses a polite debit
//!   beyond it; it never refuses anything itself, so no caller that ignores a failed debit can
//!   turn a refusal into a mint, and slashes always succeed. The [`ledger`] docs give the
//!   design, what counts as outflow and the one exception (value credited in anticipation,
//!   [`excess`]).
//! * **Response**: a policy's `high_water` share, when a successful debit crosses it in any
//!   window, emits [`Event::HighWaterCrossed`] and pauses the policy's response targets for its
//!   duration through [`CircuitBreaker`](crate::CircuitBreaker) — in force for the next
//!   extrinsic of the same block.
//! * **Paid state and weight**: an own limit holds [`Config::OwnLimitDeposit`]
//!   ([`own_limits`]); the guard work a call may cause is reserved on the block once its
//!   signer is known, and settled and paid with the fee for what was done ([`edges`], through
//!   [`crate::WatchTransaction`]); [`CheckVelocity`] only refuses a doomed transfer in the pool
//!   ([`check_velocity`]).
//! * **Root is capped too**: `sudo(force_transfer)` from a guarded account is refused like any
//!   other debit. Governance lifts or changes the policy first, which is itself an evented act.
//!
//! Use cost: an unguarded account pays **no charged read or write** per balance change (one
//! partial read of [`GuardIndex`], read by `on_initialize` and whitelisted); a guarded debit
//! pays one read and one write of [`Guards`] (plus one read, and with a global cap one write,
//! of [`GlobalCap`] for a governance policy).
//!
//! Integrating the caps:
//!
//! 1. `type AccountStore = pallet_guardian::LedgerGuard<Runtime, System>;` in pallet-balances'
//!    config (instead of `System`), and `type Currency = Balances;` here.
//! 2. `type OnChargeTransaction = pallet_guardian::ExemptFees<FungibleAdapter<Balances, ()>>;`
//!    so that fees are not debits.
//! 3. Add [`CheckVelocity<Runtime>`] to the transaction extension tuple, with
//!    `type OutflowEstimator = pallet_guardian::BalancesTransfers<Runtime>;` (or
//!    `BalancesTransfersInBatches<Runtime>` with pallet-utility).
//! 4. Give `ConfigureOrigin` to a slow, broad body (the template uses root or a two-thirds
//!    council).
//!
//! ## Example (a test on the mock runtime)
//!
//! A debit beyond the allowance fails and moves nothing; each window refills as it rolls:
#![doc = docify::embed!("src/tests/caps/mod.rs", a_debit_beyond_the_allowance_fails_and_moves_nothing)]
//!
//! ## Metadata paths
//!
//! The types below appear in the runtime's metadata; `#[scale_info(replace_segment(..))]` keeps
//! their paths as in the pallet's first version (`pallet_guardian::cap_types::*`,
//! `pallet_guardian::guard_index::GuardFilter`,
//! `pallet_guardian::velocity_extension::CheckVelocity`), which clients name them by.

#[cfg(doc)]
use crate::{Call, Config, Event, GlobalCap, GuardIndex, Guards};

pub mod check_velocity;
pub mod debits;
pub mod edges;
pub mod excess;
pub mod fees;
pub mod guard_index;
pub mod ledger;
pub mod liquidity;
pub mod marker;
pub mod outflow;
pub mod own_limits;
pub mod policies;
pub(crate) mod storage;

pub use fees::ExemptFees;
use guard_index::INDEX_LEN;
pub use ledger::{debit_of, LedgerGuard};
#[cfg(feature = "utility")]
pub use outflow::BalancesTransfersInBatches;
pub use outflow::{BalancesTransfers, EstimateOutflow};

use crate::{rolling_window::WindowUsage, Playbook, PlaybookInput, WindowSpec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::{fmt::Debug, marker::PhantomData};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::Perbill;

use alloc::vec::Vec;

/// The velocity caps: the functions of this capability (see the module docs).
pub struct Caps<T>(PhantomData<T>);

/// A window as stored: its specification and its usage.
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
	Debug,
)]
#[scale_info(replace_segment("caps", "cap_types"))]
pub struct Window<BlockNumber, Balance> {
	/// The rule.
	pub spec: WindowSpec<BlockNumber, Balance>,
	/// The debits of the last `period` blocks (see [`crate::rolling_window`]).
	pub usage: WindowUsage<Balance>,
	/// For [`Limit::ShareOfBalance`](crate::Limit::ShareOfBalance): the balance the share is taken of and the block it was
	/// taken at.
	pub basis: Option<(Balance, u64)>,
}

/// A governance cap policy as given to an extrinsic.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Serialize,
	Deserialize,
)]
#[scale_info(replace_segment("caps", "cap_types"))]
pub struct PolicyInput<BlockNumber, Balance> {
	/// The windows; a debit must fit in every one of them.
	pub windows: Vec<WindowSpec<BlockNumber, Balance>>,
	/// The share of a window's limit whose crossing triggers `response`.
	pub high_water: Option<Perbill>,
	/// What to do when a successful debit crosses `high_water` in any window: a playbook
	/// (pause targets, raise the level, for its duration).
	pub response: Option<PlaybookInput<BlockNumber>>,
}

/// A governance cap policy as stored.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxWindows, MaxTargets), replace_segment("caps", "cap_types"))]
#[codec(mel_bound(Name: MaxEncodedLen, BlockNumber: MaxEncodedLen, Balance: MaxEncodedLen))]
pub struct Policy<Name, BlockNumber, Balance, MaxWindows: Get<u32>, MaxTargets: Get<u32>>
where
	Name: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
{
	/// The windows with their usage.
	pub windows: BoundedVec<Window<BlockNumber, Balance>, MaxWindows>,
	/// The share of a window's limit whose crossing triggers `response`.
	pub high_water: Option<Perbill>,
	/// The automatic response.
	pub response: Option<Playbook<Name, BlockNumber, MaxTargets>>,
}

/// Everything the guardian keeps about one guarded account: one storage read on each of its
/// debits.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxWindows, MaxTargets), replace_segment("caps", "cap_types"))]
#[codec(mel_bound(Name: MaxEncodedLen, BlockNumber: MaxEncodedLen, Balance: MaxEncodedLen))]
pub struct AccountGuard<Name, BlockNumber, Balance, MaxWindows: Get<u32>, MaxTargets: Get<u32>>
where
	Name: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
{
	/// The policy governance put on the account; its debits also count toward the global cap.
	pub policy: Option<Policy<Name, BlockNumber, Balance, MaxWindows, MaxTargets>>,
	/// The limit the account put on itself.
	pub own: Option<BoundedVec<Window<BlockNumber, Balance>, MaxWindows>>,
	/// How many outflows of this account went beyond its allowance (forced paths, value
	/// credited in anticipation).
	pub beyond_cap: u32,
}

/// A loosening (or removal) of an account's own limit, waiting for its delay.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxWindows), replace_segment("caps", "cap_types"))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen, Balance: MaxEncodedLen))]
pub struct Announcement<BlockNumber, Balance, MaxWindows: Get<u32>>
where
	BlockNumber: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
{
	/// The new windows, or `None` to remove the limit.
	pub windows: Option<BoundedVec<WindowSpec<BlockNumber, Balance>, MaxWindows>>,
	/// The first block at which the owner may enact it.
	pub effective_at: BlockNumber,
}

/// Whose usage a reset or an event is about.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
#[scale_info(replace_segment("caps", "cap_types"))]
pub enum CapScope<AccountId> {
	/// The governance policy of one account.
	Account(AccountId),
	/// The limit an account put on itself.
	Own(AccountId),
	/// The global cap over all accounts with a governance policy.
	Global,
}

/// Excess held on an account from a guarded account (see [`excess`]).
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
	Debug,
)]
pub struct ExcessHold<Balance, BlockNumber> {
	/// How much is held.
	pub amount: Balance,
	/// Until this block only governance may release it.
	pub until: BlockNumber,
}

/// The stored guard index: [`INDEX_LEN`] one-byte counters (see [`guard_index`]).
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq)]
#[scale_info(replace_segment("caps", "guard_index"))]
pub struct GuardFilter(pub [u8; INDEX_LEN]);

/// Transaction extension with one job: a signed transaction whose estimated outflow
/// ([`Config::OutflowEstimator`]: transfers at the top level and inside utility batches)
/// exceeds the signer's remaining allowance is invalid with
/// `InvalidTransaction::Custom(`[`RefusalCodes::cap_exceeded`](crate::RefusalCodes)`)` (181
/// by default), so nobody pays a fee for a doomed transfer. Add it to the runtime's
/// transaction extension tuple, before `ChargeTransactionPayment`; the checks are in
/// [`check_velocity`].
///
/// Weight: declares the unguarded check (one partial read of the whitelisted guard index) for
/// a call that moves value, nothing for any other; the guarded signer's full check is guard
/// work, reserved and paid through [`crate::WatchTransaction`].
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	frame_support::DefaultNoBound,
	Clone,
	Eq,
	PartialEq,
	TypeInfo,
)]
#[scale_info(skip_type_params(T), replace_segment("caps", "velocity_extension"))]
pub struct CheckVelocity<T>(core::marker::PhantomData<T>);

impl<T> CheckVelocity<T> {
	/// The extension; it carries no data.
	pub fn new() -> Self {
		Self(core::marker::PhantomData)
	}
}

impl<T> Debug for CheckVelocity<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckVelocity")
	}
}
