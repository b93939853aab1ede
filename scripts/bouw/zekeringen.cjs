// electron-builder's afterPack hook: flips Electron's fuses with @electron/fuses itself, because
// electron-builder's own `electronFuses` cannot say `strictlyRequireAllFuses` (its schema has no
// such key). With it, a fuse that a newer Electron adds and this list lacks stops the build
// instead of being left at its default; tests/unit/main/bouwconfig.test.ts compares this list with
// @electron/fuses' FuseV1Options too.
const ZEKERINGEN = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

async function zekeringConfig(platform) {
  const { FuseVersion, FuseV1Options } = await import('@electron/fuses');
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // An unsigned macOS arm64 build must be re-signed ad hoc after flipping, or it will not start.
    resetAdHocDarwinSignature: platform === 'darwin',
    ...Object.fromEntries(Object.entries(ZEKERINGEN).map(([naam, waarde]) => [FuseV1Options[naam], waarde])),
  };
}

async function afterPack(context) {
  await context.packager.addElectronFuses(context, await zekeringConfig(context.electronPlatformName));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.ZEKERINGEN = ZEKERINGEN;
module.exports.zekeringConfig = zekeringConfig;
