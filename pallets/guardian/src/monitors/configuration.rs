//! Setting up monitors: validating a monitor for its source, storing it with the staleness
//! watch and the alert state in step, removing it.

use crate::{
	Alert, Config, Error, Event, Limit, Monitor, MonitorInput, MonitorOf, MonitorState, Monitors,
	Pallet, Playbook, PlaybookInput, PlaybookOf, Rule, Source,
};
use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// Logic for [`Pallet::set_monitor`]: validate `input` and set (or replace, starting
	/// afresh) the monitor of `source`. A replaced monitor's response in force stays in force
	/// (its flag is kept, so the new playbook does not run on top of it).
	pub(crate) fn do_set_monitor(
		source: Source,
		input: &MonitorInput<BlockNumberFor<T>>,
	) -> DispatchResult {
		let monitor = Self::build_monitor(source, input)?;
		Self::store_monitor(source, monitor)?;
		Self::deposit_event(Event::MonitorSet { source });
		Ok(())
	}

	/// Logic for [`Pallet::remove_monitor`]: remove the monitor of `source`. Refused with
	/// [`Error::ResponseInForce`] while its response is in force: the response is withdrawn by
	/// [`Pallet::reset_response`] (the resume origin) or runs its course, never lifted as a
	/// side effect of the configuring origin's removal.
	pub(crate) fn do_remove_monitor(source: Source) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let monitor = Monitors::<T>::get(source).ok_or(Error::<T>::NoMonitor)?;
		ensure!(
			monitor.state.flag.is_none_or(|flag| now >= flag.until),
			Error::<T>::ResponseInForce
		);
		Self::drop_monitor(source)?;
		Self::deposit_event(Event::MonitorRemoved { source });
		Ok(())
	}

	/// Validate a monitor for `source` and build it with a fresh state.
	pub(crate) fn build_monitor(
		source: Source,
		input: &MonitorInput<BlockNumberFor<T>>,
	) -> Result<MonitorOf<T>, DispatchError> {
		if !source.has_values() {
			ensure!(
				input.rule.is_none() && input.stale_after.is_none(),
				Error::<T>::RuleNotApplicable
			);
		} else {
			ensure!(input.rule.is_some() || input.stale_after.is_some(), Error::<T>::NoThreshold);
		}
		if source == Source::Issuance {
			ensure!(input.stale_after.is_none(), Error::<T>::RuleNotApplicable);
		}
		if let Some(stale_after) = input.stale_after {
			ensure!(!stale_after.is_zero(), Error::<T>::ZeroPeriod);
		}
		match input.rule {
			None => {}
			Some(Rule::Flow { period, rise, fall }) => {
				ensure!(!period.is_zero(), Error::<T>::ZeroPeriod);
				ensure!(rise.is_some() || fall.is_some(), Error::<T>::NoThreshold);
				for limit in [rise, fall].into_iter().flatten() {
					let zero = match limit {
						Limit::Absolute(amount) => amount.is_zero(),
						Limit::ShareOfBalance(share) => share.is_zero(),
					};
					ensure!(!zero, Error::<T>::ThresholdOutOfRange);
				}
			}
			Some(Rule::Jump { within, max_jump }) => {
				ensure!(!within.is_zero(), Error::<T>::ZeroPeriod);
				ensure!(!max_jump.is_zero(), Error::<T>::ThresholdOutOfRange);
			}
		}
		Ok(Monitor {
			rule: input.rule,
			stale_after: input.stale_after,
			playbook: Self::build_playbook(&input.playbook)?,
			state: MonitorState::default(),
		})
	}

	/// Validate a playbook (a monitor's, or one mapped to another chain's alert): its targets
	/// exist, it lasts between 1 block and `MaxProgrammaticPause`.
	pub(crate) fn build_playbook(
		playbook: &PlaybookInput<BlockNumberFor<T>>,
	) -> Result<PlaybookOf<T>, DispatchError> {
		ensure!(!playbook.duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(
			playbook.duration <= T::MaxProgrammaticPause::get(),
			Error::<T>::DurationBeyondBound
		);
		let targets =
			playbook.pause.iter().map(Self::validate_target).collect::<Result<Vec<_>, _>>()?;
		let pause = targets.try_into().map_err(|_| Error::<T>::TooManyTargets)?;
		Ok(Playbook { pause, raise_to: playbook.raise_to, duration: playbook.duration })
	}

	/// Store `monitor` for `source` (new or replacing), keeping the watch and the alert state
	/// in step. Fails with [`Error::TooManyMonitors`] when a new one would exceed the bound.
	pub(crate) fn store_monitor(source: Source, mut monitor: MonitorOf<T>) -> Result<(), Error<T>> {
		if !Monitors::<T>::contains_key(source) {
			ensure!(Monitors::<T>::count() < T::MaxMonitors::get(), Error::<T>::TooManyMonitors);
		}
		let now = frame_system::Pallet::<T>::block_number();
		monitor.state.flag = Monitors::<T>::get(source)
			.and_then(|old| old.state.flag)
			.filter(|flag| now < flag.until);
		if source == Source::Issuance {
			Self::start_issuance(&mut monitor.state);
			Alert::<T>::mutate(|alert| alert.issuance_watched = true);
		}
		match monitor.stale_after {
			Some(stale_after) => {
				monitor.state.seen = Some(now);
				Self::arm_stale(source, now.saturating_add(stale_after));
			}
			None => Self::disarm_stale(source),
		}
		Monitors::<T>::insert(source, monitor);
		Ok(())
	}

	/// Remove the monitor of `source`.
	pub(crate) fn drop_monitor(source: Source) -> Result<(), Error<T>> {
		Monitors::<T>::take(source).ok_or(Error::<T>::NoMonitor)?;
		Self::disarm_stale(source);
		if source == Source::Issuance {
			Alert::<T>::mutate(|alert| alert.issuance_watched = false);
		}
		Ok(())
	}
}
