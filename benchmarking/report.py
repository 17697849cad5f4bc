#!/usr/bin/env python3
"""Writes benchmarking/REPORT.md (to stdout) from the raw results of benchmarking/report.sh.

Every figure comes from the JSON files of that run (frame-omni-bencher `--json-file`); the
only constants are the runtime's block limits and database weights, named below with the
source they come from.
"""
import json
import statistics
import sys
from pathlib import Path

OUT, ROUNDS, REPEAT = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])

# runtime/src/configs/system.rs: 2 s of ref_time per block, 75 % of it for normal transactions.
NORMAL_BLOCK_NS = 2_000_000_000 * 75 // 100
# frame-support 49.0.1, weights/extrinsic_weights.rs: `ExtrinsicBaseWeight`, the cost every
# extrinsic pays before its call (the runtime keeps the default).
EXTRINSIC_BASE_NS = 108_157
# frame-support `RocksDbWeight`, the runtime's `DbWeight`: a read and a write.
READ_NS, WRITE_NS = 25_000, 100_000


def load(name):
    return json.loads((OUT / f"{name}.json").read_text())


def results(name, benchmark):
    for batch in load(name):
        if batch["benchmark"] == benchmark:
            return batch
    raise SystemExit(f"{benchmark} missing from {name}.json")


def times(name, benchmark, **components):
    """The execution times (ns) of `benchmark`, at the given component values."""
    batch = results(name, benchmark)
    return [
        r["extrinsic_time"]
        for r in batch["time_results"]
        if all(dict(r["components"]).get(k) == v for k, v in components.items())
    ]


def db(name, benchmark, **components):
    """The charged (distinct, non-whitelisted) reads and writes of `benchmark`."""
    batch = results(name, benchmark)
    for r in batch["db_results"]:
        if all(dict(r["components"]).get(k) == v for k, v in components.items()):
            return r["reads"], r["writes"]
    raise SystemExit(f"no db result for {benchmark} {components} in {name}.json")


def pooled(prefix, benchmark):
    """Median over all rounds, and the per-round medians."""
    rounds = [statistics.median(times(f"{prefix}-{i}", benchmark)) for i in range(1, ROUNDS + 1)]
    every = [t for i in range(1, ROUNDS + 1) for t in times(f"{prefix}-{i}", benchmark)]
    return statistics.median(every), rounds


def charged(exec_ns, reads, writes):
    return exec_ns + reads * READ_NS + writes * WRITE_NS


def us(ns):
    return f"{ns / 1000:.2f} µs"


def ratio(a, b):
    return f"{a / b:.3f}"


tka = "transfer_keep_alive"
with_t, with_rounds = pooled("with", tka)
without_t, without_rounds = pooled("without", tka)
guarded_t, guarded_rounds = pooled("guarded", tka)
with_rw, without_rw, guarded_rw = db("with-1", tka), db("without-1", tka), db("guarded-1", tka)
round_ratios = [w / b for w, b in zip(with_rounds, without_rounds)]
guarded_round_ratios = [g / b for g, b in zip(guarded_rounds, without_rounds)]
with_w, without_w = charged(with_t, *with_rw), charged(without_t, *without_rw)
guarded_w = charged(guarded_t, *guarded_rw)

idle_t, idle_rounds = pooled("idle", "on_initialize_idle")
idle_p_t, idle_p_rounds = pooled("idle-policies", "on_initialize_idle")
idle_rw, idle_p_rw = db("idle-1", "on_initialize_idle"), db("idle-policies-1", "on_initialize_idle")


def by_component(benchmark, component):
    batch = results("guardian", benchmark)
    values = sorted({dict(r["components"])[component] for r in batch["time_results"]})
    return [(v, statistics.median(times("guardian", benchmark, **{component: v}))) for v in values]


def slope(points):
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    b = sum((x - mx) * (y - my) for x, y in points) / sxx
    return my - b * mx, b


