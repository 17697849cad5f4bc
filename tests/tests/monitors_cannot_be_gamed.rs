//! The monitors and responses tried as an attacker would, on the real template runtime
//! through signed transactions in `Executive`: no tripping them for the price of a fee (net
//! changes, the oracle's combined value), no hiding from them (committed issuance), no undoing
//! a response by failing one's own transaction, and governance's emergency calls get into a
//! block an attacker has filled.

use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
use guardian_integration_tests::*;
use guardian_runtime::{
	collateral::COLLATERAL_RATIO_METRIC, configs::ProxyType, oracle::NATIVE_PRICE_KEY, BlockNumber,
	Runtime, RuntimeCall, RuntimeEvent, System,
};
use pallet_guardian::{
	Anomaly, Contributor, Event as GuardianEvent, Limit, MonitorInput, PlaybookInput, PolicyInput,
	RiskLevel, Rule, Source, WindowSpec, PAUSED_CALL_ERROR,
};
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	MultiAddress, Perbill,
};

type Guardian = pallet_guardian::Pallet<Runtime>;

/// The price members feed: 2 quote units per UNIT.
const PRICE: u128 = 2_000_000;
/// How long every response of these tests lasts.
const RESPONSE: BlockNumber = 30;

fn set_monitor(source: Source, monitor: MonitorInput<BlockNumber>) {
	assert_eq!(
		sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_monitor {
			source,
			monitor
		})),
		Ok(())
	);
}

fn anomalies() -> Vec<(Source, Anomaly, u128, u128)> {
	anomalies_in(guardian_events())
}

fn anomalies_in(events: Vec<GuardianEvent<Runtime>>) -> Vec<(Source, Anomaly, u128, u128)> {
	events
		.into_iter()
		.filter_map(|e| match e {
			GuardianEvent::AnomalyDetected { source, anomaly, measured, threshold } => {
				Some((source, anomaly, measured, threshold))
			}
			_ => None,
		})
		.collect()
}

fn level() -> RiskLevel {
	Guardian::risk_level_now()
}

fn paused() -> Result<sp_runtime::DispatchOutcome, TransactionValidityError> {
	Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(PAUSED_CALL_ERROR)))
}

fn open(collateral: Balance, debt: u128) -> RuntimeCall {
	RuntimeCall::Collateral(pallet_collateral::Call::open { collateral, debt })
}

fn close() -> RuntimeCall {
	RuntimeCall::Collateral(pallet_collateral::Call::close {})
}

fn batch(calls: Vec<RuntimeCall>) -> RuntimeCall {
	RuntimeCall::Utility(pallet_utility::Call::batch { calls })
}

fn batch_all(calls: Vec<RuntimeCall>) -> RuntimeCall {
	RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
}

/// A call that fails here: nobody made Bob their proxy.
fn failing() -> RuntimeCall {
	RuntimeCall::Proxy(pallet_proxy::Call::remove_proxy {
		delegate: MultiAddress::Id(Keyring::Bob.to_account_id()),
		proxy_type: ProxyType::Any,
		delay: 0,
	})
}

fn failing_error() -> sp_runtime::DispatchError {
	pallet_proxy::Error::<Runtime>::NotFound.into()
}

// ---- 1. anyone can trip a metric monitor: judged net --------------------------------------

/// The collateral book's ratio (per mille): a net fall of more than 10% within 100 blocks
/// makes the chain Critical — the setting that froze every guarded account when a batch of
/// open + close pairs was summed gross.
fn book_monitor() -> MonitorInput<BlockNumber> {
	MonitorInput {
		rule: Some(Rule::Flow {
			period: 100,
			rise: None,
			fall: Some(Limit::ShareOfBalance(Perbill::from_percent(10))),
		}),
		stale_after: None,
		playbook: PlaybookInput {
			pause: vec![],
			pause_inbound: false,
			raise_to: RiskLevel::Critical,
			duration: RESPONSE,
		},
	}
}

/// The book's monitor watches for one window (100 blocks, from the first report after it is
/// set or reset) before it judges: a metric is judged against its time-weighted mean, once the
/// history covers a window. The collateral pallet reports the book at the start of every block
/// (and after every change).
fn watch_a_window() {
	let start = System::block_number();
	let mut seen = Vec::new();
	while System::block_number() <= start + 100 {
		seen.extend(anomalies_in(end_block()));
	}
	assert_eq!(seen, vec![], "nothing judged while watching");
}

