// End-to-end: the real guardian-node and the real guardian-watcher agent on loopback. A quiet
// run files no report; a scripted drain of a guarded account (within its caps) is detected by
// the agent, which files a bonded report that pauses the drained call within a few blocks;
// governance confirms the report and the reporter is repaid and rewarded. The agent survives
// its node restarting: it says so, reconnects and follows the chain again.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { u8aConcat, stringToU8a } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import {
  accounts, newBasePath, removeBasePath, startNode, startWatcher, submit, sudo,
} from './lib/node.mjs';

const UNIT = 10n ** 12n;
const WARMUP = 20;
const QUIET_BLOCKS = 40;
/** Blocks from the drain's first block to the pause in force that the test accepts. */
const DETECTION_BOUND = 5;
const REPORT_DURATION = 100;
const TARGET = { Call: { pallet: 'Balances', call: 'transfer_keep_alive' } };

describe('guardian-watcher against the dev node', () => {
  const who = accounts();
  const basePath = newBasePath();
  let node;
  let api;
  let agent;

  /** Dave pays Eve `amount`; resolves with the block number that included it. */
  async function pay(amount) {
    const { blockHash, dispatchError } = await submit(
      api, api.tx.balances.transferKeepAlive(who.eve.address, amount), who.dave);
    assert.equal(dispatchError, undefined);
    return (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  }

  const reports = async () => (await api.query.guardian.nextReportId()).toNumber();
  const paused = async () => {
    const until = await api.call.guardianApi.pausedUntil('Balances', 'transfer_keep_alive');
    return until.isSome;
  };

  before(async () => {
    // One block a second, whether transactions arrive or not.
    node = await startNode({ basePath, consensus: 'manual-seal-1000' });
    api = node.api;
    // Governance: Dave is guarded (a generous cap: the drain stays within it), his transfers
    // are reportable, and the treasury can pay a reward.
    const treasury = encodeAddress(
      u8aConcat(stringToU8a('modl'), api.consts.treasury.palletId.toU8a(), new Uint8Array(20)), 42);
    assert.equal(await sudo(api, api.tx.utility.batchAll([
      api.tx.guardian.setPolicy(who.dave.address, {
        windows: [{ period: 1000, limit: { Absolute: 500_000n * UNIT } }],
        highWater: null,
        response: null,
      }),
      api.tx.guardian.setReportable(TARGET, true),
      api.tx.balances.forceSetBalance(treasury, 100_000n * UNIT),
    ])), null);
    agent = await startWatcher({
      rpcPort: node.rpcPort,
      args: [
        '--warmup', String(WARMUP),
        '--report-target', 'Balances::transfer_keep_alive',
        '--report-duration', String(REPORT_DURATION),
        '--key', '//Ferdie',
        '--submit',
      ],
    });
  });

  after(async () => {
    await agent?.stop();
    await node?.stop();
    removeBasePath(basePath);
  });

  test(`a quiet run of ${QUIET_BLOCKS} blocks files no report`, async () => {
    // Small payments of 1 to 3 UNIT (a fixed pattern), one per block.
    for (let i = 0; i < QUIET_BLOCKS; i += 1) {
      await pay(BigInt(1 + ((i * 7) % 3)) * UNIT);
    }
    assert.equal(await reports(), 0, `the agent reported a quiet run:\n${agent.log()}`);
    assert.ok(!(await paused()));
    assert.ok(agent.running(), agent.log());
    const metrics = await agent.metrics();
    assert.match(metrics, /guardian_watcher_best_block \d+/);
    assert.match(metrics, /guardian_watcher_signal\{signal="outflow:/);
    assert.doesNotMatch(metrics, /guardian_watcher_reports_total/);
  });

  test('a drain is detected, reported with a bond, and paused within a few blocks', async () => {
    const ferdieBefore = (await api.query.system.account(who.ferdie.address)).data;
    let first;
    let pausedAt;
    for (let i = 0; i < 3 * DETECTION_BOUND && pausedAt === undefined; i += 1) {
      try {
        const block = await pay(5_000n * UNIT);
        first ??= block;
      } catch (refused) {
        // The pool refuses a paused call with Custom error 180.
        assert.match(String(refused), /180|Invalid/, String(refused));
      }
      if (await paused()) pausedAt = (await api.rpc.chain.getHeader()).number.toNumber();
    }
    assert.ok(pausedAt !== undefined, `never paused:\n${agent.log()}`);
    const latency = pausedAt - first;
    console.log(`drain detected, reported and paused ${latency} blocks after its first block`);
    assert.ok(latency <= DETECTION_BOUND, `${latency} blocks:\n${agent.log()}`);
    assert.equal(await reports(), 1);
    const report = (await api.query.guardian.reports(0)).unwrap();
    assert.equal(report.reporter.toString(), who.ferdie.address);
    assert.match(agent.log(), /FINDING block \d+: outflow:/);
    assert.match(agent.log(), /REPORT submitted/);
    const ferdieAfter = (await api.query.system.account(who.ferdie.address)).data;
    assert.equal(ferdieAfter.reserved.toBigInt() - ferdieBefore.reserved.toBigInt(),
      report.deposit.toBigInt(), 'the deposit is held');
  });

  test('governance confirms the report: the reporter is repaid and rewarded', async () => {
    const before = (await api.query.system.account(who.ferdie.address)).data;
    const report = (await api.query.guardian.reports(0)).unwrap();
    assert.equal(await sudo(api, api.tx.guardian.confirmReport(0)), null);
    const after = (await api.query.system.account(who.ferdie.address)).data;
    const reward = api.consts.guardian.reportReward.toBigInt();
    assert.equal(after.free.toBigInt() - before.free.toBigInt(),
      report.deposit.toBigInt() + reward);
    const reputation = await api.call.guardianApi.reputation(who.ferdie.address);
    assert.equal(reputation.confirmed.toNumber(), 1);
  });

  test('the agent survives its node restarting and follows the chain again', async () => {
    const { rpcPort } = node;
    const bestBefore = (await api.rpc.chain.getHeader()).number.toNumber();
    await node.stop();
    // The node is down: the agent says so and keeps trying.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.ok(agent.running(), agent.log());
    assert.match(agent.log(), /reconnecting/);
    node = await startNode({ basePath, consensus: 'manual-seal-1000', rpcPort });
    api = node.api;
    let best = 0;
    for (let i = 0; i < 60 && best <= bestBefore + 2; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const match = (await agent.metrics().catch(() => '')).match(/guardian_watcher_best_block (\d+)/);
      best = match ? Number(match[1]) : 0;
    }
    assert.ok(best > bestBefore + 2, `the agent did not follow the restarted node:\n${agent.log()}`);
    assert.equal((agent.log().match(/connected to ws:/g) ?? []).length >= 2, true, agent.log());
    assert.match(await agent.metrics(), /guardian_watcher_reconnects_total [1-9]/);
  });
});
