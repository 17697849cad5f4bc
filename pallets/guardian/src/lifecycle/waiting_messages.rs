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
//! Governance's own messages never wait: a message from one of `Config::InboundGovernance`'s
//! queues that keeps its origin (no `ClearOrigin`, `DescendOrigin`, `AliasOrigin`,
//! `UniversalOrigin` or `ExecuteWithOrigin` with a descendant anywhere in it) runs whatever is
//! paused, so governance's `resume_xcm_inbound` arrives. The users of that chain send with an
//! origin of their own (pallet-xcm clears or descends it): their messages wait like anyone's.
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
/// that does not decode does not wait: the XCM processor refuses it.
pub fn message_waits<T: Config, ValuePallets: Get<&'static [&'static str]>>(
	origin: &Location,
	message: &[u8],
) -> Option<Waits> {
	let inbound_paused = CrossChain::<T>::xcm_inbound_paused(origin);
	let governance = T::InboundGovernance::contains(origin);
	if inbound_paused && !governance {
		return Some(Waits::InboundPaused);
	}
	if !inbound_paused && !Breakers::<T>::anything_paused() {
		return None;
	}
	let held = inbound_paused.then_some(Waits::InboundPaused);
	let Some(program) =
		xcm::VersionedXcm::<<T as Config>::RuntimeCall>::decode_all_with_mem_and_depth_limit(
			&mut &message[..],
		)
		.ok()
		.and_then(|versioned| Xcm::<<T as Config>::RuntimeCall>::try_from(versioned).ok())
	else {
		// Not a message the executor runs: it refuses it, unless an inbound pause holds it.
		return held;
	};
	let mut walked = Walked::default();
	walk::<T>(&program, ValuePallets::get(), &mut walked);
	if governance && !walked.changes_origin {
		return None;
	}
	if held.is_some() {
		return held;
	}
	let value_paused = walked.moves_value
		&& (Breakers::<T>::chain_paused() || Breakers::<T>::any_pallet_paused(ValuePallets::get()));
	value_paused.then_some(Waits::ValuePaused)
}

/// What a walk through a message found.
#[derive(Default)]
struct Walked {
	/// Some instruction moves value on this chain.
	moves_value: bool,
	/// Some instruction makes the message run as another origin than its queue's.
	changes_origin: bool,
}

/// Looks at every instruction of `program` and of the programs it runs here.
fn walk<T: Config>(
	program: &Xcm<<T as Config>::RuntimeCall>,
	value_pallets: &[&str],
	walked: &mut Walked,
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
			SetErrorHandler(inner) | SetAppendix(inner) => walk::<T>(inner, value_pallets, walked),
			ExecuteWithOrigin { descendant_origin, xcm } => {
				walked.changes_origin |= descendant_origin.is_some();
				walk::<T>(xcm, value_pallets, walked);
			}
			ClearOrigin | DescendOrigin(_) | AliasOrigin(_) | UniversalOrigin(_) => {
				walked.changes_origin = true
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