/// Bob's position puts the book at 3000 per mille; the monitor is set and has watched it for a
/// window.
fn a_watched_book_at_3000(monitor: MonitorInput<BlockNumber>) -> u128 {
	set_price(PRICE);
	let value = 1_000 * PRICE;
	submit_ok(Keyring::Bob, open(1_000 * UNIT, value / 3));
	set_monitor(Source::Metric(COLLATERAL_RATIO_METRIC), monitor);
	watch_a_window();
	value
}

#[test]
fn a_batch_of_open_and_close_round_trips_trips_nothing_but_the_same_move_one_way_does() {
	on_chain(|| {
		let value = a_watched_book_at_3000(book_monitor());
		// Eve opens at the 150% minimum and closes at once, ten times in one batch: the book
		// swings to 2250 and back every time (25% falls, 250% in all), and ends where it was.
		let round_trip = || vec![open(500 * UNIT, value / 3), close()];
		let calls: Vec<_> = (0..10).flat_map(|_| round_trip()).collect();
		submit_ok(Keyring::Eve, batch(calls));
		assert!(anomalies_in(end_block()).is_empty());
		assert_eq!(level(), RiskLevel::Normal);
		// Nor by the round trip split over two transactions of one block: the value is judged
		// as it stands at the block's end.
		submit_ok(Keyring::Eve, open(500 * UNIT, value / 3));
		assert!(anomalies().is_empty());
		submit_ok(Keyring::Eve, close());
		assert!(anomalies_in(end_block()).is_empty());
		assert_eq!(level(), RiskLevel::Normal);
		// The same move left standing is a real fall of the book: 750 below its mean of 3000,
		// the anomaly at the block's end, and Critical from the next block on.
		submit_ok(Keyring::Eve, open(500 * UNIT, value / 3));
		assert_eq!(
			anomalies_in(end_block()),
			vec![(Source::Metric(COLLATERAL_RATIO_METRIC), Anomaly::Fall, 750, 300)]
		);
		assert_eq!(level(), RiskLevel::Critical);
	});
}

/// The attacker's cost per blocked block: a position that holds the metric beyond its
/// threshold keeps the response one block at a time, for as long as it stays open (up to the
/// playbook's duration), and the next block after the position closes is free.
#[test]
fn a_metric_response_lasts_only_while_the_moved_value_stands() {
	on_chain(|| {
		let value = a_watched_book_at_3000(book_monitor());
		// Eve holds 500 UNIT at the minimum ratio open for 5 blocks.
		submit_ok(Keyring::Eve, open(500 * UNIT, value / 3));
		let opened = System::block_number();
		assert_eq!(anomalies_in(end_block()).len(), 1);
		// Every block the position stands (checked in each, before its end) is blocked.
		let mut blocked: BlockNumber = 0;
		for _ in 0..5 {
			blocked += BlockNumber::from(level() == RiskLevel::Critical);
			end_block();
		}
		submit_ok(Keyring::Eve, close());
		let closed = System::block_number();
		blocked += BlockNumber::from(level() == RiskLevel::Critical);
		// The close's block end finds the value back: the response is not renewed, and the
		// next block is free.
		end_block();
		assert_eq!(level(), RiskLevel::Normal);
		// Blocked: from the block after the open to the block of the close.
		assert_eq!(blocked, closed - opened);
		// The same value left standing after a response ran its course is not answered again
		// until it moves again: the response is bounded by the playbook's duration.
		submit_ok(Keyring::Eve, open(500 * UNIT, value / 3));
		let opened = System::block_number();
		end_block();
		run_to_block(opened + RESPONSE + 2);
		assert_eq!(level(), RiskLevel::Normal);
		let by = Contributor::Monitor(Source::Metric(COLLATERAL_RATIO_METRIC));
		assert_eq!(Guardian::response_in_force(by), None);
	});
}

