//! The call filter: `impl Contains<RuntimeCall>` for the runtime's `BaseCallFilter`.
//!
//! FRAME applies `BaseCallFilter` to every dispatch with a non-root origin, including calls
//! dispatched from inside `batch`, `batch_all`, `force_batch`, `proxy`, `multisig` and any
//! other pallet that dispatches with a filtered origin, so a pause covers every path.

use super::Breakers;
use crate::{Config, Pallet, PauseRecordOf, Pauses, Summary};
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::{CallMetadata, Contains, Get, GetCallMetadata, IsSubType, IsType, PalletInfoAccess},
};
use frame_system::pallet_prelude::BlockNumberFor;

/// What the filter decided about a call, and what it read to decide (for the weight
/// [`crate::CheckPaused`] keeps).
pub(crate) struct FilterCheck {
	/// Whether the call may be dispatched now.
	pub allowed: bool,
	/// `None` when no storage was read (the guardian's own and whitelisted calls, names over
	/// the bound); otherwise the number of pauses the summary counted, the pause list having
	/// been read too when it is not zero.
	pub pauses_stored: Option<u32>,
}

impl<T: Config> Breakers<T> {
	/// Whether `call` may be dispatched now.
	///
	/// Cost: no storage access for the guardian's own and whitelisted calls; one whitelisted
	/// read ([`Summary`]) when nothing is paused; plus one read of [`Pauses`] (and the
	/// whitelisted `System::Number`) when pauses are stored.
	pub fn call_allowed(call: &<T as Config>::RuntimeCall) -> bool {
		Self::check_call(call).allowed
	}

	/// Whether `call` is exempt from every pause without reading anything: the guardian's own
	/// calls and the runtime's whitelist.
	pub(crate) fn never_paused(call: &<T as Config>::RuntimeCall) -> bool {
		call.is_sub_type().is_some() || T::WhitelistedCalls::contains(call)
	}

	/// [`Self::call_allowed`], reporting what it read.
	///
	/// Never pausable, whatever the runtime's whitelist says: the guardian's own calls and
	/// every `DispatchClass::Mandatory` call (the inherents: a chain whose whitelist forgot one
	/// would stop producing blocks in safe mode).
	pub(crate) fn check_call(call: &<T as Config>::RuntimeCall) -> FilterCheck {
		if Self::never_paused(call) {
			return FilterCheck { allowed: true, pauses_stored: None };
		}
		let meta = call.get_call_metadata();
		let max = T::MaxNameLen::get() as usize;
		if meta.pallet_name.len() > max || meta.function_name.len() > max {
			// Such a call could never be paused by name: fail closed (but never on an inherent).
			let allowed = call.get_dispatch_info().class == DispatchClass::Mandatory;
			return FilterCheck { allowed, pauses_stored: None };
		}
		let stored = Summary::<T>::get().active;
		// An inherent is checked for only when a pause covers it (its class costs no storage).
		let allowed = stored == 0
			|| Self::pause_covering(&meta).is_none()
			|| call.get_dispatch_info().class == DispatchClass::Mandatory;
		FilterCheck { allowed, pauses_stored: Some(stored) }
	}

	/// If the call `pallet::call` (names as in the metadata) is paused now, the block at which
	/// it runs again; `None` if it may run (the guardian's own and whitelisted calls never
	/// pause).
	pub fn call_paused_until(pallet: &[u8], call: &[u8]) -> Option<BlockNumberFor<T>> {
		if pallet == <Pallet<T> as PalletInfoAccess>::name().as_bytes()
			|| <T::WhitelistedCalls as crate::PauseWhitelist<_>>::protects(pallet, Some(call))
		{
			return None;
		}
		let now = frame_system::Pallet::<T>::block_number();
		Pauses::<T>::get()
			.into_iter()
			.filter(|record| record.until > now)
			.filter(|record| match record.target.pallet_name() {
				None => true,
				Some(p) => p == pallet && record.target.call_name().is_none_or(|c| c == call),
			})
			.map(|record| record.until)
			.max()
	}

	/// Whether anything is paused: one whitelisted read ([`Summary`]).
	pub(crate) fn anything_paused() -> bool {
		Summary::<T>::get().active > 0
	}

	/// Whether value held by `pallets` (names as in the metadata) is paused now: the whole
	/// chain is (whatever `pallets` are), or one of them is as a whole (unless the whitelist
	/// protects it). A pause of one of its calls does not count. One read of [`Pauses`].
	pub(crate) fn value_paused(pallets: &[&str]) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		Pauses::<T>::get().iter().filter(|record| record.until > now).any(|record| {
			match (record.target.pallet_name(), record.target.call_name()) {
				(None, _) => true,
				(Some(paused), None) => pallets.iter().any(|pallet| {
					pallet.as_bytes() == paused
						&& !<T::WhitelistedCalls as crate::PauseWhitelist<_>>::protects(
							paused, None,
						)
				}),
				(Some(_), Some(_)) => false,
			}
		})
	}

	/// The active pause that stops a call with this metadata, if any. Reads [`Pauses`].
	pub fn pause_covering(meta: &CallMetadata) -> Option<PauseRecordOf<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		Pauses::<T>::get()
			.into_iter()
			.find(|record| record.until > now && record.target.covers(meta))
	}
}

impl<T: Config> Contains<<T as frame_system::Config>::RuntimeCall> for Pallet<T> {
	fn contains(call: &<T as frame_system::Config>::RuntimeCall) -> bool {
		Breakers::<T>::call_allowed(<T as Config>::RuntimeCall::from_ref(call))
	}
}
