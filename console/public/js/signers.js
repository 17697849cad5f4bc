// Who signs: the accounts of the operator's wallet extension (polkadot{.js}, Talisman,
// SubWallet... through the injected-web3 interface they all implement), and on a development
// chain only, the well-known dev keys. The console never holds any other key.

const DEV_KEYS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

/** The signers on offer: `[{ id, name, address, pair? , signer? }]`. */
export async function signers(api) {
  const list = [];
  for (const [name, extension] of Object.entries(globalThis.injectedWeb3 ?? {})) {
    try {
      const enabled = await extension.enable('guardian console');
      for (const account of await enabled.accounts.get()) {
        list.push({
          id: `${name}:${account.address}`,
          name: `${account.name ?? account.address} (${name})`,
          address: account.address,
          signer: enabled.signer,
        });
      }
    } catch (error) {
      console.warn(`wallet extension ${name}: ${error.message}`);
    }
  }
  const chainType = await api.rpc.system.chainType();
  if (chainType.isDevelopment || chainType.isLocal) {
    await globalThis.polkadotUtilCrypto.cryptoWaitReady();
    const keyring = new globalThis.polkadotKeyring.Keyring({
      type: 'sr25519', ss58Format: api.registry.chainSS58 ?? 42,
    });
    for (const name of DEV_KEYS) {
      const pair = keyring.addFromUri(`//${name}`);
      list.push({ id: `dev:${name}`, name: `${name} (dev key)`, address: pair.address, pair });
    }
  }
  return list;
}
