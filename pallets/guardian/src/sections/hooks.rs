//! The guardian's hooks: the block's start (expiries, the issuance, staleness), its spare
//! weight (alerts offered again), its integrity test and `try_state`. The block's other observation points are the lifecycle's
//! ([`crate::lifecycle::block`]).

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod hooks {
	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			lifecycle::block::on_initialize::<T>(now)
		}

		fn on_idle(_now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			lifecycle::block::on_idle::<T>(remaining)
		}

		fn integrity_test() {
			lifecycle::block::integrity_test::<T>();
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
