//! Storage migrations.
//!
//! * **v1 → v2** ([`v2::MigrateToV2`]): every guarded account gets the guard marker (a
//!   one-planck freeze, see [`caps::marker`](crate::caps::marker)), without which the ledger
//!   would take it for unguarded. Own limits made before v2 hold no deposit; they are recorded
//!   with a deposit of zero, so removing them releases nothing. Iterates the guarded
//!   accounts once: a chain with very many own limits should run it as a multi-block migration
//!   instead.
//! * **v3 → v4** ([`v4::MigrateToV4`]): the response engine and a ledger that stores only the
//!   truth (see its module docs).
//! * **v2 → v3** ([`v3::MigrateToV3`]): the risk level becomes the maximum of per-source
//!   contributions ([`RiskContributions`](crate::RiskContributions)). A level in force before
//!   v3 is kept as governance's contribution, with its deadline; pauses placed before v3 have
//!   no recorded holders and so count as governance's (a monitor's `reset_response` leaves
//!   them to expire or to `resume`; a pause another pallet placed through `SafeMode` or
//!   `TransactionPause` before v3 can then no longer be lifted by that pallet's `exit` or
//!   `unpause`, only by governance). Constant work: two writes at most.

/// The v1 → v2 migration.
pub mod v2 {
	use crate::{caps::Caps, Config, OwnLimitDeposits, Pallet, LOG_TARGET};
	use frame_support::{
		migrations::VersionedMigration,
		storage_alias,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		Blake2_128Concat,
	};
	use sp_runtime::traits::Zero;

	/// The guard records as v1 to v3 stored them.
	#[storage_alias]
	type Guards<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		super::v4::old::AccountGuard<T>,
	>;

	/// Marks every guarded account (see the module docs). Use [`MigrateToV2`].
	pub struct AddGuardMarkers<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddGuardMarkers<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut weight = Weight::zero();
			for (who, guard) in Guards::<T>::iter() {
				if let Err(error) = Caps::<T>::set_marker(&who) {
					log::error!(target: LOG_TARGET, "v2: cannot mark {who:?}: {error:?}");
				}
				if guard.own.is_some() && !OwnLimitDeposits::<T>::contains_key(&who) {
					OwnLimitDeposits::<T>::insert(&who, T::Balance::zero());
				}
				// The guard record, the account, its freezes and locks; the account, its
				// freezes and the deposit record written.
				weight = weight.saturating_add(T::DbWeight::get().reads_writes(4, 3));
			}
			weight
		}
	}

	/// [`AddGuardMarkers`], run only when the pallet's storage version is 1, then set to 2.
	pub type MigrateToV2<T> = VersionedMigration<
		1,
		2,
		AddGuardMarkers<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// The v2 → v3 migration.
