//! Storage invariants, checked by `try_state` and after every test.

use crate::{Config, Pallet, Pauses, Summary};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// * [`Summary`] is exactly the summary of [`Pauses`] (count and earliest expiry);
	/// * no target is paused twice;
	/// * every pause began before it ends;
	/// * every stored target is still a valid target (known names, not whitelisted, not the
	///   guardian).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let pauses = Pauses::<T>::get();
		if Summary::<T>::get() != Self::summarise(&pauses) {
			return Err("Summary does not match Pauses".into());
		}
		for (i, record) in pauses.iter().enumerate() {
			if pauses.iter().skip(i.saturating_add(1)).any(|other| other.target == record.target) {
				return Err("a target is paused twice".into());
			}
			if record.since >= record.until {
				return Err("a pause ends before it begins".into());
			}
			if Self::validate_target(&record.target.to_input()).is_err() {
				return Err("a stored target is no longer valid".into());
			}
		}
		Ok(())
	}
}
