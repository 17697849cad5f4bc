//! The total issuance, judged against its value right before whatever changed it.
//!
//! A mint is judged as one step from the value right before it, never netted against fees,
//! burns or slashes made elsewhere in the block. The issuance is read, while an issuance
//! monitor is set, at every point where the guardian can bracket what may mint:
//!
//! | span | read before | read after | judged |
//! |---|---|---|---|
//! | a signed transaction | `WatchTransaction::prepare` | its `post_dispatch` | when it rose, both ends: the step before it (fees, …) and its own rise apart |
//! | a bare extrinsic (inherent, unsigned) | its `bare_validate_and_prepare` | its `bare_post_dispatch` | as for a transaction |
//! | an inbound XCM message | [`PausableProcessor`](crate::PausableProcessor), before it | after it | as for a transaction |
//! | the pallets' `on_initialize` declared after the guardian | the guardian's `on_initialize` | `PreInherents` | every change |
//! | `on_poll` and multi-block migrations | `PostInherents` | the next point | every change |
//! | `on_idle`, `on_finalize`, and the next block's `on_initialize` of pallets declared before the guardian | `PostTransactions` | the next block's `on_initialize` | every change |
//!
//! Between the rows, the issuance changes only by what runs outside every span: fees burnt
//! after a transaction's span, and whatever an `on_poll` hook or a multi-block migration step
//! does after `PostInherents`. So every read — a span's start as well as its end and each
//! block point — is compared with the previous read (kept in the whitelisted [`Watch`]): a
//! rise since then is judged as a step of its own, from the value at that read, and a fall
//! only kept as the value the next read compares with.
//!
//! What the table leaves is netting *within* one span: a hook that both mints and burns in the
//! same phase is judged by what it did in sum. Nothing in one span can hide behind a burn in
//! another. Every judgement runs in the block the change happened in, except the last row's
//! (judged at the very start of the next block, before any extrinsic).
//!
//! Cost while an issuance monitor is set: two reads per extrinsic and per inbound message
//! (charged to them), a write of the whitelisted watch state where the issuance fell (fees),
//! one read at each of the four block points and, when the issuance rose, two observations
//! (`observe_quiet`, `observe_fire` when it responds); the block points' work is part of
//! `on_initialize`'s weight, and a rise found at a span's start is added to the block.

use super::Monitoring;
use crate::{Config, MonitorStateOf, Source, Watch, WeightInfo};
use frame_support::{
	dispatch::DispatchClass,
	traits::{fungible::Inspect, Get},
	weights::Weight,
};
use sp_runtime::SaturatedConversion;

impl<T: Config> Monitoring<T> {
	/// A span begins: with an issuance monitor set, the total issuance now, read so that the
	/// issuance after the span is compared with it. A rise since the last point the issuance
	/// was read (something outside every span minted: an `on_poll` hook, a multi-block
	/// migration step) is judged first, from the value at that point, and its work added to
	/// the block. One read of the whitelisted watch state, and one of the issuance when
	/// watched.
	pub(crate) fn issuance_if_watched() -> Option<u128> {
		let watch = Watch::<T>::get();
		if !watch.issuance_watched {
			return None;
		}
		let now = Self::total_issuance();
		let used = Self::issuance_read(watch.issuance_seen, now);
		if used.any_gt(Weight::zero()) {
			frame_system::Pallet::<T>::register_extra_weight_unchecked(
				used,
				DispatchClass::Mandatory,
			);
		}
		Some(now)
	}

	/// The end of a span that began with the issuance at `before` (`None`: not watched): a
	/// rise since the last read is judged as a step of its own. The last read is the span's
	/// start, or a span nested in it (an inbound message a transaction executes): its rise was
	/// judged there and is not counted again. Returns the weight used.
	pub(crate) fn issuance_span_ended(before: Option<u128>) -> Weight {
		let Some(before) = before else { return Weight::zero() };
		let after = Self::total_issuance();
		let seen = Watch::<T>::get().issuance_seen.unwrap_or(before);
		T::DbWeight::get().reads(1).saturating_add(Self::issuance_read(Some(seen), after))
	}

	/// The issuance read as `now` at a point whose previous point read `seen`: a rise is
	/// judged as one step from `seen` (observing `seen`, then `now`); otherwise `now` is only
	/// kept, as the value the next point compares with (a write of the whitelisted watch state
	/// when it changed). Returns the weight of the observations.
	fn issuance_read(seen: Option<u128>, now: u128) -> Weight {
		match seen {
			Some(seen) if now > seen => Self::observe_now(Source::Issuance, seen)
				.saturating_add(Self::observe_now(Source::Issuance, now)),
			Some(seen) if now == seen => Weight::zero(),
			_ => {
				Self::keep_issuance_seen(now);
				Weight::zero()
			}
		}
	}

	/// Keep `value` as the issuance last read.
	pub(crate) fn keep_issuance_seen(value: u128) {
		Watch::<T>::mutate(|watch| {
			if watch.issuance_watched {
				watch.issuance_seen = Some(value);
			}
		});
	}

	/// An observation point of the block (`on_initialize`, `PreInherents`, `PostInherents`,
	/// `PostTransactions`): the issuance judged against its last observed value, a rise since
	/// the last point the issuance was read as a step of its own. Returns the weight used.
	pub(crate) fn issuance_point() -> Weight {
		let watch = Watch::<T>::get();
		if !watch.issuance_watched {
			return Weight::zero();
		}
		let issuance = Self::total_issuance();
		let step = match watch.issuance_seen {
			Some(seen) if issuance > seen => Self::observe_now(Source::Issuance, seen),
			_ => Weight::zero(),
		};
		step.saturating_add(Self::observe_now(Source::Issuance, issuance))
			.saturating_add(T::DbWeight::get().reads(1))
	}

	/// The same, from a hook that cannot return its weight (`PreInherents`, `PostInherents`,
	/// `PostTransactions`): beyond the quiet observation `on_initialize` accounted for, the
	/// work is added to the block.
	pub(crate) fn issuance_point_unaccounted() {
		let used = Self::issuance_point();
		let accounted = T::WeightInfo::observe_quiet().saturating_add(T::DbWeight::get().reads(1));
		let beyond = used.saturating_sub(accounted);
		if beyond.any_gt(Weight::zero()) {
			frame_system::Pallet::<T>::register_extra_weight_unchecked(
				beyond,
				DispatchClass::Mandatory,
			);
		}
	}

	/// What `on_initialize` accounts for the three later observation points of the block.
	pub(crate) fn later_points_weight() -> Weight {
		if !Watch::<T>::get().issuance_watched {
			return Weight::zero();
		}
		T::WeightInfo::observe_quiet().saturating_add(T::DbWeight::get().reads(1)).saturating_mul(3)
	}

	/// Start `state` of the issuance monitor afresh from the issuance now, so that a mint in
	/// the rest of this block is already measured from it (and compared with it at the next
	/// read).
	pub(crate) fn start_issuance(state: &mut MonitorStateOf<T>) {
		let issuance = Self::total_issuance();
		state.start_at(issuance, frame_system::Pallet::<T>::block_number());
		Self::keep_issuance_seen(issuance);
	}

	/// The guarded currency's total issuance.
	pub(crate) fn total_issuance() -> u128 {
		T::Currency::total_issuance().saturated_into()
	}
}
