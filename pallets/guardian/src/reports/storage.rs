//! The bonded reports' storage: reportable targets, open reports, their counts, escalations
//! and reputations.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod reports_storage {
	/// The targets any signed account may report (see [`crate::reports`]).
	#[pallet::storage]
	pub type Reportable<T: Config> =
		StorageValue<_, BoundedVec<PauseTargetOf<T>, T::MaxReportableTargets>, ValueQuery>;

	/// Open reports (their deposits held), by identifier.
	#[pallet::storage]
	pub type Reports<T: Config> = StorageMap<_, Twox64Concat, ReportId, ReportOf<T>>;

	/// The identifier of the next report.
	#[pallet::storage]
	pub type NextReportId<T: Config> = StorageValue<_, ReportId, ValueQuery>;

	/// How many reports are open chain-wide.
	#[pallet::storage]
	pub type OpenReportCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// How many reports each reporter has open (no entry for none).
	#[pallet::storage]
	pub type ReportsOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The open reports on each target (no entry for none).
	#[pallet::storage]
	pub type ReportsOn<T: Config> =
		StorageMap<_, Blake2_128Concat, PauseTargetOf<T>, ReportIdsOf<T>, ValueQuery>;

	/// Targets escalated by reports: the block of the latest escalation and until when it
	/// holds (only targets with open reports). Only reports filed after that block count
	/// toward the next escalation.
	#[pallet::storage]
	pub type Escalations<T: Config> =
		StorageMap<_, Blake2_128Concat, PauseTargetOf<T>, (BlockNumberFor<T>, BlockNumberFor<T>)>;

	/// Each reporter's judged reports (written by governance's judgments only).
	#[pallet::storage]
	pub type Reputation<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ReporterRecord, ValueQuery>;
}
