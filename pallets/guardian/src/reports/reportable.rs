//! Which targets any account may report: governance's list.

use super::Reporting;
use crate::{
	responses::Engine, Config, Error, Event, Pallet, PauseTarget, PauseTargetInput, Reportable,
};
use frame_support::ensure;
use sp_runtime::DispatchResult;

impl<T: Config> Reporting<T> {
	/// Logic for [`Pallet::set_reportable`]: add `target` to the reportable targets, or remove
	/// it. Never the whole chain; never a whitelisted call or the guardian (`validate_target`).
	pub(crate) fn do_set_reportable(target: &PauseTargetInput, reportable: bool) -> DispatchResult {
		let target = Engine::<T>::validate_target(target)?;
		ensure!(target != PauseTarget::Chain, Error::<T>::ChainNotReportable);
		Reportable::<T>::try_mutate(|targets| {
			let listed = targets.iter().position(|t| *t == target);
			match (listed, reportable) {
				(Some(_), true) | (None, false) => {}
				(None, true) => {
					targets.try_push(target.clone()).map_err(|_| Error::<T>::TooManyReportable)?
				}
				(Some(position), false) => {
					targets.remove(position);
				}
			}
			Ok::<_, Error<T>>(())
		})?;
		Pallet::<T>::deposit_event(Event::ReportableSet { target, reportable });
		Ok(())
	}
}
