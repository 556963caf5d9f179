// The esbuild plugin that puts ajv's standalone code, generated from the schema at build time,
// in place of src/core/schema/validator-source.ts: used by esbuild.mjs for the core bundle, and
// by the mutation tests' bundle (test/mutation/build.mjs), whose processes then skip the schema
// compile too.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const precompiledValidator = {
  name: 'precompiled-validator',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]schema[\\/]validator-source\.ts$/ }, async () => {
      const generator = await esbuild.build({ entryPoints: ['src/dev/standalone-validator.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
      const file = path.resolve('.cache/build/standalone-validator.cjs');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, generator.outputFiles[0].text);
      const require = createRequire(import.meta.url);
      delete require.cache[file]; // --watch: the schema may have changed
      return { contents: require(file).standaloneValidatorModule(), loader: 'js', resolveDir: path.resolve('src/core/schema') };
    });
  },
};
