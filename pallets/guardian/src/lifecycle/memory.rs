//! What the guardian keeps in memory, outside storage, for the span of one transaction, one
//! fee withdrawal, one inbound message or one hook phase — each note named for the capability
//! that makes it and the one (if any) that reads it.
//!
//! | note | made by | read by | span |
//! |---|---|---|---|
//! | the fee being withdrawn (`with_fee_exemption`) | [`ExemptFees`](crate::ExemptFees) | the ledger ([`caps`](crate::caps)) | one fee withdrawal |
//! | the pool's outflow estimate (`note_outflow`) | [`CheckVelocity`](crate::CheckVelocity) | `ExemptFees::can_withdraw_fee` | one validation |
//! | the guard reservation (`note_reservation`) | [`WatchTransaction`](crate::WatchTransaction) | `ExemptFees` (the guard fee) | one transaction |
//! | guard work (`add_guard_work`) and guarded reads (`first_read_of`) | the ledger | `WatchTransaction` (settles the reservation) | one transaction |
//! | values to judge after dispatch (`note_pending`) | the monitors | the monitors, at the transaction's end | one transaction |
//! | responses applied (`note_trip`) | the response engine | the engine, after a rollback | one transaction |
//! | the inbound message's origin (`with_inbound_origin`) | [`PausableProcessor`](crate::PausableProcessor) | [`CappedInflow`](crate::CappedInflow) | one message |
//! | what the message was charged for its inflow accounting (`note_inflow_charged`) | [`InflowWeigher`](crate::InflowWeigher) | [`CappedInflow`](crate::CappedInflow) | one message |
//! | value credited in anticipation (`note_total`) | the ledger | the ledger ([`excess`](crate::caps::excess)) | one hook phase of one block |
//! | the guardian's own balance operations (`own_operation`) | the caps | the ledger | one operation |
//!
//! **Why memory.** Trips must survive the rollback of the dispatch that applied them, and the
//! other notes cross from one extension or pallet to another within one call; storage would
//! be rolled back with the dispatch, or cost a write. `environmental!` needs one closure
//! around the whole span, and no closure spans a transaction's validation, dispatch and
//! post-dispatch: FRAME calls each extension hook separately.
//!
//! **Safe and deterministic.** The crate has no `unsafe` code (`#![forbid(unsafe_code)]`):
//! native builds keep the memory in a thread-local `RefCell`, the wasm runtime (one thread) in
//! a `spin` mutex that is only ever tried, never waited on. The wasm runtime starts every
//! runtime call with fresh memory, while native builds (tests) keep it: every note is
//! therefore reset where its span begins (the transaction's `begin`, a new hook phase) and every
//! read checks that it is still in the span the note was made in (the transaction notes only
//! between `begin` and `finish`; the hook window only under the block and phase it was noted
//! under). Nothing noted in one runtime call can change what another one does, so a block
//! built extrinsic by extrinsic and the same block imported in one call agree.

use alloc::vec::Vec;
use frame_support::weights::Weight;

/// How many recent credits a hook window remembers (the most recent ones are the ones a
/// debit settles).
pub const MAX_CREDITS: usize = 16;

/// The two hook phases of a block.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HookPhase {
	/// `on_initialize` (and what runs before the first extrinsic).
	Initialization,
	/// `on_idle`, `on_finalize` (and what runs after the last extrinsic).
	Finalization,
}

/// A hook window: the credits made in it and how much of them no debit has backed yet.
#[derive(Default)]
struct HookWindow {
	/// The block and phase the notes belong to.
	key: Option<(u64, HookPhase)>,
	risen: u128,
	fallen: u128,
	credits: Vec<(Vec<u8>, u128)>,
}

impl HookWindow {
	fn unbacked(&self) -> u128 {
		self.risen.saturating_sub(self.fallen)
	}
}

/// The message being processed.
struct InboundNote {
	/// The location it came from, encoded.
	origin: Vec<u8>,
	/// The inflow accounting the message was charged for up front and has not used or been
	/// refunded yet (`None` until it is weighed).
	charged: Option<Weight>,
}

