//! [`LedgerGuard`]: the velocity caps enforced where balances are stored, so that no path
//! escapes them, and without the guardian ever turning a refusal into a mint.
//!
//! pallet-balances keeps every account's `AccountData` through its `AccountStore`, a
//! [`StoredMap`]. `LedgerGuard<Runtime, System>` is that store with the guardian in front:
//! every read and every change of every balance, whatever caused it (a transfer call, a batch,
//! a proxy, a multisig, the scheduler, another pallet's `fungible` or `Currency` call, an XCM
//! asset transactor), passes through it.
//!
//! # The design: the cap speaks through pallet-balances' own liquidity rules
//!
//! A guard that *refuses* a debit inside the ledger is turned against the chain by any caller
//! that does not expect the refusal: pallet-treasury's `spend_local` credits the beneficiary
//! first and then `settle`s from the treasury, dropping the error, so a refused settle mints
//! (the beneficiary is paid, the treasury keeps its funds); `Currency::slash` gives up on a
//! refused write, so a cap would dodge slashes. The guardian therefore never refuses in the
//! ledger. Instead:
//!
//! 1. **Reads show the cap.** [`LedgerGuard::get`] presents a guarded account's `frozen`
//!    balance as at least `free + reserved − allowance` (the allowance at the risk level in
//!    force, plus any inclusion fee being withdrawn). pallet-balances applies `frozen` in every
//!    *polite* path before it changes anything: transfers, `transfer_all`, withdrawals and
//!    `settle`, burns, `transfer_on_hold` and `repatriate_reserved` (frozen applies to the
//!    total, so held funds are capped too), `reserve` and fee payment. Such a debit beyond the
//!    allowance is refused by pallet-balances' own check (`Token(Frozen)`,
//!    `LiquidityRestrictions`), with nothing moved — exactly as for any locked account, which
//!    every caller must already handle. No caller can be surprised half-way.
//! 2. **Forced paths land.** Slashes and anything else with slash power (`Currency::slash`,
//!    `slash_reserved`, `Fortitude::Force` withdrawals, burns and held transfers, root's
//!    `force_set_balance`) ignore freezes by pallet-balances' design, so **slashes always
//!    succeed**, whatever the cap or the risk level. The ledger counts what they take like any
//!    other outflow; what goes beyond the allowance is reported
//!    ([`Event::DebitBeyondCap`](crate::Event::DebitBeyondCap)).
//! 3. **Value credited in anticipation is held, not minted.** The one case the reads cannot
//!    cover is a pallet that credits first and debits after, in runtime code outside any
//!    extrinsic (pallet-treasury's spend period runs in `on_initialize`): refusing its debit
//!    would mint. When a guarded account is read there while value credited outside any
//!    transaction is still unbacked by a debit (see [`crate::lifecycle::memory`]), the read
//!    does not show the cap, the debit lands, and **the part beyond the allowance is put on
//!    hold on the accounts just credited** ([`excess`](super::excess)), most recent first, for
//!    [`Config::ExcessHoldPeriod`] blocks, during which
//!    governance returns it to the guarded account; after that anyone may release it to its
//!    holder. Extrinsics never get this exception: inside one, a credit an attacker can make
//!    would otherwise lift the cap.
//!
//! Conservation follows: the ledger never refuses, so nothing it does can leave an operation
//! half-done; pallet-balances refuses polite debits before they touch anything; the excess
//! holds move no value out of any account. After every block, total issuance equals the sum
//! of all accounts' free and reserved balances (checked by the template runtime's tests).
//!
//! # What counts as outflow
//!
//! Every decrease of an account's **total** (free plus reserved) is outflow: transfers,
//! withdrawals, burns, slashes, a reaped account's dust, and reserved or held funds moved to
//! another account. Moving funds between free and reserved within the account (`reserve`,
//! `unreserve`, `release`) is not. pallet-balances performs a new `fungible` hold as two writes
//! (a forced withdrawal of free balance, then the hold), so a new hold counts as outflow when
//! it is made; its funds count again if they later leave the account. Conservative on purpose:
//! held value never leaves uncounted. **Transaction fees** are exempt ([`crate::ExemptFees`]):
//! bounded by the block's limits and paid to the chain, and a cap that blocked them would lock
//! a capped account out of every transaction. The **tip** is not exempt.
//!
//! # How the ledger knows an account is guarded, for free
//!
//! Every guarded account carries a one-planck freeze of the guardian's
//! ([`FreezeReason::Guarded`](crate::FreezeReason::Guarded)). An account whose `frozen` is zero
//! — almost every account — is therefore certainly unguarded, and the ledger learns that from
//! the data pallet-balances already read: **no extra host call, read or write**. Only accounts
//! with some freeze or lock consult the guard index (one partial read of a whitelisted key),
//! and only guarded ones read [`crate::Guards`]. The marker also keeps a guarded account from
//! being reaped (a freeze holds a consumer reference), so no guard outlives its account.
//!
//! # The ledger stores only pallet-balances' truth
//!
//! The cap is only ever *shown*. A read that shows it tags the account it returns; a write of
//! a tagged account (pallet-balances copies reads when it changes a hold) gets the stored
//! `frozen` back before it is stored ([`liquidity`] has the details). So for
//! every account, at every moment, the stored `frozen` is what its locks and freezes make it,
//! whoever wrote it — the guardian's own holds and releases included, however many of them one
//! transaction makes. [`LedgerTruth`] checks it in `try_state`.
//!
//! # Cost
//!
//! * Unguarded account without freezes or locks: **nothing** (no host call) on reads and
//!   writes.
//! * Unguarded account with a freeze or lock: one partial read of the guard index (8 bytes of
//!   a key `on_initialize` reads, whitelisted) per read or debit.
//! * Guarded account: one read of [`crate::Guards`] (and of [`crate::GlobalCap`] for a
//!   governance policy) per read; a debit also writes them. Charged to the transaction that
//!   causes it as guard work (reserved once its signer is known, settled to what the ledger
//!   did: [`super::edges`]); work no extension could foresee (a hook, another pallet) is added
//!   to the block.