expire = by_component("on_initialize_expire", "n")
expire_base, expire_slope = slope(expire)
n_min, n_max = expire[0][0], expire[-1][0]
paused = by_component("check_paused", "n")
pauses_max = paused[-1][0]
paused0, paused_max = statistics.median(times("guardian", "check_paused_none")), paused[-1][1]
paused0_rw, paused_max_rw = db("guardian", "check_paused_none"), db("guardian", "check_paused", n=pauses_max)
paused1, paused1_rw = paused[0][1], db("guardian", "check_paused", n=paused[0][0])
velocity_t = statistics.median(times("guardian", "check_velocity"))
velocity_rw = db("guardian", "check_velocity")
unguarded_t = statistics.median(times("guardian", "ledger_debit_unguarded"))
unguarded_rw = db("guardian", "ledger_debit_unguarded")
ledger_guarded_t = statistics.median(times("guardian", "ledger_debit_guarded"))
ledger_guarded_rw = db("guardian", "ledger_debit_guarded")
response_t = statistics.median(times("guardian", "ledger_debit_guarded_response"))
response_rw = db("guardian", "ledger_debit_guarded_response")
fire_t = statistics.median(times("guardian", "observe_fire"))
fire_rw = db("guardian", "observe_fire")
# pallets/guardian/src/caps/edges.rs, `guard_budget(debits)`: per debit the guarded debit with
# its high-water response at its worst and four reads; a transfer has one debit.
guard_budget = charged(response_t, response_rw[0] + 4, response_rw[1])
# `reservation_parts`: a guarded signer also reserves the rest of its pool check (CheckVelocity
# declares only the unguarded one).
signer_check = charged(velocity_t, *velocity_rw) - charged(unguarded_t, *unguarded_rw)

# What the unguarded transfer's execution-time difference is, whichever its sign.
if with_t > without_t:
    difference = (
        f"The measured difference, {us(with_t - without_t)}, is the store's in-memory bookkeeping\n"
        "  around pallet-balances' own work (the frozen field compared, the value a hook window\n"
        "  credits noted)."
    )
else:
    difference = (
        f"The median with the guardian was {us(without_t - with_t)} lower: the difference is\n"
        "  within the machine's noise (see the per-round range)."
    )
# A transfer_keep_alive transaction's weight: the base, the call and the guardian's extensions.
# Up front (what `payment_queryInfo` shows and the fee is computed from) `CheckPaused` declares
# `check_paused_none` while nothing is paused and `check_paused(MaxActivePauses)` otherwise,
# `CheckVelocity` the unguarded check, `WatchTransaction` nothing without an issuance monitor;
# a guarded signer's guard work is reserved once the signer is known, and settled to what it
# used.
ext_unguarded = charged(paused0, *paused0_rw) + charged(unguarded_t, *unguarded_rw)
tx_without = EXTRINSIC_BASE_NS + without_w
tx_with = EXTRINSIC_BASE_NS + with_w + ext_unguarded
# Declared: the same checks, which an unguarded transfer with nothing paused refunds none of.
tx_with_declared = EXTRINSIC_BASE_NS + with_w + charged(paused0, *paused0_rw) + charged(
    unguarded_t, *unguarded_rw
)
# The dev node's measurement of the same transaction (report.sh runs the e2e fee test).
fee = json.loads((OUT / "fee.json").read_text())
# One pause stored (not covering the call): the worst case declared, one pause read charged.
paused_declared = EXTRINSIC_BASE_NS + with_w + charged(paused_max, *paused_max_rw) + charged(
    unguarded_t, *unguarded_rw
)
paused_charged = EXTRINSIC_BASE_NS + with_w + charged(paused1, *paused1_rw) + charged(
    unguarded_t, *unguarded_rw
)
# From a guarded account: pallet-balances' weight is its unguarded benchmark; the guard's work
# is its signer check, the guarded debit and two reads (the guard record, the global cap).
guarded_declared = tx_with + guard_budget + signer_check
guarded_charged = tx_with + signer_check + charged(ledger_guarded_t, ledger_guarded_rw[0] + 2, ledger_guarded_rw[1])
per_block_without = NORMAL_BLOCK_NS // tx_without
per_block_with = NORMAL_BLOCK_NS // tx_with

verdict = lambda r: "meets" if r <= 1.03 else "misses"
spread = lambda xs: f"{min(xs):.3f}–{max(xs):.3f}"

