//! pallet-transaction-payment: fees are exempt from the velocity caps (tips are not).

use crate::{Balance, Balances, Runtime, RuntimeEvent};
use frame_support::{derive_impl, weights::IdentityFee};
use pallet_transaction_payment::FungibleAdapter;

// guide:start transaction-payment
#[derive_impl(pallet_transaction_payment::config_preludes::TestDefaultConfig)]
impl pallet_transaction_payment::Config for Runtime {
	type OnChargeTransaction = pallet_guardian::ExemptFees<FungibleAdapter<Balances, ()>>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
}
// guide:end transaction-payment
