//! Observing a source: its value judged by its monitor's rule, and an anomaly answered by the
//! monitor's playbook in the same call.
//!
//! Observations arrive from:
//! * `on_initialize` (the total issuance, once per block, when an issuance monitor is set) and
//!   [`CheckVelocity`](crate::CheckVelocity)'s post-dispatch (the total issuance again, when a
//!   signed transaction raised it: compared with the issuance before it, so only committed
//!   mints count);
//! * `OracleMonitor` (every value an oracle member submits; feature `oracle`);
//! * [`MetricSink`](crate::MetricSink) (any pallet reporting a metric);
//! * the velocity caps (a high-water mark crossed: [`Source::PolicyOutflow`] and
//!   [`Source::GlobalOutflow`]).

use super::rules::{judge, Finding, Judgement};
use crate::{
	caps::tx_scope, Alert, Anomaly, Config, Monitors, Pallet, PendingObservations, Source,
	WeightInfo,
};
use codec::{Decode, Encode};
use frame_support::{traits::Get, weights::Weight};
use sp_runtime::{traits::Saturating, SaturatedConversion};

impl<T: Config> Pallet<T> {
	/// Observe `value` of `source`. Outside a signed transaction it is judged at once (see
	/// [`Self::observe_now`]). Inside one it waits ([`PendingObservations`], in the dispatch's
	/// own storage layer) and is judged once, after dispatch, with the last value the
	/// transaction left: what actually changed, net — a round trip within one transaction (a
	/// batch opening and closing a position) changes nothing, and a value the dispatch rolled
	/// back is never judged. Returns the weight used (one read when `source` has no monitor).
	pub(crate) fn observe(source: Source, value: u128) -> Weight {
		if tx_scope::recording() {
			if !Monitors::<T>::contains_key(source) {
				return T::DbWeight::get().reads(1);
			}
			PendingObservations::<T>::insert(source, value);
			tx_scope::note_pending(source.encode());
			return T::DbWeight::get().reads_writes(1, 1);
		}
		Self::observe_now(source, value)
	}

	/// Judge the values left by the transaction for the sources in `pending` (encoded), as
	/// committed by its dispatch. Returns the weight used.
	pub(crate) fn judge_pending(pending: alloc::vec::Vec<alloc::vec::Vec<u8>>) -> Weight {
		let mut weight = Weight::zero();
		for encoded in pending {
			let Ok(source) = Source::decode(&mut &encoded[..]) else { continue };
			weight = weight.saturating_add(T::DbWeight::get().reads_writes(1, 1));
			if let Some(value) = PendingObservations::<T>::take(source) {
				weight = weight.saturating_add(Self::observe_now(source, value));
			}
		}
		weight
	}

	/// Judge `value` of `source` against its monitor and respond to an anomaly in the same
	/// call. Returns the weight used (one read when `source` has no monitor).
	pub(crate) fn observe_now(source: Source, value: u128) -> Weight {
		let Some(mut monitor) = Monitors::<T>::get(source) else {
			return T::DbWeight::get().reads(1);
		};
		let now = frame_system::Pallet::<T>::block_number();
		let Judgement { accepted, finding } = match &monitor.rule {
			// The issuance is judged gross: its steps are already committed changes (one per
			// transaction or block), and a fee burnt or a slash must never cover a mint.
			Some(rule) => {
				let net = source != Source::Issuance;
				judge(rule, &mut monitor.state, value, now, net)
			}
			None => Judgement { accepted: true, finding: None },
		};
		monitor.state.seen = Some(now);
		let flag_expired = monitor.state.flag.is_some_and(|flag| flag.until <= now);
		let stale_cleared =
			accepted && monitor.state.flag.is_some_and(|flag| flag.anomaly == Anomaly::Stale);
		if flag_expired || stale_cleared {
			monitor.state.flag = None;
		}
		if stale_cleared {
			// The source is live again: what the staleness response paused resumes and the
			// level it raised falls (unless others hold them).
			Self::withdraw_response(source);
		}
		let fired =
			finding.is_some_and(|finding| Self::run_playbook(source, &mut monitor, finding));
		if let Some(stale_after) = monitor.stale_after {
			Self::arm_stale(source, now.saturating_add(stale_after));
		}
		Monitors::<T>::insert(source, monitor);
		let withdrawn =
			if stale_cleared { T::WeightInfo::reset_response() } else { Weight::zero() };
		Self::observation_weight(fired).saturating_add(withdrawn)
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

	/// Whether the monitor of `source` has a response in force now (its flag).
	pub fn feed_flagged_source(source: Source) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		Monitors::<T>::get(source)
			.and_then(|monitor| monitor.state.flag)
			.is_some_and(|flag| now < flag.until)
	}

	/// What an observation that did (`fired`) or did not respond costs.
	fn observation_weight(fired: bool) -> Weight {
		if fired {
			T::WeightInfo::observe_fire()
		} else {
			T::WeightInfo::observe_quiet()
		}
	}

	/// With an issuance monitor set, the total issuance now (noted before a transaction, so
	/// that the issuance after it is compared with it). One read of the whitelisted alert
	/// state, and one of the issuance when watched.
	pub(crate) fn issuance_if_watched() -> Option<u128> {
		Alert::<T>::get().issuance_watched.then(Self::total_issuance)
	}

	/// The total issuance, observed (the caller knows an issuance monitor is set: the hook,
	/// from the alert state it already read).
	pub(crate) fn observe_issuance_now() -> Weight {
		let issuance = Self::total_issuance();
		Self::observe_now(Source::Issuance, issuance).saturating_add(T::DbWeight::get().reads(1))
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
