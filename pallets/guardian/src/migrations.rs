//! Storage migrations.
//!
//! * **v1 → v2** ([`v2::MigrateToV2`]): every guarded account gets the guard marker (a
//!   one-planck freeze, see [`caps::marker`](crate::caps::marker)), without which the ledger
//!   would take it for unguarded. Own limits made before v2 hold no deposit; they are recorded
//!   with a deposit of zero, so removing them releases nothing. Iterates the guarded
//!   accounts once: a chain with very many own limits should run it as a multi-block migration
//!   instead.

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
