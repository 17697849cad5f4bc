//! The asset transactor wrapper that applies the inbound caps ([`super::inflow`]): it follows
//! the native value of each message's holding, counts what the origin brought, nets what goes
//! back to an origin, and holds what goes beyond a cap.

use super::{
	inflow_holding::{Holding, Provenance},
	CrossChain, Location,
};
use crate::{lifecycle::memory, Config, InboundCaps, WeightInfo};
use codec::Decode;
use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion,
};
use xcm::latest::{Asset, Error as XcmError, XcmContext};
use xcm_executor::{
	traits::{ConvertLocation, MatchesFungible, TransactAsset},
	AssetsInHolding,
};

/// The asset transactor wrapper that applies the inbound caps: wrap the chain's native
/// `FungibleAdapter` (`Inner`), with its matcher (`Matcher`) and location converter
/// (`Accounts`). Everything is `Inner`'s; it follows where the native value of a message's
/// holding came from, counts what the origin brought and nets what goes back to an origin,
/// and holds what goes beyond a cap (see the module docs).
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

	/// Teleported out to `dest`: the value leaves this chain.
	fn check_out(dest: &Location, what: &Asset, context: &XcmContext) {
		Inner::check_out(dest, what, context);
		if let Some(amount) = Matcher::matches_fungible(what) {
			Flow::<T, Accounts>::left_for(amount, dest);
		}
	}

	fn deposit_asset(
		what: AssetsInHolding,
		who: &Location,
		context: Option<&XcmContext>,
	) -> Result<(), (AssetsInHolding, XcmError)> {
		Self::deposit_asset_with_surplus(what, who, context).map(|_| ())
	}

	fn deposit_asset_with_surplus(
		what: AssetsInHolding,
		who: &Location,
		context: Option<&XcmContext>,
	) -> Result<Weight, (AssetsInHolding, XcmError)> {
		let amount = what
			.fungible_assets_iter()
			.filter_map(|asset| Matcher::matches_fungible(&asset))
			.fold(T::Balance::zero(), |total, amount| total.saturating_add(amount));
		let surplus = Inner::deposit_asset_with_surplus(what, who, context)?;
		let used = Flow::<T, Accounts>::arrived(amount, who);
		Ok(surplus.saturating_add(Flow::<T, Accounts>::unused(used)))
	}

	fn withdraw_asset(
		what: &Asset,
		who: &Location,
		context: Option<&XcmContext>,
	) -> Result<AssetsInHolding, XcmError> {
		Self::withdraw_asset_with_surplus(what, who, context).map(|(assets, _)| assets)
	}

	fn withdraw_asset_with_surplus(
		what: &Asset,
		who: &Location,
		context: Option<&XcmContext>,
	) -> Result<(AssetsInHolding, Weight), XcmError> {
		let withdrawn = Inner::withdraw_asset_with_surplus(what, who, context)?;
		if let Some(amount) = Matcher::matches_fungible(what) {
			Flow::<T, Accounts>::withdrawn(amount, who);
		}
		Ok(withdrawn)
	}

	fn internal_transfer_asset(
		asset: &Asset,
		from: &Location,
		to: &Location,
		context: &XcmContext,
	) -> Result<Asset, XcmError> {
		Self::internal_transfer_asset_with_surplus(asset, from, to, context).map(|(moved, _)| moved)
	}

	/// A `TransferAsset` moves value between two accounts without the holding: from the
	/// origin's account it is brought in; to an origin capped here it goes back.
	fn internal_transfer_asset_with_surplus(
		asset: &Asset,
		from: &Location,
		to: &Location,
		context: &XcmContext,
	) -> Result<(Asset, Weight), XcmError> {
		let (moved, surplus) =
			Inner::internal_transfer_asset_with_surplus(asset, from, to, context)?;
		let used = match Matcher::matches_fungible(&moved) {
			Some(amount) => Flow::<T, Accounts>::transferred(amount, from, to),
			None => Weight::zero(),
		};
		Ok((moved, surplus.saturating_add(Flow::<T, Accounts>::unused(used))))
	}

	/// Minted on the origin's word (`ReceiveTeleportedAsset`, `ReserveAssetDeposited`).
	fn mint_asset(what: &Asset, context: &XcmContext) -> Result<AssetsInHolding, XcmError> {
		let minted = Inner::mint_asset(what, context)?;
		if let Some(amount) = Matcher::matches_fungible(what) {
			Holding::<T>::note(Provenance::Minted, amount.saturated_into());
		}
		Ok(minted)
	}
}

/// The inflow accounting of [`CappedInflow`]: one function per way value moves.
struct Flow<T, Accounts>(PhantomData<(T, Accounts)>);

impl<T: Config, Accounts: ConvertLocation<T::AccountId>> Flow<T, Accounts> {
	/// The origin of the message being processed, if one is.
	fn origin() -> Option<Location> {
		memory::inbound_origin().and_then(|o| Location::decode(&mut &o[..]).ok())
	}

	/// Whether `who` is `origin` itself (its location, or its account spelled out).
	fn is_origin(origin: Option<&Location>, who: &Location) -> bool {
		let Some(origin) = origin else { return false };
		origin == who
			|| Accounts::convert_location(origin)
				.is_some_and(|account| Accounts::convert_location(who) == Some(account))
	}

