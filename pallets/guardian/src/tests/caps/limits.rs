//! Own limits (delay, both limits apply), share limits fixed per window, the global cap and
//! the high-water response.

use super::*;

// ---- own limits ---------------------------------------------------------------------------

#[test]
fn own_limits_tighten_at_once_and_loosen_after_the_delay() {
	test(|| {
		let me = RuntimeOrigin::signed(1);
		assert_ok!(Guardian::limit_own_outflow(me.clone(), vec![abs(10, 100)]));
		assert_eq!(guardian_events().last(), Some(&Event::OwnLimitSet { who: 1 }));
		assert_ok!(send(1, 2, 80));
		// Tightening: in force at once, usage carried over.
		assert_ok!(Guardian::limit_own_outflow(me.clone(), vec![abs(20, 90)]));
		assert_noop!(send(1, 2, 11), capped());
		assert_ok!(send(1, 2, 10));

		// Loosening: only announced.
		assert_ok!(Guardian::limit_own_outflow(me.clone(), vec![abs(20, 1000)]));
		let effective_at = 1 + OWN_LIMIT_DELAY;
		assert_eq!(
			guardian_events().last(),
			Some(&Event::OwnLimitAnnounced { who: 1, effective_at, removal: false })
		);
		assert_noop!(send(1, 2, 1), capped());
		assert_noop!(Guardian::enact_own_limit(me.clone()), Error::<Test>::AnnouncementNotDue);
		run_to_block(effective_at);
		assert_ok!(Guardian::enact_own_limit(me.clone()));
		assert_eq!(
			guardian_events().last(),
			Some(&Event::OwnLimitEnacted { who: 1, removed: false })
		);
		assert_ok!(send(1, 2, 500));

		// Removal: announced, cancellable.
		assert_ok!(Guardian::remove_own_limit(me.clone()));
		assert_ok!(Guardian::cancel_own_announcement(me.clone()));
		assert_eq!(
			guardian_events().last(),
			Some(&Event::OwnLimitAnnouncementCancelled { who: 1 })
		);
		assert_noop!(Guardian::cancel_own_announcement(me.clone()), Error::<Test>::NoAnnouncement);
		assert_noop!(Guardian::enact_own_limit(me.clone()), Error::<Test>::NoAnnouncement);
		assert_ok!(Guardian::remove_own_limit(me.clone()));
		run_to_block(effective_at + OWN_LIMIT_DELAY);
		assert_ok!(Guardian::enact_own_limit(me.clone()));
		assert_eq!(Guards::<Test>::get(1), None);
		assert_eq!(OwnLimitAnnouncements::<Test>::get(1), None);
		assert_noop!(Guardian::remove_own_limit(me.clone()), Error::<Test>::NoOwnLimit);
		assert_noop!(Guardian::limit_own_outflow(me, vec![abs(0, 1)]), Error::<Test>::ZeroPeriod);
		assert_noop!(
			Guardian::limit_own_outflow(RuntimeOrigin::root(), vec![abs(10, 1)]),
			BadOrigin
		);
	});
}

#[test]
fn an_own_limit_and_a_policy_both_apply() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		assert_ok!(Guardian::limit_own_outflow(RuntimeOrigin::signed(1), vec![abs(10, 30)]));
		assert_noop!(send(1, 2, 31), capped());
		assert_ok!(send(1, 2, 30));
		assert_eq!(Guardian::remaining_allowance(&1), Some(0), "the own limit is the tighter one");
	});
}

// ---- share limits -------------------------------------------------------------------------

#[test]
fn a_share_limit_is_fixed_when_its_window_starts() {
	test(|| {
		guard(1, vec![share(10, 10)]);
		assert_ok!(send(1, 2, 50));
		// A mint into the account does not raise this window's quota (10% of 1000).
		assert_ok!(<Balances as Mutate<u64>>::mint_into(&1, 1_000_000));
		assert_ok!(send(1, 2, 50));
		assert_noop!(send(1, 2, 1), capped());
		// The next window takes the new balance as its basis.
		run_to_block(11);
		assert_ok!(send(1, 2, 10_000));
	});
}

