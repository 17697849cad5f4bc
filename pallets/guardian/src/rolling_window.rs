//! The exact rolling window, shared by the velocity caps (how much left an account, or all
//! guarded accounts, in the last `period` blocks) and the monitors' flow rules (how much a
//! source rose or fell in the last `period` blocks), in O(1) per touch.
//!
//! A window's rule is a [`WindowSpec`]: at most a [`Limit`] in any `period` blocks. The caps'
//! policies, own limits and global cap, the monitors' flow thresholds and the inbound caps all
//! speak it. [`WindowUsage`] keeps its metadata path `pallet_guardian::velocity::WindowUsage`
//! (this module's first name).
//!
//! # Why not a token bucket or a decaying accumulator
//!
//! A token bucket (or a linearly decaying accumulator) of capacity `L` refilling over `P`
//! blocks lets `L` out at once and then the refill as it arrives: up to almost `2L` inside one
//! window of `P` blocks. A fixed window lets `2L` out across its boundary. Neither keeps the
//! promise operators read into "10 000 per hour".
//!
//! # The ring of buckets
//!
//! Each window keeps [`SLOTS`] buckets in a ring. Block `b` falls in bucket `b / s`, with the
//! bucket length `s = ceil(period / (SLOTS - 1))`. A debit at block `t` is allowed when the
//! sum of the buckets overlapping `[t - period + 1, t]` (at most [`SLOTS`] of them) plus the
//! debit stays within the limit. Every debit inside any `period`-block interval ending at `t`
//! lies in one of those buckets, so
//!
//! > **the total debited inside any `period` consecutive blocks never exceeds the limit**,
//!
//! exactly, not on average. The price is conservatism: a debit keeps counting for up to `s`
//! blocks (one bucket, at most `period / (SLOTS - 1)`) after it left the window. Work per touch
//! is bounded by [`SLOTS`] (clear the buckets that rolled over, sum at most [`SLOTS`]), never
//! by the number of debits, accounts or blocks elapsed; nothing runs when nobody touches the
//! window. The property test in this file checks the bound against a brute-force model that
//! keeps every debit.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};

/// How much may leave in one window.
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
	Serialize,
	Deserialize,
)]
#[scale_info(replace_segment("rolling_window", "cap_types"))]
pub enum Limit<Balance> {
	/// A fixed amount.
	Absolute(Balance),
	/// A share of the account's free balance, taken when the window starts (at the first
	/// debit at least one `period` after the previous start) and fixed until the next start,
	/// so that a mint into the account cannot raise its own quota within the window.
	ShareOfBalance(Perbill),
}

/// One rolling window of a policy: at most `limit` in any `period` consecutive blocks.
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
	Serialize,
	Deserialize,
)]
#[scale_info(replace_segment("rolling_window", "cap_types"))]
pub struct WindowSpec<BlockNumber, Balance> {
	/// The window's length in blocks.
	pub period: BlockNumber,
	/// How much may leave within it.
	pub limit: Limit<Balance>,
}

/// Buckets per window. With 8, a debit keeps counting for at most `period / 7` blocks after it
/// left the window.
pub const SLOTS: usize = 8;

/// The usage of one window: debits per bucket in a ring.
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
#[scale_info(replace_segment("rolling_window", "velocity"))]
pub struct WindowUsage<Balance> {
	/// Debits per bucket; bucket `i` lives in slot `i % SLOTS`.
	pub slots: [Balance; SLOTS],
	/// The newest bucket written; the ring holds buckets `head - SLOTS + 1 ..= head`.
	pub head: u64,
}

/// The length of a bucket for a window of `period` blocks (at least one block).
pub fn bucket_len(period: u64) -> u64 {
	let divisor = (SLOTS as u64).saturating_sub(1).max(1);
	period.div_ceil(divisor).max(1)
}

