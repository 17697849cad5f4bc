//! Weights of pallet-guardian.
//!
//! The figures below are estimates made from the storage each operation touches (RocksDB
//! costs) and a conservative compute allowance, used until the frame-benchmarking run of the
//! benchmarks in `benchmarking.rs` writes this file (see `benchmarking/`).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet-guardian.
pub trait WeightInfo {
	fn pause() -> Weight;
	fn extend() -> Weight;
	fn resume() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn on_initialize_expire(n: u32) -> Weight;
	fn check_paused() -> Weight;
	fn set_policy() -> Weight;
	fn change_policy() -> Weight;
	fn remove_policy() -> Weight;
	fn set_global_cap() -> Weight;
	fn reset_usage() -> Weight;
	fn limit_own_outflow() -> Weight;
	fn remove_own_limit() -> Weight;
	fn enact_own_limit() -> Weight;
	fn cancel_own_announcement() -> Weight;
	fn check_velocity() -> Weight;
	fn ledger_debit_guarded() -> Weight;
	fn ledger_debit_unguarded() -> Weight;
}

/// Estimates for a runtime, using its own `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Guardian::Pauses` (r:1 w:1), `Guardian::Summary` (r:0 w:1)
	fn pause() -> Weight {
		Weight::from_parts(40_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(1, 2))
	}
	/// Storage: `Guardian::Pauses` (r:1 w:1), `Guardian::Summary` (r:0 w:1)
	fn extend() -> Weight {
		Weight::from_parts(40_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(1, 2))
	}
	/// Storage: `Guardian::Pauses` (r:1 w:1), `Guardian::Summary` (r:0 w:1)
	fn resume() -> Weight {
		Weight::from_parts(40_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(1, 2))
	}
	/// Storage: `Guardian::Summary` (r:1 w:0, whitelisted)
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(2_000_000, 0)
	}
	/// Storage: `Guardian::Pauses` (r:1 w:1), `Guardian::Summary` (r:1 w:1, whitelisted)
	fn on_initialize_expire(n: u32) -> Weight {
		Weight::from_parts(20_000_000, 6_000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads_writes(1, 2))
	}
	/// Storage: `Guardian::Summary` (r:1, whitelisted), `Guardian::Pauses` (r:1, while paused)
	fn check_paused() -> Weight {
		Weight::from_parts(5_000_000, 6_000).saturating_add(T::DbWeight::get().reads(1))
	}
	/// Storage: `Guardian::Guards` (r:1 w:1), `Guardian::GuardIndex` (r:1 w:1), `Guardian::GlobalCap` (r:1 w:1)
	fn set_policy() -> Weight {
		Weight::from_parts(60_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	/// Storage: `Guardian::Guards` (r:1 w:1), `Guardian::GuardIndex` (r:1 w:1), `Guardian::GlobalCap` (r:1 w:1)
	fn change_policy() -> Weight {
		Weight::from_parts(60_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	/// Storage: `Guardian::Guards` (r:1 w:1), `Guardian::GuardIndex` (r:1 w:1), `Guardian::GlobalCap` (r:1 w:1)
	fn remove_policy() -> Weight {
		Weight::from_parts(60_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	/// Storage: `Guardian::Guards` (r:1 w:1), `Guardian::GuardIndex` (r:1 w:1), `Guardian::GlobalCap` (r:1 w:1)
	fn set_global_cap() -> Weight {
		Weight::from_parts(60_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	/// Storage: `Guardian::Guards` (r:1 w:1), `Guardian::GuardIndex` (r:1 w:1), `Guardian::GlobalCap` (r:1 w:1)
	fn reset_usage() -> Weight {
		Weight::from_parts(60_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	/// Storage: `Guardian::Guards` (r:1 w:1), `Guardian::GuardIndex` (r:1 w:1), `Guardian::GlobalCap` (r:1 w:1)
	fn limit_own_outflow() -> Weight {
		Weight::from_parts(60_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	/// Storage: `Guardian::Guards` (r:1 w:1), `Guardian::GuardIndex` (r:1 w:1), `Guardian::GlobalCap` (r:1 w:1)
	fn remove_own_limit() -> Weight {
		Weight::from_parts(60_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	/// Storage: `Guardian::Guards` (r:1 w:1), `Guardian::GuardIndex` (r:1 w:1), `Guardian::GlobalCap` (r:1 w:1)
	fn enact_own_limit() -> Weight {
		Weight::from_parts(60_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	/// Storage: `Guardian::Guards` (r:1 w:1), `Guardian::GuardIndex` (r:1 w:1), `Guardian::GlobalCap` (r:1 w:1)
	fn cancel_own_announcement() -> Weight {
		Weight::from_parts(60_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	/// Storage: `Guardian::GuardIndex` (r:1, whitelisted), `Guardian::Guards` (r:1, guarded signers)
	fn check_velocity() -> Weight {
		Weight::from_parts(5_000_000, 0)
	}
	/// Storage: `Guardian::GuardIndex` (r:1, whitelisted), `Guardian::Guards` (r:1 w:1),
	/// `Guardian::GlobalCap` (r:1 w:1)
	fn ledger_debit_guarded() -> Weight {
		Weight::from_parts(20_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	/// Storage: `Guardian::GuardIndex` (r:1, whitelisted)
	fn ledger_debit_unguarded() -> Weight {
		Weight::from_parts(1_000_000, 0)
	}
}

// For tests and runtimes without their own `DbWeight`.
impl WeightInfo for () {
	fn pause() -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 2))
	}
	fn extend() -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 2))
	}
	fn resume() -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 2))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(2_000_000, 0)
	}
	fn on_initialize_expire(n: u32) -> Weight {
		Weight::from_parts(20_000_000, 6_000)
			.saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(1, 2))
	}
	fn check_paused() -> Weight {
		Weight::from_parts(5_000_000, 6_000).saturating_add(RocksDbWeight::get().reads(1))
	}
	fn set_policy() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn change_policy() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn remove_policy() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn set_global_cap() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn reset_usage() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn limit_own_outflow() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn remove_own_limit() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn enact_own_limit() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn cancel_own_announcement() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn check_velocity() -> Weight {
		Weight::from_parts(5_000_000, 0)
	}
	fn ledger_debit_guarded() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
	fn ledger_debit_unguarded() -> Weight {
		Weight::from_parts(1_000_000, 0)
	}
}
