//! What can never be paused.
//!
//! The guardian's own calls are always exempt (a pause can always be resumed). Beyond that the
//! runtime names a whitelist: a [`Contains<RuntimeCall>`](Contains), checked at dispatch and so
//! able to look at a call's arguments, plus the pause-time view of the same list, so that a
//! pause that would cover a whitelisted call is refused with
//! [`Error::TargetWhitelisted`](crate::Error::TargetWhitelisted) instead of being silently
//! ineffective.

use core::marker::PhantomData;
use frame_support::traits::{Contains, Get, GetCallMetadata};

/// The runtime's never-pausable set.
///
/// `Contains<RuntimeCall>` is the dispatch-time exemption: a call it contains runs whatever is
/// paused, safe mode included. [`PauseWhitelist::protects`] is the pause-time view: it must
/// return `true` for every pallet (with `call == None`) and every call that contains a
/// whitelisted call, so that nobody can stage a pause that looks in force but is not.
pub trait PauseWhitelist<RuntimeCall>: Contains<RuntimeCall> {
	/// Whether a pause of `pallet` (with `call == None`: the whole pallet) or of
	/// `pallet::call` would cover a whitelisted call.
	fn protects(pallet: &[u8], call: Option<&[u8]>) -> bool;
}

/// The whitelist that exempts nothing: only the guardian's own calls stay unpausable.
impl<RuntimeCall> PauseWhitelist<RuntimeCall> for () {
	fn protects(_pallet: &[u8], _call: Option<&[u8]>) -> bool {
		false
	}
}

/// Whitelists every call of the pallets named in `Names` (names as in the runtime's metadata).
///
/// ```ignore
/// parameter_types! {
///     pub const NeverPaused: &'static [&'static str] = &["System", "Timestamp", "Sudo", "Council"];
/// }
/// type WhitelistedCalls = pallet_guardian::WhitelistedPallets<NeverPaused>;
/// ```
pub struct WhitelistedPallets<Names>(PhantomData<Names>);

impl<Names: Get<&'static [&'static str]>, RuntimeCall: GetCallMetadata> Contains<RuntimeCall>
	for WhitelistedPallets<Names>
{
	fn contains(call: &RuntimeCall) -> bool {
		let pallet = call.get_call_metadata().pallet_name;
		Names::get().contains(&pallet)
	}
}

impl<Names: Get<&'static [&'static str]>, RuntimeCall: GetCallMetadata> PauseWhitelist<RuntimeCall>
	for WhitelistedPallets<Names>
{
	fn protects(pallet: &[u8], _call: Option<&[u8]>) -> bool {
		Names::get().iter().any(|name| name.as_bytes() == pallet)
	}
}
