//! State the guardian keeps in memory, outside storage, for the span of one transaction or one
//! of its own hook windows.
//!
//! * **The fee being withdrawn** (`with_fee_exemption`): while
//!   [`ExemptFees`](crate::ExemptFees) withdraws an inclusion fee, that much of the payer's
//!   outflow is exempt from its caps.
//! * **The issuance before the transaction** (`note_issuance`): with an issuance monitor set,
//!   [`crate::CheckVelocity`] compares the total issuance after dispatch with this, so a mint
//!   is answered before the next extrinsic of the block. Committed changes only: a mint or burn
//!   the dispatch rolled back changed nothing, and a fee or tip cannot hide a mint.
//! * **Observations to judge** (`note_pending`): values reported during the transaction are
//!   judged once, after dispatch, against the value before it (see
//!   [`observation`](crate::monitors::observation)).
//! * **Trips** (`note_trip`): the responses fired during the transaction, applied again if the
//!   dispatch's rollback erased them ([`trips`](crate::monitors::trips)).
//! * **Guard work** (`add_guard_work`): what the ledger spent on guarded accounts during the
//!   transaction, which [`crate::CheckVelocity`] settles against what it charged up front.
//! * **The pool's tip check** (`note_outflow`): the outflow [`crate::CheckVelocity`] estimated
//!   for the signer while validating, which [`crate::ExemptFees`] adds to the tip.
//! * **The inbound message's origin** (`with_inbound_origin`): while
//!   [`PausableProcessor`](crate::PausableProcessor) processes a message, the location it came
//!   from, for the inbound caps.
//! * **Value credited in anticipation** (`open_hook_window`, `note_total`): inside the
//!   guardian's hook windows (the part of `on_initialize` and `on_finalize` that runs after
//!   the guardian's own hook, where pallet-treasury pays out), the accounts credited and how
//!   much of that is not yet backed by a debit. See [`LedgerGuard`](super::LedgerGuard).
//!
//! Determinism: the wasm runtime starts every runtime call with fresh memory, while native
//! builds (tests) keep it. Every piece of state is therefore reset where it begins — a
//! transaction's `begin`, the guardian's hooks — and every use checks that it is still in the
//! span it was taken in: the transaction notes are only read between `begin` and `finish`;
//! the hook window is only used after checking, against storage, that the block is still in
//! the phase that opened it (the pallet's `hook_window_unbacked`). Nothing noted in
//! one runtime call can therefore change what another one does.
//!
//! The runtime is single-threaded in wasm; native builds keep one scope per thread.

use alloc::vec::Vec;
use core::cell::RefCell;
use frame_support::weights::Weight;

/// How many recent credits a hook window remembers (the most recent ones are the ones a
/// debit settles).
pub const MAX_CREDITS: usize = 16;

/// The two hook windows of a block.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HookPhase {
	/// `on_initialize`, after the guardian's.
	Initialization,
	/// `on_finalize`, after the guardian's.
	Finalization,
}

/// A hook window: the credits made in it and how much of them no debit has backed yet.
#[derive(Default)]
struct HookWindow {
	phase: Option<HookPhase>,
	risen: u128,
	fallen: u128,
	credits: Vec<(Vec<u8>, u128)>,
}

impl HookWindow {
	fn unbacked(&self) -> u128 {
		self.risen.saturating_sub(self.fallen)
	}
}

/// The state in memory.
struct Scope {
	/// Inside a signed transaction.
	recording: bool,
	/// While a fee is withdrawn: the encoded payer and the part of the fee not yet withdrawn.
	fee: Option<(Vec<u8>, u128)>,
	/// The total issuance before the transaction (with an issuance monitor set).
	issuance: Option<u128>,
	/// The sources with a value to judge after dispatch, encoded.
	pending: Vec<Vec<u8>>,
	/// The responses fired during the transaction, encoded.
	trips: Vec<Vec<u8>>,
	/// Guard work done during the transaction.
	guard_work: Weight,
	/// The signer and the outflow [`crate::CheckVelocity`] estimated while validating.
	outflow: Option<(Vec<u8>, u128)>,
	/// The guardian's hook window, if one is open.
	hook: HookWindow,
	/// The guardian is moving balances itself (placing holds, setting its marker): those
	/// changes are neither outflow nor repairs to schedule.
	own_operation: bool,
	/// The guarded accounts read during the transaction (their reads are charged once).
	read: Vec<Vec<u8>>,
	/// A marker repair was scheduled during the transaction.
	repair_scheduled: bool,
	/// The location the message being processed came from, encoded (see
	/// [`with_inbound_origin`]).
	inbound: Option<Vec<u8>>,
}

