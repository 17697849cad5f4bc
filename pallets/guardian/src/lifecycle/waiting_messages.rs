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
//!    fees, exchanges, locks, and the transfers onwards), also inside `SetErrorHandler`,
//!    `SetAppendix` and `ExecuteWithOrigin` — while the chain, or one of the pallets the
//!    processor names as holding the value XCM moves (the balances instances behind its asset
//!    transactors, pallet-xcm), is paused as a whole (the breakers' pauses);
//! 3. it would `Transact` a call that a pause covers now (dispatched as root — `Superuser` —
//!    the call passes pauses, as root always does).
//!
//! Messages from `Config::InboundGovernance` never wait: governance's own resume arrives
//! whatever is paused.
//!
//! Cost: one read of the inbound pauses and one whitelisted read of the breakers' summary per
//! message; only while something is paused, one read of the pause list and the decoding of the
//! message (which the XCM processor decodes again to run it).

use crate::{breakers::Breakers, cross_chain::CrossChain, cross_chain::Location, Config};
use codec::DecodeLimit;
use frame_support::traits::{Contains, Get};
use xcm::latest::{Instruction, OriginKind, Xcm};

/// Why a message waits (for the log: a waiting message is offered again every block, so it
/// emits no event).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waits {
	/// Inbound XCM from its origin (or everyone's) is paused.
	InboundPaused,
	/// It would move value while the chain or a pallet holding that value is paused.
	ValuePaused,
	/// It would transact a paused call.
	CallPaused,
}

/// Whether the message `message` (encoded `VersionedXcm`) from the queue origin `origin`
/// waits now, and why (see the module docs). `ValuePallets` names the pallets whose pause
/// stops XCM's value movement. A message that does not decode does not wait: the XCM
/// processor refuses it.
pub fn message_waits<T: Config, ValuePallets: Get<&'static [&'static str]>>(
	origin: &Location,
	message: &[u8],
) -> Option<Waits> {
	if T::InboundGovernance::contains(origin) {
		return None;
	}
	if CrossChain::<T>::xcm_inbound_paused(origin) {
		return Some(Waits::InboundPaused);
	}
	if !Breakers::<T>::anything_paused() {
		return None;
	}
	let versioned =
		xcm::VersionedXcm::<<T as Config>::RuntimeCall>::decode_all_with_mem_and_depth_limit(
			&mut &message[..],
		)
		.ok()?;
	let program = Xcm::<<T as Config>::RuntimeCall>::try_from(versioned).ok()?;
	let mut moves_value = false;
	if let Some(waits) = walk::<T>(&program, &mut moves_value) {
		return Some(waits);
	}
	(moves_value && Breakers::<T>::any_pallet_paused(ValuePallets::get()))
		.then_some(Waits::ValuePaused)
}

/// Looks at every instruction of `program` and of the programs it runs here: returns
/// [`Waits::CallPaused`] at the first paused `Transact`; notes in `moves_value` whether any
/// instruction moves value.
fn walk<T: Config>(
	program: &Xcm<<T as Config>::RuntimeCall>,
	moves_value: &mut bool,
) -> Option<Waits> {
	for instruction in program.0.iter() {
		match instruction {
			Instruction::Transact { origin_kind, call, .. } => {
				if *origin_kind == OriginKind::Superuser {
					continue;
				}
				let encoded = call.encoded();
				let Ok(call) = <T as Config>::RuntimeCall::decode_all_with_depth_limit(
					frame_support::MAX_EXTRINSIC_DEPTH,
					&mut &encoded[..],
				) else {
					// The executor refuses a call that does not decode: nothing to wait for.
					continue;
				};
				if !Breakers::<T>::call_allowed(&call) {
					return Some(Waits::CallPaused);
				}
			}
			Instruction::SetErrorHandler(inner) | Instruction::SetAppendix(inner) => {
				if let Some(waits) = walk::<T>(inner, moves_value) {
					return Some(waits);
				}
			}
			Instruction::ExecuteWithOrigin { xcm, .. } => {
				if let Some(waits) = walk::<T>(xcm, moves_value) {
					return Some(waits);
				}
			}
			other if moves_value_here(other) => *moves_value = true,
			_ => {}
		}
	}
	None
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
