//! Setting up monitors: validating a monitor for its source, storing it with the staleness
//! watch and the watch state in step, removing it.

use super::Monitoring;
use crate::{
	responses::Engine, Config, Contributor, Error, Event, Limit, Monitor, MonitorInput, MonitorOf,
	MonitorState, Monitors, Pallet, Rule, Source, Standing, Watch,
};
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, DispatchResult,
};

impl<T: Config> Monitoring<T> {
	/// Logic for [`Pallet::set_monitor`]: validate `input` and set (or replace, starting
	/// afresh) the monitor of `source`. A replaced monitor's response in force stays in force
	/// (the engine keeps it, so the new playbook does not run on top of it).
	pub(crate) fn do_set_monitor(
		source: Source,
		input: &MonitorInput<BlockNumberFor<T>>,
	) -> DispatchResult {
		let monitor = Self::build_monitor(source, input)?;
		Self::store_monitor(source, monitor)?;
		Pallet::<T>::deposit_event(Event::MonitorSet { source });
		Ok(())
	}

	/// Logic for [`Pallet::remove_monitor`]: remove the monitor of `source`. Refused with
	/// [`Error::ResponseInForce`] while its response is in force: the response is withdrawn by
	/// [`Pallet::reset_response`] (the resume origin) or runs its course, never lifted as a
	/// side effect of the configuring origin's removal.
	pub(crate) fn do_remove_monitor(source: Source) -> DispatchResult {
		ensure!(Monitors::<T>::contains_key(source), Error::<T>::NoMonitor);
		Engine::<T>::forget(Contributor::Monitor(source))?;
		Self::drop_monitor(source)?;
		Pallet::<T>::deposit_event(Event::MonitorRemoved { source });
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
			playbook: Engine::<T>::build_playbook(&input.playbook, false)?,
			state: MonitorState::default(),
		})
	}

	/// Store `monitor` for `source` (new or replacing), keeping the watch and the alert state
	/// in step. Fails with [`Error::TooManyMonitors`] when a new one would exceed the bound.
	pub(crate) fn store_monitor(source: Source, mut monitor: MonitorOf<T>) -> Result<(), Error<T>> {
		if !Monitors::<T>::contains_key(source) {
			ensure!(Monitors::<T>::count() < T::MaxMonitors::get(), Error::<T>::TooManyMonitors);
		}
		let now = frame_system::Pallet::<T>::block_number();
		if source == Source::Issuance {
			Watch::<T>::mutate(|watch| watch.issuance_watched = true);
			Self::start_issuance(&mut monitor.state);
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
		Standing::<T>::remove(source);
		Watch::<T>::mutate(|watch| {
			watch.block_end.retain(|due| *due != source);
			if watch.block_end.is_empty() {
				watch.block_end_at = None;
			}
			if source == Source::Issuance {
				watch.issuance_watched = false;
				watch.issuance_seen = None;
			}
		});
		Ok(())
	}
}