/// Poisoning the reference: a move held for one block and reverted, so that the honest value
/// looks like the anomaly. Against a time-weighted mean the one block weighs one hundredth:
/// nothing, whether right after governance's reset (the monitor watches a window first) or
/// at any time later.
#[test]
fn a_move_held_for_one_block_cannot_make_the_honest_value_the_anomaly() {
	on_chain(|| {
		let value = a_watched_book_at_3000(book_monitor());
		let spike = || {
			// 11.5% down for one block end (150 UNIT at the minimum ratio), then back.
			submit_ok(Keyring::Eve, open(150 * UNIT, value / 10));
			let mut seen = anomalies_in(end_block());
			submit_ok(Keyring::Eve, close());
			for _ in 0..150 {
				seen.extend(anomalies_in(end_block()));
			}
			seen
		};
		// At any time: the spike itself is a move of 11% for one block (answered, for that
		// block); the honest value after it is nothing.
		let seen = spike();
		assert!(seen.iter().all(|a| a.1 == Anomaly::Fall && a.2 < 400), "{seen:?}");
		assert!(seen.len() <= 1);
		assert_eq!(level(), RiskLevel::Normal);
		// Right after governance's reset: the fresh monitor watches a window first.
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_monitor {
				source: Source::Metric(COLLATERAL_RATIO_METRIC),
				monitor: book_monitor(),
			})),
			Ok(())
		);
		assert_eq!(spike(), vec![]);
		assert_eq!(level(), RiskLevel::Normal);
	});
}

/// A jump rule's reference walked in steps under `max_jump` and then abandoned: against the
/// mean, the honest value is no jump.
#[test]
fn a_reference_walked_in_small_steps_cannot_make_the_honest_value_a_jump() {
	on_chain(|| {
		let jump = MonitorInput {
			rule: Some(Rule::Jump { within: 100, max_jump: Perbill::from_percent(10) }),
			..book_monitor()
		};
		a_watched_book_at_3000(jump);
		// Two steps of about 8% up (collateral with almost no debt), one block each, then
		// both closed: the old reference would have been 17% above the honest book.
		submit_ok(Keyring::Eve, open(83 * UNIT, 1));
		let mut seen = anomalies_in(end_block());
		submit_ok(Keyring::Ferdie, open(100 * UNIT, 1));
		seen.extend(anomalies_in(end_block()));
		submit_ok(Keyring::Eve, close());
		submit_ok(Keyring::Ferdie, close());
		for _ in 0..150 {
			seen.extend(anomalies_in(end_block()));
		}
		// The second step is 18% above the mean for one block (answered, for that block);
		// nothing after the close.
		assert!(seen.len() <= 1, "{seen:?}");
		assert_eq!(level(), RiskLevel::Normal);
	});
}

// ---- 2. one oracle member can flag a feed or poison its reference: the combined value -----

#[test]
fn one_oracle_member_can_neither_flag_the_feed_nor_poison_its_reference() {
	on_chain(|| {
		set_monitor(
			Source::Feed(NATIVE_PRICE_KEY),
			MonitorInput {
				rule: Some(Rule::Jump { within: 10, max_jump: Perbill::from_percent(20) }),
				stale_after: None,
				playbook: PlaybookInput {
					pause: vec![pallet_target("Collateral")],
					pause_inbound: false,
					raise_to: RiskLevel::Elevated,
					duration: RESPONSE,
				},
			},
		);
		set_price(PRICE);
		next_block();
		// Eve, one member of five, submits twice the price: the median does not move.
		feed(Keyring::Eve, PRICE * 2);
		assert!(anomalies().is_empty());
		assert_eq!(guarded_price(), Some(PRICE));
		submit_ok(Keyring::Dave, open(100 * UNIT, 10));
		// She waits out `within` and submits again, to make her value the reference: the
		// reference taken is the median's.
		run_to_block(System::block_number() + 11);
		feed(Keyring::Eve, PRICE * 2);
		let monitor = pallet_guardian::Monitors::<Runtime>::get(Source::Feed(NATIVE_PRICE_KEY));
		assert_eq!(monitor.expect("set").state.last, Some((PRICE, System::block_number())));
		// Honest values keep being accepted and read.
		next_block();
		set_price(PRICE * 101 / 100);
		assert!(anomalies().is_empty());
		assert_eq!(guarded_price(), Some(PRICE * 101 / 100));
		assert_eq!(level(), RiskLevel::Normal);
	});
}

