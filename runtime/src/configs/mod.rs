//! The configuration of every pallet of the runtime, one file per pallet (the layout of the
//! polkadot-sdk templates).
//!
//! | pallet | file |
//! |---|---|
//! | System (block limits, the guardian as `BaseCallFilter`) | [`system`] |
//! | Timestamp (Aura's slot) | [`timestamp`] |
//! | Aura (block production in turns) | [`aura`] |
//! | Grandpa (finality) | [`grandpa`] |
//! | Balances (the guardian's ledger guard as account store) | [`balances`] |
//! | TransactionPayment (fees exempt from the caps) | [`transaction_payment`] |
//! | Sudo | [`sudo`] |
//! | Utility | [`utility`] |
//! | Proxy ([`ProxyType`]) | [`proxy`] |
//! | Multisig | [`multisig`] |
//! | Council (pallet-collective) | [`council`] |
//! | Guardian | [`guardian`] |
//! | Treasury | [`treasury`] |
//! | Oracle (pallet-oracle) | [`oracle`] |
//! | Collateral (the guardian's example consumer) | `collateral` |
//!
//! [`ProxyType`] is declared here rather than in [`proxy`]: it appears in the runtime's
//! metadata, where clients name it by its path `guardian_runtime::configs::ProxyType`.

pub mod aura;
pub mod balances;
#[cfg(not(feature = "without-guardian"))]
pub mod collateral;
pub mod council;
pub mod grandpa;
#[cfg(not(feature = "without-guardian"))]
pub mod guardian;
pub mod multisig;
pub mod oracle;
pub mod proxy;
pub mod sudo;
pub mod system;
pub mod timestamp;
pub mod transaction_payment;
pub mod treasury;
pub mod utility;

pub use council::CouncilCollective;
pub use system::RuntimeBlockWeights;
pub use treasury::TreasuryAccount;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// What a proxy may do on behalf of its delegator.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Everything.
	#[default]
	Any,
	/// Everything but moving balances.
	NonTransfer,
}
