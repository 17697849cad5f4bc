//! Attacks on the monitors: round trips within a block, responses to values anyone can move,
//! values reported in failed dispatches, feed-then-use in one transaction, single oracle members,
//! mints hidden behind burns, transfers and fees, and metrics' staleness.

use super::*;

#[test]
fn a_round_trip_within_a_block_is_no_anomaly_but_the_same_one_way_move_is() {
	test(|| {
		set(Source::Metric(1), metric_monitor());
		watch_for(Source::Metric(1), 1000, 10);
		// Open + close pairs: the metric swings by 300 and back, ten times, in one transaction
		// and across transactions of the block. Judged at the block's end: nothing changed.
		in_signed_transaction(1, || {
			for _ in 0..10 {
				<Guardian as MetricSink>::report(1, 700);
				<Guardian as MetricSink>::report(1, 1000);
			}
		});
		in_signed_transaction(1, || <Guardian as MetricSink>::report(1, 700));
		in_signed_transaction(1, || <Guardian as MetricSink>::report(1, 1000));
		end_block();
		assert!(anomalies().is_empty());
		assert_eq!(Guardian::risk_level(), RiskLevel::Normal);
		// Small moves across blocks stay within the threshold of the mean.
		for value in [950, 1000, 920] {
			run_to_block(System::block_number() + 1);
			in_signed_transaction(1, || <Guardian as MetricSink>::report(1, value));
			end_block();
		}
		assert!(anomalies().is_empty());
		// The same swing one way, left standing at the block's end, is a real move: 700 against
		// the mean of the window before it (its buckets span eleven blocks: eight at 1000, then
		// 950, 1000, 920; 988).
		run_to_block(System::block_number() + 1);
		in_signed_transaction(1, || <Guardian as MetricSink>::report(1, 700));
		end_block();
		assert_eq!(anomalies(), vec![(Source::Metric(1), Anomaly::Fall, 288, 100)]);
		assert_eq!(Guardian::risk_level(), RiskLevel::Elevated);
		assert_noop!(transfer(2, 3, 100), paused());
		assert_eq!(PendingObservations::<Test>::iter().count(), 0);
	});
}

#[test]
fn a_response_to_a_value_anyone_can_move_lasts_as_long_as_the_value_stays() {
	test(|| {
		set(
			Source::Metric(1),
			MonitorInput {
				playbook: playbook(vec![balances()], RiskLevel::Critical),
				..metric_monitor()
			},
		);
		watch_for(Source::Metric(1), 1000, 10);
		let moved = System::block_number();
		// The attacker moves the book past the threshold and leaves it there for three block
		// ends: the response is renewed block by block.
		<Guardian as MetricSink>::report(1, 500);
		end_block();
		for block in moved + 1..=moved + 2 {
			run_to_block(block);
			assert_eq!(Guardian::risk_level(), RiskLevel::Critical, "block {block}");
			end_block();
		}
		// It moves the book back during the next block: that block is the response's last.
		run_to_block(moved + 3);
		assert_eq!(Guardian::risk_level(), RiskLevel::Critical);
		<Guardian as MetricSink>::report(1, 1000);
		end_block();
		run_to_block(moved + 4);
		assert_eq!(Guardian::risk_level(), RiskLevel::Normal);
		assert_ok!(transfer(2, 3, 100));
		// Three block ends of a moved book bought it three blocks, not a whole playbook's
		// duration for two fees.
		assert!(guardian_events()
			.iter()
			.all(|e| !matches!(e, Event::ResponseApplied { until, .. } if *until > moved + 4)));
	});
}

