//! The pallet itself, assembled from its sections: the configuration, the reasons it holds and
//! freezes funds, the events, the errors, the genesis, the hooks and the calls (one file each
//! here), and each capability's storage (in the capability's folder).

mod calls;
mod config;
mod errors;
mod events;
mod genesis;
mod hooks;
mod preludes;
mod reasons;

use frame_support::pallet_macros::import_section;

#[import_section(config::config)]
#[import_section(preludes::preludes)]
#[import_section(reasons::reasons)]
#[import_section(events::events)]
#[import_section(errors::errors)]
#[import_section(genesis::genesis)]
#[import_section(hooks::hooks)]
#[import_section(calls::calls)]
#[import_section(crate::breakers::storage::breakers_storage)]
#[import_section(crate::caps::storage::caps_storage)]
#[import_section(crate::excess::excess_storage)]
#[import_section(crate::monitors::storage::monitors_storage)]
#[import_section(crate::reports::storage::reports_storage)]
#[import_section(crate::cross_chain::storage::cross_chain_storage)]
#[import_section(crate::responses::storage::engine_storage)]
// The pallet macro's own expansion uses `expect` on values it just built.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use crate::*;
	use crate::{
		caps::Caps, cross_chain::CrossChain, excess::Excess, monitors::Monitoring,
		reports::Reporting, responses::Engine,
	};
	use frame_support::{
		dispatch::GetDispatchInfo,
		pallet_prelude::*,
		traits::{fungible, tokens, IsSubType, IsType, OnUnbalanced},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{Dispatchable, StaticLookup, Zero},
		Perbill,
	};

	/// The storage layout version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(4);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
}
