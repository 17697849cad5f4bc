//! Inbound value per origin: an optional rolling-window cap on the native value that messages
//! from one origin (a sibling chain, the relay chain) deposit on this chain — minted by a
//! teleport or released from a sovereign account — in the spirit of Snowbridge RFC-0167's
//! net-flow cap and Osmosis' per-channel quotas.
//!
//! ## Above the cap: held, never lost
//!
//! The deposit lands in full (refusing it would trap the assets in the executor's holding)
//! and the part beyond the window's allowance is put on hold on the beneficiary
//! ([`HoldReason::Excess`](crate::HoldReason::Excess)), recorded in
//! [`ExcessHolds`](crate::ExcessHolds) as coming from the origin's sovereign account, exactly
//! as the caps hold value credited in anticipation ([`crate::caps::excess`]). For
//! `ExcessHoldPeriod` blocks governance may return it to the sovereign account
//! ([`Call::return_excess`](crate::Call::return_excess)) — the answer to a compromised chain's
//! mint — or release it; after that, anyone may release it to the beneficiary. Nothing is
//! created or destroyed; [`Event::InboundBeyondCap`] reports
//! it. (Queueing instead was rejected: the value of a message is only known when it executes,
//! and holding back an origin's queue for a whole window would hold its alerts back too.)
//!
//! The origin is the queue's: [`super::PausableProcessor`] notes the location a message came
//! from (in memory, for the span of its processing), so a `ClearOrigin` or `DescendOrigin`
//! inside the message cannot hide where the value came from.
//!
//! Wiring: wrap the native `FungibleAdapter` in [`CappedInflow`], with the same matcher and
//! location converter. Its extra work (one read and one write of [`InboundCaps`], and a hold
//! above the cap) is registered on the block; add it to the chain's `DepositAsset` weight.

use super::{CrossChain, Location};
use crate::{
	excess::Excess, lifecycle::memory, Config, Error, Event, InboundCapOf, InboundCaps, Limit,
	Pallet, WeightInfo, WindowSpecOf,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{dispatch::DispatchClass, ensure, traits::Get};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult, SaturatedConversion,
};
use xcm::latest::{Asset, Error as XcmError, XcmContext};
use xcm_executor::{
	traits::{ConvertLocation, MatchesFungible, TransactAsset},
	AssetsInHolding,
};

/// A cap on the value one origin may bring in: at most `spec.limit` (absolute) in any
/// `spec.period` blocks, and what came in so far.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct InboundCap<BlockNumber, Balance> {
	/// The window.
	pub spec: crate::WindowSpec<BlockNumber, Balance>,
	/// What came in within it.
	pub usage: crate::rolling_window::WindowUsage<Balance>,
}

impl<T: Config> CrossChain<T> {
	/// Logic for [`Pallet::set_inbound_cap`]: cap (or, with `None`, uncap) the native value
	/// `origin` brings in. Replacing a cap keeps what came in.
	pub(crate) fn do_set_inbound_cap(
		origin: Location,
		spec: Option<WindowSpecOf<T>>,
	) -> DispatchResult {
		ensure!(origin != Location::here(), Error::<T>::BadLocation);
		let Some(spec) = spec else {
			ensure!(InboundCaps::<T>::contains_key(&origin), Error::<T>::NoInboundCap);
			InboundCaps::<T>::remove(&origin);
			Pallet::<T>::deposit_event(Event::InboundCapRemoved { origin });
			return Ok(());
		};
		ensure!(!spec.period.is_zero(), Error::<T>::ZeroPeriod);
		let Limit::Absolute(limit) = spec.limit else {
			return Err(Error::<T>::ShareNotAllowed.into());
		};
		ensure!(!limit.is_zero(), Error::<T>::ZeroLimit);
		let usage = match InboundCaps::<T>::get(&origin) {
			Some(existing) => existing.usage,
			None => {
				ensure!(
					InboundCaps::<T>::count() < T::MaxInboundCaps::get(),
					Error::<T>::TooManyInboundCaps
				);
				Default::default()
			}
		};
		InboundCaps::<T>::insert(&origin, InboundCap { spec, usage });
		Pallet::<T>::deposit_event(Event::InboundCapSet { origin, period: spec.period, limit });
		Ok(())
	}

	/// How much more `origin` may bring in now (`None`: it is not capped).
	pub fn inbound_allowance(origin: &Location) -> Option<T::Balance> {
		let cap = InboundCaps::<T>::get(origin)?;
		Some(Self::allowance_of(&cap))
	}

	fn allowance_of(cap: &InboundCapOf<T>) -> T::Balance {
		let Limit::Absolute(limit) = cap.spec.limit else { return Zero::zero() };
		let period: u64 = cap.spec.period.saturated_into();
		let now: u64 = frame_system::Pallet::<T>::block_number().saturated_into();
		limit.saturating_sub(cap.usage.used(period, now))
	}

