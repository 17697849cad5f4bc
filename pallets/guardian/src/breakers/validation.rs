//! Checking a pause target against the runtime's own call metadata and the whitelist.

use crate::{
	Config, Error, NameOf, Pallet, PauseTarget, PauseTargetInput, PauseTargetOf, PauseWhitelist,
};
use frame_support::{
	ensure,
	traits::{Get, GetCallMetadata, PalletInfoAccess},
};
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	/// Turns an extrinsic's target into the stored form, refusing with a named error:
	/// a name over `MaxNameLen` ([`Error::NameTooLong`]), a pallet or call that the runtime
	/// does not have ([`Error::UnknownPallet`], [`Error::UnknownCall`]), the guardian itself
	/// ([`Error::CannotPauseGuardian`]) and anything covering a whitelisted call
	/// ([`Error::TargetWhitelisted`]). Reads no storage.
	pub fn validate_target(input: &PauseTargetInput) -> Result<PauseTargetOf<T>, DispatchError> {
		let pallet = match input.pallet_name() {
			None => return Ok(PauseTarget::Chain),
			Some(pallet) => pallet,
		};
		let bounded_pallet = Self::bounded_name(pallet)?;
		let bounded_call = input.call_name().map(Self::bounded_name).transpose()?;

		let pallet_str = <<T as Config>::RuntimeCall as GetCallMetadata>::get_module_names()
			.iter()
			.find(|name| name.as_bytes() == pallet)
			.ok_or(Error::<T>::UnknownPallet)?;
		if let Some(call) = input.call_name() {
			ensure!(
				<<T as Config>::RuntimeCall as GetCallMetadata>::get_call_names(pallet_str)
					.iter()
					.any(|name| name.as_bytes() == call),
				Error::<T>::UnknownCall
			);
		}
		ensure!(
			*pallet_str != <Pallet<T> as PalletInfoAccess>::name(),
			Error::<T>::CannotPauseGuardian
		);
		ensure!(
			!T::WhitelistedCalls::protects(pallet, input.call_name()),
			Error::<T>::TargetWhitelisted
		);

		Ok(match bounded_call {
			Some(call) => PauseTarget::Call { pallet: bounded_pallet, call },
			None => PauseTarget::Pallet { pallet: bounded_pallet },
		})
	}

	fn bounded_name(name: &[u8]) -> Result<NameOf<T>, DispatchError> {
		NameOf::<T>::try_from(name.to_vec()).map_err(|_| Error::<T>::NameTooLong.into())
	}

	/// `integrity_test`: every pallet and call name of the runtime fits `MaxNameLen`, so that
	/// every call can be paused by name (the filter refuses calls whose names do not fit).
	pub(crate) fn check_runtime_names() {
		let max = T::MaxNameLen::get() as usize;
		for pallet in <<T as Config>::RuntimeCall as GetCallMetadata>::get_module_names() {
			assert!(pallet.len() <= max, "pallet name {pallet} is longer than MaxNameLen ({max})");
			for call in <<T as Config>::RuntimeCall as GetCallMetadata>::get_call_names(pallet) {
				assert!(
					call.len() <= max,
					"call name {pallet}::{call} is longer than MaxNameLen ({max})"
				);
			}
		}
	}
}
