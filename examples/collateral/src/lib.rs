//! # pallet-collateral: an example consumer of the guardian
//!
//! A minimal collateral controller, real enough to show the three ways a DeFi pallet plugs
//! into pallet-guardian:
//!
//! * **Prices through the guard.** `Prices` is pallet-oracle read through
//!   [`pallet_guardian::GuardedFeed`]: while the guardian has flagged the feed (a manipulated
//!   or stale price) there is no price, and opening a position fails with
//!   [`Error::PriceUnavailable`] instead of valuing collateral at a distrusted price.
//! * **Margins from the risk level** ([`pallet_guardian::RiskLevelProvider`]): a position needs
//!   collateral worth `BaseRatio` of its debt at `Normal`, `ElevatedRatio` at `Elevated`, and
//!   none can be opened at `Critical` ([`Error::RiskTooHigh`]).
//! * **A metric for the guardian** ([`pallet_guardian::MetricSink`]): after every change, and
//!   at the start of every block, the pallet reports the book's collateral ratio (collateral
//!   value over debt, in per mille) as metric `MetricId`, so governance can put a monitor on
//!   it without guardian code. The ratio moves with the price as well as with the positions:
//!   reported only when a position changes, a price's slow drift would reach the guardian as
//!   one step when someone next opens or closes, and be judged as a sudden move.
//!
//! Collateral is reserved from the owner's balance; debt is a number in the price's quote
//! unit (the example lends nothing out). Each account has at most one position; totals are
//! kept in storage, so no call iterates.

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use frame_support::{
		pallet_prelude::*,
		traits::{Currency, ReservableCurrency},
	};
	use frame_system::pallet_prelude::*;
	use pallet_guardian::{MetricSink, RiskLevel, RiskLevelProvider};
	use pallet_oracle::DataProvider;
	use sp_runtime::{traits::Zero, SaturatedConversion, Saturating};

	/// The balance of the collateral currency.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Currency<<T as frame_system::Config>::AccountId>>::Balance;

	/// One account's position.
	#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
	pub struct Position<Balance> {
		/// The collateral reserved.
		pub collateral: Balance,
		/// The debt, in the price's quote unit.
		pub debt: u128,
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The collateral currency.
		type Currency: ReservableCurrency<Self::AccountId>;
		/// The collateral's price in quote units per `PriceUnit` of collateral.
		type Prices: DataProvider<u32, u128>;
		/// The oracle key of the collateral's price.
		#[pallet::constant]
		type PriceKey: Get<u32>;
		/// How much collateral one price quotes.
		#[pallet::constant]
		type PriceUnit: Get<u128>;
		/// The chain's risk level.
		type Risk: RiskLevelProvider;
		/// Where the collateral ratio is reported.
		type Metrics: MetricSink;
		/// The metric id of the collateral ratio.
		#[pallet::constant]
		type MetricId: Get<u32>;
		/// Collateral value over debt required at `Normal`, in percent (e.g. 150).
		#[pallet::constant]
		type BaseRatio: Get<u32>;
		/// Required at `Elevated`, in percent (e.g. 200).
		#[pallet::constant]
		type ElevatedRatio: Get<u32>;
	}

	/// The positions.
	#[pallet::storage]
	pub type Positions<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Position<BalanceOf<T>>>;

	/// The sum of all positions.
	#[pallet::storage]
	pub type Totals<T: Config> = StorageValue<_, Position<BalanceOf<T>>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` opened a position, at `ratio` percent required by the risk level.
		Opened { who: T::AccountId, collateral: BalanceOf<T>, debt: u128, ratio: u32 },
		/// `who` closed its position.
		Closed { who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account already has a position.
		PositionExists,
		/// The account has no position.
		NoPosition,
		/// No trusted price: the feed has no value, or the guardian flagged it.
		PriceUnavailable,
		/// The collateral is worth less than the risk level requires.
		InsufficientCollateral,
		/// The chain is at `Critical` risk: no new positions.
		RiskTooHigh,
		/// Zero collateral or zero debt.
		ZeroAmount,
	}

	impl<T: Config> Pallet<T> {
		/// The collateral ratio required now, in percent, or `None` at `Critical`.
		pub fn required_ratio() -> Option<u32> {
			match T::Risk::risk_level() {
				RiskLevel::Normal => Some(T::BaseRatio::get()),
				RiskLevel::Elevated => Some(T::ElevatedRatio::get()),
				RiskLevel::Critical => None,
			}
		}

		/// The value of `collateral` at `price`, in quote units.
		fn value_of(collateral: BalanceOf<T>, price: u128) -> u128 {
			let collateral: u128 = collateral.saturated_into();
			collateral.saturating_mul(price) / T::PriceUnit::get().max(1)
		}

		/// Report the book's collateral ratio (per mille) to the guardian, if it can be priced.
		fn report(totals: &Position<BalanceOf<T>>) {
			let Some(price) = T::Prices::get(&T::PriceKey::get()) else { return };
			if totals.debt.is_zero() {
				return;
			}
			let ratio = Self::value_of(totals.collateral, price).saturating_mul(1000) / totals.debt;
			T::Metrics::report(T::MetricId::get(), ratio);
		}

		fn weight() -> Weight {
			// Not benchmarked (an example): its storage accesses (price, position, totals, the
			// reserving account; the risk level is whitelisted), a generous allowance for the
			// arithmetic, and the metric report's benchmarked worst case.
			T::DbWeight::get()
				.reads_writes(4, 3)
				.saturating_add(Weight::from_parts(50_000_000, 4_000))
				.saturating_add(T::Metrics::report_weight())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Report the book's ratio at the price of the block's start (see the crate docs).
		fn on_initialize(_now: BlockNumberFor<T>) -> Weight {
			let totals = Totals::<T>::get();
			if totals.debt.is_zero() {
				return T::DbWeight::get().reads(1);
			}
			Self::report(&totals);
			T::DbWeight::get().reads(2).saturating_add(T::Metrics::report_weight())
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Open a position: reserve `collateral` against `debt`. The collateral must be worth
		/// at least the ratio the risk level requires, at the guarded price.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::weight())]
		pub fn open(origin: OriginFor<T>, collateral: BalanceOf<T>, debt: u128) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!collateral.is_zero() && !debt.is_zero(), Error::<T>::ZeroAmount);
			ensure!(!Positions::<T>::contains_key(&who), Error::<T>::PositionExists);
			let ratio = Self::required_ratio().ok_or(Error::<T>::RiskTooHigh)?;
			let price = T::Prices::get(&T::PriceKey::get()).ok_or(Error::<T>::PriceUnavailable)?;
			let required = debt.saturating_mul(ratio.into()) / 100;
			ensure!(
				Self::value_of(collateral, price) >= required,
				Error::<T>::InsufficientCollateral
			);
			T::Currency::reserve(&who, collateral)?;
			Positions::<T>::insert(&who, Position { collateral, debt });
			let mut totals = Totals::<T>::get();
			totals.collateral = totals.collateral.saturating_add(collateral);
			totals.debt = totals.debt.saturating_add(debt);
			Totals::<T>::put(&totals);
			Self::report(&totals);
			Self::deposit_event(Event::Opened { who, collateral, debt, ratio });
			Ok(())
		}

		/// Close the caller's position: its collateral is released.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::weight())]
		pub fn close(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let position = Positions::<T>::take(&who).ok_or(Error::<T>::NoPosition)?;
			T::Currency::unreserve(&who, position.collateral);
			let mut totals = Totals::<T>::get();
			totals.collateral = totals.collateral.saturating_sub(position.collateral);
			totals.debt = totals.debt.saturating_sub(position.debt);
			Totals::<T>::put(&totals);
			Self::report(&totals);
			Self::deposit_event(Event::Closed { who });
			Ok(())
		}
	}
}
