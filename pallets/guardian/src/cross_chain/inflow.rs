//! Inbound value per origin: an optional rolling-window cap on the native value that one origin
//! (a sibling chain, the relay chain) really brings onto this chain, net of what goes back to
//! it — in the spirit of Snowbridge RFC-0167's net-flow cap and Osmosis' per-channel quotas.
//!
//! ## What counts, and against whom
//!
//! [`CappedInflow`](super::CappedInflow) wraps the native asset transactor and follows, for each message, where the
//! value in its holding came from ([`Provenance`](super::inflow_holding::Provenance), noted in [`crate::InboundHolding`] so that a
//! failing instruction rolls its notes back with what it did):
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
//! A deposit spends what the origin brought from its account first, then what it minted, then
//! the value already here: value that leaves the holding unseen (a fee, an exchange, a burn)
//! leaves its note behind, and this order makes such a note over-count, never let brought
//! value pass as value already here. **What goes back nets**: value already here that reaches an
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
//! ([`HoldReason::Excess`]), attributed to where it came from:
//!
//! * what came from the origin's account is recorded in [`ExcessHolds`](crate::ExcessHolds)
//!   as from that account: governance may return it there ([`Call::return_excess`](crate::Call::return_excess));
//! * what was minted is recorded in [`MintedExcessHolds`] by
//!   origin: governance may burn it ([`Call::burn_excess`](crate::Call::burn_excess)) — the answer to a compromised
//!   chain's mint, which returning to its sovereign account would only hand to the attacker.
//!
//! The excess is minted value first (the allowance goes to value the origin's account backs).
//! For `ExcessHoldPeriod` blocks only governance may release it; after that anyone may
//! ([`Call::release_excess`](crate::Call::release_excess), [`Call::release_minted_excess`](crate::Call::release_minted_excess)). [`Event::InboundBeyondCap`]
//! reports it. (Queueing instead was rejected: the value of a message is only known when it
//! executes, and holding back an origin's queue for a whole window would hold its alerts
//! back too.)
//!
//! The origin is the queue's: [`super::PausableProcessor`] notes the location a message came
//! from (in memory, for the span of its processing), so a `ClearOrigin` or `DescendOrigin`
//! inside the message cannot hide where the value came from.
//!
//! ## What the cap does not see (the runtime's part)
//!
//! * **Value moved by a `Transact` from the origin's account** (`Balances.transfer` with
//!   `OriginKind::SovereignAccount`) does not pass through the transactor. Keep such calls out
//!   of `SafeCallFilter` for sibling origins, or put the sovereign account under a velocity
//!   policy (the ledger caps every debit of it, whatever path).
//! * **Aliasing.** With `UniversalAliases` or a permissive `Aliasers`, a message can act for
//!   another account here (a bridged network's sovereign account): what it withdraws from
//!   there counts as value already here. Cap those accounts with a velocity policy.
//! * **Value trapped and claimed outside a message.** Value an origin mints and leaves in the
//!   holding is trapped; claimed later by a local account (`PolkadotXcm.claim_assets`, with an
//!   `AssetClaimer` hint), it moves outside any message and is not counted. Chains that trust
//!   an origin to teleport should not let claims of its traps run locally (a barrier refusing
//!   `SetHints` from capped origins), until the guardian wraps `DropAssets`.
//! * **Fees** the trader keeps are not counted (they are taken from what the origin brought
//!   when the rest is deposited, so they can only make the count higher).
//! * **A top-up extends a hold.** A new hold on the same account from the same source moves
//!   the record's end (one record per pair); someone sending excess to a victim more often
//!   than `ExcessHoldPeriod` keeps the victim's earlier excess governance-only. Governance
//!   releases it.
//! * **What cannot be held stays free**: the beneficiary's existential deposit, or a hold
//!   its consumer references refuse; [`Event::InboundBeyondCap`]'s `held` says how much was.
//!
//! ## Who pays
//!
//! The message. [`InflowWeigher`](super::InflowWeigher) wraps the chain's XCM weigher and adds
//! [`CrossChain::inflow_operation_weight`] (two reads and writes of the caps, one hold and its
//! two records) for each instruction that deposits, transfers or teleports out; the
//! transactor gives back what an operation did not use as surplus, which the executor
//! refunds (`RefundSurplus`) and returns to the message queue's budget — never more than the
//! message was charged. Local execution (pallet-xcm's extrinsics) pays the full charge.
//!
//! Wiring: wrap the native `FungibleAdapter` in [`CappedInflow`](super::CappedInflow), with the same matcher and
//! location converter, and the weigher in [`InflowWeigher`](super::InflowWeigher).

use super::{inflow_holding::Holding, CrossChain, Location};
use crate::{
	excess::Excess, lifecycle::memory, Config, Error, Event, HoldReason, InboundCapOf, InboundCaps,
	Limit, MintedExcessHolds, Pallet, WeightInfo, WindowSpecOf,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
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
	pub(crate) fn net_inflow(origin: &Location, amount: T::Balance) -> bool {
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
	pub(crate) fn hold_inbound_excess(
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
				MintedExcessHolds::<T>::mutate(&on, &origin, |record| {
					Excess::<T>::add_to(record, amount)
				});
			}
		}
		let excess = from_account.saturating_add(minted);
		Pallet::<T>::deposit_event(Event::InboundBeyondCap { origin, excess, minted, held });
	}

	/// The most one inflow operation (a deposit, a transfer, a teleport out) costs beyond the
	/// transactor it wraps: the holding's notes, the caps of the origin and of the destination
	/// read and written, and a hold of the excess with its two records (`return_excess` moves
	/// one hold between two accounts and removes a record: an upper bound). [`InflowWeigher`](super::InflowWeigher)
	/// charges it per operation an instruction may make.
	pub fn inflow_operation_weight() -> Weight {
		T::WeightInfo::return_excess()
			.saturating_add(Holding::<T>::weight())
			.saturating_add(T::DbWeight::get().reads_writes(2, 4))
			.saturating_add(Weight::from_parts(0, Self::location_record_proof().saturating_mul(2)))
	}

	/// What noting value entering the holding costs (`WithdrawAsset`, `ReceiveTeleportedAsset`,
	/// `ReserveAssetDeposited`), charged by [`InflowWeigher`](super::InflowWeigher) per such instruction, and the
	/// removal of the notes when the message ends (one write, taken by the processor).
	pub fn holding_note_weight() -> Weight {
		Holding::<T>::weight()
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
		let released = Excess::<T>::release_record(&on, &record, by_governance)?;
		MintedExcessHolds::<T>::remove(&on, &origin);
		Pallet::<T>::deposit_event(Event::MintedExcessReleased { origin, on, amount: released });
		Ok(())
	}
}