#[test]
fn a_jump_and_back_within_a_block_is_no_anomaly() {
	test(|| {
		set(Source::Metric(1), MonitorInput { stale_after: None, ..feed_monitor() });
		watch_for(Source::Metric(1), 1000, 5);
		in_signed_transaction(1, || {
			<Guardian as MetricSink>::report(1, 100);
			<Guardian as MetricSink>::report(1, 1000);
		});
		end_block();
		assert!(anomalies().is_empty());
		run_to_block(System::block_number() + 1);
		in_signed_transaction(1, || <Guardian as MetricSink>::report(1, 100));
		end_block();
		assert_eq!(anomalies(), vec![(Source::Metric(1), Anomaly::Jump, 900, 200)]);
	});
}

#[test]
fn a_value_reported_in_a_failed_dispatch_is_never_judged() {
	test(|| {
		set(Source::Feed(1), MonitorInput { stale_after: None, ..metric_monitor() });
		observe(Source::Feed(1), 1000);
		// The dispatch reported a crash, then failed: the report was rolled back with it.
		in_signed_transaction(1, || then_fail(|| observe(Source::Feed(1), 1)));
		assert!(anomalies().is_empty());
		assert_eq!(Monitors::<Test>::get(Source::Feed(1)).unwrap().state.last, Some((1000, 1)));
		// The same for a metric, judged at the block's end.
		set(Source::Metric(1), metric_monitor());
		<Guardian as MetricSink>::report(1, 1000);
		end_block();
		in_signed_transaction(1, || then_fail(|| <Guardian as MetricSink>::report(1, 1)));
		end_block();
		assert!(anomalies().is_empty());
	});
}

#[test]
fn a_feed_moved_and_used_in_one_transaction_serves_only_what_its_monitor_accepts() {
	test(|| {
		set(Source::Feed(7), MonitorInput { stale_after: None, ..feed_monitor() });
		feed(7, 1000);
		in_signed_transaction(1, || {
			// The price is doubled and read in the same transaction: before the judgement
			// after dispatch, the read judges the waiting value itself and serves nothing.
			feed(7, 2000);
			assert_eq!(guarded_price(7), None);
			// Moved back within bounds, it is served again.
			feed(7, 1100);
			assert_eq!(guarded_price(7), Some(100));
		});
		assert!(anomalies().is_empty());
		in_signed_transaction(1, || {
			feed(7, 2000);
			assert_eq!(guarded_price(7), None);
		});
		// After dispatch the doubled value is judged: flagged, and still served to nobody.
		assert_eq!(anomalies(), vec![(Source::Feed(7), Anomaly::Jump, 900, 220)]);
		assert_eq!(guarded_price(7), None);
	});
}

#[test]
fn one_oracle_member_can_neither_flag_a_feed_nor_move_its_reference() {
	test(|| {
		set(Source::Feed(7), MonitorInput { stale_after: None, ..feed_monitor() });
		feed(7, 1000);
		// One member of five submits twice the price: the median (the combined value) does
		// not move, so nothing is flagged and consumers keep reading.
		submit_to_oracle(7, 2000, Some(1000));
		assert!(anomalies().is_empty());
		assert_eq!(guarded_price(7), Some(100));
		// After `within` quiet blocks the next combined value becomes the reference — the
		// member's raw value cannot: the reference is still the median.
		run_to_block(10);
		submit_to_oracle(7, 2000, Some(1000));
		assert_eq!(Monitors::<Test>::get(Source::Feed(7)).unwrap().state.last, Some((1000, 10)));
		// Honest values are accepted; no combined value yet (too few fresh submissions):
		// nothing observed.
		submit_to_oracle(7, 1010, Some(1010));
		submit_to_oracle(7, 3000, None);
		assert!(anomalies().is_empty());
		assert_eq!(Monitors::<Test>::get(Source::Feed(7)).unwrap().state.last, Some((1010, 10)));
		// When the median itself jumps (a majority moved), it is flagged.
		submit_to_oracle(7, 2000, Some(2000));
		assert_eq!(anomalies(), vec![(Source::Feed(7), Anomaly::Jump, 990, 202)]);
	});
}

