//! The oracle monitor: pallet-oracle's values observed as they are submitted, and consumers
//! kept away from a feed while it is flagged.
//!
//! * [`OracleMonitor`] is pallet-oracle's `OnNewData`: every value a member submits for key
//!   `k` is observed as [`Source::Feed`]`(k)`, judged by its monitor (typically
//!   [`crate::Rule::Jump`] with `stale_after`), and an anomaly runs the playbook before the
//!   submitting call returns.
//! * [`GuardedFeed`] wraps the oracle's `DataProvider` for consumers: while feed `k` is
//!   flagged (a manipulated submission, or no value for `stale_after` blocks) it returns
//!   `None`, so a lending or DEX pallet reading prices through it fails closed instead of
//!   pricing against a value the guardian distrusts. A flag lasts the playbook's duration, or
//!   until governance resets it; a fresh accepted value ends a staleness flag at once.
//!
//! Why keep the value out of consumers rather than only flagging it: the combined value
//! (pallet-oracle's median) may still look fine while one member misbehaves, but an anomaly
//! is evidence of an attack or a broken feed, and the cost of a lending pallet refusing to
//! price for a few blocks is small next to the cost of liquidating against a manipulated
//! price. A runtime that prefers the other trade-off reads the oracle directly.
//!
//! Cost: one read and one write of the feed's monitor per submitted value (plus the staleness
//! watch when `stale_after` is set), charged to the block as extra weight (`feed_values` is
//! free for members and its weight does not include its `OnNewData`). Reading through
//! [`GuardedFeed`] costs one read of the feed's monitor.

use crate::{Config, Monitors, Pallet, Source};
use core::marker::PhantomData;
use frame_support::dispatch::DispatchClass;
use pallet_oracle::{DataProvider, OnNewData};

/// pallet-oracle's `OnNewData`: observe every submitted value (see the module docs).
pub struct OracleMonitor<T>(PhantomData<T>);

impl<T, AccountId, Key, Value> OnNewData<AccountId, Key, Value> for OracleMonitor<T>
where
	T: Config,
	Key: Clone + Into<u32>,
	Value: Clone + Into<u128>,
{
	fn on_new_data(_who: &AccountId, key: &Key, value: &Value) {
		let weight = Pallet::<T>::observe(Source::Feed(key.clone().into()), value.clone().into());
		frame_system::Pallet::<T>::register_extra_weight_unchecked(weight, DispatchClass::Normal);
	}
}

/// A `DataProvider` that hides flagged feeds from consumers (see the module docs).
pub struct GuardedFeed<T, Provider>(PhantomData<(T, Provider)>);

impl<T, Provider, Key, Value> DataProvider<Key, Value> for GuardedFeed<T, Provider>
where
	T: Config,
	Provider: DataProvider<Key, Value>,
	Key: Clone + Into<u32>,
{
	fn get(key: &Key) -> Option<Value> {
		if Pallet::<T>::feed_flagged(key.clone().into()) {
			return None;
		}
		Provider::get(key)
	}
}

impl<T: Config> Pallet<T> {
	/// Whether feed `key` is flagged now: [`crate::GuardedFeed`] then gives consumers nothing.
	pub fn feed_flagged(key: u32) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		Monitors::<T>::get(Source::Feed(key))
			.and_then(|monitor| monitor.state.flag)
			.is_some_and(|flag| now < flag.until)
	}
}
