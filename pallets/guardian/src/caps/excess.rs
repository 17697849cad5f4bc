//! Excess of an outflow the ledger let through because value had been credited in
//! anticipation of it, outside any extrinsic (pallet-treasury's spend period credits its
//! beneficiaries and then settles from the treasury; refusing the settle would mint). See
//! [`LedgerGuard`](super::LedgerGuard).
//!
//! The excess is put on hold on the accounts credited in the same hook window, most recent
//! first, each for at most what it was credited, through the shared [`crate::excess`]
//! mechanism: governance returns it to the guarded account within its hold period, or anyone
//! releases it after. What cannot be held (a credited account that has since spent its funds,
//! or whose holds are full) is reported with the rest of the excess by
//! [`Event::DebitBeyondCap`](crate::Event::DebitBeyondCap).

use super::Caps;
use crate::{excess::Excess, lifecycle::memory, Config, WeightInfo};
use codec::Decode;
use frame_support::weights::Weight;
use sp_runtime::SaturatedConversion;

impl<T: Config> Caps<T> {
	/// Hold up to `excess` (and at most `anticipated`, the value credited in anticipation) on
	/// the hook window's credits, most recent first, recording each hold as coming from
	/// `from`. Returns the weight used.
	pub(crate) fn hold_excess(
		from: &T::AccountId,
		excess: T::Balance,
		anticipated: u128,
	) -> Weight {
		let Some(window) = Self::hook_window_now() else { return Weight::zero() };
		let (credits, _) = memory::hook_credits(window);
		let mut left: u128 = excess.saturated_into::<u128>().min(anticipated);
		let mut weight = Weight::zero();
		for (encoded, credited) in credits {
			if left == 0 {
				break;
			}
			let Ok(on) = T::AccountId::decode(&mut &encoded[..]) else { continue };
			if on == *from {
				continue;
			}
			let holdable: u128 = Excess::<T>::holdable(&on).saturated_into();
			let take = left.min(credited).min(holdable);
			if take == 0 {
				continue;
			}
			weight = weight.saturating_add(T::WeightInfo::return_excess());
			if Excess::<T>::hold(from, &on, take.saturated_into()) {
				left = left.saturating_sub(take);
			}
		}
		weight
	}
}
