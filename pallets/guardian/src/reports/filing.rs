//! Filing a report: the checks, the deposit, the pause, and escalation.

use super::Reporting;
use crate::{
	responses::{holds::HoldMode, Engine},
	Config, Contributor, Error, Escalations, Event, NextReportId, OpenReportCount, Pallet,
	PauseTargetInput, PauseTargetOf, Report, ReportId, Reportable, Reports, ReportsOf, ReportsOn,
	RiskLevel,
};
use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	DispatchResult, SaturatedConversion,
};

impl<T: Config> Reporting<T> {
	/// Logic for [`Pallet::report`].
	pub(crate) fn do_report(
		reporter: T::AccountId,
		target: &PauseTargetInput,
		evidence: T::Hash,
		duration: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(duration <= T::MaxReportPause::get(), Error::<T>::DurationBeyondBound);
		let target = Engine::<T>::validate_target(target)?;
		ensure!(Reportable::<T>::get().contains(&target), Error::<T>::NotReportable);
		let open = OpenReportCount::<T>::get();
		ensure!(open < T::MaxOpenReports::get(), Error::<T>::TooManyReports);
		let now = frame_system::Pallet::<T>::block_number();
		let until = now.checked_add(&duration).ok_or(Error::<T>::DurationBeyondBound)?;
		let id = NextReportId::<T>::get();
		let next_id = id.checked_add(1).ok_or(Error::<T>::TooManyReports)?;
		// The cheap refusal first: a reporter who cannot hold the deposit reads no report.
		let deposit = Self::report_deposit(&reporter);
		Self::hold_report_deposit(&reporter, deposit)?;

		// One pass over the target's open reports (the dispatch is transactional: an error
		// below also gives the deposit back).
		let mut on_target = ReportsOn::<T>::get(&target);
		let mut running = Self::running_reports(&on_target, now);
		ensure!(
			!running.iter().any(|report| report.reporter == reporter),
			Error::<T>::AlreadyReported
		);
		// Shared with whoever holds the target already, in the reports' own room.
		Engine::<T>::hold(Contributor::Reports, &target, until, HoldMode::AtLeast)?;
		on_target.try_push(id).map_err(|_| Error::<T>::TooManyReports)?;

		ReportsOn::<T>::insert(&target, on_target);
		NextReportId::<T>::put(next_id);
		OpenReportCount::<T>::put(open.saturating_add(1));
		ReportsOf::<T>::mutate(&reporter, |count| *count = count.saturating_add(1));
		let report = Report {
			reporter: reporter.clone(),
			target: target.clone(),
			evidence,
			deposit,
			filed: now,
			until,
		};
		Reports::<T>::insert(id, report.clone());
		Pallet::<T>::deposit_event(Event::Reported {
			id,
			reporter,
			target: target.clone(),
			deposit,
			until,
		});
		running.push(report);
		Self::escalate_if_due(&target, now, &running);
		Ok(())
	}

	/// The reports among `ids` whose pause still runs at `now`.
	pub(crate) fn running_reports(
		ids: &[ReportId],
		now: BlockNumberFor<T>,
	) -> Vec<crate::ReportOf<T>> {
		ids.iter().filter_map(Reports::<T>::get).filter(|report| report.until > now).collect()
	}

	/// How many distinct reporters among `running`, filed within
	/// [`Config::ReportEscalationWindow`] of `now` and after the target's latest escalation.
	pub(crate) fn escalating_reporters(
		target: &PauseTargetOf<T>,
		now: BlockNumberFor<T>,
		running: &[crate::ReportOf<T>],
	) -> u32 {
		let since = now.saturating_sub(T::ReportEscalationWindow::get());
		let after = Escalations::<T>::get(target).map(|(at, _)| at);
		Self::distinct_reporters(
			running
				.iter()
				.filter(|report| report.filed >= since && after.is_none_or(|at| report.filed > at)),
		)
	}

	/// How many distinct reporters filed `reports`.
	pub(crate) fn distinct_reporters<'a>(
		reports: impl Iterator<Item = &'a crate::ReportOf<T>>,
	) -> u32 {
		let mut reporters: Vec<&T::AccountId> = reports.map(|report| &report.reporter).collect();
		reporters.sort();
		reporters.dedup();
		reporters.len().saturated_into()
	}

	/// Escalate `target` if [`Config::ReportsToEscalate`] distinct reporters reported it within
	/// the window (since its latest escalation): its pause is held
	/// [`Config::EscalatedReportPause`] from now and the risk level is `Elevated` as long.
	fn escalate_if_due(
		target: &PauseTargetOf<T>,
		now: BlockNumberFor<T>,
		running: &[crate::ReportOf<T>],
	) {
		let reporters = Self::escalating_reporters(target, now, running);
		if reporters < T::ReportsToEscalate::get() {
			return;
		}
		let until = now.saturating_add(T::EscalatedReportPause::get());
		Escalations::<T>::insert(target, (now, until));
		if let Err(error) =
			Engine::<T>::hold(Contributor::Reports, target, until, HoldMode::AtLeast)
		{
			log::warn!(target: crate::LOG_TARGET, "escalation of {target:?} not held: {error:?}");
		}
		Engine::<T>::raise_risk(Contributor::Reports, RiskLevel::Elevated, until);
		Pallet::<T>::deposit_event(Event::ReportsEscalated {
			target: target.clone(),
			reporters,
			until,
		});
	}
}
