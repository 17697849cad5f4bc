// Starting and stopping the real guardian-node binary on loopback, and talking to it through
// @polkadot/api.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';

const running = new Set();
// Stop every node we started, whatever happens to the test process.
for (const signal of ['exit', 'SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    if (signal !== 'exit') process.exit(1);
  });
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The node binary: $GUARDIAN_NODE, or the debug build in the shared target directory. */
export function nodeBinary() {
  if (process.env.GUARDIAN_NODE) return process.env.GUARDIAN_NODE;
  const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/pallet-guardian/target');
  return join(target, 'debug', 'guardian-node');
}

/** A fresh base path for a node; removed by `removeBasePath`. */
export function newBasePath() {
  return mkdtempSync(join(tmpdir(), 'guardian-e2e-'));
}

export function removeBasePath(path) {
  rmSync(path, { recursive: true, force: true });
}

/**
 * Starts `guardian-node --dev` on `basePath` (a temporary one if null) with `consensus`
 * (manual seal every 500 ms by default), RPC (on `rpcPort`, or a free port) and p2p on
 * loopback only, and connects @polkadot/api to it.
 */
export async function startNode({ basePath, consensus = 'manual-seal-500', rpcPort: port }) {
  const rpcPort = port ?? await freePort();
  const args = [
    '--dev',
    // Without a base path, --dev runs on a temporary one (--tmp).
    ...(basePath ? ['--base-path', basePath] : []),
    '--consensus', consensus,
    '--rpc-port', String(rpcPort),
    '--listen-addr', '/ip4/127.0.0.1/tcp/0',
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
  ];
  const child = spawn(nodeBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let log = '';
  child.stderr.on('data', (chunk) => {
    log = (log + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));

  const deadline = Date.now() + 180_000;
  let api;
  while (!api) {
    if (child.exitCode !== null) throw new Error(`node exited (${child.exitCode}):\n${log}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`node did not answer on ${rpcPort} within 180 s:\n${log}`);
    }
    try {
      const provider = new WsProvider(`ws://127.0.0.1:${rpcPort}`, false);
      await provider.connect();
      if (!provider.isConnected) await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('ws timeout')), 5_000);
        provider.on('connected', () => { clearTimeout(timer); resolve(); });
        provider.on('error', () => { clearTimeout(timer); reject(new Error('ws error')); });
      });
      api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  return {
    api,
    rpcPort,
    log: () => log,
    async stop() {
      await api.disconnect().catch(() => {});
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      running.delete(child);
    },
  };
}

/** The dev accounts. */
export function accounts() {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const of = (name) => keyring.addFromUri(`//${name}`);
  return {
    alice: of('Alice'), bob: of('Bob'), charlie: of('Charlie'),
    dave: of('Dave'), eve: of('Eve'), ferdie: of('Ferdie'),
  };
}

/**
 * Signs and submits `tx` (with extra signer `options`, e.g. `{ mode: 1, metadataHash }`);
 * resolves with `{ events, dispatchError, blockHash }` once it is in a block, rejects with the
 * pool's error if the pool refuses it.
 */
export function submit(api, tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    tx.signAndSend(signer, { nonce: -1, ...options }, (result) => {
      // Manual seal finalizes each block as it imports it: the pool may report `Finalized`
      // without an `InBlock` first.
      if (result.status.isInBlock || result.status.isFinalized) {
        unsubscribe?.();
        resolve({
          events: result.events,
          dispatchError: result.dispatchError,
          blockHash: result.status.isInBlock ? result.status.asInBlock : result.status.asFinalized,
        });
      } else if (result.status.isInvalid || result.status.isDropped || result.status.isUsurped) {
        unsubscribe?.();
        reject(new Error(`transaction ${result.status.type}`));
      }
    }).then((u) => { unsubscribe = u; }, reject);
  });
}

/** `section.name` of a dispatch error. */
export function errorName(api, dispatchError) {
  if (dispatchError?.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError?.toString();
}

/** Events of `section.method` among `events` (as returned by `submit`). */
export function eventsOf(events, section, method) {
  return events.filter(({ event }) => event.section === section && event.method === method);
}

/** Submits `call` through `sudo.sudo` by Alice; returns the inner result's error name, or null. */
export async function sudo(api, call) {
  const { alice } = accounts();
  const { events, dispatchError } = await submit(api, api.tx.sudo.sudo(call), alice);
  if (dispatchError) throw new Error(`sudo itself failed: ${errorName(api, dispatchError)}`);
  const [sudid] = eventsOf(events, 'sudo', 'Sudid');
  const result = sudid.event.data[0];
  return result.isErr ? errorName(api, result.asErr) : null;
}

/** Resolves once the chain has reached block `number`. */
export async function waitForBlock(api, number) {
  return new Promise((resolve) => {
    let unsubscribe;
    api.rpc.chain.subscribeNewHeads((header) => {
      if (header.number.toNumber() >= number) {
        unsubscribe?.();
        resolve(header);
      }
    }).then((u) => { unsubscribe = u; });
  });
}

/** The agent binary: $GUARDIAN_WATCHER, or the debug build in the shared target directory. */
export function watcherBinary() {
  if (process.env.GUARDIAN_WATCHER) return process.env.GUARDIAN_WATCHER;
  const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/pallet-guardian/target');
  return join(target, 'debug', 'guardian-watcher');
}

/**
 * Starts guardian-watcher against `ws://127.0.0.1:<rpcPort>` with `args`, its Prometheus
 * endpoint on a free loopback port; keeps the last 200 kB of its log. Stopped by `stop()` (and
 * killed with every node if the test process dies).
 */
export async function startWatcher({ rpcPort, args }) {
  const prometheusPort = await freePort();
  const child = spawn(watcherBinary(), [
    '--url', `ws://127.0.0.1:${rpcPort}`,
    '--prometheus-port', String(prometheusPort),
    ...args,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let log = '';
  child.stderr.on('data', (chunk) => {
    log = (log + chunk.toString()).slice(-200_000);
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    prometheusPort,
    log: () => log,
    running: () => child.exitCode === null,
    async metrics() {
      const response = await fetch(`http://127.0.0.1:${prometheusPort}/metrics`);
      return response.text();
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      running.delete(child);
    },
  };
}
