//! The oracle monitor: pallet-oracle's **combined** value observed whenever a member submits,
//! and consumers kept away from a feed while it is flagged.
//!
//! * [`OracleMonitor`]`<T, Provider>` is pallet-oracle's `OnNewData`. pallet-oracle stores the
//!   combined value (its median of the fresh submissions) before it calls `OnNewData`, so on
//!   every submission for key `k` the monitor reads the combined value through `Provider`
//!   ([`FreshOracleValue`]) — the value consumers read — and, while it is fresh, observes it
//!   as [`Source::Feed`]`(k)`, judged by its monitor (typically [`crate::Rule::Jump`] with
//!   `stale_after`). The member's own raw value is never judged, and an old combined value the
//!   oracle keeps serving (fewer than `MinimumCount` fresh submissions) is not observed: one
//!   member cannot keep an abandoned feed alive.
//! * [`GuardedFeed`] wraps the oracle's `DataProvider` for consumers: while feed `k` is
//!   flagged (the combined value jumped, or no value for `stale_after` blocks) it returns
//!   `None`, so a lending or DEX pallet reading prices through it fails closed instead of
//!   pricing against a value the guardian distrusts. A flag lasts the playbook's duration, or
//!   until governance resets it; a fresh accepted value ends a staleness flag at once.
//! * **Judged before it is used.** Values submitted inside a transaction are judged once, after
//!   its dispatch. Within that transaction, before the judgement, [`GuardedFeed`] judges the
//!   waiting value itself, on a copy of the monitor's state: a value the monitor would flag is
//!   never served (`None`), so a `batch_all` that feeds a doubled price and then borrows
//!   against it borrows against nothing; a value the monitor would accept is served as the
//!   oracle combined it. Nothing is written by the read.
//!
//! **Why the combined value.** Judging each member's submission let one member of five flag
//! the feed (a submission at twice the price hid the feed from consumers although the median
//! never moved) and poison the jump reference (a value submitted after `within` quiet blocks
//! became the reference, after which honest values were "jumps"). Judged on the combined
//! value, a member moves the monitor only as far as it moves the median: with pallet-oracle's
//! median over `n` fresh submissions, at least half of them (`⌈n/2⌉`) must move together.
//! The runtime should set pallet-oracle's `MinimumCount` (the fewest fresh submissions for a
//! combined value) to a majority of its members (the template: 3 of the 5 council members);
//! with `MinimumCount = 1` the first member to submit *is* the combined value.
//!
//! Cost: one read of the combined value, one read and one write of the feed's monitor per
//! submitted value (deferred to the end of the transaction and judged once, net, however
//! many values it submitted; plus the staleness watch when `stale_after` is set), charged to
//! the block as extra weight (`feed_values` is free for members and its weight does not
//! include its `OnNewData`). Reading through [`GuardedFeed`] costs one read of the feed's
//! monitor.

use super::Monitoring;
use crate::{Config, Source};
use core::marker::PhantomData;
use frame_support::{
	dispatch::DispatchClass,
	traits::{Get, Time},
};
use pallet_oracle::{DataProvider, OnNewData};
use sp_runtime::traits::Saturating;

/// The value consumers read for a feed, and whether it is fresh: what [`OracleMonitor`]
/// observes.
pub trait CombinedFeed<Key, Value> {
	/// The combined value of `key`, if there is one, and whether it was combined from fresh
	/// submissions (`false` for a value the oracle only keeps serving).
	fn combined(key: &Key) -> Option<(Value, bool)>;
}

/// pallet-oracle's combined value, fresh while the submission it was taken from is younger
/// than `ExpiresIn` — give it the same lifetime as the oracle's `DefaultCombineData`.
///
/// With fewer than `MinimumCount` fresh submissions, `DefaultCombineData` keeps serving the
/// previous combined value. Observed as if it were new, one member's submission alone would
/// then keep a feed the others abandoned looking alive (and lift its staleness response);
/// observed only while fresh, the feed goes stale `stale_after` blocks after the lifetime of
/// its last majority-backed value.
pub struct FreshOracleValue<Oracle, ExpiresIn, I = ()>(PhantomData<(Oracle, ExpiresIn, I)>);

impl<Oracle, ExpiresIn, I> CombinedFeed<Oracle::OracleKey, Oracle::OracleValue>
	for FreshOracleValue<Oracle, ExpiresIn, I>
where
	Oracle: pallet_oracle::Config<I>,
	ExpiresIn: Get<<<Oracle as pallet_oracle::Config<I>>::Time as Time>::Moment>,
	I: 'static,
{
	fn combined(key: &Oracle::OracleKey) -> Option<(Oracle::OracleValue, bool)> {
		let stamped = pallet_oracle::Pallet::<Oracle, I>::get(key)?;
		let now = <Oracle as pallet_oracle::Config<I>>::Time::now();
		Some((stamped.value, stamped.timestamp.saturating_add(ExpiresIn::get()) > now))
	}
}

/// pallet-oracle's `OnNewData`: observe the combined value `Provider` gives for the submitted
/// key, while it is fresh (see the module docs).
pub struct OracleMonitor<T, Provider>(PhantomData<(T, Provider)>);

impl<T, Provider, AccountId, Key, Value> OnNewData<AccountId, Key, Value>
	for OracleMonitor<T, Provider>
where
	T: Config,
	Provider: CombinedFeed<Key, Value>,
	Key: Clone + Into<u32>,
	Value: Into<u128>,
{
	fn on_new_data(_who: &AccountId, key: &Key, _value: &Value) {
		let read = T::DbWeight::get().reads(1);
		let weight = match Provider::combined(key) {
			Some((combined, true)) => read.saturating_add(Monitoring::<T>::observe(
				Source::Feed(key.clone().into()),
				combined.into(),
			)),
			_ => read,
		};
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
		let source = Source::Feed(key.clone().into());
		if Monitoring::<T>::flagged(source) || Monitoring::<T>::would_flag_pending(source) {
			return None;
		}
		Provider::get(key)
	}
}

impl<T: Config> Monitoring<T> {
	/// Whether feed `key` is flagged now: [`crate::GuardedFeed`] then gives consumers nothing.
	pub fn feed_flagged(key: u32) -> bool {
		Self::flagged(Source::Feed(key))
	}
}
