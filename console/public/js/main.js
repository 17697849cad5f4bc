// The console's wiring: connect, redraw on every new best block, and the governance form.

import { connect, readState } from './chain.js';
import { formatter, render } from './view.js';
import { defaultThreshold, governanceCall, signAndSubmit, withOrigin } from './actions.js';
import { signers as loadSigners } from './signers.js';

const HISTORY = 60; // monitor values kept per chart
const $ = (id) => document.getElementById(id);

let session = null; // { api, unsubscribe, signers, amount, msPerBlock, ... }

function setStatus(text, state) {
  $('status').textContent = text;
  $('status').dataset.state = state;
}

function log(text, ok) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  item.className = ok ? 'ok' : 'bad';
  $('log').prepend(item);
}

async function start(endpoint) {
  if (session) {
    session.unsubscribe?.();
    await session.api.disconnect();
    session = null;
  }
  setStatus(`connecting to ${endpoint}…`, 'connecting');
  const api = await connect(endpoint);
  const [chain, version] = await Promise.all([api.rpc.system.chain(), api.rpc.state.getRuntimeVersion()]);
  const decimals = api.registry.chainDecimals[0] ?? 0;
  const symbol = api.registry.chainTokens[0] ?? '';
  const minimum = api.consts.timestamp?.minimumPeriod?.toNumber() ?? 3_000;
  session = {
    api,
    amount: formatter(decimals, symbol),
    msPerBlock: 2 * minimum,
    history: new Map(),
    watched: [],
    times: [],
    signers: await loadSigners(api),
    councilSize: api.query.council ? (await api.query.council.members()).length : 0,
  };
  const name = `${chain} · ${version.specName} v${version.specVersion}`;
  setStatus(name, 'connected');
  // A dropped connection must not leave a frozen view labelled connected.
  api.on('disconnected', () => { if (session?.api === api) setStatus(`disconnected from ${endpoint}: reconnecting…`, 'error'); });
  api.on('connected', () => { if (session?.api === api) setStatus(name, 'connected'); });
  fillForm(api);
  session.unsubscribe = await api.rpc.chain.subscribeNewHeads((header) => refresh(header));
}

/** Reads and draws the state at `header`; slow reads never pile up (the latest wins). */
let busy = false;
let pending = null;
async function refresh(header) {
  pending = header;
  if (busy) return;
  busy = true;
  try {
    while (pending) {
      const next = pending;
      pending = null;
      const current = session;
      const state = await readState(current.api, next.hash, current.watched);
      if (current !== session) return;
      observeTime(current, state.number);
      for (const monitor of state.monitors) {
        if (monitor.value === null) continue;
        const points = current.history.get(monitor.key) ?? [];
        if (points.at(-1)?.number !== state.number) points.push({ number: state.number, value: monitor.value });
        current.history.set(monitor.key, points.slice(-HISTORY));
      }
      render(state, current);
      offerSources(state.monitors);
      document.body.dataset.block = state.number;
    }
  } catch (error) {
    setStatus(`error: ${error?.message ?? error}`, 'error');
  } finally {
    busy = false;
  }
}

/** The block time the chain really keeps (manual seal, slow collators), from arrivals. */
function observeTime(current, number) {
  current.times.push({ number, at: Date.now() });
  current.times = current.times.slice(-20);
  const [first, last] = [current.times[0], current.times.at(-1)];
  if (last.number - first.number >= 3) {
    current.msPerBlock = (last.at - first.at) / (last.number - first.number);
  }
}

function fillForm(api) {
  const pallets = api.runtimeMetadata.asLatest.pallets
    .filter((p) => p.calls.isSome)
    .map((p) => p.name.toString());
  $('target-pallet').replaceChildren(...pallets.map((name) => new Option(name, name)));
  $('target-pallet').value = pallets.includes('Balances') ? 'Balances' : pallets[0];
  fillCalls(api);
  offerSources([]);
  $('signer').replaceChildren(...session.signers.map((s) => new Option(s.name, s.id)));
  $('policy').value = JSON.stringify({
    windows: [{ period: 600, limit: { Absolute: (1000n * 10n ** BigInt(api.registry.chainDecimals[0] ?? 0)).toString() } }],
    highWater: null,
    response: null,
  });
  updateForm();
}