pub mod v3 {
	use crate::{Config, Contributor, Pallet, RiskContributions, RiskLevel};
	use frame_support::{
		migrations::VersionedMigration,
		storage_alias,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// The per-block alert state as v3 stored it (v4 splits it).
	#[storage_alias]
	type Alert<T: Config> = StorageValue<
		Pallet<T>,
		super::v4::old::AlertState<BlockNumberFor<T>>,
		frame_support::pallet_prelude::ValueQuery,
	>;

	/// Keeps the level in force as governance's contribution (see the module docs). Use
	/// [`MigrateToV3`].
	pub struct KeepLevelAsGovernance<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for KeepLevelAsGovernance<T> {
		fn on_runtime_upgrade() -> Weight {
			let now = frame_system::Pallet::<T>::block_number();
			let alert = Alert::<T>::get();
			let mut writes = 0u64;
			for (level, until) in [
				(RiskLevel::Elevated, alert.elevated_until),
				(RiskLevel::Critical, alert.critical_until),
			] {
				if let Some(until) = until.filter(|until| now < *until) {
					RiskContributions::<T>::insert(Contributor::Governance, level, until);
					writes = writes.saturating_add(1);
				}
			}
			T::DbWeight::get().reads_writes(1, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let now = frame_system::Pallet::<T>::block_number();
			let alert = Alert::<T>::get();
			for (level, until) in [
				(RiskLevel::Elevated, alert.elevated_until),
				(RiskLevel::Critical, alert.critical_until),
			] {
				if let Some(until) = until.filter(|until| now < *until) {
					frame_support::ensure!(
						RiskContributions::<T>::get(Contributor::Governance, level) == Some(until),
						"the level in force is not governance's contribution"
					);
				}
			}
			Ok(())
		}
	}

	/// [`KeepLevelAsGovernance`], run only when the pallet's storage version is 2, then set
	/// to 3.
	pub type MigrateToV3<T> = VersionedMigration<
		2,
		3,
		KeepLevelAsGovernance<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// The v3 → v4 migration: the response engine and a ledger that stores only the truth.
///
/// * **Pause holds.** Who holds each pause moves from `PauseOwners` (a map, governance implied
///   where nothing was recorded) to [`PauseHolds`](crate::PauseHolds) (one value, every holder
///   explicit): a pause without recorded holders becomes governance's until its end.
/// * **Responses in force.** A monitor's flag and an alert source's `responding` become the
///   engine's [`Responses`](crate::Responses) records (an alert's anomaly was not kept: it is
///   recorded as `Rise`). Playbooks gain `pause_inbound` (an alert playbook's moves into it);
///   a cap policy's high-water response becomes a playbook that raises no level.
/// * **Per-block state.** `Alert` splits into [`RiskState`](crate::RiskState) (the level) and
///   [`Watch`](crate::Watch) (staleness, the issuance, the block-end judgements).
/// * **Renamed.** `RejectedDebits` is [`DebitsBeyondCap`](crate::DebitsBeyondCap); a guard
///   record's `rejected` is its `beyond_cap` (same encoding).
/// * **The ledger's truth.** `MarkerRepairs` is removed, and every guarded account's marker is
///   set again, so that pallet-balances recomputes its stored `frozen` from its locks and
///   freezes: a cap an earlier version left stored is gone.
///
/// Work: one pass over the guarded accounts, the monitors and the alert sources (bounded by
/// `MaxMonitors` and `MaxAlertSources`; a chain with very many guarded accounts should run the
/// guard part as a multi-block migration).
pub mod v4 {
	use crate::{
		caps::Caps, AccountGuardOf, AlertSourceOf, Anomaly, Config, Contributor, GlobalCap, Guards,
		LevelState, MonitorOf, MonitorState, Monitors, Pallet, PauseHolds, PauseTargetOf, Pauses,
		PolicyOf, Response, Responses, RiskLevel, RiskState, Rule, Source, Watch, LOG_TARGET,
	};
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration,
		storage_alias,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		Blake2_128Concat, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_runtime::Perbill;

	/// The types as v3 stored them.
	pub mod old {
		use super::*;
		use crate::rolling_window::WindowUsage;
		use scale_info::TypeInfo;

		/// A v3 monitor's playbook (no `pause_inbound`).
		#[derive(
			Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
		)]
		#[scale_info(skip_type_params(T))]
		pub struct Playbook<T: Config> {
			/// What to pause.
			pub pause: BoundedVec<PauseTargetOf<T>, T::MaxResponseTargets>,
			/// The level.
			pub raise_to: RiskLevel,
			/// How long.
			pub duration: BlockNumberFor<T>,
		}

		impl<T: Config> Playbook<T> {
			/// As v4 stores it.
			pub fn upgrade(self, pause_inbound: bool) -> crate::PlaybookOf<T> {
				crate::Playbook {
					pause: self.pause,
					pause_inbound,
					raise_to: self.raise_to,
					duration: self.duration,
				}
			}
		}

		/// A v3 cap response.
		#[derive(
			Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
		)]
		#[scale_info(skip_type_params(T))]
		pub struct CapResponse<T: Config> {
			/// What to pause.
			pub targets: BoundedVec<PauseTargetOf<T>, T::MaxResponseTargets>,
			/// How long.
			pub duration: BlockNumberFor<T>,
		}

