//! [`ExemptFees`]: transaction fees are not outflow for the velocity caps (the tip is), the
//! pool refuses a tip the signer's allowance cannot pay, and the guard work a transaction
//! causes is paid with its fee.

use super::Caps;
use crate::lifecycle::memory;
use codec::Encode;
use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};
use pallet_transaction_payment::{Config as PaymentConfig, OnChargeTransaction, TxCreditHold};
use sp_runtime::{
	traits::{DispatchInfoOf, PostDispatchInfoOf, Saturating},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	FixedPointNumber, SaturatedConversion,
};

/// The fee of `weight` of guard work, at the fee multiplier in force.
fn guard_fee<T: PaymentConfig, Balance: sp_runtime::traits::AtLeast32BitUnsigned>(
	weight: Weight,
) -> Balance {
	if weight == Weight::zero() {
		return Balance::zero();
	}
	let fee: u128 = pallet_transaction_payment::Pallet::<T>::weight_to_fee(weight).saturated_into();
	pallet_transaction_payment::Pallet::<T>::next_fee_multiplier()
		.saturating_mul_int(fee)
		.saturated_into()
}

/// Wraps pallet-transaction-payment's `OnChargeTransaction` so that, while it withdraws a fee,
/// the inclusion fee (the fee without the tip) is exempt from the payer's caps. Use as
/// `type OnChargeTransaction = pallet_guardian::ExemptFees<FungibleAdapter<Balances, ()>>;`.
///
/// Without it fees count as outflow: a capped account whose allowance is used up cannot pay
/// for any transaction until its windows refill.
///
/// **Guard work paid with the fee.** When [`WatchTransaction`](crate::WatchTransaction)
/// reserved guard work for the transaction (its call may debit a guarded account), the fee of
/// that reservation is withdrawn with the transaction's fee (and checked in the pool), and after
/// dispatch the payer keeps paying only the fee of the guard work actually done, at most what it
/// paid. An unguarded transfer reserves nothing and pays exactly the fee wallets show.
///
/// **Honest pool validation.** When the pool checks that a signer can pay
/// (`can_withdraw_fee`), a guarded signer's tip plus the outflow
/// [`CheckVelocity`](crate::CheckVelocity) estimated for its call must fit its remaining
/// allowance, or the transaction is invalid with
/// `InvalidTransaction::Custom(`[`RefusalCodes::cap_exceeded`](crate::RefusalCodes)`)`: a
/// tip the ledger would refuse at inclusion is never accepted into the pool (where it would
/// cost nothing to send).
pub struct ExemptFees<Inner>(PhantomData<Inner>);

impl<T: PaymentConfig, Inner: TxCreditHold<T>> TxCreditHold<T> for ExemptFees<Inner> {
	type Credit = Inner::Credit;
}

impl<T: PaymentConfig + crate::Config, Inner: OnChargeTransaction<T>> OnChargeTransaction<T>
	for ExemptFees<Inner>
{
	type Balance = Inner::Balance;
	type LiquidityInfo = Inner::LiquidityInfo;

	fn withdraw_fee(
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
		dispatch_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		fee_with_tip: Self::Balance,
		tip: Self::Balance,
	) -> Result<Self::LiquidityInfo, TransactionValidityError> {
		let payer = who.encode();
		let surcharge: Self::Balance = guard_fee::<T, _>(memory::take_reservation(&payer));
		let exempt =
			fee_with_tip.saturating_sub(tip).saturating_add(surcharge).saturated_into::<u128>();
		memory::with_fee_exemption(payer, exempt, || {
			Inner::withdraw_fee(
				who,
				call,
				dispatch_info,
				fee_with_tip.saturating_add(surcharge),
				tip,
			)
		})
	}

	fn can_withdraw_fee(
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
		dispatch_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		fee_with_tip: Self::Balance,
		tip: Self::Balance,
	) -> Result<(), TransactionValidityError> {
		let payer = who.encode();
		let outflow = memory::take_outflow(&payer);
		let surcharge: Self::Balance = guard_fee::<T, _>(memory::take_reservation(&payer));
		if Caps::<T>::may_be_guarded(who) {
			let spending = tip.saturated_into::<u128>().saturating_add(outflow);
			let remaining = Caps::<T>::remaining_allowance(who)
				.map(SaturatedConversion::saturated_into::<u128>);
			if remaining.is_some_and(|left| spending > left) {
				return Err(InvalidTransaction::Custom(T::RefusalCodes::get().cap_exceeded).into());
			}
		}
		let exempt =
			fee_with_tip.saturating_sub(tip).saturating_add(surcharge).saturated_into::<u128>();
		memory::with_fee_exemption(payer, exempt, || {
			Inner::can_withdraw_fee(
				who,
				call,
				dispatch_info,
				fee_with_tip.saturating_add(surcharge),
				tip,
			)
		})
	}

	fn correct_and_deposit_fee(
		who: &T::AccountId,
		dispatch_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		post_info: &PostDispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		corrected_fee_with_tip: Self::Balance,
		tip: Self::Balance,
		liquidity_info: Self::LiquidityInfo,
	) -> Result<(), TransactionValidityError> {
		// The fee of the guard work done, on top of the call's (the inner adapter takes at most
		// what was withdrawn).
		let guard: Self::Balance = guard_fee::<T, _>(memory::take_guard_fee(&who.encode()));
		Inner::correct_and_deposit_fee(
			who,
			dispatch_info,
			post_info,
			corrected_fee_with_tip.saturating_add(guard),
			tip,
			liquidity_info,
		)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn endow_account(who: &T::AccountId, amount: Self::Balance) {
		Inner::endow_account(who, amount)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn minimum_balance() -> Self::Balance {
		Inner::minimum_balance()
	}
}