#[test]
fn re_submitting_a_share_limit_never_re_bases_it_mid_window() {
	test(|| {
		let me = RuntimeOrigin::signed(1);
		assert_ok!(Guardian::limit_own_outflow(me.clone(), vec![share(100, 10), abs(50, 1000)]));
		// An inflow, then the same limit again (it counts as tightening) and re-ordered.
		assert_ok!(<Balances as Mutate<u64>>::mint_into(&1, 9_000));
		assert_ok!(Guardian::limit_own_outflow(me.clone(), vec![share(100, 10), abs(50, 1000)]));
		assert_ok!(Guardian::limit_own_outflow(me, vec![abs(50, 1000), share(100, 10)]));
		// Still 10% of the 995 the window started with (1000 less the limit's deposit), not
		// of 9 995.
		assert_eq!(Guardian::remaining_allowance(&1), Some(99));
		assert_noop!(send(1, 2, 100), capped());
		// Governance's changes carry it too.
		guard(2, vec![share(100, 10)]);
		assert_ok!(<Balances as Mutate<u64>>::mint_into(&2, 9_000));
		assert_ok!(Guardian::change_policy(capper(), 2, policy(vec![share(100, 10)])));
		assert_eq!(Guardian::remaining_allowance(&2), Some(100));
	});
}

// ---- the global cap -----------------------------------------------------------------------

#[test]
fn the_global_cap_bounds_the_sum_over_guarded_accounts_only() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		guard(2, vec![abs(10, 100)]);
		assert_ok!(Guardian::set_global_cap(capper(), Some(policy(vec![abs(10, 150)]))));
		assert_eq!(guardian_events().last(), Some(&Event::GlobalCapSet));
		// A self-limited account does not draw on the global cap.
		assert_ok!(Guardian::limit_own_outflow(RuntimeOrigin::signed(3), vec![abs(10, 500)]));
		assert_ok!(send(3, 4, 500));
		assert_ok!(send(1, 4, 100));
		assert_noop!(send(2, 4, 51), capped());
		assert_ok!(send(2, 4, 50));
		assert_ok!(Guardian::reset_usage(capper(), CapScope::Global));
		assert_ok!(send(2, 4, 50));
		assert_ok!(Guardian::set_global_cap(capper(), None));
		assert_eq!(GlobalCap::<Test>::get(), None);
	});
}

#[test]
fn reset_usage_restores_the_allowance() {
	test(|| {
		guard(1, vec![abs(10, 100)]);
		assert_ok!(send(1, 2, 100));
		assert_ok!(Guardian::reset_usage(capper(), CapScope::Account(1)));
		assert_eq!(
			guardian_events().last(),
			Some(&Event::UsageReset { scope: CapScope::Account(1) })
		);
		assert_ok!(send(1, 2, 100));
		assert_noop!(
			Guardian::reset_usage(capper(), CapScope::Account(2)),
			Error::<Test>::NoPolicy
		);
	});
}

// ---- high-water response ------------------------------------------------------------------

#[test]
fn crossing_the_high_water_mark_pauses_in_the_same_block() {
	test(|| {
		let balances = PauseTarget::Pallet { pallet: b"Balances".to_vec() };
		assert_ok!(Guardian::set_policy(
			capper(),
			1,
			PolicyInput {
				windows: vec![abs(100, 100)],
				high_water: Some(Perbill::from_percent(80)),
				response: Some(PlaybookInput {
					pause: vec![balances.clone()],
					pause_inbound: false,
					raise_to: RiskLevel::Normal,
					duration: 30
				}),
			}
		));
		assert_ok!(send(1, 2, 79));
		assert!(!guardian_events().iter().any(|e| matches!(e, Event::HighWaterCrossed { .. })));
		// The debit that crosses 80 succeeds, and the response is in force at once.
		assert_ok!(send(1, 2, 1));
		let events = guardian_events();
		assert!(events.contains(&Event::HighWaterCrossed {
			scope: CapScope::Account(1),
			window: 0,
			used: 80,
			limit: 100
		}));
		assert!(events.contains(&Event::Paused {
			target: Guardian::validate_target(&balances).unwrap(),
			until: 31
		}));
		assert_noop!(send(3, 4, 1), frame_system::Error::<Test>::CallFiltered);
		// The response expires by itself; the cap still holds.
		run_to_block(31);
		assert_ok!(send(3, 4, 1));
		assert_ok!(send(1, 2, 20));
		assert_noop!(send(1, 2, 1), capped());
	});
}
