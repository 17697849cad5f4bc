//! pallet-transaction-payment: weight and length fees one to one, fees exempt from the
//! velocity caps (tips are not).

use crate::{Balance, Balances, Runtime, RuntimeEvent};
use frame_support::{parameter_types, traits::ConstU8, weights::IdentityFee};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::One;

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are exempt from the velocity caps (tips are not).
	#[cfg(not(feature = "without-guardian"))]
	type OnChargeTransaction = pallet_guardian::ExemptFees<FungibleAdapter<Balances, ()>>;
	#[cfg(feature = "without-guardian")]
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = ();
}
