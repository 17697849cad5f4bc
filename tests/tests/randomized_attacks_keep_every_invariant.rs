//! A randomized state-machine test on the real template runtime: proptest drives random
//! sequences of extrinsics from several accounts — transfers of every kind (keep-alive,
//! allow-death, `transfer_all`, the three batches, a proxy, a multisig), own limits set,
//! loosened, removed and enacted (on accounts under a policy too), policies and the global cap
//! set, changed and removed by sudo, pauses, risk levels, treasury spends to twenty
//! beneficiaries (some guarded) paid beyond the treasury's cap at its spend period, the excess
//! held on them returned by governance or released by anyone — one at a time, or all in one
//! batch (more than 16 hold changes in one transaction) —, bonded reports with their deposits
//! confirmed, rejected (slashed) or released, and block advances including long jumps (windows
//! refill) — and after every extrinsic and every block checks:
//!
//! * **conservation**: total issuance equals the sum of all free and reserved balances;
//! * **the ledger's truth**: every account's stored `frozen` is what its locks and freezes
//!   make it (plus the guard's marker), never a cap the guard only showed;
//! * **caps are exact**: for every outflow of a guarded account, the outflows of that account
//!   (and, for a governance policy, of all accounts under one) inside each window in force
//!   never exceed the window's limit at the risk level in force — against a brute-force model
//!   that keeps every transfer and recomputes every sum from scratch (the treasury's
//!   spend-period settle is the one debit the ledger lets through beyond a cap — refusing it
//!   would mint — and is checked by conservation and the excess it holds instead);
//! * the guardian's `try_state` (its storage invariants) and the runtime's integrity tests;
//! * no panic anywhere.
//!
//! Seeded and reproducible. `GUARDIAN_PROPTEST_CASES` sets the number of cases (default 6, the
//! README test command's), `GUARDIAN_PROPTEST_SEED` the seed; the test prints how many blocks
//! it executed.

use guardian_integration_tests::*;
use guardian_runtime::{
	configs::{ProxyType, TreasuryAccount},
	BlockNumber, RuntimeCall, RuntimeEvent, System,
};
use pallet_guardian::{Limit, PauseTarget, PolicyInput, RiskLevel, WindowSpec};
use proptest::{
	prelude::*,
	test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner},
};
use sp_runtime::MultiAddress;
use std::collections::BTreeMap;

/// The accounts that act (Alice is also the sudo key).
const ACTORS: [Keyring; 6] =
	[Keyring::Alice, Keyring::Bob, Keyring::Charlie, Keyring::Dave, Keyring::Eve, Keyring::Ferdie];

/// The Bob–Charlie multisig of threshold 1 (either may act for it): funded at the start, and
/// one of the accounts governance may put a policy on.
fn multisig() -> AccountId {
	pallet_multisig::Pallet::<guardian_runtime::Runtime>::multi_account_id(
		&[Keyring::Bob.to_account_id(), Keyring::Charlie.to_account_id()],
		1,
	)
}

/// Account `i`: an actor, or (past the actors) the multisig.
fn subject(i: usize) -> AccountId {
	ACTORS.get(i).map(|k| k.to_account_id()).unwrap_or_else(multisig)
}

/// How many accounts the treasury may pay (beyond the 16 credits a hook window remembers).
const BENEFICIARIES: u8 = 20;

/// Beneficiary `i` of the treasury's spends.
fn beneficiary(i: u8) -> AccountId {
	AccountId::from([0x70 + i % BENEFICIARIES; 32])
}

/// The `i`-th beneficiary holding excess from the treasury (any beneficiary if none does), so
/// that returns and releases find something to act on.
fn holding(i: u8) -> AccountId {
	let treasury: AccountId = TreasuryAccount::get();
	let held: Vec<AccountId> = (0..BENEFICIARIES)
		.map(beneficiary)
		.filter(|on| {
			pallet_guardian::ExcessHolds::<guardian_runtime::Runtime>::contains_key(on, &treasury)
		})
		.collect();
	held.get(usize::from(i) % held.len().max(1)).cloned().unwrap_or_else(|| beneficiary(i))
}

