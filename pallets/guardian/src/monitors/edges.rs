//! The monitors' edges of every extrinsic: the issuance before and after it, and the values it
//! reported judged once it committed (see [`crate::lifecycle`]).

use super::Monitoring;
use crate::{
	lifecycle::{memory, Edge},
	Config, Watch,
};
use frame_support::{traits::Get, weights::Weight};
use sp_runtime::{transaction_validity::TransactionValidityError, DispatchResult};

impl<T: Config> Monitoring<T> {
	/// What every extrinsic declares for the monitors' edges: the two reads of the issuance
	/// while an issuance monitor is set (the whitelisted watch state tells), nothing otherwise.
	pub fn declared_per_transaction() -> Weight {
		if Watch::<T>::get().issuance_watched {
			T::DbWeight::get().reads(2)
		} else {
			Weight::zero()
		}
	}
}

impl<T: Config> crate::lifecycle::TransactionEdges<T> for Monitoring<T> {
	/// The issuance before the extrinsic, while watched.
	type Kept = Option<u128>;

	fn begin(_edge: &Edge) -> Result<Self::Kept, TransactionValidityError> {
		Ok(Self::issuance_if_watched())
	}

	fn end(
		before: Self::Kept,
		_edge: &Edge,
		noted: &mut memory::Finished,
		_result: &DispatchResult,
	) -> Weight {
		// The values reported during the transaction, judged once, as committed.
		let judged = Self::judge_pending(core::mem::take(&mut noted.pending));
		// Value was created (committed): answered before the next extrinsic, measured from
		// the issuance right before the transaction (fees burnt earlier are a step of their
		// own). The two reads are declared up front.
		let observed =
			Self::issuance_span_ended(before).saturating_sub(T::DbWeight::get().reads(1));
		judged.saturating_add(observed)
	}
}