/// The state in memory.
struct Memory {
	/// Inside a signed transaction (between the lifecycle's `begin` and `finish`).
	recording: bool,
	/// While a fee is withdrawn: the encoded payer and the part of the fee not yet withdrawn.
	fee: Option<(Vec<u8>, u128)>,
	/// The sources with a value to judge after dispatch, encoded.
	pending: Vec<Vec<u8>>,
	/// The responses applied during the transaction, encoded.
	trips: Vec<Vec<u8>>,
	/// Guard work done during the transaction.
	guard_work: Weight,
	/// The signer and the outflow [`crate::CheckVelocity`] estimated while validating.
	outflow: Option<(Vec<u8>, u128)>,
	/// The payer and the guard work reserved for its transaction.
	reservation: Option<(Vec<u8>, Weight)>,
	/// The payer and the guard work its transaction used, to be paid with its fee.
	guard_fee: Option<(Vec<u8>, Weight)>,
	/// The hook window, if one is noted.
	hook: HookWindow,
	/// The guardian is moving balances itself (placing holds, setting its marker): those
	/// changes are not outflow.
	own_operation: bool,
	/// The guarded accounts read during the transaction (their reads are charged once).
	read: Vec<Vec<u8>>,
	/// The message being processed: where it came from, and what it was charged.
	inbound: Option<InboundNote>,
	/// The total issuance before the bare extrinsic being applied (a bare extrinsic carries
	/// nothing from before its dispatch to after it but this).
	bare_issuance: Option<u128>,
}

impl Memory {
	const fn new() -> Self {
		Self {
			recording: false,
			fee: None,
			pending: Vec::new(),
			trips: Vec::new(),
			guard_work: Weight::zero(),
			outflow: None,
			reservation: None,
			guard_fee: None,
			hook: HookWindow { key: None, risen: 0, fallen: 0, credits: Vec::new() },
			own_operation: false,
			read: Vec::new(),
			inbound: None,
			bare_issuance: None,
		}
	}
}

/// What a transaction left in memory.
#[derive(Default)]
pub struct Finished {
	/// The sources with a value to judge, encoded.
	pub pending: Vec<Vec<u8>>,
	/// The responses applied, encoded.
	pub trips: Vec<Vec<u8>>,
	/// The guard work done during the transaction.
	pub guard_work: Weight,
}

#[cfg(feature = "std")]
std::thread_local! {
	static MEMORY: core::cell::RefCell<Memory> = const { core::cell::RefCell::new(Memory::new()) };
}

/// Run `f` on the memory; `None` if it is in use (a re-entrant call, which nothing makes).
#[cfg(feature = "std")]
fn with<R>(f: impl FnOnce(&mut Memory) -> R) -> Option<R> {
	MEMORY.with(|cell| cell.try_borrow_mut().ok().map(|mut memory| f(&mut memory)))
}

#[cfg(not(feature = "std"))]
static MEMORY: spin::mutex::SpinMutex<Memory> = spin::mutex::SpinMutex::new(Memory::new());

/// Run `f` on the memory; `None` if it is in use (a re-entrant call, which nothing makes).
#[cfg(not(feature = "std"))]
fn with<R>(f: impl FnOnce(&mut Memory) -> R) -> Option<R> {
	MEMORY.try_lock().map(|mut memory| f(&mut memory))
}

/// Start a signed transaction's span, forgetting anything a previous one left.
pub(crate) fn begin() {
	with(|memory| {
		memory.recording = true;
		memory.pending.clear();
		memory.trips.clear();
		memory.guard_work = Weight::zero();
		memory.hook = HookWindow::default();
		memory.read.clear();
		memory.guard_fee = None;
	});
}

/// End the transaction's span and take what it noted.
pub(crate) fn finish() -> Finished {
	with(|memory| {
		memory.recording = false;
		memory.read.clear();
		Finished {
			pending: core::mem::take(&mut memory.pending),
			trips: core::mem::take(&mut memory.trips),
			guard_work: core::mem::take(&mut memory.guard_work),
		}
	})
	.unwrap_or_default()
}

/// Whether a signed transaction is being recorded.
pub(crate) fn recording() -> bool {
	with(|memory| memory.recording).unwrap_or(false)
}

/// How much of the credits noted in the hook window `key` no debit has backed yet (nothing
/// noted under another key counts).
pub(crate) fn hook_unbacked(key: (u64, HookPhase)) -> u128 {
	with(|memory| if memory.hook.key == Some(key) { memory.hook.unbacked() } else { 0 })
		.unwrap_or(0)
}

