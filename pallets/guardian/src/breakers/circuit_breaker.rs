//! [`CircuitBreaker`]: programmatic access to the circuit breakers, for other pallets.

use crate::{responses::Engine, Config, Contributor, Pallet, PauseTargetInput, Pauses};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::DispatchResult;

/// Programmatic access to the circuit breakers, for other pallets.
///
/// The same rules as the extrinsics apply (names checked against the runtime's metadata, the
/// whitelist and the guardian itself refused, `0 < duration`), with
/// [`Config::MaxProgrammaticPause`] as the bound on how long a pause may last, in the room of
/// other pallets ([`crate::PauseRooms::programmatic`]).
pub trait CircuitBreaker<BlockNumber> {
	/// Pause `target` for `duration` blocks, counting the current one.
	fn pause(target: PauseTargetInput, duration: BlockNumber) -> DispatchResult;
	/// Push the expiry of an active pause of `target` back by `extra` blocks.
	fn extend(target: PauseTargetInput, extra: BlockNumber) -> DispatchResult;
	/// Withdraw the pause of `target` that other pallets placed or extended: it ends now
	/// ([`crate::ResumeReason::Programmatic`]) unless governance or an automatic response also
	/// holds it. A pause only they hold is refused with [`crate::Error::PauseHeldByOthers`]:
	/// other pallets pause fast and narrow, never lift what the slow origin decided.
	fn resume(target: PauseTargetInput) -> DispatchResult;
	/// The block at which the pause of exactly `target` ends, if it is in force.
	fn paused_until(target: &PauseTargetInput) -> Option<BlockNumber>;
}

impl<T: Config> CircuitBreaker<BlockNumberFor<T>> for Pallet<T> {
	fn pause(target: PauseTargetInput, duration: BlockNumberFor<T>) -> DispatchResult {
		Engine::<T>::pause(
			Contributor::Programmatic,
			&target,
			duration,
			T::MaxProgrammaticPause::get(),
		)
	}

	fn extend(target: PauseTargetInput, extra: BlockNumberFor<T>) -> DispatchResult {
		Engine::<T>::extend(
			Contributor::Programmatic,
			&target,
			extra,
			T::MaxProgrammaticPause::get(),
		)
	}

	fn resume(target: PauseTargetInput) -> DispatchResult {
		let target = Engine::<T>::validate_target(&target)?;
		Engine::<T>::resume_programmatic(&target)
	}

	fn paused_until(target: &PauseTargetInput) -> Option<BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		Pauses::<T>::get()
			.into_iter()
			.find(|record| record.until > now && record.target.to_input() == *target)
			.map(|record| record.until)
	}
}
