//! Which inbound messages wait: where the capabilities meet around every inbound XCM message,
//! before it runs, as [`CheckPaused`](crate::CheckPaused) meets them around every extrinsic.
//!
//! A message waits (the processor answers `Yield`: pallet-message-queue keeps it, and every
//! later message of its queue, in order, and offers it again in a later block) while:
//!
//! 1. inbound XCM from its queue origin, or from everyone, is paused (the cross-chain
//!    capability's pauses, see [`crate::cross_chain::inbound`]);
//! 2. it would move value — any instruction that takes assets into or out of the holding
//!    register or an account (`WithdrawAsset`, `ReserveAssetDeposited`,
//!    `ReceiveTeleportedAsset`, `TransferAsset`, `DepositAsset`, `ClaimAsset`, `BurnAsset`,
//!    fees, fees withdrawn as they are due (`SetFeesMode { jit_withdraw: true }`), exchanges,
//!    locks, the transfers onwards, and a `Transact` of a call of one of the pallets holding
//!    value), also inside `SetErrorHandler`, `SetAppendix` and `ExecuteWithOrigin` — while the
//!    chain is paused, or one of the pallets the processor names as holding the value XCM
//!    moves (the balances and assets instances behind its asset transactors, pallet-xcm) is
//!    paused as a whole (the breakers' pauses).
//!
//! A `Transact` of another paused call does not make the message wait: the call filter refuses
//! it when the executor dispatches it (`CallFiltered`), as it refuses it inside a batch, and
//! the queue goes on. Holding such a message would let anyone on a sibling stall that
//! sibling's whole queue into this chain, for free, whenever any call is paused.
//!
//! Governance's own messages never wait: a message that runs as one of
//! `Config::InboundGovernance`'s locations — its queue's origin, or the origin its top-level
//! `DescendOrigin`s lead to (a body on the relay chain, `Parent/Plurality{..}`), with nothing
//! else changing it (`ClearOrigin`, `AliasOrigin`, `UniversalOrigin`, `ExecuteWithOrigin` with a
//! descendant, a `DescendOrigin` in a nested program) — runs whatever is paused, so
//! governance's `resume_xcm_inbound` arrives. The users of that chain send as origins of their
//! own (pallet-xcm descends into their account, or clears the origin): their messages wait like
//! anyone's.
//!
//! **What a waiting message costs others.** Messages wait in order, so a message that moves
//! value stalls the rest of its queue (only its own origin's) until the pause ends: anyone on
//! a sibling can hold that sibling's later messages into this chain for as long as this chain
//! is in safe mode or a value pallet is paused, at the price of one message (its delivery fee
//! on the sibling). Other siblings' queues, and governance's own messages, are not held.
//!
//! Cost: one read of the inbound pauses and one whitelisted read of the breakers' summary per
//! message; only while something is paused, one read of the pause list and the decoding of the
//! message (which the XCM processor decodes again to run it; see the crate's weight notes).

use crate::{breakers::Breakers, cross_chain::CrossChain, cross_chain::Location, Config};
use codec::DecodeLimit;
use frame_support::traits::{Contains, Get, GetCallMetadata};
use xcm::latest::{Instruction, Xcm};

/// Why a message waits (for the log: a waiting message is offered again every block, so it
/// emits no event).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waits {
	/// Inbound XCM from its origin (or everyone's) is paused.
	InboundPaused,
	/// It would move value while the chain or a pallet holding that value is paused.
	ValuePaused,
}