#[test]
fn one_oracle_member_cannot_keep_a_feed_the_others_abandoned_alive() {
	on_chain(|| {
		set_monitor(
			Source::Feed(NATIVE_PRICE_KEY),
			MonitorInput {
				rule: Some(Rule::Jump { within: 10, max_jump: Perbill::from_percent(20) }),
				stale_after: Some(50),
				playbook: PlaybookInput {
					pause: vec![pallet_target("Collateral")],
					pause_inbound: false,
					raise_to: RiskLevel::Elevated,
					duration: RESPONSE,
				},
			},
		);
		set_price(PRICE);
		let start = System::block_number();
		// The majority's values count for the oracle's value lifetime; after it, fewer than
		// `MinimumCount` values are fresh and pallet-oracle keeps serving the old median.
		let lifetime = BlockNumber::try_from(
			guardian_runtime::oracle::OracleValueLifetime::get() / BLOCK_TIME_MS,
		)
		.expect("fits");
		// Eve alone keeps submitting, every 40 blocks (more often than `stale_after`): were
		// the old median observed as new, the feed would never go stale.
		let mut hidden_at = None;
		while hidden_at.is_none() && System::block_number() < start + lifetime + 200 {
			next_block();
			if (System::block_number() - start).is_multiple_of(40) {
				feed(Keyring::Eve, PRICE);
			}
			if guarded_price().is_none() {
				hidden_at = Some(System::block_number());
			}
		}
		let hidden_at = hidden_at.expect("the abandoned feed goes stale");
		// Fresh (majority-backed) for its lifetime, stale `stale_after` blocks later.
		assert!(
			hidden_at > start + lifetime,
			"stale at {hidden_at}, lifetime ends {}",
			start + lifetime
		);
		assert!(hidden_at <= start + lifetime + 50 + 1, "stale only at {hidden_at}");
		let response =
			Guardian::response_in_force(Contributor::Monitor(Source::Feed(NATIVE_PRICE_KEY)));
		assert_eq!(response.map(|r| r.anomaly), Some(Anomaly::Stale));
		assert_eq!(level(), RiskLevel::Elevated);
		// Eve's next submission does not lift the staleness response either.
		next_block();
		feed(Keyring::Eve, PRICE);
		assert_eq!(guarded_price(), None);
		assert_eq!(level(), RiskLevel::Elevated);
	});
}

// ---- 3. same-block mint detection dodged: committed issuance -----------------------------

/// Issuance: more than 1% minted in any 100 blocks pauses Balances and goes Critical.
fn issuance_monitor() -> MonitorInput<BlockNumber> {
	MonitorInput {
		rule: Some(Rule::Flow {
			period: 100,
			rise: Some(Limit::ShareOfBalance(Perbill::from_percent(1))),
			fall: None,
		}),
		stale_after: None,
		playbook: PlaybookInput {
			pause: vec![pallet_target("Balances")],
			pause_inbound: false,
			raise_to: RiskLevel::Critical,
			duration: RESPONSE,
		},
	}
}

/// More than the issuance monitor tolerates: 2% of the issuance.
fn over_threshold() -> Balance {
	pallet_balances::TotalIssuance::<Runtime>::get() / 50
}

/// Root's `force_set_balance` adding `amount` to Ferdie: the stand-in for a minting bug.
fn mint(amount: Balance) -> RuntimeCall {
	sudo(RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
		who: MultiAddress::Id(Keyring::Ferdie.to_account_id()),
		new_free: free(Keyring::Ferdie) + amount,
	}))
}

/// Ferdie moves the minted funds on: refused while the response is in force.
fn ferdie_moves_funds() -> Result<sp_runtime::DispatchOutcome, TransactionValidityError> {
	submit(Keyring::Ferdie, keep_alive(Keyring::Eve, UNIT))
}

#[test]
fn a_mint_wrapped_with_a_rolled_back_burn_is_answered_before_the_next_extrinsic() {
	on_chain(|| {
		set_monitor(Source::Issuance, issuance_monitor());
		next_block();
		let amount = over_threshold();
		// The burn of `amount` inside a batch_all that fails is rolled back; the mint lands.
		// A hint that counted the phantom burn as a fall saw nothing created.
		let burn =
			RuntimeCall::Balances(pallet_balances::Call::burn { value: amount, keep_alive: true });
		let wrapped = RuntimeCall::Utility(pallet_utility::Call::force_batch {
			calls: vec![batch_all(vec![burn, failing()]), mint(amount)],
		});
		submit_ok(Keyring::Alice, wrapped);
		assert_eq!(anomalies().len(), 1);
		assert_eq!(anomalies()[0].0, Source::Issuance);
		assert_eq!(anomalies()[0].2, amount);
		assert_eq!(level(), RiskLevel::Critical);
		assert_eq!(ferdie_moves_funds(), paused());
	});
}

