//! Governance's own decisions, and other pallets': pausing, extending and resuming a target,
//! raising and clearing the level, pausing and resuming inbound XCM. They take the same paths
//! as every response ([`holds`](super::holds), [`risk`](super::risk)), in the rooms of their
//! own classes.

use super::{holds::HoldMode, Contributor, Engine, RiskLevel};
use crate::{
	breakers::Breakers,
	cross_chain::{CrossChain, Location},
	Config, Error, PauseTargetInput, PauseTargetOf, ResumeReason,
};
use frame_support::ensure;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	DispatchResult,
};

impl<T: Config> Engine<T> {
	/// Logic for `pause` (and [`CircuitBreaker::pause`](crate::CircuitBreaker::pause) with
	/// `bound = MaxProgrammaticPause` for other pallets): validate `target`, then pause it for
	/// `duration` blocks, at most `bound`, on behalf of `by` (governance or another pallet).
	/// A target already paused is [`Error::AlreadyPaused`]: `extend` it instead.
	pub(crate) fn pause(
		by: Contributor,
		target: &PauseTargetInput,
		duration: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		let target = Self::validate_target(target)?;
		Self::pause_target(by, &target, duration, bound)
	}

	/// [`Self::pause`] of a target already validated.
	pub(crate) fn pause_target(
		by: Contributor,
		target: &PauseTargetOf<T>,
		duration: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(duration <= bound, Error::<T>::DurationBeyondBound);
		let now = frame_system::Pallet::<T>::block_number();
		let until = now.checked_add(&duration).ok_or(Error::<T>::DurationBeyondBound)?;
		Self::hold(by, target, until, HoldMode::New)
	}

	/// Whether `by` could pause `target` now (not paused, room left in its class).
	pub(crate) fn can_pause(by: Contributor, target: &PauseTargetOf<T>) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		let class = by.class();
		Breakers::<T>::paused_until(target).is_none()
			&& Self::room_used(&Self::live_holds(now), class) < Self::room_of(class)
	}

	/// Logic for `extend` (and [`CircuitBreaker::extend`](crate::CircuitBreaker::extend)):
	/// push the expiry of `target`'s pause back by `extra` blocks, keeping what remains within
	/// `bound`; `by` then holds the pause until its new expiry.
	pub(crate) fn extend(
		by: Contributor,
		target: &PauseTargetInput,
		extra: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		let target = Self::validate_target(target)?;
		Self::extend_target(by, &target, extra, bound)
	}

	/// [`Self::extend`] of a target already validated.
	pub(crate) fn extend_target(
		by: Contributor,
		target: &PauseTargetOf<T>,
		extra: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!extra.is_zero(), Error::<T>::ZeroDuration);
		let now = frame_system::Pallet::<T>::block_number();
		let current = Breakers::<T>::paused_until(target).ok_or(Error::<T>::NotPaused)?;
		let until = current.checked_add(&extra).ok_or(Error::<T>::DurationBeyondBound)?;
		ensure!(until.saturating_sub(now) <= bound, Error::<T>::DurationBeyondBound);
		Self::hold(by, target, until, HoldMode::AtLeast)
	}

	/// Logic for `resume`: end the pause of `target` now, whoever holds it; its running
	/// reports stop running.
	pub(crate) fn resume(target: &PauseTargetInput) -> DispatchResult {
		let target = Self::validate_target(target)?;
		let holders = Self::holders_of(&target);
		Self::release_all(&target, ResumeReason::Governance)?;
		Self::target_resumed(&target);
		Self::end_emptied(holders);
		Ok(())
	}

	/// After governance ended pauses (or levels) that `holders` held: an alert's response left
	/// holding nothing (no pause, no inbound pause, no level) is over, so that the source's
	/// next alert is answered afresh instead of being ignored as already answered. A monitor's response
	/// stays in force until it expires or is reset: while it is, its flagged feed stays hidden
	/// from consumers, whatever governance resumed.
	fn end_emptied(holders: alloc::vec::Vec<Contributor>) {
		let now = frame_system::Pallet::<T>::block_number();
		for by in holders {
			let emptied = matches!(by, Contributor::Alert(_))
				&& Self::in_force(by).is_some()
				&& Self::held_by(by).is_empty()
				&& !CrossChain::<T>::holds_inbound(by)
				&& crate::RiskContributions::<T>::iter_prefix(by).next().is_none();
			if emptied {
				crate::Responses::<T>::mutate(by, |response| {
					if let Some(response) = response {
						response.until = now;
					}
				});
				crate::Pallet::<T>::deposit_event(crate::Event::ResponseReset { by, resumed: 0 });
			}
		}
	}

	/// Another pallet ends the pause of `target` (`CircuitBreaker::resume`, polkadot-sdk's
	/// `TransactionPause::unpause` and `SafeMode::exit`): only what other pallets hold is
	/// withdrawn, and the pause ends only if nobody else holds it. A pause other pallets do not
	/// hold is governance's or a response's to end ([`Error::PauseHeldByOthers`]).
	pub(crate) fn resume_programmatic(target: &PauseTargetOf<T>) -> DispatchResult {
		ensure!(Breakers::<T>::paused_until(target).is_some(), Error::<T>::NotPaused);
		ensure!(
			Self::held_until(Contributor::Programmatic, target).is_some(),
			Error::<T>::PauseHeldByOthers
		);
		Self::release(Contributor::Programmatic, target);
		Ok(())
	}

	/// Logic for `raise_risk_level`: raise governance's contribution to `level` for
	/// `duration` blocks, at most `bound`.
	pub(crate) fn raise_level(
		level: RiskLevel,
		duration: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(level != RiskLevel::Normal, Error::<T>::NotARaise);
		ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(duration <= bound, Error::<T>::DurationBeyondBound);
		let now = frame_system::Pallet::<T>::block_number();
		Self::raise_risk(Contributor::Governance, level, now.saturating_add(duration));
		Ok(())
	}

	/// Logic for `clear_risk_level`: every contribution ends, back to `Normal` at once
	/// (governance's override; a response's reset ends only that response's), and no report
	/// escalation survives. An alert's response left holding nothing is over (see
	/// [`Self::end_emptied`]).
	pub(crate) fn clear_level() -> DispatchResult {
		let raising: alloc::vec::Vec<Contributor> = crate::RiskContributions::<T>::iter_keys()
			.map(|(by, _)| by)
			.filter(|by| matches!(by, Contributor::Alert(_)))
			.collect();
		Self::clear_all_risk();
		Self::level_cleared();
		Self::end_emptied(raising);
		Ok(())
	}

	/// Logic for `pause_xcm_inbound`: governance pauses inbound XCM from `from` (everyone for
	/// `None`) for `duration` blocks, at most `bound`.
	pub(crate) fn pause_inbound(
		from: Option<Location>,
		duration: BlockNumberFor<T>,
		bound: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(duration <= bound, Error::<T>::DurationBeyondBound);
		let now = frame_system::Pallet::<T>::block_number();
		let until = now.checked_add(&duration).ok_or(Error::<T>::DurationBeyondBound)?;
		CrossChain::<T>::pause_inbound(from, Contributor::Governance, until)
	}

	/// Logic for `resume_xcm_inbound`: end every pause of inbound XCM from exactly `from`,
	/// whoever holds it. An alert's response left holding nothing is over (see
	/// [`Self::end_emptied`]); one still holding pauses or the level stays in force.
	pub(crate) fn resume_inbound(from: Option<Location>) -> DispatchResult {
		let holders = CrossChain::<T>::resume_inbound(from)?;
		Self::end_emptied(holders);
		Ok(())
	}
}
