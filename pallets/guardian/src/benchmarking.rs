//! Benchmarks (frame-benchmarking v2) of every call, the hook and the filter, at their worst
//! case: `MaxActivePauses - 1` other pauses stored, the target last in the list.
//!
//! Targets are taken from the runtime's own call metadata (every call that is neither the
//! guardian's nor whitelisted), so no runtime-specific helper is needed.

use super::*;
use crate::Pallet as Guardian;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get, Hooks};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating};

/// Up to `n` distinct call targets that can be paused in this runtime.
fn pausable_calls<T: Config>(n: u32) -> Vec<PauseTargetInput> {
	let mut targets = Vec::new();
	for pallet in <<T as Config>::RuntimeCall as GetCallMetadata>::get_module_names() {
		for call in <<T as Config>::RuntimeCall as GetCallMetadata>::get_call_names(pallet) {
			let target = PauseTarget::Call {
				pallet: pallet.as_bytes().to_vec(),
				call: call.as_bytes().to_vec(),
			};
			if targets.len() < n as usize && Guardian::<T>::validate_target(&target).is_ok() {
				targets.push(target);
			}
		}
	}
	targets
}

/// Stores `n` pauses of distinct call targets, lasting `duration` blocks; returns the targets.
fn fill<T: Config>(n: u32, duration: BlockNumberFor<T>) -> Vec<PauseTargetInput> {
	let targets = pausable_calls::<T>(n);
	assert_eq!(targets.len(), n as usize, "the runtime has fewer pausable calls than needed");
	for target in &targets {
		let stored = Guardian::<T>::validate_target(target).expect("pausable");
		Guardian::<T>::insert_pause(stored, duration, duration).expect("room for the pause");
	}
	targets
}

fn pause_bound<T: Config>() -> BlockNumberFor<T> {
	T::PauseOrigin::try_successful_origin()
		.ok()
		.and_then(|origin| T::PauseOrigin::try_origin(origin).ok())
		.unwrap_or_else(One::one)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn pause() -> Result<(), BenchmarkError> {
		let max = T::MaxActivePauses::get();
		let mut targets = fill::<T>(max, 10u32.into());
		let target = targets.pop().expect("max >= 1");
		Guardian::<T>::remove_pause(
			&Guardian::<T>::validate_target(&target).expect("pausable"),
			ResumeReason::Governance,
		)?;
		let origin =
			T::PauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let duration = pause_bound::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, target.clone(), duration);

		assert!(Guardian::<T>::paused_until(&target).is_some());
		Ok(())
	}

	#[benchmark]
	fn extend() -> Result<(), BenchmarkError> {
		let max = T::MaxActivePauses::get();
		let targets = fill::<T>(max, One::one());
		let target = targets.last().cloned().expect("max >= 1");
		let origin =
			T::PauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let extra = pause_bound::<T>().saturating_sub(One::one()).max(One::one());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, target.clone(), extra);

		Ok(())
	}

	#[benchmark]
	fn resume() -> Result<(), BenchmarkError> {
		let max = T::MaxActivePauses::get();
		let targets = fill::<T>(max, 10u32.into());
		let target = targets.last().cloned().expect("max >= 1");
		let origin =
			T::ResumeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, target.clone());

		assert!(Guardian::<T>::paused_until(&target).is_none());
		Ok(())
	}

	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Guardian::<T>::on_initialize(now);
		}
	}

	#[benchmark]
	fn on_initialize_expire(n: Linear<1, { T::MaxActivePauses::get() }>) {
		fill::<T>(n, One::one());
		let now = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		frame_system::Pallet::<T>::set_block_number(now);
		#[block]
		{
			Guardian::<T>::on_initialize(now);
		}
		assert_eq!(Pauses::<T>::get().len(), 0);
	}

	/// The filter with `MaxActivePauses` pauses stored, none covering the checked call.
	#[benchmark]
	fn check_paused() {
		let max = T::MaxActivePauses::get();
		let mut targets = pausable_calls::<T>(max.saturating_add(1));
		let unpaused = targets.pop().expect("at least one pausable call");
		for target in &targets {
			let stored = Guardian::<T>::validate_target(target).expect("pausable");
			Guardian::<T>::insert_pause(stored, 10u32.into(), 10u32.into()).expect("room");
		}
		let (pallet, call) = match unpaused {
			PauseTarget::Call { pallet, call } => (pallet, call),
			_ => unreachable!("pausable_calls returns calls"),
		};
		let meta = frame_support::traits::CallMetadata {
			pallet_name: <<T as Config>::RuntimeCall as GetCallMetadata>::get_module_names()
				.iter()
				.find(|p| p.as_bytes() == pallet.as_slice())
				.expect("known pallet"),
			function_name: <<T as Config>::RuntimeCall as GetCallMetadata>::get_module_names()
				.iter()
				.flat_map(|p| <<T as Config>::RuntimeCall as GetCallMetadata>::get_call_names(p))
				.find(|c| c.as_bytes() == call.as_slice())
				.expect("known call"),
		};
		let covered;
		#[block]
		{
			covered = Guardian::<T>::pause_covering(&meta).is_some();
		}
		assert!(!covered);
	}

	impl_benchmark_test_suite!(Guardian, crate::mock::new_test_ext(), crate::mock::Test);
}