impl Scope {
	const fn new() -> Self {
		Self {
			recording: false,
			fee: None,
			issuance: None,
			pending: Vec::new(),
			trips: Vec::new(),
			guard_work: Weight::zero(),
			outflow: None,
			hook: HookWindow { phase: None, risen: 0, fallen: 0, credits: Vec::new() },
			own_operation: false,
			read: Vec::new(),
			repair_scheduled: false,
			inbound: None,
		}
	}
}

/// What a transaction left in its scope.
#[derive(Default)]
pub(crate) struct Finished {
	/// The total issuance before the transaction, if noted.
	pub issuance: Option<u128>,
	/// The sources with a value to judge, encoded.
	pub pending: Vec<Vec<u8>>,
	/// The responses fired, encoded.
	pub trips: Vec<Vec<u8>>,
	/// Whether a marker repair was scheduled.
	pub repair_scheduled: bool,
	/// The guard work done during the transaction.
	pub guard_work: Weight,
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

/// Start a signed transaction's scope, forgetting anything left over (a hook window included).
pub(crate) fn begin() {
	with(|scope| {
		scope.recording = true;
		scope.issuance = None;
		scope.pending.clear();
		scope.trips.clear();
		scope.guard_work = Weight::zero();
		scope.hook = HookWindow::default();
		scope.read.clear();
		scope.repair_scheduled = false;
	});
}

/// End the transaction's scope and take what it noted.
pub(crate) fn finish() -> Finished {
	with(|scope| {
		scope.recording = false;
		scope.read.clear();
		Finished {
			issuance: scope.issuance.take(),
			pending: core::mem::take(&mut scope.pending),
			trips: core::mem::take(&mut scope.trips),
			repair_scheduled: core::mem::take(&mut scope.repair_scheduled),
			guard_work: core::mem::take(&mut scope.guard_work),
		}
	})
	.unwrap_or_default()
}

/// Whether a signed transaction is being recorded.
pub(crate) fn recording() -> bool {
	with(|scope| scope.recording).unwrap_or(false)
}

/// Open a hook window for `phase` (the guardian's own hook runs first in it).
pub(crate) fn open_hook_window(phase: HookPhase) {
	with(|scope| {
		scope.hook = HookWindow { phase: Some(phase), ..Default::default() };
	});
}

/// The open hook window's phase and how much of its credits no debit has backed yet.
pub(crate) fn hook_unbacked() -> Option<(HookPhase, u128)> {
	with(|scope| scope.hook.phase.map(|phase| (phase, scope.hook.unbacked()))).flatten()
}

/// The open hook window's credits, most recent first, and how much of them is unbacked.
pub(crate) fn hook_credits() -> (Vec<(Vec<u8>, u128)>, u128) {
	with(|scope| {
		let mut credits = scope.hook.credits.clone();
		credits.reverse();
		(credits, scope.hook.unbacked())
	})
	.unwrap_or_default()
}

/// Note that account `who`'s total went from `before` to `after`, in a hook window: a credit
/// or a debit of the window. Nothing outside one.
pub(crate) fn note_total(who: &impl codec::Encode, before: u128, after: u128) {
	with(|scope| {
		if scope.own_operation || scope.recording {
			return;
		}
		let (rise, fall) = (after.saturating_sub(before), before.saturating_sub(after));
		if scope.hook.phase.is_some() {
			scope.hook.risen = scope.hook.risen.saturating_add(rise);
			scope.hook.fallen = scope.hook.fallen.saturating_add(fall);
			if rise > 0 {
				if scope.hook.credits.len() >= MAX_CREDITS {
					scope.hook.credits.remove(0);
				}
				scope.hook.credits.push((who.encode(), rise));
			}
		}
	});
}

/// Add `weight` of guard work to the transaction being recorded. Returns `false` (and adds
/// nothing) outside a signed transaction: the caller then charges the block itself.
pub(crate) fn add_guard_work(weight: Weight) -> bool {
	with(|scope| {
		if scope.recording {
			scope.guard_work = scope.guard_work.saturating_add(weight);
		}
		scope.recording
	})
	.unwrap_or(false)
}

/// Run `f`, an operation of the guardian's own on balances (placing a hold, setting its
/// marker): its changes are neither outflow nor repairs to schedule, and are not noted.
pub(crate) fn own_operation<R>(f: impl FnOnce() -> R) -> R {
	let previous = with(|scope| core::mem::replace(&mut scope.own_operation, true));
	let result = f();
	with(|scope| scope.own_operation = previous.unwrap_or(false));
	result
}

/// Whether the guardian is running an operation of its own.
pub(crate) fn in_own_operation() -> bool {
	with(|scope| scope.own_operation).unwrap_or(false)
}

/// Note the total issuance before the transaction.
pub(crate) fn note_issuance(issuance: u128) {
	with(|scope| scope.issuance = Some(issuance));
}

/// Note that a value of the (encoded) source waits to be judged after dispatch. Returns
/// `false` outside a signed transaction: the caller judges it at once.
pub(crate) fn note_pending(source: Vec<u8>) -> bool {
	with(|scope| {
		if scope.recording && !scope.pending.contains(&source) {
			scope.pending.push(source);
		}
		scope.recording
	})
	.unwrap_or(false)
}

/// Note a response fired during the transaction, once however often it fired (nothing outside
/// one).
pub(crate) fn note_trip(trip: Vec<u8>) {
	with(|scope| {
		if scope.recording && !scope.trips.contains(&trip) {
			scope.trips.push(trip);
		}
	});
}

/// Note that a marker repair was scheduled (flushed at the end of the transaction).
pub(crate) fn note_repair_scheduled() {
	with(|scope| scope.repair_scheduled = true);
}

/// Whether this is the first read of guarded account `who` in the transaction being recorded
/// (always `true` outside one).
pub(crate) fn first_read_of(who: &[u8]) -> bool {
	with(|scope| {
		if !scope.recording {
			return true;
		}
		if scope.read.iter().any(|seen| seen.as_slice() == who) {
			return false;
		}
		scope.read.push(who.to_vec());
		true
	})
	.unwrap_or(true)
}

/// Note the outflow the pool check estimated for `who`'s transaction (validation only).
pub(crate) fn note_outflow(who: Vec<u8>, amount: u128) {
	with(|scope| scope.outflow = Some((who, amount)));
}

/// Take the outflow noted for `who` by [`note_outflow`], if any.
pub(crate) fn take_outflow(who: &[u8]) -> u128 {
	with(|scope| match scope.outflow.take() {
		Some((noted, amount)) if noted.as_slice() == who => amount,
		_ => 0,
	})
	.unwrap_or(0)
}

/// Run `f` (the processing of one inbound message) knowing that it came from `origin` (an
/// encoded location), for the inbound caps ([`crate::cross_chain::inflow`]).
pub(crate) fn with_inbound_origin<R>(origin: Vec<u8>, f: impl FnOnce() -> R) -> R {
	let previous = with(|scope| scope.inbound.replace(origin)).flatten();
	let result = f();
	with(|scope| scope.inbound = previous);
	result
}

/// The origin of the inbound message being processed, encoded, if one is.
pub(crate) fn inbound_origin() -> Option<Vec<u8>> {
	with(|scope| scope.inbound.clone()).flatten()
}

/// Run `f` (the fee withdrawal, or its check) with outflow of `payer` up to `amount` exempt
/// from the caps.
pub(crate) fn with_fee_exemption<R>(payer: Vec<u8>, amount: u128, f: impl FnOnce() -> R) -> R {
	let previous = with(|scope| scope.fee.replace((payer, amount))).flatten();
	let result = f();
	with(|scope| scope.fee = previous);
	result
}

/// The part of the fee being withdrawn from `who` that is still exempt.
pub(crate) fn fee_exemption_left(who: &[u8]) -> u128 {
	with(|scope| match scope.fee.as_ref() {
		Some((payer, left)) if payer.as_slice() == who => *left,
		_ => 0,
	})
	.unwrap_or(0)
}

/// The part of an outflow of `who` of `amount` that is the fee being withdrawn (and so exempt).
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
