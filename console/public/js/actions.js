// Building the governance calls, wrapping them for their origin (sudo, or a council motion),
// signing with the operator's key, and saying what became of them in words: the pool's
// guardian refusals by the codes the runtime declares, dispatch errors by their metadata.

/** The call `action` with the form's `fields`, before any origin wrapping. */
export function governanceCall(api, action, fields) {
  const tx = api.tx.guardian;
  const target = () => {
    if (fields.kind === 'Chain') return { Chain: null };
    if (fields.kind === 'Pallet') return { Pallet: { pallet: fields.pallet } };
    return { Call: { pallet: fields.pallet, call: fields.call } };
  };
  const blocks = () => {
    const value = Number(fields.blocks);
    if (!Number.isInteger(value) || value < 1) throw new Error('blocks: a whole number ≥ 1');
    return value;
  };
  switch (action) {
    case 'pause': return tx.pause(target(), blocks());
    case 'extend': return tx.extend(target(), blocks());
    case 'resume': return tx.resume(target());
    case 'resetResponse': return tx.resetResponse(JSON.parse(fields.source));
    case 'clearRiskLevel': return tx.clearRiskLevel();
    case 'setPolicy': return tx.setPolicy(fields.who, JSON.parse(fields.policy));
    default: throw new Error(`unknown action ${action}`);
  }
}

/** `call` as the extrinsic that carries it to its origin. */
export function withOrigin(api, call, origin, threshold) {
  if (origin === 'sudo') return api.tx.sudo.sudo(call);
  if (origin === 'council') {
    return api.tx.council.propose(threshold, call, call.method.encodedLength);
  }
  throw new Error(`unknown origin ${origin}`);
}

/** The council threshold an action needs in the template runtime (more than half to pause
 * or extend; two thirds for everything else), given the council's size. */
export function defaultThreshold(action, members) {
  return action === 'pause' || action === 'extend'
    ? Math.floor(members / 2) + 1
    : Math.ceil((2 * members) / 3);
}

/** A dispatch error in words: `section.Name: docs`. */
export function dispatchErrorText(api, error) {
  if (error.isModule) {
    const { section, name, docs } = api.registry.findMetaError(error.asModule);
    return `${section}.${name}${docs.length ? `: ${docs.join(' ')}` : ''}`;
  }
  return error.type === 'Token' || error.type === 'Arithmetic'
    ? `${error.type}.${error.value.type}` : error.type;
}

/** A pool refusal in words; guardian refusals by the codes of `Config::RefusalCodes`. */
export function poolRefusalText(api, message) {
  const custom = /Custom error: (\d+)/.exec(message);
  const codes = api.consts.guardian.refusalCodes;
  if (custom && codes) {
    const code = Number(custom[1]);
    if (code === codes.pausedCall.toNumber()) {
      return `refused by the pool: the guardian has paused this call (code ${code})`;
    }
    if (code === codes.capExceeded.toNumber()) {
      return `refused by the pool: over the guardian's velocity cap (code ${code})`;
    }
  }
  return `refused by the pool: ${message}`;
}

/**
 * Signs `tx` with `signer` (`{ address, signer? }` or a keyring pair) and submits it;
 * `report(text, ok)` hears each step. Resolves with the outcome text once in a block.
 */
export function signAndSubmit(api, tx, signer, report) {
  return new Promise((resolve) => {
    let unsubscribe;
    const done = (text, ok) => {
      unsubscribe?.();
      report(text, ok);
      resolve({ text, ok });
    };
    const account = signer.pair ?? signer.address;
    const options = signer.pair ? { nonce: -1 } : { nonce: -1, signer: signer.signer };
    tx.signAndSend(account, options, (result) => {
      const { status } = result;
      if (status.isReady) report(`in the pool: ${tx.hash.toHex()}`, true);
      if (status.isInBlock || status.isFinalized) {
        const block = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex();
        done(`in block ${block.slice(0, 10)}…: ${outcome(api, result)}`, !failed(result));
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        done(`transaction ${status.type}`, false);
      }
    }).then((u) => { unsubscribe = u; }, (error) => done(poolRefusalText(api, error.message), false));
  });
}

function failed(result) {
  if (result.dispatchError) return true;
  return result.events.some(({ event }) =>
    (event.section === 'sudo' && event.method === 'Sudid' && event.data[0].isErr)
    || (event.section === 'council' && event.method === 'Executed' && event.data[1].isErr));
}

/** What the extrinsic did, from its events. */
function outcome(api, result) {
  if (result.dispatchError) return `failed: ${dispatchErrorText(api, result.dispatchError)}`;
  const said = [];
  for (const { event } of result.events) {
    const { section, method, data } = event;
    if (section === 'sudo' && method === 'Sudid') {
      said.push(data[0].isErr ? `sudo: failed: ${dispatchErrorText(api, data[0].asErr)}` : 'sudo: ok');
    } else if (section === 'council' && method === 'Proposed') {
      said.push(`council motion #${data[1]} proposed (threshold ${data[3]}), hash ${data[2].toHex().slice(0, 10)}…`);
    } else if (section === 'council' && method === 'Executed') {
      said.push(data[1].isErr ? `motion executed: failed: ${dispatchErrorText(api, data[1].asErr)}` : 'motion executed: ok');
    } else if (section === 'guardian') {
      said.push(`guardian.${method}`);
    }
  }
  return said.join('; ') || 'included';
}