#[test]
fn a_mint_hidden_behind_a_rolled_back_burn_is_still_seen_in_the_same_block() {
	test(|| {
		set(Source::Issuance, issuance_monitor());
		// Issuance 8000, threshold 800: the bug mints 900 and burns 900 in a layer that is
		// rolled back (a failing batch_all). Only committed changes count: +900.
		in_signed_transaction(1, || {
			then_fail(|| {
				assert_ok!(<Balances as Mutate<u64>>::burn_from(
					&3,
					900,
					frame_support::traits::tokens::Preservation::Expendable,
					frame_support::traits::tokens::Precision::Exact,
					frame_support::traits::tokens::Fortitude::Polite,
				));
			});
			assert_ok!(<Balances as Mutate<u64>>::mint_into(&2, 900));
		});
		assert_eq!(anomalies(), vec![(Source::Issuance, Anomaly::Rise, 900, 800)]);
		assert_noop!(transfer(2, 3, 100), paused());
	});
}

#[test]
fn a_mint_hidden_behind_a_transfer_out_or_a_fee_is_still_seen_in_the_same_block() {
	test(|| {
		set(Source::Issuance, issuance_monitor());
		// The old hint summed the accounts' balance changes: a fee or any value leaving the
		// ledger's view (withdrawn into an imbalance, paid to the block author after the
		// check) cancelled a mint of the same size. The issuance itself is compared now.
		in_signed_transaction(1, || {
			let fee = <Balances as frame_support::traits::fungible::Balanced<u64>>::withdraw(
				&3,
				900,
				frame_support::traits::tokens::Precision::Exact,
				frame_support::traits::tokens::Preservation::Expendable,
				frame_support::traits::tokens::Fortitude::Polite,
			)
			.expect("funds");
			assert_ok!(<Balances as Mutate<u64>>::mint_into(&2, 900));
			// The fee is paid out to the author: back into an account.
			let _ = <Balances as frame_support::traits::fungible::Balanced<u64>>::resolve(&4, fee);
		});
		assert_eq!(anomalies(), vec![(Source::Issuance, Anomaly::Rise, 900, 800)]);
	});
}

#[test]
fn without_post_transactions_a_held_move_is_still_answered_block_by_block() {
	test(|| {
		set(Source::Metric(1), metric_monitor());
		watch_for(Source::Metric(1), 1000, 10);
		// The runtime wires no `PostTransactions`: block ends are judged at the next block's
		// start, before anything expires there.
		let moved = System::block_number();
		<Guardian as MetricSink>::report(1, 500);
		for block in moved + 1..=moved + 4 {
			run_to_block(block);
			assert_eq!(Guardian::risk_level(), RiskLevel::Elevated, "block {block}");
		}
		<Guardian as MetricSink>::report(1, 1000);
		run_to_block(moved + 6);
		assert_eq!(Guardian::risk_level(), RiskLevel::Normal);
	});
}

#[test]
fn a_fresh_value_ends_a_metrics_staleness_response_and_is_judged() {
	test(|| {
		set(Source::Metric(1), MonitorInput { stale_after: Some(3), ..metric_monitor() });
		watch_for(Source::Metric(1), 1000, 2);
		// Silent: stale.
		run_to_block(System::block_number() + 3);
		let by = Contributor::Monitor(Source::Metric(1));
		assert_eq!(Guardian::response_in_force(by).map(|r| r.anomaly), Some(Anomaly::Stale));
		// A fresh value ends the staleness response at the block's end and is judged there.
		<Guardian as MetricSink>::report(1, 1000);
		end_block();
		assert_eq!(Guardian::response_in_force(by), None);
		assert_eq!(Guardian::risk_level(), RiskLevel::Normal);
		// And the watch goes on: a real fall a window later is answered.
		run_to_block(System::block_number() + 10);
		<Guardian as MetricSink>::report(1, 500);
		end_block();
		assert_eq!(Guardian::response_in_force(by).map(|r| r.anomaly), Some(Anomaly::Fall));
	});
}
