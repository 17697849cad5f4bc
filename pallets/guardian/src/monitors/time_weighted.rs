//! The time-weighted mean of a value anyone can move, and a rule judged against it.
//!
//! A value judged against its last value (or a window of its steps) can be poisoned for the
//! price of one block: move it, let the move be taken as the reference, move it back — and the
//! honest value now looks like the anomaly, for as long as the reference stands. So a value
//! anyone can move ([`Source::moved_by_anyone`](crate::Source::moved_by_anyone)) is judged
//! against the **mean of its block-end values over the rule's window** (`period` for a
//! [`Rule::Flow`], `within` for a [`Rule::Jump`]), every block weighted alike:
//!
//! * **Flow**: a rise (fall) is the value above (below) that mean by more than the threshold
//!   (`Absolute`, or a share of the mean).
//! * **Jump**: the value away from that mean by more than `max_jump` of it.
//! * **Warm-up**: nothing is judged until the history covers a whole window (after
//!   `set_monitor` or `reset_response`, one window of watching).
//!
//! **What a response costs.** To hold the value a threshold `θ` away from its mean, the move
//! must stand: every blocked block costs the capital that holds it (and as the mean follows
//! the moved value, a move of `Δ` is anomalous for at most `(1 - θ/Δ)` of a window). To make
//! the *honest* value look anomalous instead, the mean itself must be moved by `θ`: a move of
//! `Δ` held for `θ/Δ` of a window — the same capital·blocks — and it is then anomalous for at
//! most one window. Either way about `θ · B` UNIT·blocks per blocked block for a book of `B`
//! ([`super::block_end`] has the figures against a bonded report).
//!
//! Storage: the sums of the block-end values and the blocks they cover, per bucket of the
//! window (the rings the caps count debits in, [`crate::rolling_window`]), and the last value
//! integrated; bounded, `MaxEncodedLen`. A value that stood for many blocks without a report is
//! integrated when it is next judged, in at most one step per bucket.

