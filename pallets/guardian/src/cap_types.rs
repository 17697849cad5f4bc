//! The data the velocity caps store and take as input.

use crate::{velocity::WindowUsage, PauseTarget, PauseTargetInput};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::Perbill;

extern crate alloc;
use alloc::vec::Vec;

/// How much may leave in one window.
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
	Serialize,
	Deserialize,
)]
pub enum Limit<Balance> {
	/// A fixed amount.
	Absolute(Balance),
	/// A share of the account's free balance, taken when the window starts (at the first
	/// debit at least one `period` after the previous start) and fixed until the next start,
	/// so that a mint into the account cannot raise its own quota within the window.
	ShareOfBalance(Perbill),
}

/// One rolling window of a policy: at most `limit` in any `period` consecutive blocks.
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
	Serialize,
	Deserialize,
)]
pub struct WindowSpec<BlockNumber, Balance> {
	/// The window's length in blocks.
	pub period: BlockNumber,
	/// How much may leave within it.
	pub limit: Limit<Balance>,
}

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
pub struct Window<BlockNumber, Balance> {
	/// The rule.
	pub spec: WindowSpec<BlockNumber, Balance>,
	/// The debits of the last `period` blocks (see [`crate::velocity`]).
	pub usage: WindowUsage<Balance>,
	/// For [`Limit::ShareOfBalance`]: the balance the share is taken of and the block it was
	/// taken at.
	pub basis: Option<(Balance, u64)>,
}

/// The automatic response to a high-water mark: pause `targets` for `duration` blocks through
/// the [`crate::CircuitBreaker`] trait.
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
#[scale_info(skip_type_params(MaxTargets))]
#[codec(mel_bound(Name: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Response<Name, BlockNumber, MaxTargets: Get<u32>>
where
	Name: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
{
	/// What to pause.
	pub targets: BoundedVec<PauseTarget<Name>, MaxTargets>,
	/// For how many blocks (at most [`crate::Config::MaxProgrammaticPause`]).
	pub duration: BlockNumber,
}

/// A response as given to an extrinsic.
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
pub struct ResponseInput<BlockNumber> {
	/// What to pause.
	pub targets: Vec<PauseTargetInput>,
	/// For how many blocks.
	pub duration: BlockNumber,
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
pub struct PolicyInput<BlockNumber, Balance> {
	/// The windows; a debit must fit in every one of them.
	pub windows: Vec<WindowSpec<BlockNumber, Balance>>,
	/// The share of a window's limit whose crossing triggers `response`.
	pub high_water: Option<Perbill>,
	/// What to do when a successful debit crosses `high_water` in any window.
	pub response: Option<ResponseInput<BlockNumber>>,
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
#[scale_info(skip_type_params(MaxWindows, MaxTargets))]
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
	pub response: Option<Response<Name, BlockNumber, MaxTargets>>,
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
#[scale_info(skip_type_params(MaxWindows, MaxTargets))]
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
	/// How many debits of this account were refused.
	pub rejected: u32,
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
#[scale_info(skip_type_params(MaxWindows))]
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
pub enum CapScope<AccountId> {
	/// The governance policy of one account.
	Account(AccountId),
	/// The limit an account put on itself.
	Own(AccountId),
	/// The global cap over all accounts with a governance policy.
	Global,
}