/// The targets anyone may report.
fn reportable(i: u8) -> PauseTarget<Vec<u8>> {
	match i % 2 {
		0 => PauseTarget::Pallet { pallet: b"Collateral".to_vec() },
		_ => PauseTarget::Call {
			pallet: b"Balances".to_vec(),
			call: b"transfer_allow_death".to_vec(),
		},
	}
}

/// One random step.
#[derive(Clone, Debug)]
enum Action {
	/// A transfer of `amount` (tenths of a UNIT) from `from` to `to`, by way `kind`.
	Transfer { from: usize, to: usize, amount: u32, kind: u8 },
	/// `who` sets (or changes) its own limit.
	OwnLimit { who: usize, period: u16, limit: u32 },
	/// `who` announces the removal of its own limit.
	RemoveOwnLimit { who: usize },
	/// `who` enacts its announcement.
	EnactOwnLimit { who: usize },
	/// Sudo sets, changes or (with `limit` 0) removes the policy of `who`.
	Policy { who: usize, period: u16, limit: u32 },
	/// Sudo sets or (with `limit` 0) removes the global cap.
	GlobalCap { period: u16, limit: u32 },
	/// Sudo pauses (or resumes) `Balances::transfer_keep_alive`.
	Pause { on: bool },
	/// Sudo raises the level for `duration` blocks, or (with `level` 0) clears it.
	Risk { level: u8, duration: u16 },
	/// Sudo approves a treasury spend of `amount` (tens of UNITs) to beneficiary `to`, paid at
	/// the next spend period.
	Spend { to: u8, amount: u16 },
	/// Sudo returns the excess held on beneficiary `on` to the treasury.
	ReturnExcess { on: u8 },
	/// `who` releases the excess held on beneficiary `on` (anyone may, after the hold period).
	ReleaseExcess { who: usize, on: u8 },
	/// Sudo approves a spend of `amount` (tens of UNITs) to every beneficiary, in one batch.
	SpendAll { amount: u16 },
	/// Governance releases the excess held on every beneficiary in one batch (early: before
	/// the hold period is over, only governance may).
	ReleaseAll,
	/// `who` files a bonded report on reportable target `target`.
	Report { who: usize, target: u8 },
	/// Sudo confirms (or rejects, slashing its deposit) the last report.
	Judge { confirm: bool },
	/// `who` asks for the last report's deposit back (after the release delay).
	ReleaseDeposit { who: usize },
	/// `blocks` blocks go by; more than 50 are skipped at once (a long jump).
	Advance { blocks: u32 },
}

fn action() -> impl Strategy<Value = Action> {
	let who = 0..ACTORS.len();
	prop_oneof![
		6 => (who.clone(), 0..ACTORS.len(), 1u32..400, 0u8..9)
			.prop_map(|(from, to, amount, kind)| Action::Transfer { from, to, amount, kind }),
		2 => (who.clone(), 1u16..60, 1u32..500)
			.prop_map(|(who, period, limit)| Action::OwnLimit { who, period, limit }),
		1 => who.clone().prop_map(|who| Action::RemoveOwnLimit { who }),
		1 => who.clone().prop_map(|who| Action::EnactOwnLimit { who }),
		2 => (0..=ACTORS.len(), 1u16..60, 0u32..500)
			.prop_map(|(who, period, limit)| Action::Policy { who, period, limit }),
		1 => (1u16..60, 0u32..800).prop_map(|(period, limit)| Action::GlobalCap { period, limit }),
		1 => any::<bool>().prop_map(|on| Action::Pause { on }),
		1 => (0u8..3, 1u16..40).prop_map(|(level, duration)| Action::Risk { level, duration }),
		3 => (0..BENEFICIARIES, 1u16..40).prop_map(|(to, amount)| Action::Spend { to, amount }),
		1 => (0..BENEFICIARIES).prop_map(|on| Action::ReturnExcess { on }),
		1 => (who.clone(), 0..BENEFICIARIES).prop_map(|(who, on)| Action::ReleaseExcess { who, on }),
		1 => (1u16..40).prop_map(|amount| Action::SpendAll { amount }),
		1 => Just(Action::ReleaseAll),
		1 => (who.clone(), 0u8..2).prop_map(|(who, target)| Action::Report { who, target }),
		1 => any::<bool>().prop_map(|confirm| Action::Judge { confirm }),
		1 => who.clone().prop_map(|who| Action::ReleaseDeposit { who }),
		4 => prop_oneof![1u32..5, 5u32..50, 30u32..3000, 3000u32..20000, 20000u32..110000]
			.prop_map(|blocks| Action::Advance { blocks }),
	]
}