	/// `amount` was withdrawn from `who` into the message's holding.
	fn withdrawn(amount: T::Balance, who: &Location) {
		let provenance = if Self::is_origin(Self::origin().as_ref(), who) {
			Provenance::OriginAccount
		} else {
			Provenance::Local
		};
		Holding::<T>::note(provenance, amount.saturated_into());
	}

	/// `amount` of the holding was deposited to `who`. Returns the weight used.
	fn arrived(amount: T::Balance, who: &Location) -> Weight {
		let origin = Self::origin();
		if amount.is_zero() {
			return Weight::zero();
		}
		let notes = if origin.is_some() { Holding::<T>::weight() } else { Weight::zero() };
		if Self::is_origin(origin.as_ref(), who) {
			// Into the origin's own account: what came from it returns; what was minted stays
			// on this chain (counted, and held on that account beyond the cap: moved on by any
			// other path it would escape the count); what was already here nets.
			let ([_, minted, local], unexplained) = Holding::<T>::take(
				amount.saturated_into(),
				[Provenance::OriginAccount, Provenance::Minted, Provenance::Local],
			);
			let mut used = notes.saturating_add(Self::net(origin.as_ref(), local.saturated_into()));
			if let Some(origin) = origin {
				let minted = minted.saturating_add(unexplained);
				used = used.saturating_add(Self::count(
					origin,
					who,
					Zero::zero(),
					minted.saturated_into(),
				));
			}
			return used;
		}
		// What the origin brought goes first: a note left by value that left the holding
		// unseen (a fee, an exchange, a burn) can then only make the count too high, never
		// let brought value pass as value already here.
		let ([from_account, minted, local], unexplained) = Holding::<T>::take(
			amount.saturated_into(),
			[Provenance::OriginAccount, Provenance::Minted, Provenance::Local],
		);
		let mut used = notes.saturating_add(Self::net(Some(who), local.saturated_into()));
		if let Some(origin) = origin {
			let minted = minted.saturating_add(unexplained);
			used = used.saturating_add(Self::count(
				origin,
				who,
				from_account.saturated_into(),
				minted.saturated_into(),
			));
		}
		used
	}

	/// `amount` of the holding was teleported out to `dest`.
	fn left_for(amount: T::Balance, dest: &Location) {
		let origin = Self::origin();
		let to_origin = Self::is_origin(origin.as_ref(), dest);
		// Brought value first, as for a deposit: a stale note nets too little, never too much.
		let ([_, _, local], _) = Holding::<T>::take(
			amount.saturated_into(),
			[Provenance::OriginAccount, Provenance::Minted, Provenance::Local],
		);
		// What the origin brought and sends on to another chain leaves this chain: it is not
		// counted.
		Self::net(if to_origin { origin.as_ref() } else { Some(dest) }, local.saturated_into());
	}

	/// `amount` moved from `from` to `to` directly. Returns the weight used.
	fn transferred(amount: T::Balance, from: &Location, to: &Location) -> Weight {
		let origin = Self::origin();
		let to_origin = Self::is_origin(origin.as_ref(), to);
		if Self::is_origin(origin.as_ref(), from) {
			return match origin {
				Some(origin) if !to_origin => Self::count(origin, to, amount, Zero::zero()),
				_ => Weight::zero(),
			};
		}
		Self::net(if to_origin { origin.as_ref() } else { Some(to) }, amount)
	}

	/// Net `amount` of value already here that reached `to` off `to`'s cap, if `to` is an
	/// origin capped here. Returns the weight used.
	fn net(to: Option<&Location>, amount: T::Balance) -> Weight {
		let Some(to) = to.filter(|to| super::is_message_origin(to)) else { return Weight::zero() };
		if amount.is_zero() {
			return Weight::zero();
		}
		let db = T::DbWeight::get();
		if CrossChain::<T>::net_inflow(to, amount) {
			db.reads_writes(1, 1)
		} else {
			db.reads(1)
		}
	}

	/// Count what `origin` brought (`from_account` from its account, `minted` on its word)
	/// and deposited to `who` against its cap, and hold the excess. Returns the weight used.
	fn count(
		origin: Location,
		who: &Location,
		from_account: T::Balance,
		minted: T::Balance,
	) -> Weight {
		let amount = from_account.saturating_add(minted);
		if amount.is_zero() {
			return Weight::zero();
		}
		let db = T::DbWeight::get();
		if !InboundCaps::<T>::contains_key(&origin) {
			return db.reads(1);
		}
		let excess = CrossChain::<T>::count_inflow(&origin, amount);
		let mut used = db.reads_writes(1, 1);
		if !excess.is_zero() {
			used = used.saturating_add(T::WeightInfo::return_excess()).saturating_add(db.writes(2));
			let minted = excess.min(minted);
			let from_account = excess.saturating_sub(minted);
			let from = Accounts::convert_location(&origin);
			let on = Accounts::convert_location(who);
			CrossChain::<T>::hold_inbound_excess(origin, from, on, from_account, minted);
		}
		used
	}

	/// What an inflow operation that used `used` gives back of its charge: the rest of
	/// [`CrossChain::inflow_operation_weight`], if the message was charged for it (local
	/// execution, weighed outside a message, gets nothing back).
	fn unused(used: Weight) -> Weight {
		let charge = CrossChain::<T>::inflow_operation_weight();
		if memory::take_inflow_charge(charge) {
			charge.saturating_sub(used)
		} else {
			Weight::zero()
		}
	}
}
