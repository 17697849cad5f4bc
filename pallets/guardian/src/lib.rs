//! # pallet-guardian: chain-level security automation
//!
//! Exploits run at machine speed; governance does not. The guardian lives in the runtime and
//! gives a chain **circuit breakers** that stop a call, a pallet or the whole chain (safe mode)
//! in the same block the decision is taken, and that always end: every pause carries an expiry
//! and `on_initialize` resumes it when the time is up.
//!
//! ## Design
//!
//! ```text
//!  PauseOrigin (fast, narrow; Success = longest pause it may impose)      ResumeOrigin (slow, broad)
//!        │ pause / extend                                                       │ resume
//!        ▼                                                                      ▼
//!  ┌──────────────── validation: names exist in the runtime's call metadata ───────────────────┐
//!  │ not whitelisted, not the guardian, 0 < duration ≤ bound, ≤ MaxActivePauses               │
//!  └──────────────────────────────────────────────────────────────────────────────────────────┘
//!        │ writes                                     ▲ CircuitBreaker trait (other pallets,
//!        ▼                                            │ monitors): same rules, own bound
//!   Summary {active, next_expiry}  (whitelisted per-block key)
//!   Pauses  [ {target, since, until} ; MaxActivePauses ]
//!        │                                   │
//!        │ on_initialize: expire due pauses  │ read by
//!        ▼                                   ▼
//!   Resumed{Expired} events      BaseCallFilter (every dispatch, nested ones included)
//!                                CheckPaused extension (pool validation of top-level calls)
//! ```
//!
//! * **Targets** ([`PauseTarget`]): `Call { pallet, call }`, `Pallet { pallet }` and `Chain`.
//!   Names are checked against the runtime's own call metadata ([`GetCallMetadata`]), so an
//!   unknown pallet or call is refused ([`Error::UnknownPallet`], [`Error::UnknownCall`]) and a
//!   name longer than [`Config::MaxNameLen`] is refused with [`Error::NameTooLong`]. The filter
//!   fails closed on a runtime name over the bound (and `integrity_test` refuses such a
//!   runtime).
//! * **Never pausable**: the guardian's own calls, and the runtime's [`Config::WhitelistedCalls`]
//!   (a [`Contains<RuntimeCall>`](frame_support::traits::Contains), so it may look at
//!   arguments). A pause that would cover a whitelisted call is refused
//!   ([`Error::TargetWhitelisted`], [`Error::CannotPauseGuardian`]).
//! * **Expiry**: the pause origin's `Success` is the longest pause it may impose; extending is
//!   allowed while the remaining time stays within the caller's bound. The filter treats an
//!   expired pause as resumed, so correctness never depends on the hook; the hook only tidies up
//!   and emits [`Event::Resumed`] with [`ResumeReason::Expired`].
//! * **Two origins**: [`Config::PauseOrigin`] (fast and narrow, e.g. a council majority with a
//!   short bound) and [`Config::ResumeOrigin`] (slow and broad, e.g. a super-majority).
//!
//! ## Use cost
//!
//! * **Call filter** (every dispatch, nested ones included): the whitelist check and the
//!   call's metadata cost no storage access. It then reads [`Summary`], a per-block key that
//!   `on_initialize` reads anyway and that is whitelisted for benchmarks the way frame-system's
//!   `Number` is: **no charged read while nothing is paused**. While pauses are stored it reads
//!   [`Pauses`] once (a bounded vector of at most [`Config::MaxActivePauses`] records) and
//!   `System::Number` (whitelisted): **one charged read per dispatch**.
//! * **[`CheckPaused`] extension** (pool validation and block inclusion of a signed
//!   transaction): the same check on the top-level call, so a paused call is refused before
//!   anyone pays a fee.
//! * **`on_initialize`**: one whitelisted read per block when nothing expires; when pauses
//!   expire, one read and one write of [`Pauses`], one write of [`Summary`] and one event each.
//!
//! ## Integrating
//!
//! 1. Add the pallet with `PauseOrigin`, `ResumeOrigin`, `WhitelistedCalls` and the bounds
//!    (see the template runtime in `runtime/src/guardian.rs`).
//! 2. Wire the filter: `type BaseCallFilter = pallet_guardian::Pallet<Runtime>;` (or combine it
//!    with your own with `InsideBoth`). Without this the guardian is inert.
//! 3. Add [`CheckPaused<Runtime>`] to the runtime's transaction extension tuple.
//! 4. Whitelist at least the inherents (System, Timestamp), Sudo and the governance pallet, so
//!    that the chain keeps producing blocks and governance can always act.
//!
//! Root bypasses every call filter in FRAME (including this one): `sudo(call)` still runs
//! while `call` is paused, on purpose. `sudo_as` dispatches with a signed origin and is
//! filtered.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod breaker;
mod expiry;
mod extension;
mod filter;
mod invariants;
mod types;
mod validation;
mod whitelist;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use breaker::CircuitBreaker;
pub use extension::{CheckPaused, PAUSED_CALL_ERROR};
pub use pallet::*;
pub use types::{PauseRecord, PauseSummary, PauseTarget, PauseTargetInput, ResumeReason};
pub use weights::WeightInfo;
pub use whitelist::{PauseWhitelist, WhitelistedPallets};

