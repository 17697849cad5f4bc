//! The XCM weigher wrapper that charges each message for the inbound caps' accounting
//! ([`super::inflow`], "Who pays").

use super::CrossChain;
use crate::{lifecycle::memory, Config};
use core::marker::PhantomData;
use frame_support::weights::Weight;
use xcm::latest::{Error as XcmError, Instruction, InstructionError, Xcm};
use xcm_executor::traits::WeightBounds;

/// The XCM weigher wrapper that charges the message for the inflow accounting: `Inner`'s
/// weight plus [`CrossChain::inflow_operation_weight`] for each instruction that may deposit,
/// transfer or teleport out (nested ones included). What an operation does not use is given
/// back as surplus by [`CappedInflow`](super::CappedInflow) (see the module docs).
pub struct InflowWeigher<T, Inner>(PhantomData<(T, Inner)>);

impl<T: Config, Inner: WeightBounds<Call>, Call> WeightBounds<Call> for InflowWeigher<T, Inner> {
	fn weight(message: &mut Xcm<Call>, weight_limit: Weight) -> Result<Weight, InstructionError> {
		let inner = Inner::weight(message, weight_limit)?;
		let (operations, intakes) = inflow_operations(message);
		let extra = CrossChain::<T>::inflow_operation_weight().saturating_mul(operations.into());
		let notes = CrossChain::<T>::holding_note_weight().saturating_mul(intakes.into());
		let total = inner.saturating_add(extra).saturating_add(notes);
		if total.any_gt(weight_limit) {
			let index = message.0.len().saturating_sub(1).try_into().unwrap_or(u8::MAX);
			return Err(InstructionError { index, error: XcmError::WeightLimitReached(total) });
		}
		memory::note_inflow_charged(extra);
		Ok(total)
	}

	fn instr_weight(instruction: &mut Instruction<Call>) -> Result<Weight, XcmError> {
		let inner = Inner::instr_weight(instruction)?;
		let (operations, intakes) = inflow_operations_of(instruction);
		Ok(inner
			.saturating_add(
				CrossChain::<T>::inflow_operation_weight().saturating_mul(operations.into()),
			)
			.saturating_add(CrossChain::<T>::holding_note_weight().saturating_mul(intakes.into())))
	}
}

/// How many inflow operations the instructions of `message` (nested ones included) may make,
/// and how many of them take value into the holding.
fn inflow_operations<Call>(message: &Xcm<Call>) -> (u32, u32) {
	message.0.iter().fold((0u32, 0u32), |(ops, intakes), instruction| {
		let (o, i) = inflow_operations_of(instruction);
		(ops.saturating_add(o), intakes.saturating_add(i))
	})
}

/// The inflow operations one instruction may make: a deposit, a transfer or a teleport out of
/// the native asset each, and one more for a delivery fee a fee manager may deposit through
/// the transactor wherever the instruction sends a message; and whether it takes value into
/// the holding.
fn inflow_operations_of<Call>(instruction: &Instruction<Call>) -> (u32, u32) {
	use Instruction::*;
	match instruction {
		SetErrorHandler(inner) | SetAppendix(inner) | ExecuteWithOrigin { xcm: inner, .. } => {
			inflow_operations(inner)
		}
		WithdrawAsset(_) | ReceiveTeleportedAsset(_) | ReserveAssetDeposited(_) => (0, 1),
		DepositAsset { .. } | TransferAsset { .. } => (1, 0),
		// The deposit (or teleport out) and the delivery fee.
		DepositReserveAsset { .. } | TransferReserveAsset { .. } | InitiateTeleport { .. } => {
			(2, 0)
		}
		// One per asset filter, the remote fees and the delivery fee.
		InitiateTransfer { assets, remote_fees, .. } => {
			let filters = u32::try_from(assets.len()).unwrap_or(u32::MAX);
			(filters.saturating_add(u32::from(remote_fees.is_some())).saturating_add(1), 0)
		}
		// A delivery fee.
		InitiateReserveWithdraw { .. }
		| ReportError(_)
		| ReportHolding { .. }
		| ReportTransactStatus(_)
		| QueryPallet { .. }
		| LockAsset { .. }
		| RequestUnlock { .. }
		| ExportMessage { .. } => (1, 0),
		_ => (0, 0),
	}
}