/// A window as the model keeps it.
#[derive(Clone, Debug)]
struct ModelWindow {
	period: u32,
	limit: Balance,
}

/// The brute-force model: every outflow of every account, and which limits were in force.
#[derive(Default)]
struct Model {
	/// The step counter: orders everything within and across blocks.
	step: u64,
	/// Every transfer: (step, block, from, amount, the risk level then).
	outflows: Vec<(u64, BlockNumber, AccountId, Balance, RiskLevel)>,
	/// Per account: (step from which it holds, own limit windows), latest last.
	own: BTreeMap<AccountId, Vec<(u64, Option<ModelWindow>)>>,
	/// Per account: (step from which it holds, policy window).
	policy: BTreeMap<AccountId, Vec<(u64, Option<ModelWindow>)>>,
	/// (step from which it holds, global cap window).
	global: Vec<(u64, Option<ModelWindow>)>,
	/// Announced own-limit changes (a loosening, or with `None` the removal), by account: what
	/// `enact_own_limit` puts in force.
	announced: BTreeMap<AccountId, Option<ModelWindow>>,
	/// What the guardian's own operations did, for the record: debits let through beyond a
	/// cap (the treasury's settles), excess held, returned and released, reports filed and
	/// slashed.
	seen: Seen,
}

/// Counts of the guardian's own operations a run went through.
#[derive(Default, Clone, Copy, Debug)]
struct Seen {
	beyond_cap: u32,
	excess_held: u32,
	excess_returned: u32,
	excess_released: u32,
	reports: u32,
	slashed: u32,
	own_limits_on_guarded: u32,
	most_released_at_once: u32,
}

impl core::ops::AddAssign for Seen {
	fn add_assign(&mut self, other: Self) {
		self.beyond_cap += other.beyond_cap;
		self.excess_held += other.excess_held;
		self.excess_returned += other.excess_returned;
		self.excess_released += other.excess_released;
		self.reports += other.reports;
		self.slashed += other.slashed;
		self.own_limits_on_guarded += other.own_limits_on_guarded;
		self.most_released_at_once = self.most_released_at_once.max(other.most_released_at_once);
	}
}

fn in_force(
	history: Option<&Vec<(u64, Option<ModelWindow>)>>,
	step: u64,
) -> Option<(u64, ModelWindow)> {
	history?
		.iter()
		.rev()
		.find(|(since, _)| *since <= step)
		.and_then(|(since, window)| window.clone().map(|w| (*since, w)))
}

fn scaled(limit: Balance, level: RiskLevel) -> Balance {
	level.cap_scale().mul_floor(limit)
}

impl Model {
	/// Checks every outflow against every window that was in force when it happened.
	fn check(&self) -> Result<(), TestCaseError> {
		for (step, block, from, amount, level) in &self.outflows {
			// A transfer of nothing (`transfer_all` with no allowance left) debits nothing.
			if *amount == 0 {
				continue;
			}
			let mut windows = Vec::new();
			if let Some(w) = in_force(self.own.get(from), *step) {
				windows.push((w, false));
			}
			if let Some(w) = in_force(self.policy.get(from), *step) {
				windows.push((w, false));
				if let Some(g) = in_force(Some(&self.global), *step) {
					windows.push((g, true));
				}
			}
			for ((since, window), global) in windows {
				let start = block.saturating_sub(window.period);
				let total: Balance = self
					.outflows
					.iter()
					.filter(|(s, b, f, _, _)| {
						*s <= *step
							&& *s >= since && *b > start
							&& (if global {
								in_force(self.policy.get(f), *s).is_some()
							} else {
								f == from
							})
					})
					.map(|(_, _, _, amount, _)| *amount)
					.sum();
				prop_assert!(
					total <= scaled(window.limit, *level),
					"{from:?} at step {step}, block {block}: {total} left within {} blocks, over {} \
					 ({level:?}, global: {global}, window since step {since}); outflows: {:?}",
					window.period,
					scaled(window.limit, *level),
					self.outflows.iter().filter(|o| o.2 == *from).map(|o| (o.0, o.1, o.3, o.4)).collect::<Vec<_>>(),
				);
			}
		}
		Ok(())
	}
}

