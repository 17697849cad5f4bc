//! # The transaction lifecycle
//!
//! Where the capabilities meet around every extrinsic: [`WatchTransaction`] opens the
//! transaction's memory before dispatch and, after it (its storage committed or rolled back),
//! gives each capability its turn at the transaction's end:
//!
//! ```text
//!  validate ── CheckPaused (breakers: refuse a paused call)
//!           ── CheckVelocity (caps: refuse a transfer beyond the allowance)
//!           ── WatchTransaction: the guard work this call may cause, reserved (caps)
//!  prepare  ── WatchTransaction: memory::begin; the block's room for the reservation;
//!              begin() of each capability (monitors: the issuance before)
//!  dispatch ── the ledger notes guard work; monitors note values to judge; the engine notes
//!              the responses it applies (trips)
//!  post     ── WatchTransaction: memory::finish; end() of each capability, in order:
//!              engine (trips applied again after a rollback) → monitors (values judged on
//!              what was committed; a rise of the issuance answered) → caps (the guard work
//!              settled against its reservation: the unused part given back to the block,
//!              what was used paid with the fee by ExemptFees)
//! ```
//!
//! Each extension has one job, as `ChargeTransactionPayment` and `CheckWeight` do:
//! [`CheckPaused`](crate::CheckPaused) and [`CheckVelocity`](crate::CheckVelocity) refuse in the
//! pool what would fail, [`WatchTransaction`] runs the lifecycle, and
//! [`ExemptFees`](crate::ExemptFees) keeps fees out of the caps and charges the guard work.
//! Bare extrinsics (inherents, unsigned transactions) get the same edges, without a fee.
//!
//! | concern | file |
//! |---|---|
//! | the edges each capability implements ([`TransactionEdges`]), inbound messages as spans | `mod.rs` |
//! | the block's edges: `on_initialize`, `PreInherents`, `PostInherents`, `PostTransactions` | [`block`] |
//! | what is kept in memory for a transaction, a fee, a message, a hook phase | [`memory`] |
//! | the extension that runs the lifecycle ([`WatchTransaction`]) | [`extension`] |
//! | the codes of the pool's refusals, chosen by the runtime ([`refusals::RefusalCodes`]) | [`refusals`] |
//! | which inbound messages wait: paused origins, value movement and calls under a pause | [`waiting_messages`] |

pub mod block;
pub mod extension;
pub mod memory;
pub mod refusals;
pub mod waiting_messages;

pub use extension::WatchTransaction;
pub use refusals::{DefaultRefusalCodes, RefusalCodes, CAP_EXCEEDED_ERROR, PAUSED_CALL_ERROR};

use crate::Config;
use frame_support::{dispatch::DispatchClass, traits::Get, weights::Weight};
use sp_runtime::{transaction_validity::TransactionValidityError, DispatchResult};

/// What every edge knows of the extrinsic.
pub struct Edge {
	/// Its class (whose room in the block any reservation takes).
	pub class: DispatchClass,
	/// The guard work reserved for it (zero for a bare extrinsic).
	pub reserved: Weight,
	/// The part of `reserved` done at validation (a guarded signer's pool check): used
	/// whatever the dispatch does.
	pub checked: Weight,
}

/// What a capability does at the two edges of every extrinsic. Implemented by the caps, the
/// monitors and the response engine; [`WatchTransaction`] calls them: `begin` in that order,
/// `end` in the reverse one (the engine, the monitors, then the caps, which settle all the
/// work the others did).
pub trait TransactionEdges<T: Config> {
	/// What the capability keeps from before dispatch to after it.
	type Kept;

	/// Before dispatch (after the fee is taken, before the call runs). An error refuses the
	/// transaction.
	fn begin(edge: &Edge) -> Result<Self::Kept, TransactionValidityError>;

	/// After dispatch, its storage committed or rolled back (`result`), with what the
	/// transaction's memory noted (its guard work grows by what the earlier ends did).
	/// Returns the weight used.
	fn end(
		kept: Self::Kept,
		edge: &Edge,
		noted: &mut memory::Finished,
		result: &DispatchResult,
	) -> Weight;
}

/// The weight an inbound message's span declares up front: the two reads of the issuance
/// while an issuance monitor is set.
pub(crate) fn message_span_weight<T: Config>() -> Weight {
	crate::monitors::Monitoring::<T>::declared_per_transaction()
}

/// Process one inbound message as a span of the lifecycle (see [`crate::PausableProcessor`]):
/// the inbound caps know where it came from (`origin`, an encoded location) while it runs, and
/// the issuance is judged against its value right before it. The span's reads are declared by
/// [`message_span_weight`]; the answer to a rise is added to the block.
pub(crate) fn inbound_message<T: Config, R>(
	origin: alloc::vec::Vec<u8>,
	process: impl FnOnce() -> R,
) -> R {
	use crate::monitors::Monitoring;
	let before = Monitoring::<T>::issuance_if_watched();
	let result = memory::with_inbound_origin(origin, process);
	let answered = Monitoring::<T>::issuance_span_ended(before)
		.saturating_sub(<T as frame_system::Config>::DbWeight::get().reads(1));
	if answered.any_gt(Weight::zero()) {
		frame_system::Pallet::<T>::register_extra_weight_unchecked(
			answered,
			DispatchClass::Mandatory,
		);
	}
	result
}
