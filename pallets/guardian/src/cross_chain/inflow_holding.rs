//! Where the native value in an inbound message's holding came from, for the inbound caps
//! ([`super::inflow`]): noted as it enters (a withdrawal, a mint) and taken as it leaves (a
//! deposit, a teleport out). In storage ([`InboundHolding`]), so that an instruction that fails
//! rolls its notes back with what it did; removed when the message ends.

use crate::{lifecycle::memory, Config, InboundHolding};
use codec::MaxEncodedLen;
use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Where value in an inbound message's holding came from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Provenance {
	/// Withdrawn from the account of the message's origin (its sovereign account).
	OriginAccount,
	/// Minted on the origin's word: a teleport it made, a reserve it holds.
	Minted,
	/// Withdrawn from any other account on this chain.
	Local,
}

impl Provenance {
	fn index(self) -> usize {
		match self {
			Self::OriginAccount => 0,
			Self::Minted => 1,
			Self::Local => 2,
		}
	}
}

/// The notes of the holding of the message being processed ([`InboundHolding`]).
pub(crate) struct Holding<T>(PhantomData<T>);

impl<T: Config> Holding<T> {
	/// Note that `amount` of `provenance` entered the holding (nothing outside a message:
	/// there is no holding to follow).
	pub(crate) fn note(provenance: Provenance, amount: u128) {
		if memory::inbound_origin().is_none() || amount == 0 {
			return;
		}
		InboundHolding::<T>::mutate(|held| {
			let held = held.get_or_insert([0; 3]);
			if let Some(slot) = held.get_mut(provenance.index()) {
				*slot = slot.saturating_add(amount);
			}
		});
	}

	/// `amount` left the holding: take it from what was noted, in `order`. Returns how much
	/// of each provenance of `order` it took, and the rest, which no note explains (value
	/// claimed from a trap, or more than was noted). Outside a message all of it is
	/// [`Provenance::Local`]: what a local call moves was already on this chain.
	pub(crate) fn take(amount: u128, order: [Provenance; 3]) -> ([u128; 3], u128) {
		let mut taken = [0u128; 3];
		if memory::inbound_origin().is_none() {
			let local = order.iter().position(|p| *p == Provenance::Local);
			return match local.and_then(|i| taken.get_mut(i)) {
				Some(slot) => {
					*slot = amount;
					(taken, 0)
				}
				None => (taken, amount),
			};
		}
		let mut held = InboundHolding::<T>::get().unwrap_or([0; 3]);
		let mut left = amount;
		for (slot, provenance) in taken.iter_mut().zip(order) {
			if let Some(note) = held.get_mut(provenance.index()) {
				*slot = left.min(*note);
				*note = note.saturating_sub(*slot);
				left = left.saturating_sub(*slot);
			}
		}
		InboundHolding::<T>::put(held);
		(taken, left)
	}

	/// The message ended: its notes go.
	fn forget() {
		InboundHolding::<T>::kill();
	}

	/// What reading and writing the notes costs.
	pub(crate) fn weight() -> Weight {
		T::DbWeight::get()
			.reads_writes(1, 1)
			.saturating_add(Weight::from_parts(0, <[u128; 3]>::max_encoded_len() as u64))
	}
}

/// Forget the notes of the message that just ended (see [`crate::InboundHolding`]).
pub(crate) fn message_ended<T: Config>() {
	Holding::<T>::forget();
}