#[test]
fn a_mint_no_larger_than_its_own_tip_is_answered_before_the_next_extrinsic() {
	on_chain(|| {
		set_monitor(Source::Issuance, issuance_monitor());
		next_block();
		let amount = over_threshold();
		// The tip (and fee) leave the signer's balance inside the transaction: a hint summing
		// balance changes saw more fall than rise. The issuance did rise by `amount`.
		let xt = sign_with_tip(Keyring::Alice, mint(amount), amount + UNIT);
		assert_eq!(guardian_runtime::Executive::apply_extrinsic(xt), Ok(Ok(())));
		assert_eq!(anomalies().len(), 1);
		assert_eq!(anomalies()[0].2, amount);
		assert_eq!(ferdie_moves_funds(), paused());
	});
}

#[test]
fn fees_burnt_earlier_in_the_block_cannot_cover_a_mint() {
	on_chain(|| {
		set_monitor(Source::Issuance, issuance_monitor());
		next_block();
		let amount = over_threshold();
		// Bob's tip (burnt with his fee) makes the issuance fall by more than `amount` first;
		// Alice's mint then leaves it below where the block started. Judged against the last
		// observation (the block's start) it was no rise at all; judged from the issuance right
		// before it, and gross, it is a rise of exactly `amount`.
		let start = pallet_balances::TotalIssuance::<Runtime>::get();
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		let tipped = sign_with_tip(Keyring::Bob, remark, amount + UNIT);
		assert_eq!(guardian_runtime::Executive::apply_extrinsic(tipped), Ok(Ok(())));
		assert!(anomalies().is_empty());
		submit_ok(Keyring::Alice, mint(amount));
		assert!(pallet_balances::TotalIssuance::<Runtime>::get() < start);
		assert_eq!(anomalies().len(), 1);
		assert_eq!(anomalies()[0].0, Source::Issuance);
		assert_eq!(anomalies()[0].1, Anomaly::Rise);
		assert_eq!(anomalies()[0].2, amount);
		assert_eq!(level(), RiskLevel::Critical);
		assert_eq!(ferdie_moves_funds(), paused());
	});
}

fn mint_into_ferdie(amount: Balance) {
	assert_eq!(
		<pallet_balances::Pallet<Runtime> as frame_support::traits::fungible::Mutate<
			AccountId,
		>>::mint_into(&Keyring::Ferdie.to_account_id(), amount),
		Ok(amount)
	);
}

/// Bob burns three times `amount` in a signed transaction: a fall, tolerated.
fn bob_burns(amount: Balance) {
	submit_ok(
		Keyring::Bob,
		RuntimeCall::Balances(pallet_balances::Call::burn { value: 3 * amount, keep_alive: true }),
	);
}

/// A hook's mint (`on_finalize`, `on_idle`, an early `on_initialize`) is judged against the
/// issuance right before it, never netted against what the block burnt in its transactions.
#[test]
fn a_hook_mint_cannot_hide_behind_a_burn_earlier_in_the_block() {
	on_chain(|| {
		set_monitor(Source::Issuance, issuance_monitor());
		next_block();
		let amount = over_threshold();
		let start = pallet_balances::TotalIssuance::<Runtime>::get();
		bob_burns(amount);
		assert!(anomalies().is_empty());
		next_block_with(|| mint_into_ferdie(amount));
		assert!(pallet_balances::TotalIssuance::<Runtime>::get() < start);
		let found = anomalies();
		assert_eq!(found.len(), 1, "{found:?}");
		assert_eq!((found[0].0, found[0].1, found[0].2), (Source::Issuance, Anomaly::Rise, amount));
		assert_eq!(level(), RiskLevel::Critical);
		assert_eq!(ferdie_moves_funds(), paused());
	});
}

