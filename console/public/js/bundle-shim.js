// @polkadot/api's browser bundle reads two sub-path modules of @polkadot/types from globals
// that the types bundle never defines: `constants` (@polkadot/types/extrinsic/constants) and
// `util$1` (@polkadot/types/util). It uses one name of each; define them as those modules do.
// A classic script, loaded between the types bundle and the api bundle.
globalThis.constants ??= {
  LATEST_EXTRINSIC_VERSION: globalThis.polkadotTypes.GenericExtrinsic.LATEST_EXTRINSIC_VERSION,
};
globalThis.util$1 ??= {
  unwrapStorageSi: (type) => (type.isPlain ? type.asPlain : type.asMap.value),
};