fn transfer(to: &AccountId, amount: Balance, kind: u8) -> RuntimeCall {
	let dest = MultiAddress::Id(to.clone());
	match kind % 3 {
		0 => RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest,
			value: amount,
		}),
		1 => RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
			dest,
			value: amount,
		}),
		_ => RuntimeCall::Balances(pallet_balances::Call::transfer_all { dest, keep_alive: true }),
	}
}

fn window(period: u16, limit: u32) -> WindowSpec<BlockNumber, Balance> {
	WindowSpec { period: period.into(), limit: Limit::Absolute(Balance::from(limit) * UNIT / 10) }
}

/// Runs one case; returns how many blocks it executed and what it went through.
fn run_case(actions: &[Action]) -> Result<(u32, Seen), TestCaseError> {
	let mut blocks = 0;
	let mut seen = Seen::default();
	let mut result = Ok(());
	new_chain().execute_with(|| {
		let mut model = Model::default();
		let account = |i: usize| ACTORS[i].to_account_id();
		// Charlie may act for Bob (Any), Dave for Eve (NonTransfer).
		for (real, delegate, proxy_type) in [
			(Keyring::Bob, Keyring::Charlie, ProxyType::Any),
			(Keyring::Eve, Keyring::Dave, ProxyType::NonTransfer),
		] {
			submit_ok(
				real,
				RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
					delegate: MultiAddress::Id(delegate.to_account_id()),
					proxy_type,
					delay: 0,
				}),
			);
		}
		submit_ok(
			Keyring::Ferdie,
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: MultiAddress::Id(multisig()),
				value: 10_000 * UNIT,
			}),
		);
		// The treasury, funded, may pay 100 UNIT a day; its beneficiaries exist, and every
		// other one is guarded itself (a bridge's or a pot's account).
		let treasury: AccountId = TreasuryAccount::get();
		let fund = |dest: AccountId, value: Balance| {
			submit_ok(
				Keyring::Ferdie,
				RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
					dest: MultiAddress::Id(dest),
					value,
				}),
			)
		};
		fund(treasury.clone(), 100_000 * UNIT);
		let day_cap = PolicyInput {
			windows: vec![WindowSpec {
				period: guardian_runtime::DAYS,
				limit: Limit::Absolute(100 * UNIT),
			}],
			high_water: None,
			response: None,
		};
		let set_policy = |who: AccountId, policy| {
			assert_eq!(
				sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
					who: MultiAddress::Id(who),
					policy,
				})),
				Ok(())
			)
		};
		set_policy(treasury.clone(), day_cap.clone());
		for i in 0..BENEFICIARIES {
			fund(beneficiary(i), 10 * UNIT);
			if i % 2 == 1 {
				set_policy(
					beneficiary(i),
					PolicyInput { windows: vec![window(10, 100)], ..day_cap.clone() },
				);
			}
		}
		for i in 0..2 {
			assert_eq!(
				sudo_dispatch(RuntimeCall::Guardian(pallet_guardian::Call::set_reportable {
					target: reportable(i),
					reportable: true,
				})),
				Ok(())
			);
		}
		System::reset_events();
		for action in actions {
			model.step += 1;
			let step = model.step;
			let level = pallet_guardian::Pallet::<guardian_runtime::Runtime>::risk_level_now();
			let (signer, call) = match action.clone() {
				Action::Transfer { from, to, amount, kind } => {
					let value = Balance::from(amount) * UNIT / 10;
					let to = account(to);
					let direct = transfer(&to, value, kind);
					let pair = |call: RuntimeCall| vec![call.clone(), call];
					match kind {
						3 => (
							ACTORS[from],
							RuntimeCall::Utility(pallet_utility::Call::batch {
								calls: pair(direct),
							}),
						),
						4 => (
							ACTORS[from],
							RuntimeCall::Utility(pallet_utility::Call::batch_all {
								calls: pair(direct),
							}),
						),
						5 => (
							ACTORS[from],
							RuntimeCall::Utility(pallet_utility::Call::force_batch {
								calls: pair(direct),
							}),
						),
						// Charlie, Bob's proxy, moves Bob's funds.
						6 => (
							Keyring::Charlie,
							RuntimeCall::Proxy(pallet_proxy::Call::proxy {
								real: MultiAddress::Id(Keyring::Bob.to_account_id()),
								force_proxy_type: None,
								call: Box::new(direct),
							}),
						),
						// Bob moves the multisig's funds.
						7 => (
							Keyring::Bob,
							RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
								other_signatories: vec![Keyring::Charlie.to_account_id()],
								call: Box::new(direct),
							}),
						),
						_ => (ACTORS[from], direct),
					}
				}
				Action::OwnLimit { who, period, limit } => (
					ACTORS[who],
					RuntimeCall::Guardian(pallet_guardian::Call::limit_own_outflow {
						windows: vec![window(period, limit)],
					}),
				),
				Action::RemoveOwnLimit { who } => {
					(ACTORS[who], RuntimeCall::Guardian(pallet_guardian::Call::remove_own_limit {}))
				}
				Action::EnactOwnLimit { who } => {
					(ACTORS[who], RuntimeCall::Guardian(pallet_guardian::Call::enact_own_limit {}))
				}
				Action::Policy { who, period, limit } => {
					let who = MultiAddress::Id(subject(who));
					let inner = if limit == 0 {
						pallet_guardian::Call::remove_policy { who }
					} else {
						let policy = PolicyInput {
							windows: vec![window(period, limit)],
							high_water: None,
							response: None,
						};
						if pallet_guardian::Guards::<guardian_runtime::Runtime>::get(match &who {
							MultiAddress::Id(id) => id.clone(),
							_ => unreachable!(),
						})
						.is_some_and(|g| g.policy.is_some())
						{
							pallet_guardian::Call::change_policy { who, policy }
						} else {
							pallet_guardian::Call::set_policy { who, policy }
						}
					};
					(Keyring::Alice, sudo(RuntimeCall::Guardian(inner)))
				}
				Action::GlobalCap { period, limit } => {
					let cap = (limit > 0).then(|| PolicyInput {
						windows: vec![window(period, limit)],
						high_water: None,
						response: None,
					});
					(
						Keyring::Alice,
						sudo(RuntimeCall::Guardian(pallet_guardian::Call::set_global_cap { cap })),
					)
				}
				Action::Pause { on } => {
					let target = PauseTarget::Call {
						pallet: b"Balances".to_vec(),
						call: b"transfer_keep_alive".to_vec(),
					};
					let inner = if on {
						pallet_guardian::Call::pause { target, duration: 20 }
					} else {
						pallet_guardian::Call::resume { target }
					};
					(Keyring::Alice, sudo(RuntimeCall::Guardian(inner)))
				}
				Action::Risk { level, duration } => {
					let inner = match level {
						0 => pallet_guardian::Call::clear_risk_level {},
						1 => pallet_guardian::Call::raise_risk_level {
							level: RiskLevel::Elevated,
							duration: duration.into(),
						},
						_ => pallet_guardian::Call::raise_risk_level {
							level: RiskLevel::Critical,
							duration: duration.into(),
						},
					};
					(Keyring::Alice, sudo(RuntimeCall::Guardian(inner)))
				}
				Action::Spend { to, amount } => {
					#[allow(deprecated)]
					let spend = pallet_treasury::Call::spend_local {
						amount: Balance::from(amount) * 10 * UNIT,
						beneficiary: MultiAddress::Id(beneficiary(to)),
					};
					(Keyring::Alice, sudo(RuntimeCall::Treasury(spend)))
				}
				Action::ReturnExcess { on } => (
					Keyring::Alice,
					sudo(RuntimeCall::Guardian(pallet_guardian::Call::return_excess {
						on: MultiAddress::Id(holding(on)),
						from: MultiAddress::Id(TreasuryAccount::get()),
					})),
				),
				Action::ReleaseExcess { who, on } => (
					ACTORS[who],
					RuntimeCall::Guardian(pallet_guardian::Call::release_excess {
						on: MultiAddress::Id(holding(on)),
						from: MultiAddress::Id(TreasuryAccount::get()),
					}),
				),
				Action::SpendAll { amount } => {
					// In an order that differs from one spend to the next, so that the 16 most
					// recent credits of a spend period, where its excess is held, differ too.
					let calls = (0..BENEFICIARIES)
						.map(|k| (k + (amount % 256) as u8) % BENEFICIARIES)
						.map(|to| {
							#[allow(deprecated)]
							let spend = pallet_treasury::Call::spend_local {
								amount: Balance::from(amount) * 10 * UNIT,
								beneficiary: MultiAddress::Id(beneficiary(to)),
							};
							RuntimeCall::Treasury(spend)
						})
						.collect();
					(
						Keyring::Alice,
						sudo(RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })),
					)
				}
				Action::ReleaseAll => {
					let calls = (0..BENEFICIARIES)
						.map(|on| {
							RuntimeCall::Guardian(pallet_guardian::Call::release_excess {
								on: MultiAddress::Id(beneficiary(on)),
								from: MultiAddress::Id(TreasuryAccount::get()),
							})
						})
						.collect();
					(
						Keyring::Alice,
						sudo(RuntimeCall::Utility(pallet_utility::Call::force_batch { calls })),
					)
				}
				Action::Report { who, target } => (
					ACTORS[who],
					RuntimeCall::Guardian(pallet_guardian::Call::report {
						target: reportable(target),
						evidence: Default::default(),
						duration: 10,
					}),
				),
				Action::Judge { confirm } => {
					let id = pallet_guardian::NextReportId::<guardian_runtime::Runtime>::get()
						.saturating_sub(1);
					let inner = if confirm {
						pallet_guardian::Call::confirm_report { id }
					} else {
						pallet_guardian::Call::reject_report { id }
					};
					(Keyring::Alice, sudo(RuntimeCall::Guardian(inner)))
				}
				Action::ReleaseDeposit { who } => {
					let id = pallet_guardian::NextReportId::<guardian_runtime::Runtime>::get()
						.saturating_sub(1);
					(
						ACTORS[who],
						RuntimeCall::Guardian(pallet_guardian::Call::release_report_deposit { id }),
					)
				}
				Action::Advance { blocks: n } => {
					let target = System::block_number() + n;
					if n > 50 {
						jump_to_block(target);
						blocks += 1;
					} else {
						while System::block_number() < target {
							next_block();
							blocks += 1;
						}
					}
					if let Err(e) = check_block(&model) {
						result = Err(e);
						return;
					}
					continue;
				}
			};
			let _ = submit(signer, call);
			// What happened, from the events: every transfer, every change of a limit.
			let events: Vec<_> = System::events().into_iter().map(|r| r.event).collect();
			let released = events
				.iter()
				.filter(|e| {
					matches!(
						e,
						RuntimeEvent::Guardian(pallet_guardian::Event::ExcessReleased { .. })
					)
				})
				.count() as u32;
			model.seen.most_released_at_once = model.seen.most_released_at_once.max(released);
			for event in events {
				match event {
					RuntimeEvent::Balances(pallet_balances::Event::Transfer {
						from,
						amount,
						..
					}) => {
						model.outflows.push((step, System::block_number(), from, amount, level));
					}
					RuntimeEvent::Guardian(e) => {
						record(&mut model.seen, &e);
						apply_guardian_event(&mut model, step, action, e);
					}
					_ => {}
				}
			}
			System::reset_events();
			if let Err(e) = check_extrinsic() {
				result = Err(e);
				return;
			}
		}
		if result.is_ok() {
			result = check_block(&model);
		}
		seen = model.seen;
	});
	result.map(|()| (blocks, seen))
}