/// An `on_poll` mint (after the block's inherents, before its transactions) is judged at the
/// next read of the issuance, the first transaction's start, before anything later in the
/// block could cover it.
#[test]
fn an_on_poll_mint_cannot_hide_behind_a_burn_later_in_the_block() {
	on_chain(|| {
		set_monitor(Source::Issuance, issuance_monitor());
		next_block();
		let amount = over_threshold();
		let start = pallet_balances::TotalIssuance::<Runtime>::get();
		after_inherents(|| mint_into_ferdie(amount));
		assert!(pallet_balances::TotalIssuance::<Runtime>::get() > start);
		// Bob's burn would bring the block below where it started: the mint is answered
		// at its start, and the burn, a Balances call, does not even dispatch.
		let burn = RuntimeCall::Balances(pallet_balances::Call::burn {
			value: 3 * amount,
			keep_alive: true,
		});
		assert_eq!(submit_err(Keyring::Bob, burn), call_filtered());
		let found = anomalies();
		assert_eq!(found.len(), 1, "{found:?}");
		assert_eq!((found[0].0, found[0].1, found[0].2), (Source::Issuance, Anomaly::Rise, amount));
		assert_eq!(level(), RiskLevel::Critical);
		assert_eq!(ferdie_moves_funds(), paused());
	});
}

// ---- a consumer acting on a value before the guardian judged it --------------------------

/// Only Charlie's honest value is still fresh (Alice's and Bob's expired), so two members of
/// five move the median: Dave has fed twice the price already (two fresh values, fewer than
/// `MinimumCount`: the combined value stays), and Eve's own feed makes the third.
fn only_one_honest_value_fresh() {
	set_price(PRICE);
	let start = System::block_number();
	let lifetime =
		BlockNumber::try_from(guardian_runtime::oracle::OracleValueLifetime::get() / BLOCK_TIME_MS)
			.expect("fits");
	jump_to_block(start + lifetime / 2);
	feed(Keyring::Charlie, PRICE);
	jump_to_block(start + lifetime + 1);
	feed(Keyring::Dave, 2 * PRICE);
	assert_eq!(guarded_price(), Some(PRICE));
}

#[test]
fn feed_then_use_in_one_transaction_gets_the_judged_price_or_none() {
	on_chain(|| {
		set_monitor(Source::Feed(NATIVE_PRICE_KEY), price_monitor(None, RESPONSE));
		only_one_honest_value_fresh();
		// 100 UNIT against the debt only the doubled price supports at the 150% minimum.
		let debt = 100 * 2 * PRICE * 100 / u128::from(guardian_runtime::collateral::BASE_RATIO);
		// Atomically: the open fails, so the whole batch (and its feed) is undone.
		let before = free(Keyring::Eve);
		let error =
			submit_err(Keyring::Eve, batch_all(vec![feed_call(2 * PRICE), open(100 * UNIT, debt)]));
		assert_ne!(error, call_filtered());
		assert!(
			pallet_collateral::Positions::<Runtime>::get(Keyring::Eve.to_account_id()).is_none()
		);
		assert!(before - free(Keyring::Eve) < UNIT, "only the fee was paid");
		// Not atomically: the feed lands, the open reads the last judged price (or none) and
		// fails; the feed's jump is answered at the transaction's end.
		submit_ok(Keyring::Eve, batch(vec![feed_call(2 * PRICE), open(100 * UNIT, debt)]));
		assert!(
			pallet_collateral::Positions::<Runtime>::get(Keyring::Eve.to_account_id()).is_none()
		);
		assert_eq!(anomalies().len(), 1);
		assert_eq!(anomalies()[0].1, Anomaly::Jump);
		assert_eq!(guarded_price(), None);
		assert_eq!(submit(Keyring::Dave, open(100 * UNIT, 10)), paused());
	});
}

// ---- a staleness playbook that pauses its own feeders -----------------------------------

