//! The pallets benchmarked in this runtime (`runtime-benchmarks` feature). pallet-balances is
//! measured here so that its weights include the guardian's ledger guard (its account store)
//! on the unguarded path every ordinary transfer takes.

pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::Pallet as SystemBench;

pub use crate::{Balances, Council, Multisig, Proxy, Runtime, Sudo, Timestamp, Utility};

#[cfg(not(feature = "without-guardian"))]
pub use crate::Guardian;

#[cfg(not(feature = "without-guardian"))]
frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_proxy, Proxy]
	[pallet_multisig, Multisig]
	[pallet_collective, Council]
	[pallet_guardian, Guardian]
);

// The baseline for the benchmark report: the same pallets without the guardian.
#[cfg(feature = "without-guardian")]
frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_proxy, Proxy]
	[pallet_multisig, Multisig]
	[pallet_collective, Council]
);