/// The credits noted in the hook window `key`, most recent first, and how much of them is
/// unbacked.
pub(crate) fn hook_credits(key: (u64, HookPhase)) -> (Vec<(Vec<u8>, u128)>, u128) {
	with(|memory| {
		if memory.hook.key != Some(key) {
			return (Vec::new(), 0);
		}
		let mut credits = memory.hook.credits.clone();
		credits.reverse();
		(credits, memory.hook.unbacked())
	})
	.unwrap_or_default()
}

/// Keep the total issuance before a bare extrinsic (noted while an issuance monitor is set).
pub(crate) fn keep_bare(issuance: Option<u128>) {
	with(|memory| memory.bare_issuance = issuance);
}

/// Take the total issuance kept before the bare extrinsic that just ran.
pub(crate) fn take_bare() -> Option<u128> {
	with(|memory| memory.bare_issuance.take()).flatten()
}

/// Note that account `who`'s total went from `before` to `after`: a credit or a debit of the
/// hook window `window` gives (`None`: the block is not in one). Nothing inside a signed
/// transaction or one of the guardian's own operations.
pub(crate) fn note_total(
	who: &impl codec::Encode,
	before: u128,
	after: u128,
	window: impl FnOnce() -> Option<(u64, HookPhase)>,
) {
	if before == after || recording() || in_own_operation() {
		return;
	}
	let Some(key) = window() else { return };
	with(|memory| {
		if memory.hook.key != Some(key) {
			memory.hook = HookWindow { key: Some(key), ..Default::default() };
		}
		let (rise, fall) = (after.saturating_sub(before), before.saturating_sub(after));
		memory.hook.risen = memory.hook.risen.saturating_add(rise);
		memory.hook.fallen = memory.hook.fallen.saturating_add(fall);
		if rise > 0 {
			if memory.hook.credits.len() >= MAX_CREDITS {
				memory.hook.credits.remove(0);
			}
			memory.hook.credits.push((who.encode(), rise));
		}
	});
}

/// Add `weight` of guard work to the transaction being recorded. Returns `false` (and adds
/// nothing) outside a signed transaction: the caller then charges the block itself.
pub(crate) fn add_guard_work(weight: Weight) -> bool {
	with(|memory| {
		if memory.recording {
			memory.guard_work = memory.guard_work.saturating_add(weight);
		}
		memory.recording
	})
	.unwrap_or(false)
}

/// Run `f`, an operation of the guardian's own on balances (placing a hold, setting its
/// marker): its changes are not outflow, and are not noted.
pub(crate) fn own_operation<R>(f: impl FnOnce() -> R) -> R {
	let previous = with(|memory| core::mem::replace(&mut memory.own_operation, true));
	let result = f();
	with(|memory| memory.own_operation = previous.unwrap_or(false));
	result
}

/// Whether the guardian is running an operation of its own.
pub(crate) fn in_own_operation() -> bool {
	with(|memory| memory.own_operation).unwrap_or(false)
}

/// Note that a value of the (encoded) source waits to be judged after dispatch. Returns
/// `false` outside a signed transaction: the caller judges it at once.
pub(crate) fn note_pending(source: Vec<u8>) -> bool {
	with(|memory| {
		if memory.recording && !memory.pending.contains(&source) {
			memory.pending.push(source);
		}
		memory.recording
	})
	.unwrap_or(false)
}

/// Whether a value of the (encoded) source waits to be judged in this transaction.
#[cfg(feature = "oracle")]
pub(crate) fn is_pending(source: &[u8]) -> bool {
	with(|memory| memory.recording && memory.pending.iter().any(|s| s.as_slice() == source))
		.unwrap_or(false)
}

/// Note a response applied during the transaction, once however often (nothing outside one).
pub(crate) fn note_trip(trip: Vec<u8>) {
	with(|memory| {
		if memory.recording && !memory.trips.contains(&trip) {
			memory.trips.push(trip);
		}
	});
}

/// Whether this is the first read of guarded account `who` in the transaction being recorded
/// (always `true` outside one).
pub(crate) fn first_read_of(who: &[u8]) -> bool {
	with(|memory| {
		if !memory.recording {
			return true;
		}
		if memory.read.iter().any(|seen| seen.as_slice() == who) {
			return false;
		}
		memory.read.push(who.to_vec());
		true
	})
	.unwrap_or(true)
}

/// Note the outflow the pool check estimated for `who`'s transaction (validation only).
pub(crate) fn note_outflow(who: Vec<u8>, amount: u128) {
	with(|memory| memory.outflow = Some((who, amount)));
}

