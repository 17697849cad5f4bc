//! The codes of the guardian's pool refusals: what a wallet shows when the pool refuses a
//! transaction as `InvalidTransaction::Custom(code)` ("1010: Invalid Transaction: Custom
//! error: 180" in polkadot.js apps).
//!
//! | refusal | by | default code |
//! |---|---|---|
//! | the call (or one it dispatches at the top level) is paused | [`CheckPaused`](crate::CheckPaused) | [`PAUSED_CALL_ERROR`] (180) |
//! | the signer's transfers, or its tip, exceed what its caps still allow | [`CheckVelocity`](crate::CheckVelocity), [`ExemptFees`](crate::ExemptFees) | [`CAP_EXCEEDED_ERROR`] (181) |
//!
//! `Custom` codes are one byte shared by every extension of a runtime, so the runtime chooses
//! them ([`Config::RefusalCodes`](crate::Config::RefusalCodes), a constant in the metadata):
//! a chain whose own extension already refuses with 180 or 181 moves the guardian's elsewhere.
//! `integrity_test` refuses two equal codes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::GetDefault;
use scale_info::TypeInfo;

/// The default `InvalidTransaction::Custom` code of a transaction whose call is paused.
pub const PAUSED_CALL_ERROR: u8 = 180;

/// The default `InvalidTransaction::Custom` code of a transaction whose transfers (or tip)
/// exceed the signer's remaining allowance.
pub const CAP_EXCEEDED_ERROR: u8 = 181;

/// The `InvalidTransaction::Custom` codes the guardian's extensions refuse with.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct RefusalCodes {
	/// A paused call ([`CheckPaused`](crate::CheckPaused)).
	pub paused_call: u8,
	/// Transfers or a tip beyond the signer's caps ([`CheckVelocity`](crate::CheckVelocity),
	/// [`ExemptFees`](crate::ExemptFees)).
	pub cap_exceeded: u8,
}

impl RefusalCodes {
	/// 180 for a paused call, 181 for a cap.
	pub const DEFAULT: Self =
		Self { paused_call: PAUSED_CALL_ERROR, cap_exceeded: CAP_EXCEEDED_ERROR };

	/// Whether the codes can be told apart.
	pub fn are_distinct(&self) -> bool {
		self.paused_call != self.cap_exceeded
	}
}

impl Default for RefusalCodes {
	fn default() -> Self {
		Self::DEFAULT
	}
}

/// [`RefusalCodes::DEFAULT`] (through its `Default`), for
/// [`Config::RefusalCodes`](crate::Config::RefusalCodes).
pub type DefaultRefusalCodes = GetDefault;
