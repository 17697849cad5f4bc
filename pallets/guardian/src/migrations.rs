//! Storage migrations.
//!
//! * **v1 → v2** ([`v2::MigrateToV2`]): every guarded account gets the guard marker (a
//!   one-planck freeze, see [`caps::marker`](crate::caps::marker)), without which the ledger
//!   would take it for unguarded. Own limits made before v2 hold no deposit; they are recorded
//!   with a deposit of zero, so removing them releases nothing. Iterates the guarded
//!   accounts once: a chain with very many own limits should run it as a multi-block migration
//!   instead.
//! * **v2 → v3** ([`v3::MigrateToV3`]): the risk level becomes the maximum of per-source
//!   contributions ([`RiskContributions`](crate::RiskContributions)). A level in force before
//!   v3 is kept as governance's contribution, with its deadline; pauses placed before v3 have
//!   no recorded holders and so count as governance's (a monitor's `reset_response` leaves
//!   them to expire or to `resume`; a pause another pallet placed through `SafeMode` or
//!   `TransactionPause` before v3 can then no longer be lifted by that pallet's `exit` or
//!   `unpause`, only by governance). Constant work: two writes at most.

/// The v1 → v2 migration.
pub mod v2 {
	use crate::{Config, Guards, OwnLimitDeposits, Pallet, LOG_TARGET};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use sp_runtime::traits::Zero;

	/// Marks every guarded account (see the module docs). Use [`MigrateToV2`].
	pub struct AddGuardMarkers<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddGuardMarkers<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut weight = Weight::zero();
			for (who, guard) in Guards::<T>::iter() {
				if let Err(error) = Pallet::<T>::set_marker(&who) {
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

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::check_caps()
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
	use crate::{Alert, Config, Contributor, Pallet, RiskContributions, RiskLevel};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

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
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok(Pallet::<T>::risk_level_now().encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(before: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = RiskLevel::decode(&mut &before[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("undecodable level"))?;
			frame_support::ensure!(
				Pallet::<T>::risk_level_now() == before,
				"the level in force changed"
			);
			Pallet::<T>::check_responses()
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
