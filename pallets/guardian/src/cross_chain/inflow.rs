//! Inbound value per origin: an optional rolling-window cap on the native value that one origin
//! (a sibling chain, the relay chain) really brings onto this chain, net of what goes back to
//! it — in the spirit of Snowbridge RFC-0167's net-flow cap and Osmosis' per-channel quotas.
//!
//! ## What counts, and against whom
//!
//! [`CappedInflow`] wraps the native asset transactor and follows, for each message, where the
//! value in its holding came from ([`memory::Provenance`]):
//!
//! * **brought by the origin**: withdrawn from the origin's own account (its sovereign
//!   account), or minted on its word (`mint_asset`: a teleport it made, a reserve it holds),
//!   or in the holding with no withdrawal to explain it (claimed from a trap): counted when it
//!   is deposited (or transferred, `TransferAsset` from the origin's account) to anyone but
//!   the origin;
//! * **already here**: withdrawn from any other account on this chain — a user of the origin's
//!   chain moving their own account here (`DescendOrigin` then `WithdrawAsset`, or
//!   `TransferAsset` from it) brings nothing, and is not counted.
//!
//! A deposit spends the value already here first, then what the origin brought from its
//! account, then what it minted. **What goes back nets**: value already here that reaches an
//! origin capped here — deposited or transferred to its location (`DepositReserveAsset`,
//! `TransferReserveAsset`, a reserve transfer by pallet-xcm), or teleported out to it
//! (`check_out`) — is taken off its window ([`crate::rolling_window::WindowUsage::net`]), so
//! one user sending value in and straight back out does not exhaust the origin's cap for
//! everyone. The window then counts, for any `period` blocks, at least what the origin
//! brought minus what went back to it.
//!
//! ## Above the cap: held, never lost
//!
//! The deposit lands in full (refusing it would trap the assets in the executor's holding)
//! and the part beyond the window's allowance is put on hold on the beneficiary
//! ([`HoldReason::Excess`](crate::HoldReason::Excess)), attributed to where it came from:
//!
//! * what came from the origin's account is recorded in [`ExcessHolds`](crate::ExcessHolds)
//!   as from that account: governance may return it there ([`Call::return_excess`]);
//! * what was minted is recorded in [`MintedExcessHolds`](crate::MintedExcessHolds) by
//!   origin: governance may burn it ([`Call::burn_excess`]) — the answer to a compromised
//!   chain's mint, which returning to its sovereign account would only hand to the attacker.
//!
//! The excess is minted value first (the allowance goes to value the origin's account backs).
//! For `ExcessHoldPeriod` blocks only governance may release it; after that anyone may
//! ([`Call::release_excess`], [`Call::release_minted_excess`]). [`Event::InboundBeyondCap`]
//! reports it. (Queueing instead was rejected: the value of a message is only known when it
//! executes, and holding back an origin's queue for a whole window would hold its alerts
//! back too.)
//!
//! The origin is the queue's: [`super::PausableProcessor`] notes the location a message came
//! from (in memory, for the span of its processing), so a `ClearOrigin` or `DescendOrigin`
//! inside the message cannot hide where the value came from.
//!
//! ## Who pays
//!
//! The message. [`InflowWeigher`] wraps the chain's XCM weigher and adds
//! [`CrossChain::inflow_operation_weight`] (two reads and writes of the caps, one hold and its
//! two records) for each instruction that deposits, transfers or teleports out; the
//! transactor gives back what an operation did not use as surplus, which the executor
//! refunds (`RefundSurplus`) and returns to the message queue's budget — never more than the
//! message was charged. Local execution (pallet-xcm's extrinsics) pays the full charge.
//!
//! Wiring: wrap the native `FungibleAdapter` in [`CappedInflow`], with the same matcher and
//! location converter, and the weigher in [`InflowWeigher`].

