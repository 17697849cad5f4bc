// Fingerprints of a node binary's runtime, for refactors that must not change it: the runtime's
// metadata with every doc string cleared (types with their paths, pallets, calls, events,
// errors, storage entries, constants, transaction extensions, runtime APIs), hashed; the
// genesis state root of the `development` preset; and, since that root covers the runtime's
// wasm (`:code`, which the docs are compiled into), a hash of every genesis key and value but
// `:code`. Usage (prints JSON):
//
//   GUARDIAN_NODE=path/to/guardian-node node tests/e2e/tools/fingerprint.mjs
//
// Two binaries whose fingerprints match have the same runtime interface and genesis, whatever
// their docs say.

import { createHash } from 'node:crypto';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { startNode } from '../lib/node.mjs';

/** `value` with every `docs` field emptied, recursively. */
function withoutDocs(value) {
  if (Array.isArray(value)) return value.map(withoutDocs);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = key === 'docs' ? [] : withoutDocs(inner);
    }
    return out;
  }
  return value;
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

const node = await startNode({ basePath: null, consensus: 'manual-seal-3600000' });
try {
  const { api } = node;
  const metadata = await api.rpc.state.getMetadata();
  const json = metadata.toJSON();
  const stripped = withoutDocs(json);
  // v15 adds the runtime APIs (GuardianApi and its types) to what v14 describes.
  const v15 = {};
  const opaque = await api.call.metadata.metadataAtVersion(15);
  if (opaque.isSome) {
    const decoded = new Metadata(new TypeRegistry(), opaque.unwrap().toU8a(true));
    const v15json = decoded.toJSON();
    v15.metadataV15WithoutDocs = sha256(JSON.stringify(withoutDocs(v15json)));
  }
  const genesis = await api.rpc.chain.getBlockHash(0);
  const header = await api.rpc.chain.getHeader(genesis);
  const pairs = [];
  for (const key of await api.rpc.state.getKeys('0x', genesis)) {
    if (key.toHex() === '0x3a636f6465') continue; // `:code`
    pairs.push([key.toHex(), (await api.rpc.state.getStorage(key, genesis)).toHex()]);
  }
  pairs.sort();
  console.log(JSON.stringify({
    metadataVersion: metadata.version,
    metadataWithoutDocs: sha256(JSON.stringify(stripped)),
    metadataWithDocs: sha256(JSON.stringify(json)),
    types: stripped.metadata[`v${metadata.version}`].lookup.types.length,
    ...v15,
    genesisStateRoot: header.stateRoot.toHex(),
    genesisStateWithoutCode: sha256(JSON.stringify(pairs)),
    genesisHash: genesis.toHex(),
  }, null, 2));
} finally {
  await node.stop();
}