/** The monitors' sources as the choices of "reset a monitor's response". */
function offerSources(monitors) {
  const wanted = [...new Set(['"Issuance"', ...monitors.map((m) => JSON.stringify(m.json))])];
  const select = $('source');
  const have = [...select.options].map((o) => o.value);
  if (wanted.join() === have.join()) return;
  const chosen = select.value;
  select.replaceChildren(...wanted.map((value) => new Option(value.replaceAll('"', ''), value)));
  if (wanted.includes(chosen)) select.value = chosen;
  // The call data shown must be the call a submit builds, whatever the options became.
  updateForm();
}

function fillCalls(api) {
  const pallet = $('target-pallet').value;
  const calls = Object.keys(api.tx[pallet.charAt(0).toLowerCase() + pallet.slice(1)] ?? {})
    .map((name) => api.tx[pallet.charAt(0).toLowerCase() + pallet.slice(1)][name].meta.name.toString());
  $('target-call').replaceChildren(...calls.map((name) => new Option(name, name)));
}

function formFields() {
  return Object.fromEntries(new FormData($('act')).entries());
}

/** Shows the fields the chosen action takes, and the call data it would submit. */
function updateForm() {
  if (!session) return;
  const { api } = session;
  const action = $('action').value;
  const targeted = ['pause', 'extend', 'resume'].includes(action);
  $('target-fields').classList.toggle('hidden', !targeted);
  $('blocks-field').classList.toggle('hidden', action === 'resume');
  $('target-pallet').disabled = $('target-kind').value === 'Chain';
  $('target-call').disabled = $('target-kind').value !== 'Call';
  $('source-fields').classList.toggle('hidden', action !== 'resetResponse');
  $('policy-fields').classList.toggle('hidden', action !== 'setPolicy');
  $('threshold-field').classList.toggle('hidden', $('origin').value !== 'council');
  // The threshold the origin needs, set when the action or the origin changes; one the
  // operator typed stays until then.
  const key = `${action}/${$('origin').value}`;
  if (session.councilSize && session.thresholdFor !== key) {
    $('threshold').value = defaultThreshold(action, session.councilSize);
    session.thresholdFor = key;
  }
  try {
    const fields = formFields();
    const call = governanceCall(api, action, fields);
    const signed = withOrigin(api, call, fields.origin, Number(fields.threshold));
    $('call-data').textContent = call.method.toHex();
    $('signed-data').textContent = signed.method.toHex();
  } catch (error) {
    $('call-data').textContent = `(${error.message})`;
    $('signed-data').textContent = '';
  }
}

$('connect').addEventListener('submit', (event) => {
  event.preventDefault();
  start($('endpoint').value.trim()).catch((error) => setStatus(`error: ${error?.message ?? error}`, 'error'));
});

$('watch').addEventListener('submit', (event) => {
  event.preventDefault();
  const who = $('watch-account').value.trim();
  if (!session || !who) return;
  try {
    globalThis.polkadotUtilCrypto.decodeAddress(who);
  } catch {
    log(`not an address: ${who}`, false);
    return;
  }
  if (!session.watched.includes(who)) session.watched.push(who);
});

for (const id of ['action', 'target-kind', 'target-call', 'blocks', 'source', 'policy-who', 'policy', 'origin', 'threshold']) {
  $(id).addEventListener('change', () => updateForm());
}
$('target-pallet').addEventListener('change', () => { fillCalls(session.api); updateForm(); });

$('act').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!session) return;
  const { api } = session;
  const fields = formFields();
  const signer = session.signers.find((s) => s.id === fields.signer);
  if (!signer) { log('no signer: connect a wallet extension, or use a dev chain', false); return; }
  let tx;
  try {
    const call = governanceCall(api, fields.action, fields);
    tx = withOrigin(api, call, fields.origin, Number(fields.threshold));
  } catch (error) {
    log(`cannot build the call: ${error.message}`, false);
    return;
  }
  $('submit').disabled = true;
  log(`${fields.action} via ${fields.origin}, signed by ${signer.name}`, true);
  const { ok } = await signAndSubmit(api, tx, signer, log);
  $('submit').disabled = false;
  document.body.dataset.lastOutcome = ok ? 'ok' : 'failed';
});

const endpoint = new URLSearchParams(location.search).get('rpc');
if (endpoint) {
  $('endpoint').value = endpoint;
  start(endpoint).catch((error) => setStatus(`error: ${error?.message ?? error}`, 'error'));
}
