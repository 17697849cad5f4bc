//! Observing a source: its value judged by its monitor's rule, and an anomaly answered by the
//! monitor's playbook in the same call.
//!
//! Observations arrive from:
//! * `on_initialize` (the total issuance, once per block, when an issuance monitor is set) and
//!   [`CheckVelocity`](crate::CheckVelocity)'s post-dispatch (the total issuance again, but
//!   only after a signed transaction whose balance changes created value: see
//!   [`tx_scope`](crate::tx_scope));
//! * `OracleMonitor` (every value an oracle member submits; feature `oracle`);
//! * [`MetricSink`](crate::MetricSink) (any pallet reporting a metric);
//! * the velocity caps (a high-water mark crossed: [`Source::PolicyOutflow`] and
//!   [`Source::GlobalOutflow`]).

use super::rules::{judge, Finding, Judgement};
use crate::{Alert, Anomaly, Config, Monitors, Pallet, Source, WeightInfo};
use frame_support::{traits::Get, weights::Weight};
use sp_runtime::{traits::Saturating, SaturatedConversion};

impl<T: Config> Pallet<T> {
	/// Judge `value` of `source` against its monitor and respond to an anomaly in the same
	/// call. Returns the weight used (one read when `source` has no monitor).
	pub(crate) fn observe(source: Source, value: u128) -> Weight {
		let Some(mut monitor) = Monitors::<T>::get(source) else {
			return T::DbWeight::get().reads(1);
		};
		let now = frame_system::Pallet::<T>::block_number();
		let Judgement { accepted, finding } = match &monitor.rule {
			Some(rule) => judge(rule, &mut monitor.state, value, now),
			None => Judgement { accepted: true, finding: None },
		};
		monitor.state.seen = Some(now);
		let flag_expired = monitor.state.flag.is_some_and(|flag| flag.until <= now);
		let stale_cleared =
			accepted && monitor.state.flag.is_some_and(|flag| flag.anomaly == Anomaly::Stale);
		if flag_expired || stale_cleared {
			monitor.state.flag = None;
		}
		let fired =
			finding.is_some_and(|finding| Self::run_playbook(source, &mut monitor, finding));
		if let Some(stale_after) = monitor.stale_after {
			Self::arm_stale(source, now.saturating_add(stale_after));
		}
		Monitors::<T>::insert(source, monitor);
		Self::observation_weight(fired)
	}

	/// A velocity cap crossed its high-water mark: run the playbook of `source` (an outflow
	/// source), if governance set one. Returns the weight used.
	pub(crate) fn high_water_crossed(source: Source, used: u128, mark: u128) -> Weight {
		let Some(mut monitor) = Monitors::<T>::get(source) else {
			return T::DbWeight::get().reads(1);
		};
		let finding = Finding { anomaly: Anomaly::HighWater, measured: used, threshold: mark };
		let fired = Self::run_playbook(source, &mut monitor, finding);
		Monitors::<T>::insert(source, monitor);
		Self::observation_weight(fired)
	}

	/// What an observation that did (`fired`) or did not respond costs.
	fn observation_weight(fired: bool) -> Weight {
		if fired {
			T::WeightInfo::observe_fire()
		} else {
			T::WeightInfo::observe_quiet()
		}
	}

	/// The total issuance, observed if an issuance monitor is set. Called after a signed
	/// transaction that created value. Returns the weight used (nothing if no monitor).
	pub(crate) fn observe_issuance() -> Weight {
		if !Alert::<T>::get().issuance_watched {
			return Weight::zero();
		}
		Self::observe_issuance_now()
	}

	/// The total issuance, observed (the caller knows an issuance monitor is set: the hook,
	/// from the alert state it already read).
	pub(crate) fn observe_issuance_now() -> Weight {
		let issuance = Self::total_issuance();
		Self::observe(Source::Issuance, issuance).saturating_add(T::DbWeight::get().reads(1))
	}

	/// Start `state` of the issuance monitor afresh from the issuance now, so that a mint in
	/// the rest of this block is already measured from it.
	pub(crate) fn start_issuance(state: &mut crate::MonitorStateOf<T>) {
		state.start_at(Self::total_issuance(), frame_system::Pallet::<T>::block_number());
	}

	/// The guarded currency's total issuance.
	pub(crate) fn total_issuance() -> u128 {
		<T::Currency as frame_support::traits::fungible::Inspect<T::AccountId>>::total_issuance()
			.saturated_into()
	}
}
