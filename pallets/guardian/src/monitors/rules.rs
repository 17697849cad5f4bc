//! Judging a value under a monitor's rule: [`Rule::Flow`] (rolling sums of rises and falls)
//! and [`Rule::Jump`] (the move from the last accepted value).

use crate::{Anomaly, Finding, Limit, MonitorState, Rule};
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto},
	SaturatedConversion,
};

/// A rule's verdict on one value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Judgement {
	/// Whether the value was accepted (a [`Rule::Jump`] does not accept a value that jumps).
	pub accepted: bool,
	/// What was wrong with it, if anything.
	pub finding: Option<Finding>,
}

impl Judgement {
	/// Accepted, nothing wrong.
	const FINE: Self = Self { accepted: true, finding: None };
}

/// The threshold of `limit` when shares are taken of `basis`.
fn threshold_of(limit: Limit<u128>, basis: u128) -> u128 {
	match limit {
		Limit::Absolute(amount) => amount,
		Limit::ShareOfBalance(share) => share.mul_floor(basis),
	}
}

/// Judge `value` observed at `now` under `rule`, updating `state`. With `net`, a `Flow`
/// measures rises less falls over its window (a round trip adds nothing); without it, the sum of
/// the rises (falls) alone, so that no earlier move the other way can offset it.
pub(crate) fn judge<BlockNumber: Copy + Saturating + PartialOrd + UniqueSaturatedInto<u64>>(
	rule: &Rule<BlockNumber>,
	state: &mut MonitorState<BlockNumber>,
	value: u128,
	now: BlockNumber,
	net: bool,
) -> Judgement {
	match *rule {
		Rule::Flow { period, rise, fall } => {
			let period: u64 = period.saturated_into();
			let at: u64 = now.saturated_into();
			let Some((last, _)) = state.last else {
				state.start_at(value, now);
				return Judgement::FINE;
			};
			// The shares' basis: the value when the window started, fixed for `period` blocks.
			let basis = match state.basis {
				Some((basis, since)) if at < since.saturating_add(period) => (basis, since),
				_ => (last, at),
			};
			state.basis = Some(basis);
			state.last = Some((value, now));
			let (usage, limit, anomaly, change) = if value > last {
				(&mut state.rises, rise, Anomaly::Rise, value.saturating_sub(last))
			} else if value < last {
				(&mut state.falls, fall, Anomaly::Fall, last.saturating_sub(value))
			} else {
				return Judgement::FINE;
			};
			usage.carry(period, at, change);
			// Net, not gross: what the source rose (fell) over the window less what it fell
			// (rose), so a round trip that ends where it began adds nothing.
			let (rises, falls) = (state.rises.used(period, at), state.falls.used(period, at));
			let measured = match (anomaly, net) {
				(Anomaly::Rise, true) => rises.saturating_sub(falls),
				(Anomaly::Rise, false) => rises,
				(_, true) => falls.saturating_sub(rises),
				(_, false) => falls,
			};
			let finding = limit.and_then(|limit| {
				let threshold = threshold_of(limit, basis.0);
				(measured > threshold).then_some(Finding { anomaly, measured, threshold })
			});
			Judgement { accepted: true, finding }
		}
		Rule::Jump { within, max_jump } => {
			if let Some((reference, since)) = state.last {
				if now < since.saturating_add(within) {
					let jump = value.abs_diff(reference);
					let threshold = max_jump.mul_floor(reference);
					if jump > threshold {
						let finding = Finding { anomaly: Anomaly::Jump, measured: jump, threshold };
						return Judgement { accepted: false, finding: Some(finding) };
					}
				}
			}
			state.last = Some((value, now));
			Judgement::FINE
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::rolling_window::WindowUsage;
	use sp_runtime::Perbill;

	fn state() -> MonitorState<u64> {
		MonitorState {
			last: None,
			seen: None,
			rises: WindowUsage::default(),
			falls: WindowUsage::default(),
			basis: None,
			history: Default::default(),
		}
	}

	#[test]
	fn a_flow_sums_rises_over_the_window_against_the_basis_at_its_start() {
		let rule = Rule::Flow {
			period: 10u64,
			rise: Some(Limit::ShareOfBalance(Perbill::from_percent(10))),
			fall: None,
		};
		let mut s = state();
		assert_eq!(judge(&rule, &mut s, 1000, 1, true), Judgement::FINE);
		// 6% then 5% more: 110 > 10% of 1000 (the basis fixed at the window's start, not 1060).
		assert_eq!(judge(&rule, &mut s, 1060, 2, true), Judgement::FINE);
		assert_eq!(
			judge(&rule, &mut s, 1110, 3, true),
			Judgement {
				accepted: true,
				finding: Some(Finding { anomaly: Anomaly::Rise, measured: 110, threshold: 100 })
			}
		);
		// Falls are summed apart and have no threshold here.
		assert_eq!(judge(&rule, &mut s, 500, 4, true), Judgement::FINE);
	}

	#[test]
	fn a_flow_forgets_rises_older_than_the_window() {
		let rule = Rule::Flow { period: 7u64, rise: Some(Limit::Absolute(100)), fall: None };
		let mut s = state();
		judge(&rule, &mut s, 1000, 1, true);
		assert_eq!(judge(&rule, &mut s, 1090, 1, true), Judgement::FINE);
		// 90 + 90 within 7 blocks: over.
		assert_eq!(
			judge(&rule, &mut s, 1180, 7, true),
			Judgement {
				accepted: true,
				finding: Some(Finding { anomaly: Anomaly::Rise, measured: 180, threshold: 100 })
			}
		);
		// Long after, 90 alone is fine again.
		assert_eq!(judge(&rule, &mut s, 1270, 30, true), Judgement::FINE);
	}

	#[test]
	fn a_jump_is_measured_from_the_last_accepted_value_and_not_accepted() {
		let rule = Rule::Jump { within: 5u64, max_jump: Perbill::from_percent(20) };
		let mut s = state();
		assert_eq!(judge(&rule, &mut s, 100, 1, true), Judgement::FINE);
		assert_eq!(judge(&rule, &mut s, 119, 2, true), Judgement::FINE);
		// 50% off the reference 119.
		assert_eq!(
			judge(&rule, &mut s, 59, 3, true),
			Judgement {
				accepted: false,
				finding: Some(Finding { anomaly: Anomaly::Jump, measured: 60, threshold: 23 })
			}
		);
		assert_eq!(s.last, Some((119, 2)));
		// An honest value close to the reference is accepted again.
		assert_eq!(judge(&rule, &mut s, 121, 4, true), Judgement::FINE);
		// Once the reference is older than `within`, any value becomes the new reference.
		assert_eq!(judge(&rule, &mut s, 60, 9, true), Judgement::FINE);
	}
}