use super::{liquidity, Caps};
use crate::lifecycle::memory;
use crate::Config;
use core::marker::PhantomData;
use frame_support::traits::StoredMap;
use pallet_balances::AccountData;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto, Zero},
	DispatchError,
};

/// The outflow a change of `before` into `after` makes: the decrease of the account's total
/// (free plus reserved), zero if the total did not fall (see the module docs).
pub fn debit_of<Balance: Copy + Saturating + Zero + Ord>(
	before: Option<&AccountData<Balance>>,
	after: Option<&AccountData<Balance>>,
) -> Balance {
	let total = |data: Option<&AccountData<Balance>>| {
		data.map_or_else(Zero::zero, |d| d.free.saturating_add(d.reserved))
	};
	total(before).saturating_sub(total(after))
}

/// Free plus reserved, as the issuance counts it.
fn total_of<Balance: Copy + Saturating + UniqueSaturatedInto<u128>>(
	data: Option<&AccountData<Balance>>,
) -> u128 {
	data.map_or(0, |d| d.free.saturating_add(d.reserved).unique_saturated_into())
}

/// The guarded account store. Use as pallet-balances' `AccountStore`:
/// `type AccountStore = pallet_guardian::LedgerGuard<Runtime, System>;`.
pub struct LedgerGuard<T, Inner>(PhantomData<(T, Inner)>);

impl<T, Inner> StoredMap<T::AccountId, AccountData<T::Balance>> for LedgerGuard<T, Inner>
where
	T: Config,
	Inner: StoredMap<T::AccountId, AccountData<T::Balance>>,
{
	/// The account as stored, with a guarded account's cap shown as frozen balance (see the
	/// module docs). Nothing is read beyond the account for an account without freezes.
	fn get(who: &T::AccountId) -> AccountData<T::Balance> {
		let data = Inner::get(who);
		if data.frozen.is_zero() {
			return data;
		}
		Caps::<T>::with_cap_shown(who, data)
	}

	fn try_mutate_exists<R, E: From<DispatchError>>(
		who: &T::AccountId,
		f: impl FnOnce(&mut Option<AccountData<T::Balance>>) -> Result<R, E>,
	) -> Result<R, E> {
		let mut outflow = None;
		let result = Inner::try_mutate_exists(who, |account| -> Result<R, E> {
			let before = account.clone();
			let result = f(account)?;
			if let Some(after) = account.as_mut().filter(|a| liquidity::is_shown(&a.flags)) {
				// A copy of a read that showed the cap: what is stored is the account's own
				// `frozen`, never the cap (see `liquidity`).
				liquidity::untag(&mut after.flags);
				after.frozen = before.as_ref().map_or_else(Zero::zero, |b| b.frozen);
			}
			let (total_before, total_after) =
				(total_of(before.as_ref()), total_of(account.as_ref()));
			memory::note_total(who, total_before, total_after, Caps::<T>::hook_window_now);
			// Only an account with a freeze can be guarded (the guardian's marker).
			if let Some(before) = before.as_ref().filter(|b| !b.frozen.is_zero()) {
				let debit = debit_of(Some(before), account.as_ref());
				if !debit.is_zero() {
					outflow = Some((debit, before.free));
				}
			}
			Ok(result)
		})?;
		if let Some((debit, free)) = outflow {
			if Caps::<T>::may_be_guarded(who) {
				Caps::<T>::record_outflow(who, debit, free);
			}
		}
		Ok(result)
	}
}

/// The stored `frozen` of every account is what its locks and freezes make it (the guard
/// marker included): the guard never stores what it only shows. Implemented for
/// pallet-balances (whose accounts frame-system stores, the standard set-up); checked by the
/// guardian's `try_state` through [`Config::Currency`].
pub trait LedgerTruth {
	/// Every account whose stored `frozen` is not the largest of its locks and freezes.
	fn untrue_frozen() -> alloc::vec::Vec<alloc::vec::Vec<u8>>;
}

impl<R, I> LedgerTruth for pallet_balances::Pallet<R, I>
where
	R: pallet_balances::Config<I>,
	I: 'static,
{
	fn untrue_frozen() -> alloc::vec::Vec<alloc::vec::Vec<u8>> {
		use codec::{Decode, Encode};
		type Stored<R, I> = frame_system::AccountInfo<
			<R as frame_system::Config>::Nonce,
			AccountData<<R as pallet_balances::Config<I>>::Balance>,
		>;
		frame_system::Account::<R>::iter_keys()
			.filter(|who| {
				// The account as stored, not as read through the guard.
				let raw = sp_io::storage::get(&frame_system::Account::<R>::hashed_key_for(who));
				let Some(stored) = raw.and_then(|raw| Stored::<R, I>::decode(&mut &raw[..]).ok())
				else {
					return false;
				};
				let locks = pallet_balances::Locks::<R, I>::get(who);
				let freezes = pallet_balances::Freezes::<R, I>::get(who);
				let truth = locks
					.iter()
					.map(|lock| lock.amount)
					.chain(freezes.iter().map(|freeze| freeze.amount))
					.max()
					.unwrap_or_else(Zero::zero);
				stored.data.frozen != truth || liquidity::is_shown(&stored.data.flags)
			})
			.map(|who| who.encode())
			.collect()
	}
}
