//! The pallets benchmarked in this runtime (`runtime-benchmarks` feature). pallet-balances is
//! measured in this runtime so that its weights include the guardian's call filter.

pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::Pallet as SystemBench;

pub use crate::{Balances, Council, Guardian, Multisig, Proxy, Runtime, Sudo, Timestamp, Utility};

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
