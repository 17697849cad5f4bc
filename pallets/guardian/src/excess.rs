//! Excess held on a recipient: value that reached an account beyond what its source was allowed
//! to send, held there ([`HoldReason::Excess`]) for governance to return — never lost, never
//! minted. Shared by the velocity caps (an outflow the ledger let through because value had been
//! credited in anticipation, [`crate::caps::excess`]) and the inbound caps of the cross-chain
//! capability (a deposit beyond an origin's cap, [`crate::cross_chain::inflow`]).
//!
//! Each hold is recorded in [`ExcessHolds`] with the account it came from. For
//! [`Config::ExcessHoldPeriod`] blocks governance ([`Config::ConfigureOrigin`]) may return it
//! to that account ([`Pallet::return_excess`]); governance may release it early and, once the
//! period is over, anyone may ([`Pallet::release_excess`]). A hold only moves value within the
//! holder's account; returning it is a transfer of held value.

use crate::{lifecycle::memory, Config, Error, Event, ExcessHold, ExcessHolds, HoldReason, Pallet};
use core::marker::PhantomData;
use frame_support::{
	ensure,
	pallet_macros::pallet_section,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		Get,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult,
};

#[cfg(doc)]
use crate::Pallet as _;

/// Excess held on recipients: the shared mechanism (see the module docs).
pub struct Excess<T>(PhantomData<T>);

#[pallet_section]
mod excess_storage {
	/// Excess held on an account (first key) from another account (second key), and until
	/// when only governance may release it (see [`crate::excess`]).
	#[pallet::storage]
	pub type ExcessHolds<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		ExcessHold<T::Balance, BlockNumberFor<T>>,
	>;
}

impl<T: Config> Excess<T> {
	/// How much of `on`'s balance could be held now (it keeps its existential deposit free).
	pub(crate) fn holdable(on: &T::AccountId) -> T::Balance {
		T::Currency::reducible_balance(on, Preservation::Protect, Fortitude::Force)
	}

	/// Hold `amount` on `on` as excess from `from` for [`Config::ExcessHoldPeriod`] blocks,
	/// adding to what is already held from `from`. Returns whether it was held.
	pub(crate) fn hold(from: &T::AccountId, on: &T::AccountId, amount: T::Balance) -> bool {
		if amount.is_zero() || from == on || !Self::place(on, amount) {
			return false;
		}
		let until = ExcessHolds::<T>::mutate(on, from, |record| Self::add_to(record, amount));
		Pallet::<T>::deposit_event(Event::ExcessHeld {
			from: from.clone(),
			on: on.clone(),
			amount,
			until,
		});
		true
	}

	/// Add `amount` to the excess hold `record` (created if there is none): only governance may
	/// release it for [`Config::ExcessHoldPeriod`] blocks from now. Returns that end. Serves the
	/// records of holds from accounts and of minted value alike.
	pub(crate) fn add_to(
		record: &mut Option<ExcessHold<T::Balance, BlockNumberFor<T>>>,
		amount: T::Balance,
	) -> BlockNumberFor<T> {
		let until =
			frame_system::Pallet::<T>::block_number().saturating_add(T::ExcessHoldPeriod::get());
		let record = record.get_or_insert(ExcessHold { amount: Zero::zero(), until });
		record.amount = record.amount.saturating_add(amount);
		record.until = until;
		until
	}

	/// Release what `record` holds on `on` to `on`, by governance at any time or by anyone once
	/// the record's hold period is over (`by_governance`). Returns what was released; the
	/// caller removes the record.
	pub(crate) fn release_record(
		on: &T::AccountId,
		record: &ExcessHold<T::Balance, BlockNumberFor<T>>,
		by_governance: bool,
	) -> Result<T::Balance, sp_runtime::DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(by_governance || now >= record.until, Error::<T>::ExcessHoldNotDue);
		memory::own_operation(|| {
			T::Currency::release(
				&HoldReason::Excess.into(),
				on,
				record.amount,
				Precision::BestEffort,
			)
		})
	}

	/// Put `amount` of `on`'s balance on hold as excess (the record is the caller's). Returns
	/// whether it was held.
	pub(crate) fn place(on: &T::AccountId, amount: T::Balance) -> bool {
		let held =
			memory::own_operation(|| T::Currency::hold(&HoldReason::Excess.into(), on, amount));
		if let Err(error) = held {
			log::warn!(target: crate::LOG_TARGET, "excess not held on {on:?}: {error:?}");
			return false;
		}
		true
	}

	/// Logic for [`Pallet::return_excess`]: move the excess held on `on` back to `from`.
	pub(crate) fn do_return(on: T::AccountId, from: T::AccountId) -> DispatchResult {
		let record = ExcessHolds::<T>::get(&on, &from).ok_or(Error::<T>::NoExcessHold)?;
		let moved = memory::own_operation(|| {
			T::Currency::transfer_on_hold(
				&HoldReason::Excess.into(),
				&on,
				&from,
				record.amount,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			)
		})?;
		ExcessHolds::<T>::remove(&on, &from);
		Pallet::<T>::deposit_event(Event::ExcessReturned { from, on, amount: moved });
		Ok(())
	}

	/// Logic for [`Pallet::release_excess`]: release the excess held on `on` to `on`, by
	/// governance at any time or by anyone once the hold period is over (`by_governance`).
	pub(crate) fn do_release(
		on: T::AccountId,
		from: T::AccountId,
		by_governance: bool,
	) -> DispatchResult {
		let record = ExcessHolds::<T>::get(&on, &from).ok_or(Error::<T>::NoExcessHold)?;
		let released = Self::release_record(&on, &record, by_governance)?;
		ExcessHolds::<T>::remove(&on, &from);
		Pallet::<T>::deposit_event(Event::ExcessReleased { from, on, amount: released });
		Ok(())
	}
}