#[test]
fn a_staleness_playbook_pausing_its_own_feeders_answers_each_silence_once() {
	on_chain(|| {
		let stale_after = 5;
		let pause_the_oracle = MonitorInput {
			playbook: PlaybookInput {
				pause: vec![pallet_target("Oracle")],
				pause_inbound: false,
				raise_to: RiskLevel::Elevated,
				duration: RESPONSE,
			},
			..price_monitor(Some(stale_after), RESPONSE)
		};
		set_monitor(Source::Feed(NATIVE_PRICE_KEY), pause_the_oracle);
		set_price(PRICE);
		let fed = System::block_number();
		// Silent: answered once, which pauses the feeders themselves.
		let mut stale = 0;
		for _ in 0..stale_after + 2 * RESPONSE {
			stale += anomalies_in(end_block()).len();
		}
		assert_eq!(stale, 1, "one silence, one answer");
		assert!(System::block_number() > fed + stale_after + RESPONSE);
		// The pause ran its course: the feeders feed again, and the feed is served.
		assert_eq!(level(), RiskLevel::Normal);
		set_price(PRICE);
		assert_eq!(guarded_price(), Some(PRICE));
		// A new silence is a new answer.
		let mut stale = 0;
		for _ in 0..stale_after + 1 {
			stale += anomalies_in(end_block()).len();
		}
		assert_eq!(stale, 1);
		// Governance's reset re-arms the deadline: the feeders get `stale_after` blocks from
		// the reset, then the silence is answered again.
		assert_eq!(
			sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::reset_response {
				source: Source::Feed(NATIVE_PRICE_KEY)
			})),
			Ok(())
		);
		let mut stale = 0;
		for _ in 0..stale_after + 1 {
			stale += anomalies_in(end_block()).len();
		}
		assert_eq!(stale, 1);
	});
}

// ---- 4. a response inside a failing dispatch was rolled back with it: trips persist -------

/// Ferdie (a bridge) may send 1 000 UNIT per 100 blocks; crossing half of it pauses the
/// Collateral pallet (its policy's response) and makes the chain Elevated (the PolicyOutflow
/// monitor's playbook), for `RESPONSE` blocks.
fn guard(who: AccountId) {
	set_monitor(
		Source::PolicyOutflow,
		MonitorInput {
			rule: None,
			stale_after: None,
			playbook: PlaybookInput {
				pause: vec![],
				pause_inbound: false,
				raise_to: RiskLevel::Elevated,
				duration: RESPONSE,
			},
		},
	);
	let policy = PolicyInput {
		windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(1_000 * UNIT) }],
		high_water: Some(Perbill::from_percent(50)),
		response: Some(PlaybookInput {
			pause: vec![pallet_target("Collateral")],
			pause_inbound: false,
			raise_to: RiskLevel::Normal,
			duration: RESPONSE,
		}),
	};
	assert_eq!(
		sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
			who: MultiAddress::Id(who),
			policy,
		})),
		Ok(())
	);
}

/// The probe: cross the high-water mark, then fail.
fn probe() -> RuntimeCall {
	batch_all(vec![keep_alive(Keyring::Dave, 600 * UNIT), failing()])
}

/// After a failed probe: nothing moved, and the response is in force all the same.
fn assert_the_probe_had_its_consequence(prober: &AccountId, before: Balance) {
	assert!(free_of(prober) > before - UNIT, "only fees were paid");
	assert_eq!(level(), RiskLevel::Elevated);
	assert_eq!(submit(Keyring::Dave, open(100 * UNIT, 10)), paused());
	assert!(guardian_events().iter().any(|e| matches!(
		e,
		GuardianEvent::ResponseApplied { source: Source::PolicyOutflow, .. }
	)));
	// It lasts its full duration.
	run_to_block(System::block_number() + RESPONSE - 1);
	assert_eq!(level(), RiskLevel::Elevated);
}

#[test]
fn a_threshold_probed_inside_a_failing_batch_all_keeps_its_response() {
	on_chain(|| {
		let ferdie = Keyring::Ferdie.to_account_id();
		guard(ferdie.clone());
		let before = free_of(&ferdie);
		assert_eq!(submit_err(Keyring::Ferdie, probe()), failing_error());
		assert_the_probe_had_its_consequence(&ferdie, before);
	});
}