impl<Balance: Copy + Zero + Saturating + PartialOrd> WindowUsage<Balance> {
	/// Roll the ring forward to block `now`: buckets that fell out of the ring are zeroed.
	/// Touches at most [`SLOTS`] buckets however long the window was idle.
	fn roll(&mut self, period: u64, now: u64) {
		let current = now.checked_div(bucket_len(period)).unwrap_or(now);
		if current <= self.head {
			return;
		}
		let stale = current.saturating_sub(self.head).min(SLOTS as u64);
		for offset in 0..stale {
			let bucket = current.saturating_sub(offset);
			if let Some(slot) = self.slots.get_mut(slot_of(bucket)) {
				*slot = Balance::zero();
			}
		}
		self.head = current;
	}

	/// The total debited in the buckets overlapping the `period` blocks ending at `now`.
	pub fn used(&self, period: u64, now: u64) -> Balance {
		let mut ring = *self;
		ring.roll(period, now);
		ring.sum(period, now)
	}

	/// The buckets overlapping the `period` blocks ending at `now`, oldest to newest.
	fn window(period: u64, now: u64) -> core::ops::RangeInclusive<u64> {
		let s = bucket_len(period);
		let current = now.checked_div(s).unwrap_or(now);
		let first = now.saturating_add(1).saturating_sub(period).checked_div(s).unwrap_or(0);
		first.max(current.saturating_sub((SLOTS as u64).saturating_sub(1)))..=current
	}

	fn sum(&self, period: u64, now: u64) -> Balance {
		Self::window(period, now).fold(Balance::zero(), |total, bucket| {
			total
				.saturating_add(self.slots.get(slot_of(bucket)).copied().unwrap_or_else(Zero::zero))
		})
	}

	/// Record a debit of `amount` at block `now` if it fits under `limit`; otherwise leave the
	/// ring as it was and return `false`.
	pub fn try_record(&mut self, period: u64, limit: Balance, now: u64, amount: Balance) -> bool {
		let mut ring = *self;
		ring.roll(period, now);
		let used = ring.sum(period, now);
		if used.saturating_add(amount) > limit {
			return false;
		}
		if let Some(slot) = ring.slots.get_mut(slot_of(ring.head)) {
			*slot = slot.saturating_add(amount);
		}
		*self = ring;
		true
	}

	/// Count `amount` as already debited at block `now` (used when a policy is replaced, to
	/// carry its usage over), without checking any limit.
	pub fn carry(&mut self, period: u64, now: u64, amount: Balance) {
		self.roll(period, now);
		if let Some(slot) = self.slots.get_mut(slot_of(self.head)) {
			*slot = slot.saturating_add(amount);
		}
	}
}

impl<Balance: Copy + Zero + Saturating + PartialOrd> WindowUsage<Balance> {
	/// Take `amount` off what the window counts at block `now`: value that went back where it
	/// came from (the inbound caps' netting). The newest buckets give first, and no bucket
	/// goes below zero, so what the window counts afterwards is never less than what came in
	/// minus what went back within any `period` blocks ending at `now` (a bucket only gives
	/// for value that went back after it began).
	pub fn net(&mut self, period: u64, now: u64, amount: Balance) {
		self.roll(period, now);
		let mut left = amount;
		for bucket in Self::window(period, now).rev() {
			if left.is_zero() {
				break;
			}
			if let Some(slot) = self.slots.get_mut(slot_of(bucket)) {
				let taken = if *slot < left { *slot } else { left };
				*slot = slot.saturating_sub(taken);
				left = left.saturating_sub(taken);
			}
		}
	}
}

fn slot_of(bucket: u64) -> usize {
	bucket.checked_rem(SLOTS as u64).unwrap_or(0) as usize
}

#[cfg(test)]
pub(crate) mod tests {
	use super::*;

	/// A deterministic xorshift generator: the property tests need no extra crate and every
	/// failure reproduces from its seed.
	pub struct Rng(u64);
	impl Rng {
		pub fn new(seed: u64) -> Self {
			Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
		}
		pub fn next(&mut self) -> u64 {
			self.0 ^= self.0 << 13;
			self.0 ^= self.0 >> 7;
			self.0 ^= self.0 << 17;
			self.0
		}
		pub fn below(&mut self, n: u64) -> u64 {
			self.next() % n.max(1)
		}
	}

