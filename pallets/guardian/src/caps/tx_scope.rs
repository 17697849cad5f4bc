//! Per-transaction state that must survive a storage rollback: the rejections to record, the
//! fee being withdrawn, and whether the transaction's balance changes created value.
//!
//! A refused debit makes its dispatch fail, and FRAME rolls back everything the dispatch wrote
//! (events included), so the guardian cannot record the refusal in storage at that moment
//! (Hydration's circuit breaker lost its own lockdowns this way, hydration-node#1511). Instead
//! the ledger notes the refusal here, outside storage, and [`crate::CheckVelocity`]'s
//! post-dispatch step, which runs after the dispatch's storage layer has been rolled back,
//! writes the counter and the event.
//!
//! **Value created.** The ledger adds up, in memory, how much the accounts' totals (free plus
//! reserved) rose and fell during the transaction. A transfer nets to zero and a fee to a
//! fall; only a rise (a mint) makes [`crate::CheckVelocity`] read the total issuance and feed
//! the issuance monitor, so an infinite-mint bug is answered before the next extrinsic of the
//! same block while ordinary transactions pay nothing for the watch. The sum is only a hint
//! (a rolled-back mint still counts): the monitor measures the real issuance.
//!
//! Determinism: notes are only taken between `begin` (the extension's `prepare`) and
//! `finish` (its post-dispatch), which run in the same runtime call for both block
//! production and import. Outside that scope nothing is noted, so whether the executor reuses
//! memory between calls cannot change the state.
//!
//! The runtime is single-threaded in wasm; native builds keep one scope per thread.

use alloc::vec::Vec;
use core::cell::RefCell;

/// At most this many refusals are noted per transaction; further ones are only counted.
pub const MAX_NOTED: usize = 8;

/// The state of the current transaction.
pub(crate) struct Scope {
	/// Whether refusals are being noted (inside a signed transaction).
	recording: bool,
	/// Encoded refusals, in order.
	noted: Vec<Vec<u8>>,
	/// Refusals beyond [`MAX_NOTED`].
	dropped: u32,
	/// While a fee is withdrawn: the encoded payer and the part of the fee not yet withdrawn.
	fee: Option<(Vec<u8>, u128)>,
	/// How much the accounts' totals rose during the transaction.
	risen: u128,
	/// How much they fell.
	fallen: u128,
}

impl Scope {
	const fn new() -> Self {
		Self { recording: false, noted: Vec::new(), dropped: 0, fee: None, risen: 0, fallen: 0 }
	}
}

/// What a transaction left in its scope.
#[derive(Default)]
pub(crate) struct Finished {
	/// The refusals noted, encoded.
	pub noted: Vec<Vec<u8>>,
	/// Refusals beyond [`MAX_NOTED`].
	pub dropped: u32,
	/// Whether the accounts' totals rose more than they fell (value was created).
	pub created: bool,
}

#[cfg(feature = "std")]
std::thread_local! {
	static SCOPE: RefCell<Scope> = const { RefCell::new(Scope::new()) };
}

#[cfg(feature = "std")]
fn with<R>(f: impl FnOnce(&mut Scope) -> R) -> Option<R> {
	SCOPE.with(|cell| cell.try_borrow_mut().ok().map(|mut scope| f(&mut scope)))
}

#[cfg(not(feature = "std"))]
struct SingleThreaded(RefCell<Scope>);
// SAFETY: the wasm runtime has a single thread; native builds use the thread-local above.
#[cfg(not(feature = "std"))]
unsafe impl Sync for SingleThreaded {}
#[cfg(not(feature = "std"))]
static SCOPE: SingleThreaded = SingleThreaded(RefCell::new(Scope::new()));

#[cfg(not(feature = "std"))]
fn with<R>(f: impl FnOnce(&mut Scope) -> R) -> Option<R> {
	SCOPE.0.try_borrow_mut().ok().map(|mut scope| f(&mut scope))
}

/// Start noting refusals for a new transaction, forgetting anything left over.
pub(crate) fn begin() {
	with(|scope| {
		scope.recording = true;
		scope.noted.clear();
		scope.dropped = 0;
		scope.risen = 0;
		scope.fallen = 0;
	});
}

/// Stop noting and take what was noted since [`begin`].
pub(crate) fn finish() -> Finished {
	with(|scope| {
		scope.recording = false;
		Finished {
			noted: core::mem::take(&mut scope.noted),
			dropped: core::mem::take(&mut scope.dropped),
			created: core::mem::take(&mut scope.risen) > core::mem::take(&mut scope.fallen),
		}
	})
	.unwrap_or_default()
}

/// Note that an account's total went from `before` to `after`, if a transaction is being
/// recorded.
pub(crate) fn note_total(before: u128, after: u128) {
	with(|scope| {
		if !scope.recording {
			return;
		}
		if after > before {
			scope.risen = scope.risen.saturating_add(after.saturating_sub(before));
		} else {
			scope.fallen = scope.fallen.saturating_add(before.saturating_sub(after));
		}
	});
}

/// Note a refusal, if a transaction is being recorded.
pub(crate) fn note(encoded: Vec<u8>) {
	with(|scope| {
		if !scope.recording {
			return;
		}
		if scope.noted.len() < MAX_NOTED {
			scope.noted.push(encoded);
		} else {
			scope.dropped = scope.dropped.saturating_add(1);
		}
	});
}

/// Run `f` (the fee withdrawal) with debits of `payer` up to `amount` exempt from the caps.
pub(crate) fn with_fee_exemption<R>(payer: Vec<u8>, amount: u128, f: impl FnOnce() -> R) -> R {
	let previous = with(|scope| scope.fee.replace((payer, amount))).flatten();
	let result = f();
	with(|scope| scope.fee = previous);
	result
}

/// The part of a debit of `who` of `amount` that is the fee being withdrawn (and so exempt).
pub(crate) fn absorb_fee(who: &[u8], amount: u128) -> u128 {
	with(|scope| match scope.fee.as_mut() {
		Some((payer, left)) if payer.as_slice() == who => {
			let absorbed = amount.min(*left);
			*left = left.saturating_sub(absorbed);
			absorbed
		}
		_ => 0,
	})
	.unwrap_or(0)
}
