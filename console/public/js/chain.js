// Reading the guardian's state from a node: the runtime API where the pallet's rules are
// needed to interpret storage (expiry, rolling windows, the risk level), storage otherwise.
// Everything is read at one block hash, so one view never mixes two blocks.

const { ApiPromise, WsProvider } = globalThis.polkadotApi;

/** Connects to `endpoint` (ws:// or wss://); rejects if the node does not answer. */
export async function connect(endpoint) {
  const provider = new WsProvider(endpoint, 2_500);
  let api;
  try {
    api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  } catch (error) {
    await provider.disconnect().catch(() => {});
    throw new Error(`no node answers at ${endpoint} (${error?.message ?? error?.type ?? 'closed'})`);
  }
  if (!api.query.guardian || !api.call.guardianApi) {
    await api.disconnect();
    throw new Error('this chain has no guardian pallet or no GuardianApi');
  }
  return api;
}

/** How many guarded accounts one view lists (others are looked up by address). */
export const LISTED_ACCOUNTS = 32;

/** The guardian's state at block `hash`, as plain values for the view. */
export async function readState(api, hash, watched = []) {
  const at = await api.at(hash);
  const g = at.query.guardian;
  // Methods of a newer API version than the node's are absent, not errors.
  const call = (name, ...args) =>
    (at.call.guardianApi[name] ? at.call.guardianApi[name](...args) : Promise.resolve(null));

  const [header, pauses, holds, risk, contributions, monitors, reports, guards, globalCap,
    inbound, sources] = await Promise.all([
    api.rpc.chain.getHeader(hash),
    call('activePauses'),
    g.pauseHolds(),
    call('riskLevel'),
    g.riskContributions.entries(),
    g.monitors.entries(),
    g.reports.entries(),
    g.guards.keys().then((keys) => keys.slice(0, LISTED_ACCOUNTS)),
    call('globalCap'),
    call('xcmInboundPauses'),
    g.alertSources ? g.alertSources.entries() : [],
  ]);
  const accounts = [...new Set([...guards.map((key) => key.args[0].toString()), ...watched])];
  // One bad address must not freeze the view: its caps are shown as unreadable.
  const allowances = await Promise.all(accounts.map((who) => call('allowances', who).catch(() => null)));

  const holders = new Map(holds.map((entry) => [
    label(entry.target),
    entry.holds.map(([by, until]) => ({ by: label(by), until: until.toNumber() })),
  ]));
  const number = header.number.toNumber();
  // Storage keeps a hold or a contribution until it is next written; in force is `until > now`.
  const live = (item) => item.until > number;
  return {
    number,
    hash: hash.toString(),
    pauses: (pauses ?? []).map((record) => ({
      target: record.target.toJSON(),
      label: label(record.target),
      since: record.since.toNumber(),
      until: record.until.toNumber(),
      holders: (holders.get(label(record.target)) ?? []).filter(live),
    })),
    risk: risk ? risk.toString() : 'unknown',
    contributions: contributions.map(([key, until]) => ({
      by: label(key.args[0]),
      level: key.args[1].toString(),
      until: until.unwrap().toNumber(),
    })).filter(live),
    caps: [
      ...(globalCap && globalCap.length ? [{ who: null, windows: windows(globalCap) }] : []),
      ...accounts.map((who, i) => ({ who, unreadable: allowances[i] === null, windows: windows(allowances[i] ?? []) })),
    ],
    monitors: monitors.map(([key, value]) => monitor(key.args[0], value.unwrap())),
    reports: reports.map(([key, value]) => {
      const report = value.unwrap();
      return {
        id: key.args[0].toNumber(),
        reporter: report.reporter.toString(),
        target: label(report.target),
        deposit: report.deposit.toBigInt(),
        filed: report.filed.toNumber(),
        until: report.until.toNumber(),
      };
    }),
    inbound: (inbound ?? []).map((pause) => ({
      from: pause.from.isSome ? label(pause.from.unwrap()) : 'every origin',
      by: label(pause.by),
      until: pause.until.toNumber(),
    })),
    sources: sources.map(([key, value]) => {
      const source = value.unwrap();
      return {
        id: source.id.toNumber(),
        location: label(key.args[0]),
        playbooks: source.playbooks.map(([kind]) => label(kind)).join(', '),
      };
    }),
  };
}