print(f"""# The guardian's measured cost

Generated by `benchmarking/report.sh` (do not edit by hand): {ROUNDS} rounds of {REPEAT}
repetitions of each benchmark, run with frame-omni-bencher on the template runtime's wasm built
with `runtime-benchmarks`, **with** the guardian and **without** it (the runtime's feature
`without-guardian`: no pallet, no call filter, no ledger guard, no fee wrapper, no extensions).
The rounds alternate between the two builds, so both see the same machine conditions; ratios
are of medians over all repetitions, and the range is that of the per-round ratios. Raw
results: the JSON files the script leaves in `~/.cache/pallet-guardian/report/`.

"Charged" weight is execution time plus the runtime's `DbWeight` (RocksDb: {READ_NS // 1000} µs per
read, {WRITE_NS // 1000} µs per write) for the reads and writes frame-benchmarking counts (distinct,
not whitelisted keys).

## `transfer_keep_alive`

| | execution (median) | reads / writes | charged | ratio to without |
|---|---|---|---|---|
| without the guardian | {us(without_t)} | {without_rw[0]} / {without_rw[1]} | {us(without_w)} | 1 |
| with the guardian, unguarded accounts | {us(with_t)} | {with_rw[0]} / {with_rw[1]} | {us(with_w)} | **{ratio(with_t, without_t)}** execution (rounds {spread(round_ratios)}), **{ratio(with_w, without_w)}** charged |
| with the guardian, from a guarded account | {us(guarded_t)} | {guarded_rw[0]} / {guarded_rw[1]} | {us(guarded_w)} | {ratio(guarded_t, without_t)} execution (rounds {spread(guarded_round_ratios)}), {ratio(guarded_w, without_w)} charged |

* **Unguarded** (target ≤ 1.03 and no extra charged read or write): extra charged
  reads/writes {with_rw[0] - without_rw[0]} / {with_rw[1] - without_rw[1]}; the charged weight
  ratio, which is what the chain accounts and fees follow, is {ratio(with_w, without_w)}
  ({verdict(with_w / without_w)} the target); the execution-time ratio alone is
  {ratio(with_t, without_t)} ({verdict(with_t / without_t)} it). The ledger guard makes no
  host call for an unguarded account: a guarded account carries the guard's marker (a
  one-planck freeze), so an account pallet-balances hands the store with nothing frozen is
  unguarded, from the data it already read. {difference} The one look-up
  of the guard index an unguarded transfer still makes is the pool check's, once per
  transaction (`ledger_debit_unguarded`, {us(unguarded_t)}, below), not the call's.
* **Guarded** (the caller under a governance policy and a global cap, 4 windows each (`MAX_WINDOWS`,
  the most the runtime allows), with 500 other accounts guarded): extra charged reads/writes
  {guarded_rw[0] - without_rw[0]} / {guarded_rw[1] - without_rw[1]}: the account's `Guards` record
  (read and written) and `GlobalCap` (read and written), plus the windows' arithmetic. This is
  the price of an exact rolling-window bound and it is paid only by the few accounts a chain
  protects (a treasury, a bridge). pallet-balances' weights are measured from unguarded
  accounts, so the transaction is charged the guard's benchmarked `ledger_debit_guarded`
  ({us(charged(ledger_guarded_t, *ledger_guarded_rw))} charged, {ledger_guarded_rw[0]} reads,
  {ledger_guarded_rw[1]} writes) for each guarded debit it caused, whatever path it took (from
  the guard work `WatchTransaction` reserves once the signer is known, and settles).

## What a transfer declares, and what it is charged

The weight a transaction declares up front is what `payment_queryInfo` shows (polkadot.js apps,
every wallet) and what the fee is computed from; the weight charged is what the block keeps
after the extensions' refunds and what the fee is corrected to. Each extrinsic pays
`ExtrinsicBaseWeight` ({us(EXTRINSIC_BASE_NS)}) plus its call plus its extensions (the length fee
is the same on both sides and left out).

| `transfer_keep_alive` | declared | charged | declared / charged |
|---|---|---|---|
| without the guardian | {us(tx_without)} | {us(tx_without)} | {ratio(tx_without, tx_without)} |
| with the guardian, unguarded accounts, nothing paused | {us(tx_with_declared)} | {us(tx_with)} | **{ratio(tx_with_declared, tx_with)}** |
| measured on the dev node, with every extension of the runtime (`query_info` + base; `ExtrinsicSuccess`) | {us(int(fee["declared"]) / 1000)} | {us(int(fee["used"]) / 1000)} | **{ratio(int(fee["declared"]), int(fee["used"]))}** |
| with the guardian, unguarded, one pause stored | {us(paused_declared)} | {us(paused_charged)} | {ratio(paused_declared, paused_charged)} |
| with the guardian, from a guarded account | {us(guarded_declared)} | {us(guarded_charged)} | {ratio(guarded_declared, guarded_charged)} |

* **Unguarded, nothing paused** (target ≤ 1.05): the guardian's extensions declare only the
  checks they make, {us(ext_unguarded)} (the whitelisted pause summary and the signer's
  look-up in the guard index), and refund nothing. Measured on the dev node in the same run
  (the e2e test `the fee a wallet shows for an unguarded transfer is the fee it pays`, through
  @polkadot/api, a `transfer_keep_alive` of 1 UNIT from Eve to Dave): `payment_queryInfo`'s
  partial fee {fee["estimate"]} planck, fee paid (`TransactionFeePaid`) {fee["paid"]} planck:
  **{int(fee["estimate"]) / int(fee["paid"]):.4f}**; weight declared (`query_info` plus the
  base extrinsic weight) {us(int(fee["declared"]) / 1000)}, used (`ExtrinsicSuccess`)
  {us(int(fee["used"]) / 1000)}: **{int(fee["declared"]) / int(fee["used"]):.4f}** (ref_time is
  in picoseconds; the dev node's figure counts every extension of the runtime — nonce, weight,
  payment, the guardian's — where the rows above count the call and the guardian's own).
* **Pauses stored**: the filter declares its worst case (`check_paused({pauses_max})`, the pauses
  read and compared) and refunds down to the pauses stored.
* **Guarded**: the guard budget of one debit ({us(guard_budget)}: a guarded debit whose
  high-water responses fire, and its reads) and the rest of the signer's pool check
  ({us(signer_check)}) are reserved once the signer is known, and settled to what the guard
  did. Only the few accounts a chain protects pay it.

## Transfers per block

From the weights above and the block limits: {NORMAL_BLOCK_NS / 1e6:.0f} ms of normal-class
ref_time per block.

| | weight per transfer | transfers per block | ratio |
|---|---|---|---|
| without the guardian | {us(tx_without)} | {per_block_without:.0f} | 100 % |
| with the guardian (declared = charged) | {us(tx_with)} | {per_block_with:.0f} | **{100 * per_block_with / per_block_without:.1f} %** |

Target ≥ 98 %. An unguarded transfer declares what it uses, so the block builder needs no
headroom beyond it.

## `on_initialize`

| | execution (median) | reads / writes (charged) |
|---|---|---|
| nothing to do, no policy | {us(idle_t)} | {idle_rw[0]} / {idle_rw[1]} |
| nothing to do, 501 policies stored | {us(idle_p_t)} (ratio {ratio(idle_p_t, idle_t)}, rounds {spread([p / i for p, i in zip(idle_p_rounds, idle_rounds)])}) | {idle_p_rw[0]} / {idle_p_rw[1]} |
| {n_min} pause expiring | {us(expire[0][1])} | {db("guardian", "on_initialize_expire", n=n_min)[0]} / {db("guardian", "on_initialize_expire", n=n_min)[1]} |
| {n_max} pauses expiring (worst case, `MaxActivePauses`) | {us(expire[-1][1])} | {db("guardian", "on_initialize_expire", n=n_max)[0]} / {db("guardian", "on_initialize_expire", n=n_max)[1]} |

* With nothing due the hook reads whitelisted keys only (the pause summary, the guard index,
  the risk state, the watch state): it does not grow with the number of policies or accounts
  (the second row stores 501 policies and a global cap).
* With pauses due it grows linearly with the number of pauses stored, at
  {us(expire_slope)} per pause (least squares over n = {n_min}…{n_max}; intercept {us(expire_base)}),
  bounded by `MaxActivePauses` = {n_max}.

## The call filter

| pauses stored (none covering the call) | execution (median) | reads / writes (charged) |
|---|---|---|
| 0 | {us(paused0)} | {paused0_rw[0]} / {paused0_rw[1]} |
| {paused[0][0]} | {us(paused1)} | {paused1_rw[0]} / {paused1_rw[1]} |
| {pauses_max} (`MaxActivePauses`) | {us(paused_max)} | {paused_max_rw[0]} / {paused_max_rw[1]} |

The filter runs on every dispatch, nested ones included. With nothing paused it reads the
whitelisted summary only; with pauses stored it reads the pause list once. The guardian's own
calls and the runtime's whitelist are checked without storage access.

## The pool checks

| | execution (median) | reads / writes (charged) |
|---|---|---|
| `check_velocity` (guarded signer: index, record, global cap) | {us(velocity_t)} | {velocity_rw[0]} / {velocity_rw[1]} |
| `ledger_debit_unguarded` (unguarded: the index only) | {us(unguarded_t)} | {unguarded_rw[0]} / {unguarded_rw[1]} |
| `ledger_debit_guarded` (policy, own limit and global cap, most windows) | {us(ledger_guarded_t)} | {ledger_guarded_rw[0]} / {ledger_guarded_rw[1]} |
| `ledger_debit_guarded_response` (the same, crossing high-water marks: responses fire) | {us(response_t)} | {response_rw[0]} / {response_rw[1]} |
| `observe_fire` (an observation whose playbook responds) | {us(fire_t)} | {fire_rw[0]} / {fire_rw[1]} |

## Reproduce

```sh
benchmarking/report.sh                    # this report: {ROUNDS} rounds, {REPEAT} repetitions
ROUNDS={ROUNDS} REPEAT={REPEAT} benchmarking/report.sh
benchmarking/generate-weights.sh          # the committed weights (steps 50, repeat 20)
```

Both scripts install frame-omni-bencher 0.28.0 (polkadot-sdk stable2609) on first use (about 40
minutes on 2 cores; it needs libclang, which they install with apt) and build the runtime in a
target dir of their own (`~/.cache/pallet-guardian/bench-target`).
""")
