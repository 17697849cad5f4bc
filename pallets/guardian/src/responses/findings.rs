//! Where the capabilities meet: the findings one capability makes that another answers, routed
//! by the engine so that no capability calls another.
//!
//! * A velocity cap's high-water mark crossed (caps) → the monitor of the outflow source
//!   (monitors).
//! * A monitor's response applied → the chains subscribed to its source (cross-chain).
//! * Governance resumed a target → the reports that held it stop running (reports).
//! * Governance cleared the level → no report escalation survives (reports).

use super::{playbooks::Cause, Contributor, Engine, Finding, RiskLevel, Source};
use crate::{
	cross_chain::CrossChain, monitors::Monitoring, reports::Reporting, Config, PauseTargetOf,
};
use frame_support::weights::Weight;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Engine<T> {
	/// A velocity cap crossed its high-water mark: the monitor of `source` (an outflow source)
	/// answers `finding`, if governance set one. Returns the weight used.
	pub(crate) fn high_water_crossed(source: Source, finding: Finding) -> Weight {
		Monitoring::<T>::answer_high_water(source, finding)
	}

	/// What a monitor's firing adds for the alerts it sends to the chains subscribed to its
	/// source, at most (nothing but two reads and a write on a chain without subscribers).
	pub(crate) fn alert_fanout_weight() -> Weight {
		CrossChain::<T>::alerts_weight()
	}

	/// A response was just applied: a monitor's firing goes to the chains subscribed to its
	/// source, in the same block.
	pub(crate) fn after_response(
		by: Contributor,
		cause: &Cause,
		level: RiskLevel,
		until: BlockNumberFor<T>,
	) {
		if let Contributor::Monitor(source) = by {
			CrossChain::<T>::send_alerts(source, cause.anomaly, level, until);
		}
	}

	/// Governance ended the pause of `target`: the reports holding it stop running.
	pub(crate) fn target_resumed(target: &PauseTargetOf<T>) {
		Reporting::<T>::target_resumed(target);
	}

	/// Governance cleared the level: no report escalation survives it.
	pub(crate) fn level_cleared() {
		Reporting::<T>::level_cleared();
	}
}
