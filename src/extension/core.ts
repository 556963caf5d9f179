import type * as Core from '../core';

export type CoreApi = typeof Core;

let core: CoreApi | undefined;

/** Milliseconds the first load of dist/core.js took (0 until then), for the log and the bench. */
export let coreLoadMs = 0;

/**
 * The validation core (ajv, yaml, UCUM tables) loads on first use, not at activation:
 * dist/core.js is a separate bundle that this require pulls in lazily.
 */
export function loadCore(): CoreApi {
  if (!core) {
    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    core = require('../core') as CoreApi;
    coreLoadMs = performance.now() - started;
  }
  return core;
}
