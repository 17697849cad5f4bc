//! Excess held on the recipient: the part of an outflow beyond the allowance that the ledger
//! let through because value had been credited in anticipation of it, outside any extrinsic
//! (pallet-treasury's spend period credits its beneficiaries and then settles from the
//! treasury; refusing the settle would mint). See [`LedgerGuard`](super::LedgerGuard).
//!
//! The excess is put on hold ([`HoldReason::Excess`]) on the accounts credited in the same
//! hook window, most recent first, each for at most what it was credited, and recorded in
//! [`ExcessHolds`] with the guarded account it came from. For
//! [`Config::ExcessHoldPeriod`] blocks governance ([`Config::CapOrigin`]) may return it to that
//! account ([`Pallet::return_excess`]); governance may release it early and, once the period is
//! over, anyone may ([`Pallet::release_excess`]). Nothing is created or destroyed: a hold only
//! moves value within the holder's account.
//!
//! What cannot be held (a credited account that has since spent its funds, or whose holds are
//! full) is reported with the rest of the excess by [`Event::DebitBeyondCap`].

use super::tx_scope;
use crate::{
	Config, Error, Event, ExcessHold, ExcessHolds, HoldReason, Pallet, WeightInfo, LOG_TARGET,
};
use codec::Decode;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		Get,
	},
	weights::Weight,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult, SaturatedConversion,
};

#[cfg(doc)]
use crate::Config as _;

impl<T: Config> Pallet<T> {
	/// Hold up to `excess` (and at most `anticipated`, the value credited in anticipation) on
	/// the hook window's credits, most recent first, recording each hold as coming from
	/// `from`. Returns the weight used.
	pub(crate) fn hold_excess(
		from: &T::AccountId,
		excess: T::Balance,
		anticipated: u128,
	) -> Weight {
		let (credits, _) = tx_scope::hook_credits();
		let mut left: u128 = excess.saturated_into::<u128>().min(anticipated);
		let mut weight = Weight::zero();
		let until =
			frame_system::Pallet::<T>::block_number().saturating_add(T::ExcessHoldPeriod::get());
		for (encoded, credited) in credits {
			if left == 0 {
				break;
			}
			let Ok(on) = T::AccountId::decode(&mut &encoded[..]) else { continue };
			if on == *from {
				continue;
			}
			let holdable: u128 =
				T::Currency::reducible_balance(&on, Preservation::Protect, Fortitude::Force)
					.saturated_into();
			let take = left.min(credited).min(holdable);
			if take == 0 {
				continue;
			}
			let amount: T::Balance = take.saturated_into();
			let held = tx_scope::own_operation(|| {
				T::Currency::hold(&HoldReason::Excess.into(), &on, amount)
			});
			weight = weight.saturating_add(T::WeightInfo::return_excess());
			if let Err(error) = held {
				log::warn!(target: LOG_TARGET, "excess of {from:?} not held on {on:?}: {error:?}");
				continue;
			}
			ExcessHolds::<T>::mutate(&on, from, |record| {
				let record = record.get_or_insert(ExcessHold { amount: Zero::zero(), until });
				record.amount = record.amount.saturating_add(amount);
				record.until = until;
			});
			Self::deposit_event(Event::ExcessHeld { from: from.clone(), on, amount, until });
			left = left.saturating_sub(take);
		}
		weight
	}

	/// Logic for [`Pallet::return_excess`]: move the excess held on `on` back to `from`.
	pub(crate) fn do_return_excess(on: T::AccountId, from: T::AccountId) -> DispatchResult {
		let record = ExcessHolds::<T>::get(&on, &from).ok_or(Error::<T>::NoExcessHold)?;
		let moved = tx_scope::own_operation(|| {
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
		Self::deposit_event(Event::ExcessReturned { from, on, amount: moved });
		Ok(())
	}

	/// Logic for [`Pallet::release_excess`]: release the excess held on `on` to `on`, by
	/// governance at any time or by anyone once the hold period is over (`by_governance`).
	pub(crate) fn do_release_excess(
		on: T::AccountId,
		from: T::AccountId,
		by_governance: bool,
	) -> DispatchResult {
		let record = ExcessHolds::<T>::get(&on, &from).ok_or(Error::<T>::NoExcessHold)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(by_governance || now >= record.until, Error::<T>::ExcessHoldNotDue);
		let released = tx_scope::own_operation(|| {
			T::Currency::release(
				&HoldReason::Excess.into(),
				&on,
				record.amount,
				Precision::BestEffort,
			)
		})?;
		ExcessHolds::<T>::remove(&on, &from);
		Self::deposit_event(Event::ExcessReleased { from, on, amount: released });
		Ok(())
	}
}