	/// The brute-force reference: every debit kept, sums recomputed from scratch.
	fn window_sum(debits: &[(u64, u64)], from: u64, to: u64) -> u64 {
		debits.iter().filter(|(at, _)| *at >= from && *at <= to).map(|(_, a)| a).sum()
	}

	#[test]
	fn bucket_lengths() {
		assert_eq!(bucket_len(0), 1);
		assert_eq!(bucket_len(1), 1);
		assert_eq!(bucket_len(7), 1);
		assert_eq!(bucket_len(8), 2);
		assert_eq!(bucket_len(600), 86);
	}

	#[test]
	fn the_boundary_cannot_be_gamed() {
		// A fixed window would let 2 × 100 out around block 10; the ring does not.
		let mut w = WindowUsage::<u64>::default();
		assert!(w.try_record(10, 100, 9, 100));
		for now in 10..=18 {
			assert!(!w.try_record(10, 100, now, 1), "block {now}");
		}
		assert!(w.try_record(10, 100, 19, 100));
	}

	#[test]
	fn value_that_went_back_is_netted_newest_first_never_below_zero() {
		let mut w = WindowUsage::<u64>::default();
		assert!(w.try_record(70, 100, 5, 60));
		assert!(w.try_record(70, 100, 30, 40));
		w.net(70, 31, 50);
		// The newest bucket gave its 40 first, then the oldest 10 of its 60.
		assert_eq!(w.used(70, 31), 50);
		assert_eq!(w.used(70, 5 + 70 + bucket_len(70)), 0);
		w.net(70, 32, 1_000);
		assert_eq!(w.used(70, 32), 0);
		assert!(w.try_record(70, 100, 33, 100));
		assert!(!w.try_record(70, 100, 33, 1));
	}

	#[test]
	fn idle_windows_refill_in_bounded_work() {
		let mut w = WindowUsage::<u64>::default();
		assert!(w.try_record(70, 100, 5, 100));
		assert_eq!(w.used(70, 5), 100);
		assert_eq!(w.used(70, 1_000_000_000), 0);
		assert!(w.try_record(70, 100, 1_000_000_000, 100));
	}

	/// Property: for random sequences of debits and block advances, (1) the total debited in
	/// every `period`-block interval never exceeds the limit, and (2) a debit is refused only
	/// when the debits of the last `period + bucket_len` blocks plus it would exceed the limit
	/// (the ring is conservative by at most one bucket, never more).
	#[test]
	fn never_exceeds_the_limit_in_any_window() {
		for seed in 0..400u64 {
			let mut rng = Rng::new(seed);
			let period = 1 + rng.below(120);
			let limit = 1 + rng.below(1_000);
			let s = bucket_len(period);
			let mut w = WindowUsage::<u64>::default();
			let mut accepted: Vec<(u64, u64)> = Vec::new();
			let mut now = rng.below(50);
			for _ in 0..300 {
				now += match rng.below(4) {
					0 => 0,
					1 => 1,
					2 => rng.below(period + 2),
					_ => rng.below(3 * period + 1),
				};
				let amount = rng.below(limit / 2 + 2);
				let from = (now + 1).saturating_sub(period);
				if w.try_record(period, limit, now, amount) {
					accepted.push((now, amount));
				} else {
					let slack_from = (now + 1).saturating_sub(period + s);
					assert!(
						window_sum(&accepted, slack_from, now) + amount > limit,
						"seed {seed}: refused {amount} at {now} although only {} left in \
						 the last {} blocks (limit {limit})",
						window_sum(&accepted, slack_from, now),
						period + s,
					);
				}
				assert!(
					w.used(period, now) >= window_sum(&accepted, from, now),
					"seed {seed}: the ring under-counts at {now}",
				);
			}
			// Every interval of `period` blocks, checked from scratch.
			let last = accepted.last().map(|(at, _)| *at).unwrap_or(0);
			for start in 0..=last {
				let total = window_sum(&accepted, start, start + period - 1);
				assert!(
					total <= limit,
					"seed {seed}: {total} left in [{start}, {}] over limit {limit}",
					start + period - 1
				);
			}
		}
	}
}