use super::{CrossChain, Location};
use crate::{
	excess::Excess,
	lifecycle::memory::{self, Provenance},
	Config, Error, Event, ExcessHold, HoldReason, InboundCapOf, InboundCaps, Limit,
	MintedExcessHolds, Pallet, WeightInfo, WindowSpecOf,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{
	ensure,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision},
		Get,
	},
	weights::Weight,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult, SaturatedConversion,
};
use xcm::latest::{Asset, Error as XcmError, Instruction, InstructionError, Xcm, XcmContext};
use xcm_executor::{
	traits::{ConvertLocation, MatchesFungible, TransactAsset, WeightBounds},
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

	/// Take `amount` of value that went back to `origin` off its window (nothing if it is not
	/// capped). Returns whether the cap was written.
	fn net_inflow(origin: &Location, amount: T::Balance) -> bool {
		if amount.is_zero() {
			return false;
		}
		let Some(mut cap) = InboundCaps::<T>::get(origin) else { return false };
		let period: u64 = cap.spec.period.saturated_into();
		let now: u64 = frame_system::Pallet::<T>::block_number().saturated_into();
		cap.usage.net(period, now, amount);
		InboundCaps::<T>::insert(origin, cap);
		true
	}

	/// Hold what went beyond `origin`'s cap on `on`: `from_account` of it came from the
	/// origin's account `from` (returnable there), `minted` was minted on its word (to burn).
	/// What cannot be held (the beneficiary must keep its existential deposit free) stays free
	/// and is reported.
	fn hold_inbound_excess(
		origin: Location,
		from: Option<T::AccountId>,
		on: Option<T::AccountId>,
		from_account: T::Balance,
		minted: T::Balance,
	) {
		let mut held = T::Balance::zero();
		if let Some(on) = on {
			if let Some(from) = from {
				let amount = from_account.min(Excess::<T>::holdable(&on));
				if Excess::<T>::hold(&from, &on, amount) {
					held = amount;
				}
			}
			let amount = minted.min(Excess::<T>::holdable(&on));
			if !amount.is_zero() && Excess::<T>::place(&on, amount) {
				held = held.saturating_add(amount);
				let until = frame_system::Pallet::<T>::block_number()
					.saturating_add(T::ExcessHoldPeriod::get());
				MintedExcessHolds::<T>::mutate(&on, &origin, |record| {
					let record = record.get_or_insert(ExcessHold { amount: Zero::zero(), until });
					record.amount = record.amount.saturating_add(amount);
					record.until = until;
				});
			}
		}
		let excess = from_account.saturating_add(minted);
		Pallet::<T>::deposit_event(Event::InboundBeyondCap { origin, excess, minted, held });
	}

	/// The most one inflow operation (a deposit, a transfer, a teleport out) costs beyond the
	/// transactor it wraps: the caps of the origin and of the destination read and written,
	/// and a hold of the excess with its two records (`return_excess` moves one hold between
	/// two accounts and removes a record: an upper bound). [`InflowWeigher`] charges it per
	/// instruction that may make one.
	pub fn inflow_operation_weight() -> Weight {
		T::WeightInfo::return_excess()
			.saturating_add(T::DbWeight::get().reads_writes(2, 4))
			.saturating_add(Weight::from_parts(0, Self::location_record_proof().saturating_mul(2)))
	}

	/// The proof of one record keyed by a location (a cap, a minted excess hold).
	fn location_record_proof() -> u64 {
		(Location::max_encoded_len() as u64)
			.saturating_add(InboundCapOf::<T>::max_encoded_len() as u64)
	}

	/// What a minted excess hold record adds to the proof of its account-keyed twin (whose
	/// benchmarks, `return_excess` and `release_excess`, bound the calls on it).
	pub(crate) fn minted_record_proof() -> Weight {
		Weight::from_parts(0, Location::max_encoded_len() as u64)
	}

	/// Logic for [`Pallet::burn_excess`]: burn the value minted by `origin` and held on `on`.
	pub(crate) fn do_burn_excess(on: T::AccountId, origin: Location) -> DispatchResult {
		let record = MintedExcessHolds::<T>::get(&on, &origin).ok_or(Error::<T>::NoExcessHold)?;
		let burned = memory::own_operation(|| {
			T::Currency::burn_held(
				&HoldReason::Excess.into(),
				&on,
				record.amount,
				Precision::BestEffort,
				Fortitude::Force,
			)
		})?;
		MintedExcessHolds::<T>::remove(&on, &origin);
		Pallet::<T>::deposit_event(Event::ExcessBurned { origin, on, amount: burned });
		Ok(())
	}

	/// Logic for [`Pallet::release_minted_excess`]: release the value minted by `origin` and
	/// held on `on` to `on`, by governance at any time or by anyone once the hold period is
	/// over (`by_governance`).
	pub(crate) fn do_release_minted(
		on: T::AccountId,
		origin: Location,
		by_governance: bool,
	) -> DispatchResult {
		let record = MintedExcessHolds::<T>::get(&on, &origin).ok_or(Error::<T>::NoExcessHold)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(by_governance || now >= record.until, Error::<T>::ExcessHoldNotDue);
		let released = memory::own_operation(|| {
			T::Currency::release(
				&HoldReason::Excess.into(),
				&on,
				record.amount,
				Precision::BestEffort,
			)
		})?;
		MintedExcessHolds::<T>::remove(&on, &origin);
		Pallet::<T>::deposit_event(Event::MintedExcessReleased { origin, on, amount: released });
		Ok(())
	}
}

