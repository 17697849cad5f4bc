//! [`ExemptFees`]: transaction fees are not debits for the velocity caps (the tip is).

use crate::tx_scope;
use codec::Encode;
use core::marker::PhantomData;
use pallet_transaction_payment::{Config as PaymentConfig, OnChargeTransaction, TxCreditHold};
use sp_runtime::{
	traits::{DispatchInfoOf, PostDispatchInfoOf, Saturating},
	transaction_validity::TransactionValidityError,
	SaturatedConversion,
};

/// Wraps pallet-transaction-payment's `OnChargeTransaction` so that, while it withdraws a fee,
/// the inclusion fee (the fee without the tip) is exempt from the payer's caps. Use as
/// `type OnChargeTransaction = pallet_guardian::ExemptFees<FungibleAdapter<Balances, ()>>;`.
///
/// Without it fees count as debits: a capped account whose allowance is used up cannot pay
/// for any transaction until its windows refill.
pub struct ExemptFees<Inner>(PhantomData<Inner>);

impl<T: PaymentConfig, Inner: TxCreditHold<T>> TxCreditHold<T> for ExemptFees<Inner> {
	type Credit = Inner::Credit;
}

impl<T: PaymentConfig, Inner: OnChargeTransaction<T>> OnChargeTransaction<T> for ExemptFees<Inner> {
	type Balance = Inner::Balance;
	type LiquidityInfo = Inner::LiquidityInfo;

	fn withdraw_fee(
		who: &T::AccountId,
		call: &T::RuntimeCall,
		dispatch_info: &DispatchInfoOf<T::RuntimeCall>,
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
		call: &T::RuntimeCall,
		dispatch_info: &DispatchInfoOf<T::RuntimeCall>,
		fee_with_tip: Self::Balance,
		tip: Self::Balance,
	) -> Result<(), TransactionValidityError> {
		Inner::can_withdraw_fee(who, call, dispatch_info, fee_with_tip, tip)
	}

	fn correct_and_deposit_fee(
		who: &T::AccountId,
		dispatch_info: &DispatchInfoOf<T::RuntimeCall>,
		post_info: &PostDispatchInfoOf<T::RuntimeCall>,
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
