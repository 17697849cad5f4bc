//! polkadot-sdk's own pause traits, implemented by the guardian so that pallets written for
//! pallet-tx-pause or pallet-safe-mode work with it unchanged.
//!
//! * [`TransactionPause`]: a call, identified as in pallet-tx-pause by its `(pallet name, call
//!   name)` pair, is paused with the guardian's [`PauseTarget::Call`]. pallet-tx-pause's pauses
//!   have no expiry; the guardian's always do, so a pause placed through this trait lasts
//!   [`Config::MaxProgrammaticPause`] blocks (renewable by pausing again after it ends, or by
//!   [`CircuitBreaker::extend`](crate::CircuitBreaker::extend)). `can_pause` is exactly the
//!   condition under which `pause` succeeds, as the trait requires.
//! * [`SafeMode`]: safe mode is the guardian's [`PauseTarget::Chain`] pause, so entering safe
//!   mode through this trait and `pause(Chain, ..)` through an extrinsic are the same state,
//!   visible to both. Durations are bounded by [`Config::MaxProgrammaticPause`] like every
//!   programmatic pause. `remaining()` follows pallet-safe-mode's convention: `Some(0)` means
//!   the current block is the last one in safe mode.
//!
//! Through both traits a pallet ends only what other pallets hold (`unpause`, `exit`): a pause
//! governance or an automatic response also holds stays until theirs ends, and one only they
//! hold is refused (`Unknown`, the guardian's [`crate::Error::PauseHeldByOthers`]). Other
//! pallets' pauses take their own room ([`crate::PauseRooms::programmatic`]; `can_pause` says
//! so).
//!
//! Errors map onto the traits' own: the guardian's `AlreadyPaused` / `NotPaused` become
//! `AlreadyPaused` / `AlreadyUnpaused` and `AlreadyEntered` / `AlreadyExited`; a target the
//! runtime does not have is `NotFound`; a whitelisted or guardian call is `Unpausable`;
//! anything else (the bound on pauses, a duration over the bound) is `Unknown`.

use super::Breakers;
use crate::{
	responses::Engine, Config, Contributor, Error, NameOf, Pallet, PauseTarget, PauseTargetOf,
};
use frame_support::traits::{
	Get, SafeMode, SafeModeError, TransactionPause, TransactionPauseError,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating, Zero},
	DispatchError,
};

/// The stored target of a tx-pause call identifier, validated like any pause target.
fn tx_pause_target<T: Config>(
	(pallet, call): &(NameOf<T>, NameOf<T>),
) -> Result<PauseTargetOf<T>, TransactionPauseError> {
	let input = PauseTarget::Call { pallet: pallet.to_vec(), call: call.to_vec() };
	Engine::<T>::validate_target(&input).map_err(tx_pause_error::<T>)
}

fn tx_pause_error<T: Config>(error: DispatchError) -> TransactionPauseError {
	if error == Error::<T>::UnknownPallet.into()
		|| error == Error::<T>::UnknownCall.into()
		|| error == Error::<T>::NameTooLong.into()
	{
		TransactionPauseError::NotFound
	} else if error == Error::<T>::TargetWhitelisted.into()
		|| error == Error::<T>::CannotPauseGuardian.into()
	{
		TransactionPauseError::Unpausable
	} else if error == Error::<T>::AlreadyPaused.into() {
		TransactionPauseError::AlreadyPaused
	} else if error == Error::<T>::NotPaused.into() {
		TransactionPauseError::AlreadyUnpaused
	} else {
		TransactionPauseError::Unknown
	}
}

fn safe_mode_error<T: Config>(error: DispatchError) -> SafeModeError {
	if error == Error::<T>::AlreadyPaused.into() {
		SafeModeError::AlreadyEntered
	} else if error == Error::<T>::NotPaused.into() {
		SafeModeError::AlreadyExited
	} else {
		SafeModeError::Unknown
	}
}

impl<T: Config> TransactionPause for Pallet<T> {
	/// `(pallet name, call name)`, as pallet-tx-pause's `RuntimeCallNameOf`.
	type CallIdentifier = (NameOf<T>, NameOf<T>);

	fn is_paused(call: Self::CallIdentifier) -> bool {
		Breakers::<T>::call_paused_until(&call.0, &call.1).is_some()
	}

	fn can_pause(call: Self::CallIdentifier) -> bool {
		let Ok(target) = tx_pause_target::<T>(&call) else { return false };
		Engine::<T>::can_pause(Contributor::Programmatic, &target)
			&& !T::MaxProgrammaticPause::get().is_zero()
	}

	fn pause(call: Self::CallIdentifier) -> Result<(), TransactionPauseError> {
		let target = tx_pause_target::<T>(&call)?;
		let bound = T::MaxProgrammaticPause::get();
		Engine::<T>::pause_target(Contributor::Programmatic, &target, bound, bound)
			.map_err(tx_pause_error::<T>)
	}

	fn unpause(call: Self::CallIdentifier) -> Result<(), TransactionPauseError> {
		let target = tx_pause_target::<T>(&call)?;
		Engine::<T>::resume_programmatic(&target).map_err(tx_pause_error::<T>)
	}
}

impl<T: Config> SafeMode for Pallet<T> {
	type BlockNumber = BlockNumberFor<T>;

	fn remaining() -> Option<Self::BlockNumber> {
		let now = frame_system::Pallet::<T>::block_number();
		Breakers::<T>::paused_until(&PauseTarget::Chain)
			.map(|until| until.saturating_sub(now).saturating_sub(One::one()))
	}

	fn enter(duration: Self::BlockNumber) -> Result<(), SafeModeError> {
		let bound = T::MaxProgrammaticPause::get();
		Engine::<T>::pause_target(Contributor::Programmatic, &PauseTarget::Chain, duration, bound)
			.map_err(safe_mode_error::<T>)
	}

	fn extend(duration: Self::BlockNumber) -> Result<(), SafeModeError> {
		let bound = T::MaxProgrammaticPause::get();
		Engine::<T>::extend_target(Contributor::Programmatic, &PauseTarget::Chain, duration, bound)
			.map_err(safe_mode_error::<T>)
	}

	fn exit() -> Result<(), SafeModeError> {
		Engine::<T>::resume_programmatic(&PauseTarget::Chain).map_err(safe_mode_error::<T>)
	}
}
