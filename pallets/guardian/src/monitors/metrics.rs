//! [`MetricSink`]: metrics any pallet reports, judged by the monitor of
//! [`Source::Metric`]`(id)` as they stand at the end of the block (a metric follows its
//! users' positions, which anyone can move and move back: see [`super::block_end`]).

use super::Monitoring;
use crate::{Config, Pallet, Source};
use frame_support::weights::Weight;

/// How other pallets report a metric to the guardian, so that a new monitor needs no guardian
/// code: governance sets a monitor on [`Source::Metric`]`(id)` and the reporting pallet calls
/// [`MetricSink::report`] whenever the value changes (a lending pallet after each deposit or
/// borrow, with its collateral ratio).
pub trait MetricSink {
	/// Report the current value of metric `id`. The monitor judges the value as it stands at
	/// the end of the block (a round trip within the block is no change; a report the dispatch
	/// rolled back is never judged), and a response lasts only as long as the value stays
	/// anomalous. Without a monitor on `id`, one read.
	fn report(id: u32, value: u128);
	/// The most one report may cost (an anomaly with its full response): add it to the
	/// weight of every call that reports.
	fn report_weight() -> Weight;
}

impl MetricSink for () {
	fn report(_: u32, _: u128) {}
	fn report_weight() -> Weight {
		Weight::zero()
	}
}

impl<T: Config> MetricSink for Pallet<T> {
	fn report(id: u32, value: u128) {
		Monitoring::<T>::observe(Source::Metric(id), value);
	}
	fn report_weight() -> Weight {
		Monitoring::<T>::observation_weight(true)
	}
}
