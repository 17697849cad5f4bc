//! Storage invariants, checked by `try_state` and after every test.

use crate::{
	guard_index::{GuardFilter, Position},
	Config, GlobalCap, GuardIndex, Guards, OwnLimitAnnouncements, Pallet, Pauses, Summary,
	WindowsOf,
};
use sp_runtime::traits::Zero;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// * [`Summary`] is exactly the summary of [`Pauses`] (count and earliest expiry);
	/// * no target is paused twice;
	/// * every pause began before it ends;
	/// * every stored target is still a valid target (known names, not whitelisted, not the
	///   guardian);
	/// * and the caps' invariants ([`Self::check_caps`]).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_caps()?;
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

	/// Checks that:
	/// * every guard record limits something, with non-empty windows of non-zero period;
	/// * the guard index counts exactly the guarded accounts (a saturated counter may stay
	///   set), so the ledger's "certainly not guarded" is never wrong;
	/// * the global cap and every announcement have valid windows.
	pub fn check_caps() -> Result<(), TryRuntimeError> {
		let valid = |windows: &WindowsOf<T>| {
			!windows.is_empty() && windows.iter().all(|w| !w.spec.period.is_zero())
		};
		let mut rebuilt = GuardFilter::default();
		let mut guarded = 0u32;
		for (who, guard) in Guards::<T>::iter() {
			if guard.policy.is_none() && guard.own.is_none() {
				return Err("a guard record limits nothing".into());
			}
			if !guard.policy.as_ref().is_none_or(|p| valid(&p.windows))
				|| !guard.own.as_ref().is_none_or(valid)
			{
				return Err("a guard record has invalid windows".into());
			}
			if !Self::may_be_guarded(&who) {
				return Err("a guarded account is missing from the guard index".into());
			}
			rebuilt.add(&Position::of(&who));
			guarded = guarded.saturating_add(1);
		}
		let stored = GuardIndex::<T>::get();
		if guarded == 0 && stored.is_some() {
			return Err("the guard index outlives the last guard".into());
		}
		let stored = stored.unwrap_or_default();
		let consistent =
			stored.0.iter().zip(rebuilt.0.iter()).all(|(s, r)| *s == *r || *s == u8::MAX);
		if !consistent {
			return Err("the guard index does not count the guarded accounts".into());
		}
		if !GlobalCap::<T>::get().as_ref().is_none_or(|cap| valid(&cap.windows)) {
			return Err("the global cap has invalid windows".into());
		}
		for (_, announcement) in OwnLimitAnnouncements::<T>::iter() {
			if announcement.windows.as_ref().is_some_and(|w| w.is_empty()) {
				return Err("an announcement has no windows".into());
			}
		}
		Ok(())
	}
}
