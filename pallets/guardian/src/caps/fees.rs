//! [`ExemptFees`]: transaction fees are not outflow for the velocity caps (the tip is), and
//! the pool refuses a tip the signer's allowance cannot pay.

use crate::{tx_scope, Pallet, CAP_EXCEEDED_ERROR};
use codec::Encode;
use core::marker::PhantomData;
use pallet_transaction_payment::{Config as PaymentConfig, OnChargeTransaction, TxCreditHold};
use sp_runtime::{
	traits::{DispatchInfoOf, PostDispatchInfoOf, Saturating},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	SaturatedConversion,
};

/// Wraps pallet-transaction-payment's `OnChargeTransaction` so that, while it withdraws a fee,
/// the inclusion fee (the fee without the tip) is exempt from the payer's caps. Use as
/// `type OnChargeTransaction = pallet_guardian::ExemptFees<FungibleAdapter<Balances, ()>>;`.
///
/// Without it fees count as outflow: a capped account whose allowance is used up cannot pay
/// for any transaction until its windows refill.
///
/// **Honest pool validation.** When the pool checks that a signer can pay
/// (`can_withdraw_fee`), a guarded signer's tip plus the outflow
/// [`CheckVelocity`](crate::CheckVelocity) estimated for its call must fit its remaining
/// allowance, or the transaction is invalid with
/// `InvalidTransaction::Custom(`[`CAP_EXCEEDED_ERROR`]`)`: a tip the ledger would refuse at
/// inclusion is never accepted into the pool (where it would cost nothing to send).
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
		let exempt = fee_with_tip.saturating_sub(tip).saturated_into::<u128>();
		tx_scope::with_fee_exemption(who.encode(), exempt, || {
			Inner::withdraw_fee(who, call, dispatch_info, fee_with_tip, tip)
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
		let outflow = tx_scope::take_outflow(&payer);
		if Pallet::<T>::may_be_guarded(who) {
			let spending = tip.saturated_into::<u128>().saturating_add(outflow);
			let remaining = Pallet::<T>::remaining_allowance(who)
				.map(SaturatedConversion::saturated_into::<u128>);
			if remaining.is_some_and(|left| spending > left) {
				return Err(InvalidTransaction::Custom(CAP_EXCEEDED_ERROR).into());
			}
		}
		let exempt = fee_with_tip.saturating_sub(tip).saturated_into::<u128>();
		tx_scope::with_fee_exemption(payer, exempt, || {
			Inner::can_withdraw_fee(who, call, dispatch_info, fee_with_tip, tip)
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
		Inner::correct_and_deposit_fee(
			who,
			dispatch_info,
			post_info,
			corrected_fee_with_tip,
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
