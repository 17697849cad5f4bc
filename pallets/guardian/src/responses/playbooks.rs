//! Playbooks: checking one, applying it for a contributor (pause its targets, pause inbound XCM
//! from the location it answers, raise the risk level, all for its duration), the responses in
//! force, governance's extension and the withdrawal of a response.

use super::{
	holds::{HoldMode, Released},
	trips::Trip,
	Anomaly, Class, Contributor, Engine, Playbook, PlaybookInput, Response, RiskLevel, Source,
};
use crate::{
	cross_chain::{CrossChain, Location},
	lifecycle::memory,
	Config, Error, Event, Pallet, PauseTargetOf, PlaybookOf, Responses, LOG_TARGET,
};
use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, DispatchResult,
};

/// What a response answers: the source, what was found, and for an alert the location it
/// came from (whose inbound XCM the playbook may pause).
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct Cause {
	/// The source answered (a monitor's, an alert's kind).
	pub source: Source,
	/// What was found.
	pub anomaly: Anomaly,
	/// The location the response answers, if any.
	pub from: Option<Location>,
}

impl<T: Config> Engine<T> {
	/// Validate a playbook: its targets exist and may be paused, it lasts between 1 block and
	/// `MaxProgrammaticPause`, and it pauses inbound XCM only where the response answers a
	/// location (`answers_location`).
	pub(crate) fn build_playbook(
		input: &PlaybookInput<BlockNumberFor<T>>,
		answers_location: bool,
	) -> Result<PlaybookOf<T>, DispatchError> {
		ensure!(!input.duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(input.duration <= T::MaxProgrammaticPause::get(), Error::<T>::DurationBeyondBound);
		ensure!(!input.pause_inbound || answers_location, Error::<T>::InboundNotApplicable);
		let targets =
			input.pause.iter().map(Self::validate_target).collect::<Result<Vec<_>, _>>()?;
		let pause = targets.try_into().map_err(|_| Error::<T>::TooManyTargets)?;
		Ok(Playbook {
			pause,
			pause_inbound: input.pause_inbound,
			raise_to: input.raise_to,
			duration: input.duration,
		})
	}

	/// Whether `by` responds one response at a time (a monitor, an alert source): its response
	/// is recorded in [`Responses`] and it does not respond again while that is in force.
	fn one_at_a_time(by: Contributor) -> bool {
		matches!(by, Contributor::Monitor(_) | Contributor::Alert(_))
	}

	/// The response of `by` in force now, if any.
	pub fn in_force(by: Contributor) -> Option<Response<BlockNumberFor<T>>> {
		let now = frame_system::Pallet::<T>::block_number();
		Responses::<T>::get(by).filter(|response| now < response.until)
	}

	/// Apply `playbook` for `by`, answering `cause`, unless `by` responds one at a time and a
	/// response of its is in force. Pauses its targets (shared with whoever holds them
	/// already), pauses inbound XCM from the location answered, raises the level, records the
	/// response, all until now + its duration; a target its class has no room for escalates
	/// the response ([`Event::ResponseEscalated`]). Returns the block the response ends at,
	/// `None` if it did not run.
	pub(crate) fn respond(
		by: Contributor,
		cause: Cause,
		playbook: &PlaybookOf<T>,
	) -> Option<BlockNumberFor<T>> {
		if Self::one_at_a_time(by) && Self::in_force(by).is_some() {
			return None;
		}
		let now = frame_system::Pallet::<T>::block_number();
		let until = now.saturating_add(playbook.duration);
		let mut paused: u32 = 0;
		let mut unplaced: Vec<PauseTargetOf<T>> = Vec::new();
		for target in playbook.pause.iter() {
			match Self::hold(by, target, until, HoldMode::AtLeast) {
				Ok(()) => paused = paused.saturating_add(1),
				Err(error) if error == Error::<T>::TooManyPauses.into() => {
					unplaced.push(target.clone())
				}
				Err(error) => {
					log::debug!(target: LOG_TARGET, "response pause of {target:?} not placed: {error:?}")
				}
			}
		}
		if !unplaced.is_empty() {
			// The guardian's own responses escalate to Critical: never silently nothing.
			// Another chain's alert never goes beyond what governance mapped it to.
			let level = match by.class() {
				Class::Automatic => RiskLevel::Critical,
				_ => RiskLevel::Normal,
			};
			Self::raise_risk(by, level, until);
			let unplaced = unplaced.try_into().unwrap_or_default();
			Pallet::<T>::deposit_event(Event::ResponseEscalated { by, unplaced, level, until });
		}
		let inbound_paused = match (&cause.from, playbook.pause_inbound) {
			(Some(from), true) => CrossChain::<T>::hold_inbound(from.clone(), by, until),
			_ => false,
		};
		Self::raise_risk(by, playbook.raise_to, until);
		if Self::one_at_a_time(by) {
			let response =
				Response { source: cause.source, anomaly: cause.anomaly, since: now, until };
			Responses::<T>::insert(by, response);
		}
		memory::note_trip(
			Trip::<T> { by, cause: cause.clone(), playbook: playbook.clone() }.encode(),
		);
		Pallet::<T>::deposit_event(Event::ResponseApplied {
			by,
			source: cause.source,
			anomaly: cause.anomaly,
			paused,
			inbound_paused,
			level: playbook.raise_to,
			until,
		});
		Self::after_response(by, &cause, playbook.raise_to, until);
		Some(until)
	}

	/// Logic for `extend_response` and `extend_alert_response`: keep the response of `by` in
	/// force for `extra` more blocks — its record, its holds on the pauses it still holds, its
	/// inbound pauses and its contribution to the level — each to at most `bound` blocks from
	/// now. A target another contributor holds longer, or that is no longer paused, is left
	/// as it is: the extension never fails on a shared target.
	pub(crate) fn extend_response(
		by: Contributor,
		extra: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		ensure!(!extra.is_zero(), Error::<T>::ZeroDuration);
		let mut response = Self::in_force(by).ok_or(Error::<T>::NotFlagged)?;
		let now = frame_system::Pallet::<T>::block_number();
		let until = response.until.saturating_add(extra).min(now.saturating_add(bound));
		// The response itself must gain something within the bound.
		ensure!(until > response.until, Error::<T>::DurationBeyondBound);
		Self::raise_holds_of(by, until);
		CrossChain::<T>::raise_inbound_of(by, until);
		Self::extend_risk_of(by, until);
		response.until = until;
		Responses::<T>::insert(by, response);
		Pallet::<T>::deposit_event(Event::ResponseExtended { by, until });
		Ok(until)
	}

	/// Withdraw everything `by` holds: its holds on pauses (a pause nobody else holds ends),
	/// its inbound pauses, its contribution to the level, and its response record. Returns how
	/// many pauses (of calls and of inbound XCM) ended.
	pub(crate) fn withdraw(by: Contributor) -> u32 {
		let mut resumed: u32 = 0;
		for target in Self::held_by(by) {
			if Self::release(by, &target) == Released::Ended {
				resumed = resumed.saturating_add(1);
			}
		}
		resumed = resumed.saturating_add(CrossChain::<T>::release_inbound_of(by));
		Self::clear_risk_of(by);
		Responses::<T>::remove(by);
		resumed
	}

	/// Logic for governance's resets of a response (`reset_response`,
	/// `reset_alert_response`): withdraw it ([`Self::withdraw`]) and say so. Errors:
	/// [`Error::NotFlagged`] when `by` has nothing to withdraw.
	pub(crate) fn reset(by: Contributor) -> Result<u32, DispatchError> {
		let holds_something = Self::in_force(by).is_some()
			|| !Self::held_by(by).is_empty()
			|| CrossChain::<T>::holds_inbound(by)
			|| crate::RiskContributions::<T>::iter_prefix(by).next().is_some();
		ensure!(holds_something, Error::<T>::NotFlagged);
		let resumed = Self::withdraw(by);
		Pallet::<T>::deposit_event(Event::ResponseReset { by, resumed });
		Ok(resumed)
	}

	/// The last response of `by`, in force or over (kept until `by` responds again, is reset
	/// or removed: what the staleness check needs to answer a silence once).
	pub(crate) fn last_response(by: Contributor) -> Option<Response<BlockNumberFor<T>>> {
		Responses::<T>::get(by)
	}

	/// Forget everything of `by` (a monitor or alert source removed): refused with
	/// [`Error::ResponseInForce`] while its response is in force, which governance resets or
	/// lets run its course; leftovers of an expired one go with it.
	pub(crate) fn forget(by: Contributor) -> DispatchResult {
		ensure!(Self::in_force(by).is_none(), Error::<T>::ResponseInForce);
		Self::withdraw(by);
		Ok(())
	}
}
