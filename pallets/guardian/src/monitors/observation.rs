//! Observing a source: its value judged by its monitor's rule, and an anomaly answered by the
//! monitor's playbook in the same call.
//!
//! Observations arrive from:
//! * the issuance's observation points ([`issuance`](super::issuance)): every hook phase,
//!   before and after every transaction and inbound message that raised it;
//! * `OracleMonitor` (every value an oracle member submits; feature `oracle`);
//! * [`MetricSink`](crate::MetricSink) (any pallet reporting a metric): kept as it stands and
//!   judged at the end of the block ([`block_end`](super::block_end));
//! * the velocity caps, through the response engine (a high-water mark crossed:
//!   [`Source::PolicyOutflow`] and [`Source::GlobalOutflow`]).

use super::{
	rules::{judge, Judgement},
	Monitoring,
};
use crate::{
	lifecycle::memory, responses::Engine, Anomaly, Config, Contributor, Finding, Monitors,
	PendingObservations, Source, WeightInfo,
};
use codec::{Decode, Encode};
use frame_support::{traits::Get, weights::Weight};
use sp_runtime::traits::Saturating;

impl<T: Config> Monitoring<T> {
	/// Observe `value` of `source`. A value anyone can move is kept as it stands and judged at
	/// the end of the block ([`super::block_end`]). Otherwise, outside a signed transaction it
	/// is judged at once ([`Self::observe_now`]); inside one it waits
	/// ([`PendingObservations`], in the dispatch's own storage layer) and is judged once, after
	/// dispatch, on the last value the transaction left: what actually changed, net — a round
	/// trip within one transaction changes nothing, and a value the dispatch rolled back is
	/// never judged. Returns the weight used (one read when `source` has no monitor).
	pub(crate) fn observe(source: Source, value: u128) -> Weight {
		if !Monitors::<T>::contains_key(source) {
			return T::DbWeight::get().reads(1);
		}
		if source.moved_by_anyone() {
			return Self::keep_standing(source, value);
		}
		if memory::recording() {
			PendingObservations::<T>::insert(source, value);
			memory::note_pending(source.encode());
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
	/// call. A value accepted while the source's staleness response is in force ends that
	/// response: the source is live again. Returns the weight used (one read when `source` has
	/// no monitor).
	pub(crate) fn observe_now(source: Source, value: u128) -> Weight {
		let Some(mut monitor) = Monitors::<T>::get(source) else {
			return T::DbWeight::get().reads(1);
		};
		let now = frame_system::Pallet::<T>::block_number();
		let Judgement { accepted, finding } = match &monitor.rule {
			// The issuance is judged gross: its steps are committed changes measured from the
			// value right before whatever changed it, and a fee burnt or a slash must never
			// cover a mint.
			Some(rule) => {
				let net = source != Source::Issuance;
				judge(rule, &mut monitor.state, value, now, net)
			}
			None => Judgement { accepted: true, finding: None },
		};
		monitor.state.seen = Some(now);
		if source == Source::Issuance {
			Self::keep_issuance_seen(value);
		}
		let by = Contributor::Monitor(source);
		let stale_cleared = accepted
			&& Engine::<T>::in_force(by).is_some_and(|response| response.anomaly == Anomaly::Stale);
		if stale_cleared {
			// The source is live again: what the staleness response paused resumes and the
			// level it raised falls (unless others hold them).
			Engine::<T>::withdraw(by);
		}
		let fired = finding.is_some_and(|finding| Self::respond(source, &monitor, finding));
		if let Some(stale_after) = monitor.stale_after {
			Self::arm_stale(source, now.saturating_add(stale_after));
		}
		Monitors::<T>::insert(source, monitor);
		let withdrawn =
			if stale_cleared { T::WeightInfo::reset_response() } else { Weight::zero() };
		Self::observation_weight(fired).saturating_add(withdrawn)
	}

	/// A velocity cap crossed its high-water mark (routed by the response engine): run the
	/// playbook of `source` (an outflow source), if governance set one. Returns the weight used.
	pub(crate) fn answer_high_water(source: Source, finding: Finding) -> Weight {
		let Some(monitor) = Monitors::<T>::get(source) else {
			return T::DbWeight::get().reads(1);
		};
		let fired = Self::respond(source, &monitor, finding);
		Self::observation_weight(fired)
	}

	/// Whether the monitor of `source` has a response in force now.
	pub fn flagged(source: Source) -> bool {
		Engine::<T>::in_force(Contributor::Monitor(source)).is_some()
	}

	/// Whether a value of `source` waiting in this transaction to be judged
	/// ([`PendingObservations`]) would be flagged by its monitor: judged on a copy of the
	/// monitor's state, nothing written. `false` when nothing waits.
	#[cfg(feature = "oracle")]
	pub(crate) fn would_flag_pending(source: Source) -> bool {
		if !memory::is_pending(&source.encode()) {
			return false;
		}
		let (Some(value), Some(mut monitor)) =
			(PendingObservations::<T>::get(source), Monitors::<T>::get(source))
		else {
			return false;
		};
		let Some(rule) = monitor.rule else { return false };
		let now = frame_system::Pallet::<T>::block_number();
		let judgement = judge(&rule, &mut monitor.state, value, now, true);
		!judgement.accepted || judgement.finding.is_some()
	}

	/// What an observation that did (`fired`) or did not respond costs; a firing sends its
	/// alerts too.
	pub(crate) fn observation_weight(fired: bool) -> Weight {
		if fired {
			T::WeightInfo::observe_fire().saturating_add(Engine::<T>::alert_fanout_weight())
		} else {
			T::WeightInfo::observe_quiet()
		}
	}
}