#[test]
fn a_threshold_probed_through_nested_proxies_keeps_its_response() {
	on_chain(|| {
		let add_proxy = |delegate: Keyring| {
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: MultiAddress::Id(delegate.to_account_id()),
				proxy_type: ProxyType::Any,
				delay: 0,
			})
		};
		let proxy = |real: Keyring, call: RuntimeCall| {
			RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: MultiAddress::Id(real.to_account_id()),
				force_proxy_type: None,
				call: Box::new(call),
			})
		};
		// Eve acts for Charlie, who acts for Ferdie.
		submit_ok(Keyring::Ferdie, add_proxy(Keyring::Charlie));
		submit_ok(Keyring::Charlie, add_proxy(Keyring::Eve));
		let ferdie = Keyring::Ferdie.to_account_id();
		guard(ferdie.clone());
		let before = free_of(&ferdie);
		submit_ok(Keyring::Eve, proxy(Keyring::Charlie, proxy(Keyring::Ferdie, probe())));
		assert!(events().contains(&RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted {
			result: Err(failing_error())
		})));
		assert_the_probe_had_its_consequence(&ferdie, before);
	});
}

#[test]
fn a_threshold_probed_by_a_multisig_keeps_its_response() {
	on_chain(|| {
		let multisig = bob_charlie_multisig();
		submit_ok(
			Keyring::Alice,
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: MultiAddress::Id(multisig.clone()),
				value: 10_000 * UNIT,
			}),
		);
		guard(multisig.clone());
		let before = free_of(&multisig);
		assert_eq!(multisig_execute(probe()), Some(Err(failing_error())));
		assert_the_probe_had_its_consequence(&multisig, before);
	});
}

// ---- 7. governance must get in under attack: operational class ---------------------------

#[test]
fn a_pause_gets_into_a_block_whose_normal_space_is_full() {
	on_chain(|| {
		// A spammer has filled the block's normal-class space.
		let limits = <Runtime as frame_system::Config>::BlockWeights::get();
		let normal = limits.get(DispatchClass::Normal).max_total.expect("a normal limit");
		frame_system::BlockWeight::<Runtime>::mutate(|weight| {
			weight.set(normal, DispatchClass::Normal)
		});
		assert_eq!(
			submit(Keyring::Bob, keep_alive(Keyring::Charlie, UNIT)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources))
		);
		// The pause (through sudo, which keeps its call's class) is operational: it gets in.
		let call = sudo(pause(pallet_target("Balances"), 10));
		assert_eq!(call.get_dispatch_info().class, DispatchClass::Operational);
		assert_eq!(submit(Keyring::Alice, call), Ok(Ok(())));
		assert!(!Guardian::call_allowed(&keep_alive(Keyring::Charlie, UNIT)));
		// So do raising the level and resuming.
		let raise = sudo(RuntimeCall::Guardian(pallet_guardian::Call::raise_risk_level {
			level: RiskLevel::Critical,
			duration: 10,
		}));
		assert_eq!(submit(Keyring::Alice, raise), Ok(Ok(())));
		assert_eq!(submit(Keyring::Alice, sudo(resume(pallet_target("Balances")))), Ok(Ok(())));
	});
}

// ---- upgrading a live chain ----------------------------------------------------------------

mod v3 {
	use super::*;
	/// The per-block alert state as versions 2 and 3 stored it.
	#[frame_support::storage_alias]
	pub type Alert = StorageValue<
		Guardian,
		pallet_guardian::migrations::v4::old::AlertState<BlockNumber>,
		frame_support::pallet_prelude::ValueQuery,
	>;
}

#[test]
fn the_v3_migration_keeps_the_level_in_force_as_governances() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	on_chain(|| {
		// A level in force as version 2 stored it: deadlines in the alert state only.
		let now = System::block_number();
		v3::Alert::put(pallet_guardian::migrations::v4::old::AlertState {
			elevated_until: Some(now + 50),
			critical_until: Some(now + 5),
			..Default::default()
		});
		StorageVersion::new(2).put::<Guardian>();
		guardian_runtime::Migrations::on_runtime_upgrade();
		assert_eq!(Guardian::on_chain_storage_version(), 4);
		assert_eq!(
			pallet_guardian::RiskContributions::<Runtime>::iter().collect::<Vec<_>>().len(),
			2
		);
		assert_eq!(level(), RiskLevel::Critical);
		// Each level ends when it did before.
		run_to_block(now + 5);
		assert_eq!(level(), RiskLevel::Elevated);
		run_to_block(now + 50);
		assert_eq!(level(), RiskLevel::Normal);
	});
}