/// Counts the guardian's own operations.
fn record(seen: &mut Seen, event: &pallet_guardian::Event<guardian_runtime::Runtime>) {
	use pallet_guardian::Event::*;
	match event {
		DebitBeyondCap { .. } => seen.beyond_cap += 1,
		ExcessHeld { .. } => seen.excess_held += 1,
		ExcessReturned { .. } => seen.excess_returned += 1,
		ExcessReleased { .. } => seen.excess_released += 1,
		Reported { .. } => seen.reports += 1,
		ReportRejected { .. } => seen.slashed += 1,
		OwnLimitSet { who } => {
			let guarded = pallet_guardian::Guards::<guardian_runtime::Runtime>::get(who)
				.is_some_and(|guard| guard.policy.is_some());
			seen.own_limits_on_guarded += u32::from(guarded);
		}
		_ => {}
	}
}

/// Updates the model with a guardian event caused by `action` at `step`.
fn apply_guardian_event(
	model: &mut Model,
	step: u64,
	action: &Action,
	event: pallet_guardian::Event<guardian_runtime::Runtime>,
) {
	use pallet_guardian::Event::*;
	let spec = |period: u16, limit: u32| {
		Some(ModelWindow { period: period.into(), limit: Balance::from(limit) * UNIT / 10 })
	};
	match (event, action) {
		(OwnLimitSet { who }, Action::OwnLimit { period, limit, .. }) => {
			model.own.entry(who).or_default().push((step, spec(*period, *limit)));
		}
		(OwnLimitEnacted { who, removed }, _) => {
			let enacted = model.announced.remove(&who).flatten();
			assert_eq!(removed, enacted.is_none(), "the enacted change is the one announced");
			model.own.entry(who).or_default().push((step, enacted));
		}
		(PolicySet { who } | PolicyChanged { who }, Action::Policy { period, limit, .. }) => {
			model.policy.entry(who).or_default().push((step, spec(*period, *limit)));
		}
		(PolicyRemoved { who }, _) => model.policy.entry(who).or_default().push((step, None)),
		(GlobalCapSet, Action::GlobalCap { period, limit }) => {
			model.global.push((step, spec(*period, *limit)))
		}
		(GlobalCapRemoved, _) => model.global.push((step, None)),
		(OwnLimitAnnounced { who, removal, .. }, action) => {
			let windows = match action {
				Action::OwnLimit { period, limit, .. } if !removal => spec(*period, *limit),
				_ => None,
			};
			model.announced.insert(who, windows);
		}
		_ => {}
	}
}

