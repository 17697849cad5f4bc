// The operator console (console/) in a real browser: Debian's headless Chromium driven by
// puppeteer-core, the console served by console/serve.mjs, against the real dev node. What
// the operator does in the page must be in force on chain, and what is on chain must be what
// the page shows.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../console/serve.mjs';
import { poolRefusalText } from '../../console/public/js/actions.js';
import { accounts, startNode, submit, waitForBlock } from './lib/node.mjs';

const UNIT = 10n ** 12n;

/** Debian's chromium, or $CHROMIUM. */
function chromium() {
  const path = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`no browser at ${path}: install Debian's chromium (apt-get install chromium) or set CHROMIUM`);
  }
  return path;
}

describe('operator console in headless Chromium', () => {
  const who = accounts();
  const profile = mkdtempSync(join(tmpdir(), 'guardian-console-'));
  const pageErrors = [];
  let node;
  let server;
  let browser;
  let page;

  before(async () => {
    node = await startNode({ basePath: null });
    server = await startServer({ port: 0 });
    browser = await puppeteer.launch({
      executablePath: chromium(),
      headless: true,
      userDataDir: profile,
      // Root in a container has no user namespaces for the sandbox; the page is our own.
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${server.url}?rpc=${encodeURIComponent(`ws://127.0.0.1:${node.rpcPort}`)}`);
    try {
      await page.waitForSelector('#status[data-state="connected"]', { timeout: 60_000 });
      await page.waitForSelector('body[data-block]', { timeout: 60_000 });
    } catch (error) {
      const status = await page.$eval('#status', (el) => el.textContent).catch(() => '?');
      throw new Error(`the console did not show the chain: status "${status}"; page errors: ${pageErrors.join(' | ')}`, { cause: error });
    }
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await node?.stop();
    rmSync(profile, { recursive: true, force: true });
  });

  /** Waits until the page has drawn block `number` or later. */
  const shown = (number) => page.waitForFunction(
    (n) => Number(document.body.dataset.block) >= n, { timeout: 30_000 }, number);

  /** Fills the governance form as an operator would, submits, and waits for the outcome. */
  async function act(fields) {
    const before = await page.$$eval('#log li', (items) => items.length);
    for (const [id, value] of Object.entries(fields)) {
      const tag = await page.$eval(`#${id}`, (el) => el.tagName);
      if (tag === 'SELECT') {
        await page.select(`#${id}`, value);
      } else {
        await page.$eval(`#${id}`, (el, v) => {
          el.value = v;
          el.dispatchEvent(new Event('change'));
        }, value);
      }
    }
    await page.$eval('body', (body) => { delete body.dataset.lastOutcome; });
    const shownCall = await page.$eval('#signed-data', (el) => el.textContent);
    await page.click('#submit');
    await page.waitForSelector('body[data-last-outcome]', { timeout: 60_000 });
    const log = await page.$$eval('#log li', (items) => items.map((li) => li.textContent));
    // What the page showed is what was signed: the call is in one of the last blocks.
    let head = await node.api.rpc.chain.getHeader();
    let found = false;
    for (let i = 0; i < 4 && !found; i += 1) {
      const { block } = await node.api.rpc.chain.getBlock(head.hash);
      found = block.extrinsics.some((xt) => xt.method.toHex() === shownCall);
      head = await node.api.rpc.chain.getHeader(head.parentHash);
    }
    assert.ok(found, `the call shown (${shownCall}) is the one included`);
    return { ok: await page.$eval('body', (b) => b.dataset.lastOutcome === 'ok'), log: log.slice(0, log.length - before).join('\n') };
  }

  test('connects, names the chain and shows nothing paused at Normal risk', async () => {
    const status = await page.$eval('#status', (el) => el.textContent);
    assert.match(status, /guardian-runtime v\d+/);
    assert.equal(await page.$eval('#pauses-empty', (el) => el.classList.contains('hidden')), false);
    assert.equal(await page.$eval('#risk', (el) => el.dataset.level), 'Normal');
    const signers = await page.$$eval('#signer option', (options) => options.map((o) => o.value));
    assert.ok(signers.includes('dev:Alice'), 'dev keys are offered on a development chain');
  });

  test('a policy set from the console caps the account, and its headroom bar is exact', async () => {
    const policy = JSON.stringify({
      windows: [{ period: 600, limit: { Absolute: (1000n * UNIT).toString() } }],
      highWater: null,
      response: null,
    });
    const { ok, log } = await act({
      action: 'setPolicy', 'policy-who': who.ferdie.address, policy, origin: 'sudo', signer: 'dev:Alice',
    });
    assert.ok(ok, log);
    assert.match(log, /guardian\.PolicySet/);
    const { blockHash } = await submit(
      node.api, node.api.tx.balances.transferKeepAlive(who.dave.address, 300n * UNIT), who.ferdie);
    const number = (await node.api.rpc.chain.getHeader(blockHash)).number.toNumber();
    await shown(number);
    const [onChain] = await node.api.call.guardianApi.allowances(who.ferdie.address);
    assert.equal(onChain.remaining.toBigInt(), 700n * UNIT);
    const remaining = await page.$eval(`.cap[data-who="${who.ferdie.address}"] .window`,
      (el) => el.dataset.remaining);
    assert.equal(BigInt(remaining), onChain.remaining.toBigInt());
    assert.match(await page.$eval(`.cap[data-who="${who.ferdie.address}"]`, (el) => el.textContent),
      /700 UNIT left of 1,000 UNIT/);
  });

  test('a pause made from the console is in force on chain and counts down in the page', async () => {
    const { ok, log } = await act({
      action: 'pause', 'target-kind': 'Pallet', 'target-pallet': 'Balances', blocks: '600',
      origin: 'sudo', signer: 'dev:Alice',
    });
    assert.ok(ok, log);
    assert.match(log, /sudo: ok/);
    assert.match(log, /guardian\.Paused/);

    const until = (await node.api.call.guardianApi.pausedUntil('Balances', 'transfer_keep_alive'))
      .unwrap().toNumber();
    // The pool refuses a transfer now, and the console's decoder names the guardian's code.
    const refused = await submit(node.api, node.api.tx.balances.transferKeepAlive(who.eve.address, UNIT), who.bob)
      .then(() => null, (error) => error.message);
    assert.match(poolRefusalText(node.api, refused ?? ''), /the guardian has paused this call \(code 180\)/);

    const row = 'tr[data-target*="Balances"]';
    await page.waitForSelector(row, { timeout: 30_000 });
    // The block drawn and its countdown, read in one task of the page (never across a redraw).
    const drawn = () => page.$eval(row, (el) => [
      Number(document.body.dataset.block), Number(el.querySelector('.countdown').dataset.blocksLeft),
    ]);
    const [first, left] = await drawn();
    assert.equal(left, until - first, 'blocks left = until − the block shown');
    assert.match(await page.$eval(row, (el) => el.textContent), new RegExp(`Governance until #${until}`));
    await shown(first + 2);
    const [later, leftLater] = await drawn();
    assert.equal(leftLater, until - later);
    assert.ok(leftLater < left, 'the countdown runs');

  });

  test('a monitor is drawn with its last value, exact, against its threshold', async () => {
    const monitor = {
      rule: { Flow: { period: 600, rise: { ShareOfBalance: 10_000_000 }, fall: null } }, // 1%
      staleAfter: null,
      playbook: { pause: [{ Pallet: { pallet: 'Balances' } }], pauseInbound: false, raiseTo: 'Elevated', duration: 100 },
    };
    const set = await submit(node.api, node.api.tx.sudo.sudo(node.api.tx.guardian.setMonitor('Issuance', monitor)), who.alice);
    const number = (await node.api.rpc.chain.getHeader(set.blockHash)).number.toNumber();
    await shown(number + 1);
    const box = '.monitor[data-source="Issuance"]';
    await page.waitForSelector(`${box} polyline`, { timeout: 30_000 });
    const [drawn, shownValue, text, bounds] = await page.$eval(box, (el) => [
      Number(document.body.dataset.block), el.dataset.value, el.textContent,
      el.querySelectorAll('line.bound').length,
    ]);
    const at = await node.api.at(await node.api.rpc.chain.getBlockHash(drawn));
    const [value] = (await at.query.guardian.monitors('Issuance')).unwrap().state.last.unwrap();
    assert.equal(BigInt(shownValue), value.toBigInt(), 'the value drawn is the chain\'s at that block');
    assert.match(text, /last [\d,]+(\.\d+)? UNIT \(#\d+\)/, 'the issuance in the chain\'s unit');
    assert.match(text, /playbook: pause Pallet\(Balances\); raise to Elevated; for 100 blocks/);
    assert.match(text, /rise ≤ 1% per 600 blocks/);
    assert.equal(bounds, 1, 'the rise threshold is drawn');

    if (process.env.CONSOLE_SCREENSHOT) {
      await page.screenshot({ path: process.env.CONSOLE_SCREENSHOT, fullPage: true });
    }
  });

  test('a refused governance call is shown decoded, with the inner error of sudo', async () => {
    const { ok, log } = await act({
      action: 'pause', 'target-kind': 'Pallet', 'target-pallet': 'Balances', blocks: '600',
      origin: 'sudo', signer: 'dev:Alice',
    });
    assert.equal(ok, false);
    assert.match(log, /sudo: failed: guardian\.AlreadyPaused/);
    const bob = await act({ action: 'resume', origin: 'sudo', signer: 'dev:Bob' });
    assert.equal(bob.ok, false);
    assert.match(bob.log, /sudo\.RequireSudo/);
  });

  test('a council motion is built with the threshold the origin needs', async () => {
    const { ok, log } = await act({
      action: 'extend', 'target-kind': 'Pallet', 'target-pallet': 'Balances', blocks: '10',
      origin: 'council', signer: 'dev:Alice',
    });
    assert.ok(ok, log);
    const members = (await node.api.query.council.members()).length;
    assert.match(log, new RegExp(`council motion #0 proposed \\(threshold ${Math.floor(members / 2) + 1}\\)`));
    assert.equal((await node.api.query.council.proposals()).length, 1);
  });

  test('a resume from the console ends the pause on chain and in the page', async () => {
    const { ok, log } = await act({
      action: 'resume', 'target-kind': 'Pallet', 'target-pallet': 'Balances', origin: 'sudo', signer: 'dev:Alice',
    });
    assert.ok(ok, log);
    assert.match(log, /guardian\.Resumed/);
    assert.equal((await node.api.call.guardianApi.activePauses()).length, 0);
    const number = (await node.api.rpc.chain.getHeader()).number.toNumber();
    await waitForBlock(node.api, number + 1);
    await shown(number + 1);
    assert.equal(await page.$eval('#pauses-empty', (el) => el.classList.contains('hidden')), false);
    assert.equal(await page.$eval('#status', (el) => el.dataset.state), 'connected');
    assert.deepEqual(pageErrors, [], 'the page logged no error');
  });
});