		/// A v3 policy.
		#[derive(
			Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
		)]
		#[scale_info(skip_type_params(T))]
		pub struct Policy<T: Config> {
			/// The windows.
			pub windows: crate::WindowsOf<T>,
			/// The mark.
			pub high_water: Option<Perbill>,
			/// The response.
			pub response: Option<CapResponse<T>>,
		}

		impl<T: Config> Policy<T> {
			/// As v4 stores it.
			pub fn upgrade(self) -> PolicyOf<T> {
				crate::Policy {
					windows: self.windows,
					high_water: self.high_water,
					response: self.response.map(|response| crate::Playbook {
						pause: response.targets,
						pause_inbound: false,
						raise_to: RiskLevel::Normal,
						duration: response.duration,
					}),
				}
			}
		}

		/// A v3 guard record.
		#[derive(
			Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
		)]
		#[scale_info(skip_type_params(T))]
		pub struct AccountGuard<T: Config> {
			/// The policy.
			pub policy: Option<Policy<T>>,
			/// The own limit.
			pub own: Option<crate::WindowsOf<T>>,
			/// The count.
			pub rejected: u32,
		}

		/// A v3 flag.
		#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
		pub struct Flag<BlockNumber> {
			/// The anomaly.
			pub anomaly: Anomaly,
			/// Its end.
			pub until: BlockNumber,
		}

		/// A v3 monitor state.
		#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
		pub struct MonitorStateV3<BlockNumber> {
			/// The last accepted value.
			pub last: Option<(u128, BlockNumber)>,
			/// The last observation.
			pub seen: Option<BlockNumber>,
			/// The rises.
			pub rises: WindowUsage<u128>,
			/// The falls.
			pub falls: WindowUsage<u128>,
			/// The basis.
			pub basis: Option<(u128, u64)>,
			/// The flag.
			pub flag: Option<Flag<BlockNumber>>,
		}

		/// A v3 monitor.
		#[derive(
			Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
		)]
		#[scale_info(skip_type_params(T))]
		pub struct Monitor<T: Config> {
			/// The rule.
			pub rule: Option<Rule<BlockNumberFor<T>>>,
			/// The staleness threshold.
			pub stale_after: Option<BlockNumberFor<T>>,
			/// The playbook.
			pub playbook: Playbook<T>,
			/// The state.
			pub state: MonitorStateV3<BlockNumberFor<T>>,
		}

		/// A v3 alert playbook.
		#[derive(
			Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
		)]
		#[scale_info(skip_type_params(T))]
		pub struct AlertPlaybook<T: Config> {
			/// Pause inbound XCM from the source.
			pub pause_inbound: bool,
			/// The playbook.
			pub playbook: Playbook<T>,
		}

		/// A v3 alert source.
		#[derive(
			Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
		)]
		#[scale_info(skip_type_params(T))]
		pub struct AlertSource<T: Config> {
			/// The identifier.
			pub id: u32,
			/// The mapped playbooks.
			pub playbooks: BoundedVec<(Source, AlertPlaybook<T>), T::MaxAlertKinds>,
			/// The response in force.
			pub responding: Option<(Source, BlockNumberFor<T>)>,
		}

		/// The v3 per-block alert state.
		#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
		pub struct AlertState<BlockNumber> {
			/// The level announced.
			pub announced: RiskLevel,
			/// Elevated until.
			pub elevated_until: Option<BlockNumber>,
			/// Critical until.
			pub critical_until: Option<BlockNumber>,
			/// The next staleness check.
			pub next_stale: Option<BlockNumber>,
			/// Whether the issuance is watched.
			pub issuance_watched: bool,
		}

		/// The v3 holders of a pause.
		pub type Owners<T> =
			BoundedVec<(Contributor, BlockNumberFor<T>), crate::MaxPauseHolders<T>>;
	}

	#[storage_alias]
	type Alert<T: Config> = StorageValue<Pallet<T>, old::AlertState<BlockNumberFor<T>>>;
	#[storage_alias]
	type PauseOwners<T: Config> =
		StorageMap<Pallet<T>, Blake2_128Concat, PauseTargetOf<T>, old::Owners<T>>;
	#[storage_alias]
	type RejectedDebits<T: Config> = StorageValue<Pallet<T>, u64>;
	#[storage_alias]
	type MarkerRepairs<T: Config> = StorageValue<
		Pallet<T>,
		BoundedVec<<T as frame_system::Config>::AccountId, frame_support::traits::ConstU32<16>>,
	>;

	/// Moves v3's storage to v4's (see the module docs). Use [`MigrateToV4`].
	pub struct ToResponseEngine<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for ToResponseEngine<T> {
		fn on_runtime_upgrade() -> Weight {
			let db = T::DbWeight::get();
			let now = frame_system::Pallet::<T>::block_number();
			let mut reads: u64 = 0;
			let mut writes: u64 = 0;
			// The per-block state.
			let alert = Alert::<T>::take().unwrap_or_default();
			RiskState::<T>::put(LevelState {
				announced: alert.announced,
				elevated_until: alert.elevated_until,
				critical_until: alert.critical_until,
			});
			Watch::<T>::mutate(|watch| {
				watch.next_stale = alert.next_stale;
				watch.issuance_watched = alert.issuance_watched;
				watch.issuance_seen = alert.issuance_watched.then(|| {
					use frame_support::traits::fungible::Inspect;
					sp_runtime::SaturatedConversion::saturated_into(T::Currency::total_issuance())
				});
			});
			// Every pause's holders, explicit.
			let mut holds = crate::PauseHoldsOf::<T>::default();
			for record in Pauses::<T>::get() {
				let owners = PauseOwners::<T>::get(&record.target).unwrap_or_else(|| {
					BoundedVec::truncate_from(alloc::vec![(Contributor::Governance, record.until)])
				});
				let owners = owners.into_iter().filter(|(_, until)| *until > now).collect();
				let entry = crate::responses::TargetHolds {
					target: record.target.clone(),
					holds: BoundedVec::truncate_from(owners),
				};
				if holds.try_push(entry).is_err() {
					log::error!(target: LOG_TARGET, "v4: more pauses than MaxActivePauses");
				}
				reads = reads.saturating_add(1);
			}
			let _ = PauseOwners::<T>::clear(u32::MAX, None);
			PauseHolds::<T>::put(holds);
			// Renamed, removed.
			if let Some(count) = RejectedDebits::<T>::take() {
				crate::DebitsBeyondCap::<T>::put(count);
			}
			MarkerRepairs::<T>::kill();
			// Guard records: the response becomes a playbook; every marker set again.
			Guards::<T>::translate::<old::AccountGuard<T>, _>(|who, guard| {
				reads = reads.saturating_add(4);
				writes = writes.saturating_add(3);
				if let Err(error) = Caps::<T>::set_marker(&who) {
					log::error!(target: LOG_TARGET, "v4: cannot mark {who:?} again: {error:?}");
				}
				Some(AccountGuardOf::<T> {
					policy: guard.policy.map(old::Policy::upgrade),
					own: guard.own,
					beyond_cap: guard.rejected,
				})
			});
			let _ =
				GlobalCap::<T>::translate::<old::Policy<T>, _>(|cap| cap.map(old::Policy::upgrade));
			// Monitors: the flag becomes the engine's response record.
			Monitors::<T>::translate::<old::Monitor<T>, _>(|source, monitor| {
				reads = reads.saturating_add(1);
				writes = writes.saturating_add(2);
				if let Some(flag) = monitor.state.flag.filter(|flag| now < flag.until) {
					let response =
						Response { source, anomaly: flag.anomaly, since: now, until: flag.until };
					Responses::<T>::insert(Contributor::Monitor(source), response);
				}
				let state = monitor.state;
				Some(MonitorOf::<T> {
					rule: monitor.rule,
					stale_after: monitor.stale_after,
					playbook: monitor.playbook.upgrade(false),
					state: MonitorState {
						last: state.last,
						seen: state.seen,
						rises: state.rises,
						falls: state.falls,
						basis: state.basis,
						// A metric's time-weighted history starts now: it is watched for one
						// window before it is judged again.
						history: Default::default(),
					},
				})
			});
			// Alert sources: the alert playbook is a playbook; `responding`, a response record.
			crate::AlertSources::<T>::translate::<old::AlertSource<T>, _>(|_, source| {
				reads = reads.saturating_add(1);
				writes = writes.saturating_add(2);
				if let Some((kind, until)) = source.responding.filter(|(_, until)| now < *until) {
					let response =
						Response { source: kind, anomaly: Anomaly::Rise, since: now, until };
					Responses::<T>::insert(Contributor::Alert(source.id), response);
				}
				let playbooks = source
					.playbooks
					.into_iter()
					.map(|(kind, mapped)| (kind, mapped.playbook.upgrade(mapped.pause_inbound)))
					.collect::<alloc::vec::Vec<_>>();
				Some(AlertSourceOf::<T> {
					id: source.id,
					playbooks: BoundedVec::truncate_from(playbooks),
				})
			});
			db.reads_writes(reads.saturating_add(6), writes.saturating_add(8))
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}
	}

	/// [`ToResponseEngine`], run only when the pallet's storage version is 3, then set to 4.
	pub type MigrateToV4<T> = VersionedMigration<
		3,
		4,
		ToResponseEngine<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