/// The invariants after every extrinsic: conservation and the ledger's truth.
fn check_extrinsic() -> Result<(), TestCaseError> {
	use pallet_guardian::caps::ledger::LedgerTruth;
	assert_conserved();
	let untrue =
		<pallet_balances::Pallet<guardian_runtime::Runtime> as LedgerTruth>::untrue_frozen();
	prop_assert!(untrue.is_empty(), "stored frozen balances no lock or freeze makes: {untrue:?}");
	Ok(())
}

/// The invariants after a block.
fn check_block(model: &Model) -> Result<(), TestCaseError> {
	check_extrinsic()?;
	pallet_guardian::Pallet::<guardian_runtime::Runtime>::do_try_state()
		.map_err(|e| TestCaseError::fail(format!("guardian try_state: {e:?}")))?;
	model.check()
}

#[test]
fn randomized_attacks_keep_every_invariant() {
	let cases: u32 =
		std::env::var("GUARDIAN_PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(6);
	let seed: u64 =
		std::env::var("GUARDIAN_PROPTEST_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(2609);
	let mut seed_bytes = [0u8; 32];
	seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
	let config =
		Config { cases, failure_persistence: None, max_shrink_iters: 64, ..Config::default() };
	let mut runner =
		TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes));
	let executed = std::cell::Cell::new(0u32);
	let seen = std::cell::Cell::new(Seen::default());
	let outcome = runner.run(&proptest::collection::vec(action(), 40..120), |actions| {
		let (blocks, case) = run_case(&actions)?;
		executed.set(executed.get() + blocks);
		let mut all = seen.get();
		all += case;
		seen.set(all);
		Ok(())
	});
	println!(
		"randomized attacks: {cases} cases (seed {seed}), {} blocks executed, {:?}",
		executed.get(),
		seen.get()
	);
	if let Err(error) = outcome {
		panic!("{error}");
	}
}