/// Whether the message `message` (encoded `VersionedXcm`) from the queue origin `origin`
/// waits now, and why (see the module docs). `ValuePallets` names the pallets whose pause
/// stops XCM's value movement (a pause of the chain stops it whatever they are). A message
/// that does not decode does not wait: the XCM processor refuses it, and it never runs.
pub fn message_waits<T: Config, ValuePallets: Get<&'static [&'static str]>>(
	origin: &Location,
	message: &[u8],
) -> Option<Waits> {
	let inbound_paused = CrossChain::<T>::xcm_inbound_paused(origin);
	if !inbound_paused && !Breakers::<T>::anything_paused() {
		return None;
	}
	let program =
		xcm::VersionedXcm::<<T as Config>::RuntimeCall>::decode_all_with_mem_and_depth_limit(
			&mut &message[..],
		)
		.ok()
		.and_then(|versioned| Xcm::<<T as Config>::RuntimeCall>::try_from(versioned).ok())?;
	let mut walked = Walked { origin: Some(origin.clone()), moves_value: false };
	walk::<T>(&program, ValuePallets::get(), &mut walked, true);
	if walked.origin.is_some_and(|runs_as| T::InboundGovernance::contains(&runs_as)) {
		return None;
	}
	if inbound_paused {
		return Some(Waits::InboundPaused);
	}
	(walked.moves_value && Breakers::<T>::value_paused(ValuePallets::get()))
		.then_some(Waits::ValuePaused)
}

/// What a walk through a message found.
struct Walked {
	/// The origin the message runs as: its queue's, descended by its top-level
	/// `DescendOrigin`s (a governance body on the relay chain sends as
	/// `Parent/Plurality{..}`); `None` once anything else changes it (`ClearOrigin`,
	/// `AliasOrigin`, `UniversalOrigin`, `ExecuteWithOrigin` with a descendant, a
	/// `DescendOrigin` inside a nested program).
	origin: Option<Location>,
	/// Some instruction moves value on this chain.
	moves_value: bool,
}

/// Looks at every instruction of `program` and of the programs it runs here (`top`: the
/// message's own program, not a nested one).
fn walk<T: Config>(
	program: &Xcm<<T as Config>::RuntimeCall>,
	value_pallets: &[&str],
	walked: &mut Walked,
	top: bool,
) {
	use Instruction::*;
	for instruction in program.0.iter() {
		match instruction {
			Transact { call, .. } => {
				let encoded = call.encoded();
				if let Ok(call) = <T as Config>::RuntimeCall::decode_all_with_depth_limit(
					frame_support::MAX_EXTRINSIC_DEPTH,
					&mut &encoded[..],
				) {
					let pallet = call.get_call_metadata().pallet_name;
					if value_pallets.contains(&pallet) {
						walked.moves_value = true;
					}
				}
			}
			SetErrorHandler(inner) | SetAppendix(inner) => {
				walk::<T>(inner, value_pallets, walked, false)
			}
			ExecuteWithOrigin { descendant_origin, xcm } => {
				if descendant_origin.is_some() {
					walked.origin = None;
				}
				walk::<T>(xcm, value_pallets, walked, false);
			}
			DescendOrigin(interior) if top => {
				walked.origin = walked
					.origin
					.take()
					.and_then(|runs_as| runs_as.appended_with(interior.clone()).ok());
			}
			ClearOrigin | DescendOrigin(_) | AliasOrigin(_) | UniversalOrigin(_) => {
				walked.origin = None
			}
			SetFeesMode { jit_withdraw: true } => walked.moves_value = true,
			other if moves_value_here(other) => walked.moves_value = true,
			_ => {}
		}
	}
}

/// Whether `instruction` moves assets on this chain: into or out of the holding register, an
/// account, a lock, or onwards to another chain (which withdraws or burns them here).
fn moves_value_here<Call>(instruction: &Instruction<Call>) -> bool {
	use Instruction::*;
	matches!(
		instruction,
		WithdrawAsset(_)
			| ReserveAssetDeposited(_)
			| ReceiveTeleportedAsset(_)
			| TransferAsset { .. }
			| TransferReserveAsset { .. }
			| DepositAsset { .. }
			| DepositReserveAsset { .. }
			| ExchangeAsset { .. }
			| InitiateReserveWithdraw { .. }
			| InitiateTeleport { .. }
			| InitiateTransfer { .. }
			| BuyExecution { .. }
			| PayFees { .. }
			| ClaimAsset { .. }
			| BurnAsset(_)
			| LockAsset { .. }
			| UnlockAsset { .. }
			| NoteUnlockable { .. }
			| RequestUnlock { .. }
			| ExportMessage { .. }
	)
}
