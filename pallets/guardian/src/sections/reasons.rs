//! Why the guardian holds and freezes funds.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod reasons {
	/// Why the guardian holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an own limit.
		OwnLimit,
		/// An excess held on its recipient (see [`crate::excess`]).
		Excess,
		/// A bonded report's deposit (see [`crate::reports`]).
		Report,
	}

	/// Why the guardian freezes funds.
	#[pallet::composite_enum]
	pub enum FreezeReason {
		/// The guard marker: one planck on every guarded account (see [`crate::caps::marker`]).
		Guarded,
	}
}
