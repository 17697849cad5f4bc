//! The block's edges: what the guardian does at the start of every block (`on_initialize`),
//! after its `on_initialize` hooks (`PreInherents`), after its inherents (`PostInherents`) and
//! after its last transaction (`PostTransactions`) — where the capabilities meet outside any
//! extrinsic.
//!
//! | point | what |
//! |---|---|
//! | `on_initialize` | pauses (and their holds) and inbound pauses that expired; a level whose time is up announced; the issuance judged; staleness checked when due |
//! | `PreInherents` | the issuance judged (what the `on_initialize` of pallets after the guardian changed) |
//! | `PostInherents` | the issuance judged (what the inherents changed) |
//! | `PostTransactions` | the issuance judged; values anyone can move judged as they stand at the block's end ([`crate::monitors::block_end`]) |
//!
//! Wire the three later points in frame-system's config:
//! `type PreInherents = Guardian; type PostInherents = Guardian; type PostTransactions = Guardian;`
//! (in a tuple with anything already there). Without them nothing is missed, only judged
//! later: the issuance is still judged at the start of every block and around every extrinsic
//! and message (a hook's mint then waits for the next block's start), and values anyone can
//! move that no `PostTransactions` judged are judged at the next block's start, as they stood
//! at the end of the block.

use crate::{
	breakers::Breakers, cross_chain::CrossChain, monitors::Monitoring, responses::Engine, Config,
	GuardIndex, Pallet, Watch,
};
use frame_support::{
	traits::{Get, PostInherents, PostTransactions, PreInherents},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Zero;

/// `on_initialize`: see the module docs. Returns the weight used (the three later points'
/// quiet work included).
pub(crate) fn on_initialize<T: Config>(now: BlockNumberFor<T>) -> Weight {
	// Bring the guard index into the block's cache: the ledger's per-debit look-ups of it are
	// then free (the key is whitelisted for benchmarks).
	let _ = sp_io::storage::read(&GuardIndex::<T>::hashed_key(), &mut [], 0);
	let (expiry, expired) = Breakers::<T>::expire(now);
	Engine::<T>::forget_holds(&expired);
	let mut weight = expiry.saturating_add(T::DbWeight::get().reads(1));
	weight = weight.saturating_add(CrossChain::<T>::expire_inbound_pauses(now));
	weight = weight.saturating_add(Engine::<T>::expire_risk(now));
	// One read of the (whitelisted) watch state decides whether anything else is due.
	let watch = Watch::<T>::get();
	if watch.issuance_watched {
		weight = weight
			.saturating_add(Monitoring::<T>::issuance_point())
			.saturating_add(Monitoring::<T>::later_points_weight());
	}
	if watch.next_stale.is_some_and(|next| next <= now) {
		weight = weight.saturating_add(Monitoring::<T>::check_stale(now));
	}
	if watch.block_end_at.is_some_and(|due| due < now) {
		// A block's end was not judged (no `PostTransactions`): judged now, as the values
		// stood then.
		weight = weight.saturating_add(Monitoring::<T>::judge_missed_block_ends(now));
	}
	if !expired.is_empty() {
		// Their holders forgotten: one read and one write of the holds.
		weight = weight.saturating_add(T::DbWeight::get().reads_writes(1, 1));
	}
	weight
}

/// `on_idle`: the block's spare weight offers the alerts the router refused again (see
/// [`crate::cross_chain::alerts_out`]). Returns the weight used, never more than `remaining`.
pub(crate) fn on_idle<T: Config>(remaining: Weight) -> Weight {
	CrossChain::<T>::retry_undelivered(remaining)
}

/// `integrity_test`: the runtime's names fit, and the bounds are consistent.
pub(crate) fn integrity_test<T: Config>() {
	Engine::<T>::check_runtime_names();
	let rooms = T::PauseRooms::get();
	assert!(
		rooms.total() <= T::MaxActivePauses::get(),
		"the pause rooms ({}) must fit MaxActivePauses ({})",
		rooms.total(),
		T::MaxActivePauses::get()
	);
	assert!(rooms.governance > 0, "governance must have room for a pause");
	assert!(
		rooms.automatic >= T::MaxResponseTargets::get(),
		"the automatic responses' room must hold one full playbook (MaxResponseTargets)"
	);
	assert!(
		rooms.reports >= T::MaxReportableTargets::get(),
		"the reports' room must hold every reportable target (MaxReportableTargets)"
	);
	assert!(
		rooms.alerts >= T::MaxAlertSources::get().saturating_mul(T::MaxResponseTargets::get()),
		"the alerts' room must hold every source's full playbook"
	);
	assert!(
		T::RefusalCodes::get().are_distinct(),
		"the pool's refusal codes (RefusalCodes) must differ: a wallet could not tell them apart"
	);
	assert!(T::MaxMonitors::get() > 0, "MaxMonitors must be at least 1");
	assert!(
		T::MaxReportPause::get() <= T::MaxProgrammaticPause::get()
			&& T::EscalatedReportPause::get() <= T::MaxProgrammaticPause::get(),
		"report pauses must be within MaxProgrammaticPause"
	);
	assert!(T::ReportsToEscalate::get() >= 2, "one reporter must never escalate");
	assert!(!T::ReportDepositBase::get().is_zero(), "a report must hold a deposit");
	assert!(
		crate::cross_chain::inbound::bounds_are_consistent::<T>(),
		"MaxInboundPauses must exceed MaxAlertSources: each source keeps one slot"
	);
	assert!(
		!crate::caps::liquidity::is_shown(&pallet_balances::ExtraFlags::default()),
		"pallet-balances sets the bit the ledger guard tags shown reads with"
	);
}

impl<T: Config> PreInherents for Pallet<T> {
	fn pre_inherents() {
		Monitoring::<T>::issuance_point_unaccounted();
	}
}

impl<T: Config> PostInherents for Pallet<T> {
	fn post_inherents() {
		Monitoring::<T>::issuance_point_unaccounted();
	}
}

impl<T: Config> PostTransactions for Pallet<T> {
	fn post_transactions() {
		Monitoring::<T>::issuance_point_unaccounted();
		let now = frame_system::Pallet::<T>::block_number();
		let judged = Monitoring::<T>::judge_block_ends(now);
		if !judged.is_zero() {
			frame_system::Pallet::<T>::register_extra_weight_unchecked(
				judged,
				frame_support::dispatch::DispatchClass::Mandatory,
			);
		}
	}
}