function windows(list) {
  return list.map((w) => ({
    scope: w.scope.toString(),
    period: w.spec.period.toNumber(),
    limit: w.limit.toBigInt(),
    used: w.used.toBigInt(),
    remaining: w.remaining.toBigInt(),
  }));
}

function monitor(source, value) {
  const rule = value.rule.isSome ? value.rule.unwrap() : null;
  const last = value.state.last.isSome ? value.state.last.unwrap() : null;
  const basis = value.state.basis.isSome ? value.state.basis.unwrap()[0].toBigInt() : null;
  const reference = last ? last[0].toBigInt() : null;
  const bounds = [];
  let summary = 'no rule';
  if (rule?.isJump) {
    const { within, maxJump } = rule.asJump;
    const share = BigInt(maxJump.toNumber());
    summary = `jump ≤ ${perbill(share)} of the reference, for ${within.toNumber()} blocks`;
    if (reference !== null) {
      bounds.push(reference + reference * share / 1_000_000_000n);
      bounds.push(reference - reference * share / 1_000_000_000n);
    }
  } else if (rule?.isFlow) {
    const { period, rise, fall } = rule.asFlow;
    const limit = (l) => (l.isSome ? (l.unwrap().isAbsolute
      ? { absolute: l.unwrap().asAbsolute.toBigInt() }
      : { share: BigInt(l.unwrap().asShareOfBalance.toNumber()) }) : null);
    const up = limit(rise);
    const down = limit(fall);
    const amount = (l) => (l.absolute ?? (basis ?? 0n) * l.share / 1_000_000_000n);
    const text = (l) => (l.absolute !== undefined ? String(l.absolute) : perbill(l.share));
    summary = [up && `rise ≤ ${text(up)}`, down && `fall ≤ ${text(down)}`].filter(Boolean)
      .join(', ') + ` per ${period.toNumber()} blocks`;
    if (basis !== null && up) bounds.push(basis + amount(up));
    if (basis !== null && down) bounds.push(basis - amount(down));
  }
  return {
    key: source.toString(),
    json: source.toJSON(),
    source: label(source),
    value: reference,
    at: last ? last[1].toNumber() : null,
    summary,
    bounds,
    playbook: playbookText(value.playbook),
  };
}

/** A playbook as a sentence: what it pauses, the level it raises to, for how long. */
function playbookText(playbook) {
  const parts = [];
  if (playbook.pause.length) parts.push(`pause ${playbook.pause.map(label).join(', ')}`);
  if (playbook.pauseInbound?.isTrue) parts.push('pause inbound XCM');
  if (!playbook.raiseTo.isNormal) parts.push(`raise to ${playbook.raiseTo.toString()}`);
  parts.push(`for ${playbook.duration.toNumber()} blocks`);
  return parts.join('; ');
}

/** A codec as short text: enums by variant, byte names as text. */
export function label(codec) {
  const human = codec.toHuman ? codec.toHuman() : codec;
  if (typeof human === 'string') return human;
  if (human && typeof human === 'object') {
    const entries = Object.entries(human);
    if (entries.length === 1) {
      const [variant, inner] = entries[0];
      if (inner === null || inner === undefined) return variant;
      return `${variant}(${Object.values(typeof inner === 'object' ? inner : { inner }).join(' · ')})`;
    }
    return JSON.stringify(human);
  }
  return String(human);
}

function perbill(parts) {
  return `${Number(parts) / 10_000_000}%`;
}