use crate::{
	rolling_window::{bucket_len, WindowUsage},
	Anomaly, Finding, Limit, Rule,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{traits::UniqueSaturatedInto, SaturatedConversion};

/// A value's time-weighted history over a window: see the module docs.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
#[scale_info(replace_segment("time_weighted", "monitor_types"))]
pub struct TimeWeighted {
	/// The sum of the block-end values over the blocks of each bucket.
	pub sums: WindowUsage<u128>,
	/// How many blocks each bucket's sum covers.
	pub blocks: WindowUsage<u128>,
	/// The last block end integrated: the value that stood then, and its block.
	pub last: Option<(u128, u64)>,
	/// The first block end of the history.
	pub since: u64,
}

impl TimeWeighted {
	/// Integrate the blocks after the last one integrated and before `at`, at the value that
	/// stood then (nothing was reported meanwhile). Only the window's span matters; at most one
	/// step per bucket.
	fn advance(&mut self, period: u64, at: u64) {
		let Some((stood, from)) = self.last else { return };
		let len = bucket_len(period);
		let horizon = at.saturating_sub(period.saturating_add(len));
		let mut block = from.saturating_add(1).max(horizon);
		while block < at {
			let bucket = block.checked_div(len).unwrap_or(block);
			let bucket_end = bucket.saturating_add(1).saturating_mul(len).saturating_sub(1);
			let end = bucket_end.min(at.saturating_sub(1));
			let n = u128::from(end.saturating_sub(block).saturating_add(1));
			self.sums.carry(period, end, stood.saturating_mul(n));
			self.blocks.carry(period, end, n);
			block = end.saturating_add(1);
		}
	}

	/// Integrate the end of block `at`, where the value stood at `value` (and the blocks since
	/// the last one integrated). A block already integrated is left as it was.
	fn record(&mut self, period: u64, at: u64, value: u128) {
		match self.last {
			Some((_, from)) if from >= at => return,
			Some(_) => self.advance(period, at),
			None => self.since = at,
		}
		self.sums.carry(period, at, value);
		self.blocks.carry(period, at, 1);
		self.last = Some((value, at));
	}

	/// The time-weighted mean of the block-end values over the `period` blocks ending at
	/// `at`, once the history covers them all (the blocks after the last one integrated count
	/// at the value that stood then).
	pub fn mean(&self, period: u64, at: u64) -> Option<u128> {
		self.last?;
		let covered = at.saturating_add(1).saturating_sub(self.since);
		if covered < period {
			return None;
		}
		let mut ring = *self;
		ring.advance(period, at.saturating_add(1));
		let blocks = ring.blocks.used(period, at);
		ring.sums.used(period, at).checked_div(blocks)
	}

	/// The value judged last, if any.
	pub fn last_value(&self) -> Option<u128> {
		self.last.map(|(value, _)| value)
	}
}

/// The window a rule judges a value anyone can move over: `period` for a flow, `within` for a
/// jump.
pub(crate) fn window_of<BlockNumber: Copy + UniqueSaturatedInto<u64>>(
	rule: &Rule<BlockNumber>,
) -> u64 {
	match *rule {
		Rule::Flow { period, .. } => period.saturated_into(),
		Rule::Jump { within, .. } => within.saturated_into(),
	}
}

/// Judge `value`, standing at the end of block `at`, against its time-weighted mean over the
/// rule's window before it (see the module docs), and integrate it into `history`.
pub(crate) fn judge<BlockNumber: Copy + UniqueSaturatedInto<u64>>(
	rule: &Rule<BlockNumber>,
	history: &mut TimeWeighted,
	value: u128,
	at: u64,
) -> Option<Finding> {
	let period = window_of(rule).max(1);
	let mean = history.mean(period, at.saturating_sub(1));
	history.record(period, at, value);
	let mean = mean?;
	let over = |measured: u128, threshold: u128, anomaly| {
		(measured > threshold).then_some(Finding { anomaly, measured, threshold })
	};
	let threshold_of = |limit: Limit<u128>| match limit {
		Limit::Absolute(amount) => amount,
		Limit::ShareOfBalance(share) => share.mul_floor(mean),
	};
	match *rule {
		Rule::Flow { rise, fall, .. } => {
			if value > mean {
				over(value.saturating_sub(mean), threshold_of(rise?), Anomaly::Rise)
			} else {
				over(mean.saturating_sub(value), threshold_of(fall?), Anomaly::Fall)
			}
		}
		Rule::Jump { max_jump, .. } => {
			over(value.abs_diff(mean), max_jump.mul_floor(mean), Anomaly::Jump)
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_runtime::Perbill;

	fn flow(period: u32, share: u32) -> Rule<u32> {
		let limit = Some(Limit::ShareOfBalance(Perbill::from_percent(share)));
		Rule::Flow { period, rise: limit, fall: limit }
	}

	/// Judge `values` at consecutive block ends from block 1; the findings' anomalies.
	fn run(rule: &Rule<u32>, values: &[u128]) -> Vec<Option<Anomaly>> {
		let mut history = TimeWeighted::default();
		values
			.iter()
			.enumerate()
			.map(|(i, v)| judge(rule, &mut history, *v, i as u64 + 1).map(|f| f.anomaly))
			.collect()
	}

	#[test]
	fn the_mean_weighs_every_block_alike_and_counts_the_blocks_a_value_stood() {
		let mut h = TimeWeighted::default();
		h.record(10, 1, 100);
		// Nothing reported for blocks 2..=9: 100 stood.
		h.record(10, 10, 200);
		assert_eq!(h.mean(10, 10), Some((9 * 100 + 200) / 10));
		// Before a whole window is covered there is no mean.
		let mut young = TimeWeighted::default();
		young.record(10, 1, 100);
		assert_eq!(young.mean(10, 5), None);
		// A long silence counts at the value that stood, without a step per block.
		h.record(10, 10_000, 300);
		assert_eq!(h.mean(10, 9_999), Some(200));
	}

	#[test]
	fn nothing_is_judged_before_a_whole_window_is_watched() {
		let rule = flow(5, 10);
		// A move in the warm-up is history, not an anomaly.
		assert_eq!(run(&rule, &[100, 200, 100, 100, 100]), vec![None; 5]);
	}

	#[test]
	fn a_one_block_spike_is_not_a_reference_and_its_revert_is_no_anomaly() {
		let rule = flow(10, 10);
		// Warm at 1000; the attacker moves the value 50% for one block, then back.
		let mut values = vec![1000u128; 12];
		values.push(1500);
		values.extend([1000; 20]);
		let found = run(&rule, &values);
		// The spike itself is the anomaly (it stands 50% above the mean) — for one block; the
		// honest value after it is 5% from the mean at most: nothing.
		assert_eq!(found.get(12), Some(&Some(Anomaly::Rise)));
		assert!(found.iter().skip(13).all(Option::is_none), "{found:?}");
	}

	#[test]
	fn a_held_move_is_anomalous_until_the_mean_follows_it() {
		let rule = flow(10, 10);
		let mut values = vec![1000u128; 12];
		values.extend([1500; 20]);
		let found = run(&rule, &values);
		let anomalous = found.iter().filter(|f| f.is_some()).count();
		// 500 above a mean that rises 50 a block: anomalous while 1500 − mean > 10% of it.
		assert!((5..=9).contains(&anomalous), "{found:?}");
		assert!(found.iter().skip(24).all(Option::is_none));
	}

	#[test]
	fn poisoning_the_mean_takes_the_move_held_for_a_share_of_the_window() {
		let rule = flow(10, 10);
		// Held for one block, the honest value after it is no anomaly (above); held for three
		// (a 30% shift of the mean at a 100% move), the honest value is, for about a window.
		let mut values = vec![1000u128; 12];
		values.extend([2000; 3]);
		values.extend([1000; 20]);
		let found = run(&rule, &values);
		let after = found.iter().skip(15).filter(|f| **f == Some(Anomaly::Fall)).count();
		assert!((1..=10).contains(&after), "{found:?}");
		assert!(found.iter().skip(15 + 11).all(Option::is_none), "{found:?}");
	}

	#[test]
	fn a_jump_is_judged_from_the_mean_over_within() {
		let rule = Rule::Jump { within: 4, max_jump: Perbill::from_percent(20) };
		let found = run(&rule, &[100, 100, 100, 100, 100, 130, 100, 100]);
		assert_eq!(found, vec![None, None, None, None, None, Some(Anomaly::Jump), None, None]);
	}
}
