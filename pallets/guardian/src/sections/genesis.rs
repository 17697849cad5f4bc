//! The guardian's genesis: pauses, guarded accounts, the global cap and monitors from the start.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod genesis {
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Targets paused from genesis (by governance), each for the given number of blocks.
		pub paused: alloc::vec::Vec<(PauseTargetInput, BlockNumberFor<T>)>,
		/// Accounts under a cap policy from genesis (a treasury, a bridge's account).
		pub guarded: alloc::vec::Vec<(T::AccountId, PolicyInputOf<T>)>,
		/// The global cap from genesis.
		pub global_cap: Option<PolicyInputOf<T>>,
		/// Monitors from genesis.
		pub monitors: alloc::vec::Vec<(Source, MonitorInputOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use {caps::Caps, monitors::Monitoring, responses::Engine};
			let forever = <BlockNumberFor<T> as sp_runtime::traits::Bounded>::max_value();
			for (target, duration) in &self.paused {
				Engine::<T>::pause(Contributor::Governance, target, *duration, forever)
					.unwrap_or_else(|e| panic!("genesis pause {target:?} refused: {e:?}"));
			}
			for (who, policy) in &self.guarded {
				let free = Caps::<T>::free_of(who);
				let policy = Caps::<T>::build_policy(policy, false, None, free)
					.unwrap_or_else(|e| panic!("genesis policy of {who:?} is invalid: {e:?}"));
				assert!(!Guards::<T>::contains_key(who), "genesis guards {who:?} twice");
				Caps::<T>::store_guard(
					who,
					AccountGuard { policy: Some(policy), own: None, beyond_cap: 0 },
				)
				.unwrap_or_else(|e| panic!("genesis cannot guard {who:?}: {e:?}"));
			}
			if let Some(cap) = &self.global_cap {
				let cap = Caps::<T>::build_policy(cap, true, None, Zero::zero())
					.unwrap_or_else(|e| panic!("genesis global cap is invalid: {e:?}"));
				GlobalCap::<T>::put(cap);
			}
			for (source, input) in &self.monitors {
				let monitor = Monitoring::<T>::build_monitor(*source, input)
					.unwrap_or_else(|e| panic!("genesis monitor of {source:?} is invalid: {e:?}"));
				assert!(!Monitors::<T>::contains_key(source), "genesis sets {source:?} twice");
				Monitoring::<T>::store_monitor(*source, monitor)
					.unwrap_or_else(|e| panic!("genesis monitor of {source:?} refused: {e:?}"));
			}
		}
	}
}
