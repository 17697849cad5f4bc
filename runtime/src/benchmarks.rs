//! The pallets benchmarked in this runtime (`runtime-benchmarks` feature). pallet-balances is
//! measured here so that its weights include the guardian's ledger guard (its account store)
//! on the unguarded path every ordinary transfer takes.

pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::Pallet as SystemBench;

pub use crate::{Balances, Council, Multisig, Proxy, Runtime, Sudo, Timestamp, Utility};

#[cfg(not(feature = "without-guardian"))]
pub use crate::Guardian;

/// The runtime's benchmark list, with the extra entries given (the guardian's, unless this is
/// the `without-guardian` baseline of the benchmark report).
macro_rules! runtime_benchmarks {
	($($extra:tt)*) => {
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
			$($extra)*
		);
	};
}

#[cfg(not(feature = "without-guardian"))]
runtime_benchmarks!([pallet_guardian, Guardian]);
#[cfg(feature = "without-guardian")]
runtime_benchmarks!();