use frame_support::traits::GetCallMetadata;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		dispatch::GetDispatchInfo,
		pallet_prelude::*,
		traits::{IsSubType, IsType},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Dispatchable;

	/// The storage layout version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// A name as stored: bounded by [`Config::MaxNameLen`].
	pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;
	/// A pause target as stored.
	pub type PauseTargetOf<T> = PauseTarget<NameOf<T>>;
	/// A pause record as stored.
	pub type PauseRecordOf<T> = PauseRecord<NameOf<T>, BlockNumberFor<T>>;
	/// All active pauses.
	pub type PausesOf<T> = BoundedVec<PauseRecordOf<T>, <T as Config>::MaxActivePauses>;

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The runtime's call type, with the metadata the guardian validates names against.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo
			+ GetCallMetadata
			+ IsSubType<Call<Self>>
			+ From<Call<Self>>
			+ IsType<<Self as frame_system::Config>::RuntimeCall>;

		/// Who may pause and extend. `Success` is the longest pause (in blocks, from now) the
		/// origin may impose: large for root, short for a fast narrow body.
		type PauseOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = BlockNumberFor<Self>>;

		/// Who may resume before the expiry. Should be broader and slower than `PauseOrigin`.
		type ResumeOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Calls that are never paused (safe mode included). Should contain at least the
		/// inherents, the sudo pallet and the governance pallet.
		type WhitelistedCalls: PauseWhitelist<<Self as Config>::RuntimeCall>;

		/// The longest pause another pallet may impose through [`CircuitBreaker`].
		#[pallet::constant]
		type MaxProgrammaticPause: Get<BlockNumberFor<Self>>;

		/// The longest pallet or call name a target may hold.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// How many pauses may be in force at once. Bounds the filter's one read and the
		/// hook's work per block.
		#[pallet::constant]
		type MaxActivePauses: Get<u32>;

		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;
	}

	/// The summary of [`Pauses`]: how many there are and the next expiry. A per-block key
	/// (read by `on_initialize` every block), whitelisted for benchmarks.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type Summary<T: Config> = StorageValue<_, PauseSummary<BlockNumberFor<T>>, ValueQuery>;

	/// Every active pause. One bounded value so that the filter needs one read at most.
	#[pallet::storage]
	pub type Pauses<T: Config> = StorageValue<_, PausesOf<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `target` is paused until block `until` (exclusive).
		Paused { target: PauseTargetOf<T>, until: BlockNumberFor<T> },
		/// The pause of `target` now lasts until block `until` (exclusive).
		PauseExtended { target: PauseTargetOf<T>, until: BlockNumberFor<T> },
		/// `target` runs again.
		Resumed { target: PauseTargetOf<T>, reason: ResumeReason },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No pallet of that name in this runtime.
		UnknownPallet,
		/// The pallet has no call of that name.
		UnknownCall,
		/// A pallet or call name is longer than `MaxNameLen`.
		NameTooLong,
		/// The target covers a call of the runtime's whitelist.
		TargetWhitelisted,
		/// The guardian's own calls can never be paused.
		CannotPauseGuardian,
		/// The target is already paused; use `extend`.
		AlreadyPaused,
		/// The target is not paused (or its pause has expired).
		NotPaused,
		/// A pause or extension must last at least one block.
		ZeroDuration,
		/// The pause would last longer than the caller may impose.
		DurationBeyondBound,
		/// `MaxActivePauses` pauses are already in force.
		TooManyPauses,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Targets paused from genesis, each for the given number of blocks.
		pub paused: alloc::vec::Vec<(PauseTargetInput, BlockNumberFor<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (target, duration) in &self.paused {
				let bounded = Pallet::<T>::validate_target(target)
					.unwrap_or_else(|e| panic!("genesis pause {target:?} is invalid: {e:?}"));
				Pallet::<T>::insert_pause(
					bounded,
					*duration,
					<BlockNumberFor<T> as sp_runtime::traits::Bounded>::max_value(),
				)
				.unwrap_or_else(|e| panic!("genesis pause {target:?} refused: {e:?}"));
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::expire_pauses(now)
		}

		fn integrity_test() {
			Self::check_runtime_names();
			assert!(T::MaxActivePauses::get() > 0, "MaxActivePauses must be at least 1");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pause `target` for `duration` blocks (counting the current one).
		///
		/// The origin must be `PauseOrigin`; `duration` must be at least one block and at most
		/// the origin's bound.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::pause())]
		pub fn pause(
			origin: OriginFor<T>,
			target: PauseTargetInput,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let bound = T::PauseOrigin::ensure_origin(origin)?;
			let target = Self::validate_target(&target)?;
			Self::insert_pause(target, duration, bound)
		}

		/// Push the expiry of an active pause of `target` back by `extra` blocks; the pause may
		/// then last at most the origin's bound from now.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::extend())]
		pub fn extend(
			origin: OriginFor<T>,
			target: PauseTargetInput,
			extra: BlockNumberFor<T>,
		) -> DispatchResult {
			let bound = T::PauseOrigin::ensure_origin(origin)?;
			let target = Self::validate_target(&target)?;
			Self::extend_pause(&target, extra, bound)
		}

		/// End the pause of `target` now. The origin must be `ResumeOrigin`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::resume())]
		pub fn resume(origin: OriginFor<T>, target: PauseTargetInput) -> DispatchResult {
			T::ResumeOrigin::ensure_origin(origin)?;
			let target = Self::validate_target(&target)?;
			Self::remove_pause(&target, ResumeReason::Governance)
		}
	}
}
