//! Report deposits: how much a report holds, and where it goes when the report is judged or
//! released.

use super::Reporting;
use crate::{Config, HoldReason, OpenReportCount, ReportsOf};
use frame_support::traits::{
	fungible::{BalancedHold, Mutate, MutateHold},
	tokens::{Precision, Preservation},
	Get, OnUnbalanced,
};
use sp_runtime::{traits::Saturating, DispatchResult};

impl<T: Config> Reporting<T> {
	/// The deposit `reporter`'s next report holds: [`Config::ReportDepositBase`], grown by
	/// [`Config::ReportDepositIncrease`] once for every report open chain-wide, then doubled
	/// once for every report `reporter` has open. Saturates at `Balance::MAX` (which nobody
	/// can hold). Bounded work: both counts are below [`Config::MaxOpenReports`].
	pub fn report_deposit(reporter: &T::AccountId) -> T::Balance {
		let increase = T::ReportDepositIncrease::get();
		let mut deposit = T::ReportDepositBase::get();
		for _ in 0..OpenReportCount::<T>::get() {
			deposit = deposit.saturating_add(increase.mul_floor(deposit));
		}
		for _ in 0..ReportsOf::<T>::get(reporter) {
			deposit = deposit.saturating_add(deposit);
		}
		deposit
	}

	/// Hold `deposit` from `reporter` for a report.
	pub(crate) fn hold_report_deposit(
		reporter: &T::AccountId,
		deposit: T::Balance,
	) -> DispatchResult {
		T::Currency::hold(&HoldReason::Report.into(), reporter, deposit)
			.map_err(|_| crate::Error::<T>::DepositUnaffordable.into())
	}

	/// Give `reporter` its `deposit` back.
	pub(crate) fn release_report_deposit_of(reporter: &T::AccountId, deposit: T::Balance) {
		let _ = T::Currency::release(
			&HoldReason::Report.into(),
			reporter,
			deposit,
			Precision::BestEffort,
		);
	}

	/// Slash `reporter`'s `deposit` to [`Config::ReportSlash`]. A slash, not a transfer: it
	/// cannot be refused by the reporter's own velocity cap. Returns what was slashed.
	pub(crate) fn slash_report_deposit(reporter: &T::AccountId, deposit: T::Balance) -> T::Balance {
		let (credit, _missing) =
			<T::Currency as BalancedHold<_>>::slash(&HoldReason::Report.into(), reporter, deposit);
		let slashed = frame_support::traits::Imbalance::peek(&credit);
		T::ReportSlash::on_unbalanced(credit);
		slashed
	}

	/// Pay `reporter` the reward of a confirmed report from [`Config::ReportRewardPot`], or
	/// nothing if the pot cannot pay all of it without being reaped (or beyond its own caps);
	/// returns what was paid. The pot's balance moves: nothing is minted.
	pub(crate) fn pay_report_reward(reporter: &T::AccountId) -> T::Balance {
		let reward = T::ReportReward::get();
		let pot = T::ReportRewardPot::get();
		match T::Currency::transfer(&pot, reporter, reward, Preservation::Preserve) {
			Ok(_) => reward,
			Err(error) => {
				log::warn!(target: crate::LOG_TARGET, "report reward unpaid: {error:?}");
				Default::default()
			}
		}
	}
}
