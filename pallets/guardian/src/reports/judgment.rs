//! Judging reports: confirmation (deposit back, reward, the pause handed to governance),
//! rejection (deposit slashed, the report's part of the pause withdrawn), the release of an
//! unjudged report's deposit, and what governance's `resume` and `clear_risk_level` do to
//! running reports.

use super::Reporting;
use crate::{
	responses::{holds::HoldMode, Engine},
	Config, Contributor, Error, Escalations, Event, OpenReportCount, Pallet, PauseTargetOf,
	ReportId, ReportOf, Reports, ReportsOf, ReportsOn, Reputation, RiskLevel, LOG_TARGET,
};
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, DispatchResult};

impl<T: Config> Reporting<T> {
	/// Logic for [`Pallet::confirm_report`]: the deposit back and the reward paid; what the
	/// report held of the pause (and of an escalation) becomes governance's, so rejecting
	/// another report can no longer lift it.
	pub(crate) fn do_confirm_report(id: ReportId) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let escalation = Reports::<T>::get(id)
			.and_then(|report| Escalations::<T>::get(&report.target))
			.map(|(_, until)| until)
			.filter(|until| *until > now);
		let report = Self::close_report(id)?;
		let hold = escalation.map_or(report.until, |until| until.max(report.until));
		if hold > now && Engine::<T>::held_until(Contributor::Reports, &report.target).is_some() {
			// Governance's own now: rejecting another report can no longer lift it.
			let held =
				Engine::<T>::hold(Contributor::Governance, &report.target, hold, HoldMode::AtLeast);
			if let Err(error) = held {
				log::warn!(target: LOG_TARGET, "confirmed pause not handed over: {error:?}");
			}
		}
		if let Some(until) = escalation {
			Engine::<T>::raise_risk(Contributor::Governance, RiskLevel::Elevated, until);
		}
		Self::release_report_deposit_of(&report.reporter, report.deposit);
		let reward = Self::pay_report_reward(&report.reporter);
		Reputation::<T>::mutate(&report.reporter, |record| {
			record.confirmed = record.confirmed.saturating_add(1)
		});
		Pallet::<T>::deposit_event(Event::ReportConfirmed {
			id,
			reporter: report.reporter,
			reward,
		});
		Ok(())
	}

	/// Logic for [`Pallet::reject_report`]: the deposit slashed, and the reports' hold on the
	/// pause recomputed without it.
	pub(crate) fn do_reject_report(id: ReportId) -> DispatchResult {
		let report = Self::close_report(id)?;
		let slashed = Self::slash_report_deposit(&report.reporter, report.deposit);
		Reputation::<T>::mutate(&report.reporter, |record| {
			record.rejected = record.rejected.saturating_add(1)
		});
		Self::rehold_reports(&report.target);
		Pallet::<T>::deposit_event(Event::ReportRejected {
			id,
			reporter: report.reporter,
			slashed,
		});
		Ok(())
	}

	/// Logic for [`Pallet::release_report_deposit`]: an unjudged report's deposit back to its
	/// reporter, [`Config::ReportReleaseDelay`] after its pause ended.
	pub(crate) fn do_release_report_deposit(id: ReportId) -> DispatchResult {
		let report = Reports::<T>::get(id).ok_or(Error::<T>::UnknownReport)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			now >= report.until.saturating_add(T::ReportReleaseDelay::get()),
			Error::<T>::ReportNotReleasable
		);
		let report = Self::close_report(id)?;
		Self::release_report_deposit_of(&report.reporter, report.deposit);
		Pallet::<T>::deposit_event(Event::ReportDepositReleased {
			id,
			reporter: report.reporter,
			deposit: report.deposit,
		});
		Ok(())
	}

	/// Governance resumed `target` (told by the response engine): its running reports stop
	/// running (they stay open to be judged, and no longer count toward an escalation), and its
	/// escalation ends.
	pub(crate) fn target_resumed(target: &PauseTargetOf<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		for id in ReportsOn::<T>::get(target) {
			Reports::<T>::mutate(id, |report| {
				if let Some(report) = report.as_mut().filter(|report| report.until > now) {
					report.until = now;
				}
			});
		}
		if Escalations::<T>::take(target).is_some() {
			Self::refresh_reports_risk(now);
		}
	}

	/// Governance cleared the risk level (told by the response engine): no escalation
	/// survives it.
	pub(crate) fn level_cleared() {
		let _ = Escalations::<T>::clear(u32::MAX, None);
	}

	/// Remove report `id` from storage and from the open counts; its deposit stays held for
	/// the caller to release or slash.
	fn close_report(id: ReportId) -> Result<ReportOf<T>, sp_runtime::DispatchError> {
		let report = Reports::<T>::take(id).ok_or(Error::<T>::UnknownReport)?;
		ReportsOn::<T>::mutate_exists(&report.target, |ids| {
			if let Some(list) = ids {
				list.retain(|open| *open != id);
				if list.is_empty() {
					*ids = None;
				}
			}
		});
		if !ReportsOn::<T>::contains_key(&report.target) {
			Escalations::<T>::remove(&report.target);
		}
		OpenReportCount::<T>::mutate(|count| *count = count.saturating_sub(1));
		ReportsOf::<T>::mutate_exists(&report.reporter, |count| {
			*count = count.map(|c| c.saturating_sub(1)).filter(|c| *c > 0)
		});
		Ok(report)
	}

	/// After a rejection on `target`: the reports hold its pause until the latest running
	/// report ends — or its escalation, while `ReportsToEscalate` distinct reporters still run —
	/// and let go of it when none runs.
	fn rehold_reports(target: &PauseTargetOf<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		let running = Self::running_reports(&ReportsOn::<T>::get(target), now);
		let stored = Escalations::<T>::get(target);
		let escalation = stored
			.filter(|_| Self::distinct_reporters(running.iter()) >= T::ReportsToEscalate::get())
			.map(|(_, until)| until);
		if escalation.is_none() && stored.is_some() {
			Escalations::<T>::remove(target);
			Self::refresh_reports_risk(now);
		}
		let latest = running.iter().map(|report| report.until).chain(escalation).max();
		match latest {
			Some(until) if Engine::<T>::held_until(Contributor::Reports, target).is_some() => {
				if let Err(error) =
					Engine::<T>::hold(Contributor::Reports, target, until, HoldMode::Exactly)
				{
					log::warn!(target: LOG_TARGET, "reports' hold of {target:?} kept: {error:?}");
				}
			}
			Some(_) => {}
			None => {
				Engine::<T>::release(Contributor::Reports, target);
			}
		}
	}

	/// Set the reports' contribution to the risk level to the latest live escalation.
	fn refresh_reports_risk(now: BlockNumberFor<T>) {
		let latest = Escalations::<T>::iter_values()
			.map(|(_, until)| until)
			.filter(|until| *until > now)
			.max();
		Engine::<T>::set_risk(Contributor::Reports, RiskLevel::Elevated, latest);
	}
}