/// Take the outflow noted for `who` by [`note_outflow`], if any.
pub(crate) fn take_outflow(who: &[u8]) -> u128 {
	with(|memory| match memory.outflow.take() {
		Some((noted, amount)) if noted.as_slice() == who => amount,
		_ => 0,
	})
	.unwrap_or(0)
}

/// Note the guard work reserved for `payer`'s transaction (validation and preparation).
pub(crate) fn note_reservation(payer: Vec<u8>, weight: Weight) {
	with(|memory| memory.reservation = Some((payer, weight)));
}

/// Take the guard work reserved for `payer`'s transaction, if any.
pub(crate) fn take_reservation(payer: &[u8]) -> Weight {
	with(|memory| match memory.reservation.take() {
		Some((noted, weight)) if noted.as_slice() == payer => weight,
		_ => Weight::zero(),
	})
	.unwrap_or_default()
}

/// Note the guard work `payer`'s transaction used, to be paid with its fee.
pub(crate) fn note_guard_fee(payer: Vec<u8>, weight: Weight) {
	with(|memory| memory.guard_fee = Some((payer, weight)));
}

/// Take the guard work `payer`'s transaction used, if noted.
pub(crate) fn take_guard_fee(payer: &[u8]) -> Weight {
	with(|memory| match memory.guard_fee.take() {
		Some((noted, weight)) if noted.as_slice() == payer => weight,
		_ => Weight::zero(),
	})
	.unwrap_or_default()
}

/// Run `f` (the processing of one inbound message) knowing that it came from `origin` (an
/// encoded location), for the inbound caps.
pub(crate) fn with_inbound_origin<R>(origin: Vec<u8>, f: impl FnOnce() -> R) -> R {
	let note = InboundNote { origin, charged: None };
	let previous = with(|memory| memory.inbound.replace(note)).flatten();
	let result = f();
	with(|memory| memory.inbound = previous);
	result
}

/// The origin of the inbound message being processed, encoded, if one is.
pub(crate) fn inbound_origin() -> Option<Vec<u8>> {
	with(|memory| memory.inbound.as_ref().map(|note| note.origin.clone())).flatten()
}

/// The message being processed was charged `charged` for its inflow accounting, up front
/// (only its first weighing counts: the executor weighs its error handler and appendix again
/// as it sets them).
pub(crate) fn note_inflow_charged(charged: Weight) {
	with(|memory| {
		if let Some(note) = memory.inbound.as_mut() {
			note.charged.get_or_insert(charged);
		}
	});
}

/// Take `per_operation` from what the message was charged for its inflow accounting, if that
/// much is left; returns whether it was (so that what is refunded never exceeds what was
/// charged).
pub(crate) fn take_inflow_charge(per_operation: Weight) -> bool {
	with(|memory| {
		let Some(charged) = memory.inbound.as_mut().and_then(|note| note.charged.as_mut()) else {
			return false;
		};
		if charged.any_lt(per_operation) {
			return false;
		}
		*charged = charged.saturating_sub(per_operation);
		true
	})
	.unwrap_or(false)
}

/// Run `f` (the fee withdrawal, or its check) with outflow of `payer` up to `amount` exempt
/// from the caps.
pub(crate) fn with_fee_exemption<R>(payer: Vec<u8>, amount: u128, f: impl FnOnce() -> R) -> R {
	let previous = with(|memory| memory.fee.replace((payer, amount))).flatten();
	let result = f();
	with(|memory| memory.fee = previous);
	result
}

/// The part of the fee being withdrawn from `who` that is still exempt.
pub(crate) fn fee_exemption_left(who: &[u8]) -> u128 {
	with(|memory| match memory.fee.as_ref() {
		Some((payer, left)) if payer.as_slice() == who => *left,
		_ => 0,
	})
	.unwrap_or(0)
}

/// The part of an outflow of `who` of `amount` that is the fee being withdrawn (and so exempt).
pub(crate) fn absorb_fee(who: &[u8], amount: u128) -> u128 {
	with(|memory| match memory.fee.as_mut() {
		Some((payer, left)) if payer.as_slice() == who => {
			let absorbed = amount.min(*left);
			*left = left.saturating_sub(absorbed);
			absorbed
		}
		_ => 0,
	})
	.unwrap_or(0)
}