/// The XCM weigher wrapper that charges the message for the inflow accounting: `Inner`'s
/// weight plus [`CrossChain::inflow_operation_weight`] for each instruction that may deposit,
/// transfer or teleport out (nested ones included). What an operation does not use is given
/// back as surplus by [`CappedInflow`] (see the module docs).
pub struct InflowWeigher<T, Inner>(PhantomData<(T, Inner)>);

impl<T: Config, Inner: WeightBounds<Call>, Call> WeightBounds<Call> for InflowWeigher<T, Inner> {
	fn weight(message: &mut Xcm<Call>, weight_limit: Weight) -> Result<Weight, InstructionError> {
		let inner = Inner::weight(message, weight_limit)?;
		let extra = CrossChain::<T>::inflow_operation_weight()
			.saturating_mul(inflow_operations(message).into());
		let total = inner.saturating_add(extra);
		if total.any_gt(weight_limit) {
			let index = message.0.len().saturating_sub(1).try_into().unwrap_or(u8::MAX);
			return Err(InstructionError { index, error: XcmError::WeightLimitReached(total) });
		}
		memory::note_inflow_charged(extra);
		Ok(total)
	}

	fn instr_weight(instruction: &mut Instruction<Call>) -> Result<Weight, XcmError> {
		let inner = Inner::instr_weight(instruction)?;
		let operations = inflow_operations_of(instruction);
		Ok(inner.saturating_add(
			CrossChain::<T>::inflow_operation_weight().saturating_mul(operations.into()),
		))
	}
}

/// How many instructions of `message` (nested ones included) may make an inflow operation.
fn inflow_operations<Call>(message: &Xcm<Call>) -> u32 {
	message
		.0
		.iter()
		.fold(0u32, |n, instruction| n.saturating_add(inflow_operations_of(instruction)))
}

fn inflow_operations_of<Call>(instruction: &Instruction<Call>) -> u32 {
	use Instruction::*;
	match instruction {
		SetErrorHandler(inner) | SetAppendix(inner) | ExecuteWithOrigin { xcm: inner, .. } => {
			inflow_operations(inner)
		}
		DepositAsset { .. }
		| DepositReserveAsset { .. }
		| TransferAsset { .. }
		| TransferReserveAsset { .. }
		| InitiateTeleport { .. }
		| InitiateTransfer { .. } => 1,
		_ => 0,
	}
}

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
			memory::note_held(Provenance::Minted, amount.saturated_into());
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
		memory::note_held(provenance, amount.saturated_into());
	}

	/// `amount` of the holding was deposited to `who`. Returns the weight used.
	fn arrived(amount: T::Balance, who: &Location) -> Weight {
		let origin = Self::origin();
		if amount.is_zero() {
			return Weight::zero();
		}
		if Self::is_origin(origin.as_ref(), who) {
			// Back to the origin: what it brought returns, what was already here nets.
			let ([_, _, local], _) = memory::take_held(
				amount.saturated_into(),
				[Provenance::OriginAccount, Provenance::Minted, Provenance::Local],
			);
			return Self::net(origin.as_ref(), local.saturated_into());
		}
		let ([local, from_account, minted], unexplained) = memory::take_held(
			amount.saturated_into(),
			[Provenance::Local, Provenance::OriginAccount, Provenance::Minted],
		);
		let mut used = Self::net(Some(who), local.saturated_into());
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
		let order = if to_origin {
			[Provenance::OriginAccount, Provenance::Minted, Provenance::Local]
		} else {
			[Provenance::Local, Provenance::OriginAccount, Provenance::Minted]
		};
		let (taken, _) = memory::take_held(amount.saturated_into(), order);
		let local = if to_origin { taken[2] } else { taken[0] };
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
