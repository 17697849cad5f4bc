//! Values anyone can move, judged as they stood at the end of a block, and answered one block at
//! a time.
//!
//! A metric a consumer reports from its users' positions (a lending book's collateral ratio)
//! moves whenever any account opens or closes a position. Judged on every report, a position
//! opened at the minimum ratio and closed in the next transaction bought the attacker a whole
//! playbook — the chain `Critical` for up to its duration — for two fees. So such a value
//! ([`Source::moved_by_anyone`]) is:
//!
//! * **kept as it stands** when reported ([`Standing`]), in or outside a transaction, and
//!   judged once, at the end of the block (after its last transaction, in `PostTransactions`),
//!   as it stands then: a move undone within the block is nothing;
//! * **judged against its time-weighted mean** over the rule's window, every block end weighted
//!   alike, once the monitor has watched a whole window ([`super::time_weighted`]): a move held
//!   for one block and undone cannot become the reference the honest value is then measured
//!   from, and after `set_monitor` or `reset_response` nothing is judged for one window;
//! * **answered one block at a time**: a response lasts through the next block, and each later
//!   block end at which the value is still anomalous renews it for one more block, up to the
//!   playbook's duration from its start (governance's `extend_response` may lengthen it, its
//!   `reset_response` ends it). When the value goes back within a block, that block is the
//!   response's last: the next one is free. A value left where it was moved is answered once:
//!   it is not answered again after its response ran its course, until it moves again.
//!
//! A consumer reports its metric whenever it changes — through the prices it depends on too
//! (the template's collateral pallet reports its book at the start of every block): a value
//! reported only when someone acts reaches the guardian as one step, however slowly it moved.
//!
//! **The attacker's cost per blocked block** is then the capital that holds the value beyond
//! the threshold for that block: to move a book's ratio by the threshold `θ` (a share of the
//! ratio), a position of about `θ · B` must stay open, where `B` is the book's collateral. For
//! every blocked block the attacker keeps `θ · B` locked (and exposed to the book's prices and
//! liquidations); moving the mean instead, so that the honest value is the anomaly, takes the
//! same capital·blocks for at most a window of response ([`super::time_weighted`]). A bonded report keeps 2 138 UNIT locked for three days (43 200 blocks) to
//! block 14 400 blocks: about 6 400 UNIT·blocks locked per blocked block. Holding `θ · B` for a
//! block is `θ · B` UNIT·blocks: with a collateral-ratio rule of `θ` = 10%, a book of 64 000
//! UNIT or more makes the metric at least as expensive to abuse as a report; governance sets
//! thresholds with that in mind (`README`, "Monitors").
//!
//! Cost: a report writes the standing value and (once per block) the whitelisted watch state;
//! `on_initialize` judges each due source (`observe_quiet`, or `observe_fire` when it
//! responds).

use super::{time_weighted, Monitoring};
use crate::{responses::Engine, Anomaly, Config, Contributor, Monitors, Source, Standing, Watch};
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating};

#[cfg(doc)]
use crate::Source as _;

impl<T: Config> Monitoring<T> {
	/// Keep `value` as `source`'s standing value, to be judged at the end of this block.
	/// Returns the weight used.
	pub(crate) fn keep_standing(source: Source, value: u128) -> Weight {
		let now = frame_system::Pallet::<T>::block_number();
		Standing::<T>::insert(source, (value, now));
		Self::judge_at_end_of(source, now);
		T::DbWeight::get().reads_writes(1, 2)
	}

	/// Have `source` judged at the end of block `at`.
	fn judge_at_end_of(source: Source, at: BlockNumberFor<T>) {
		Watch::<T>::mutate(|watch| {
			if !watch.block_end.contains(&source) {
				// Bounded like the monitors: one entry per monitor at most.
				let _ = watch.block_end.try_push(source);
			}
			watch.block_end_at = Some(watch.block_end_at.map_or(at, |due| due.min(at)));
		});
	}

