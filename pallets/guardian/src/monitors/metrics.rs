//! [`MetricSink`]: metrics any pallet reports, judged by the monitor of
//! [`Source::Metric`]`(id)`: at the end of the reporting transaction, on the value it left
//! (net), or at once outside one.

use crate::{Config, Pallet, Source, WeightInfo};
use frame_support::weights::Weight;

/// How other pallets report a metric to the guardian, so that a new monitor needs no guardian
/// code: governance sets a monitor on [`Source::Metric`]`(id)` and the reporting pallet calls
/// [`MetricSink::report`] whenever the value changes (a lending pallet after each deposit or
/// borrow, with its collateral ratio).
pub trait MetricSink {
	/// Report the current value of metric `id`. Inside a signed transaction the monitor judges
	/// the last value reported, once, after dispatch (a round trip within the transaction is
	/// no change; a report the dispatch rolled back is never judged), so a response is in
	/// force before the next extrinsic; outside one, at once. Without a monitor on `id`, one
	/// read.
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
		Self::observe(Source::Metric(id), value);
	}
	fn report_weight() -> Weight {
		T::WeightInfo::observe_fire()
	}
}