	/// Count `amount` of native value arriving from `origin` against its cap; returns the part
	/// beyond the allowance (zero when `origin` is not capped).
	pub(crate) fn count_inflow(origin: &Location, amount: T::Balance) -> T::Balance {
		let Some(mut cap) = InboundCaps::<T>::get(origin) else { return Zero::zero() };
		let allowed = Self::allowance_of(&cap).min(amount);
		let period: u64 = cap.spec.period.saturated_into();
		let now: u64 = frame_system::Pallet::<T>::block_number().saturated_into();
		cap.usage.carry(period, now, allowed);
		InboundCaps::<T>::insert(origin, cap);
		amount.saturating_sub(allowed)
	}

	/// Hold `excess` (of a deposit from `origin`) on `on`, recorded as coming from `from` (the
	/// origin's sovereign account), for governance to return or release. What cannot be held
	/// (the beneficiary must keep its existential deposit free) stays free and is reported.
	pub(crate) fn hold_inbound_excess(
		origin: Location,
		from: Option<T::AccountId>,
		on: Option<T::AccountId>,
		excess: T::Balance,
	) {
		let mut held = T::Balance::zero();
		if let (Some(from), Some(on)) = (from, on) {
			let amount = excess.min(Excess::<T>::holdable(&on));
			if Excess::<T>::hold(&from, &on, amount) {
				held = amount;
			}
		}
		Pallet::<T>::deposit_event(Event::InboundBeyondCap { origin, excess, held });
	}
}

/// The asset transactor wrapper that applies the inbound caps: wrap the chain's native
/// `FungibleAdapter` (`Inner`), with its matcher (`Matcher`) and location converter
/// (`Accounts`). Everything is `Inner`'s; a deposit of the native asset made while a message
/// from a capped origin is processed is counted, and what goes beyond the cap is held (see
/// the module docs).
pub struct CappedInflow<T, Inner, Matcher, Accounts>(PhantomData<(T, Inner, Matcher, Accounts)>);

impl<T, Inner, Matcher, Accounts> TransactAsset for CappedInflow<T, Inner, Matcher, Accounts>
where
	T: Config,
	Inner: TransactAsset,
	Matcher: MatchesFungible<T::Balance>,
	Accounts: ConvertLocation<T::AccountId>,
{
	fn can_check_in(origin: &Location, what: &Asset, context: &XcmContext) -> Result<(), XcmError> {
		Inner::can_check_in(origin, what, context)
	}

	fn check_in(origin: &Location, what: &Asset, context: &XcmContext) {
		Inner::check_in(origin, what, context)
	}

	fn can_check_out(dest: &Location, what: &Asset, context: &XcmContext) -> Result<(), XcmError> {
		Inner::can_check_out(dest, what, context)
	}

	fn check_out(dest: &Location, what: &Asset, context: &XcmContext) {
		Inner::check_out(dest, what, context)
	}

	fn deposit_asset(
		what: AssetsInHolding,
		who: &Location,
		context: Option<&XcmContext>,
	) -> Result<(), (AssetsInHolding, XcmError)> {
		let amount = what
			.fungible_assets_iter()
			.filter_map(|asset| Matcher::matches_fungible(&asset))
			.fold(T::Balance::zero(), |total, amount| total.saturating_add(amount));
		Inner::deposit_asset(what, who, context)?;
		count_deposit::<T, Accounts>(amount, who);
		Ok(())
	}

	fn withdraw_asset(
		what: &Asset,
		who: &Location,
		context: Option<&XcmContext>,
	) -> Result<AssetsInHolding, XcmError> {
		Inner::withdraw_asset(what, who, context)
	}

	/// A `TransferAsset` from the origin's account (its sovereign account) releases value
	/// into this chain like a deposit does: counted the same way.
	fn internal_transfer_asset(
		asset: &Asset,
		from: &Location,
		to: &Location,
		context: &XcmContext,
	) -> Result<Asset, XcmError> {
		let moved = Inner::internal_transfer_asset(asset, from, to, context)?;
		if let Some(amount) = Matcher::matches_fungible(&moved) {
			count_deposit::<T, Accounts>(amount, to);
		}
		Ok(moved)
	}

	fn mint_asset(what: &Asset, context: &XcmContext) -> Result<AssetsInHolding, XcmError> {
		Inner::mint_asset(what, context)
	}
}

/// Count a deposit of `amount` of native value to `who`, made while a message is processed,
/// against the cap of the message's origin, and hold what goes beyond it. Registers its
/// weight on the block.
fn count_deposit<T: Config, Accounts: ConvertLocation<T::AccountId>>(
	amount: T::Balance,
	who: &Location,
) {
	let origin = memory::inbound_origin().and_then(|o| Location::decode(&mut &o[..]).ok());
	let Some(origin) = origin else { return };
	if amount.is_zero() {
		return;
	}
	let db = T::DbWeight::get();
	let mut weight = db.reads(1);
	if InboundCaps::<T>::contains_key(&origin) {
		weight = weight.saturating_add(db.writes(1));
		let excess = CrossChain::<T>::count_inflow(&origin, amount);
		if !excess.is_zero() {
			weight = weight.saturating_add(T::WeightInfo::return_excess());
			let from = Accounts::convert_location(&origin);
			let on = Accounts::convert_location(who);
			CrossChain::<T>::hold_inbound_excess(origin, from, on, excess);
		}
	}
	frame_system::Pallet::<T>::register_extra_weight_unchecked(weight, DispatchClass::Mandatory);
}