	/// At the end of block `now` (`PostTransactions`): judge every source due, as its value
	/// stands (see the module docs). Returns the weight used.
	pub(crate) fn judge_block_ends(now: BlockNumberFor<T>) -> Weight {
		Self::judge_due(now, now)
	}

	/// At the start of block `now`: judge the sources whose block end passed unjudged (a
	/// runtime without the `PostTransactions` point), as their values stood. Returns the
	/// weight used.
	pub(crate) fn judge_missed_block_ends(now: BlockNumberFor<T>) -> Weight {
		let due = Watch::<T>::get().block_end_at;
		if due.is_none_or(|due| due >= now) {
			return Weight::zero();
		}
		Self::judge_due(now, now.saturating_sub(One::one()))
	}

	/// Judge, at block `now`, the sources due at the end of block `end` or before.
	fn judge_due(now: BlockNumberFor<T>, end: BlockNumberFor<T>) -> Weight {
		let due = Watch::<T>::mutate(|watch| {
			if watch.block_end_at.is_some_and(|at| at <= end) {
				watch.block_end_at = None;
				core::mem::take(&mut watch.block_end)
			} else {
				Default::default()
			}
		});
		let mut weight = T::DbWeight::get().writes(if due.is_empty() { 0 } else { 1 });
		for source in due {
			weight = weight.saturating_add(Self::judge_standing(source, now, end));
		}
		weight
	}

	/// Judge the standing value of `source` as it stood at the end of block `end` (judged at
	/// block `now`: the same block, or the next one when the end passed unjudged) against its
	/// time-weighted mean ([`time_weighted`]); a response in force is renewed for one more
	/// block while the value is still anomalous. A value reported in that block is a fresh
	/// one: it re-arms staleness and ends a staleness response. Returns the weight used.
	fn judge_standing(source: Source, now: BlockNumberFor<T>, end: BlockNumberFor<T>) -> Weight {
		let (Some(mut monitor), Some((value, reported))) =
			(Monitors::<T>::get(source), Standing::<T>::get(source))
		else {
			return T::DbWeight::get().reads(2);
		};
		let Some(rule) = monitor.rule else { return T::DbWeight::get().reads(2) };
		let by = Contributor::Monitor(source);
		let moved = monitor.state.history.last_value() != Some(value);
		let at = sp_runtime::SaturatedConversion::saturated_into::<u64>(end);
		let finding = time_weighted::judge(&rule, &mut monitor.state.history, value, at);
		monitor.state.last = Some((value, end));
		let mut withdrawn = Weight::zero();
		if reported == end {
			monitor.state.seen = Some(end);
			if let Some(stale_after) = monitor.stale_after {
				Self::arm_stale(source, end.saturating_add(stale_after));
			}
			if Engine::<T>::in_force(by).is_some_and(|response| response.anomaly == Anomaly::Stale)
			{
				// The source is live again: its staleness response ends.
				Engine::<T>::withdraw(by);
				withdrawn = <T::WeightInfo as crate::WeightInfo>::reset_response();
			}
		}
		let one = BlockNumberFor::<T>::one();
		// The next judgement: the end of the block after `end` (at the start of the one after
		// that, without `PostTransactions`), before the response it renews runs out.
		let next = end.saturating_add(one);
		let mut fired = false;
		match (Engine::<T>::in_force(by), finding) {
			(Some(response), Some(_)) => {
				// Renewed while the value stays anomalous, never beyond the playbook's
				// duration from the response's start.
				let cap = response.since.saturating_add(monitor.playbook.duration);
				if response.until < cap {
					let _ = Engine::<T>::extend_response(by, one, cap.saturating_sub(now));
					Self::judge_at_end_of(source, next);
				}
			}
			(None, Some(finding)) if moved => {
				// Through the next block (until the next judgement renews it: at that block's
				// end, or at the start of the one after, before anything expires there).
				fired = Self::respond_for(source, &monitor, finding, Some(one.saturating_add(one)));
				if fired {
					Self::judge_at_end_of(source, next);
				}
			}
			_ => {}
		}
		Monitors::<T>::insert(source, monitor);
		Self::observation_weight(fired).saturating_add(withdrawn)
	}
}
