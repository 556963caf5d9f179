import type * as Core from '../core';

export type CoreApi = typeof Core;

let core: CoreApi | undefined;

/**
 * The validation core (ajv, yaml, UCUM tables) loads on first use, not at activation:
 * dist/core.js is a separate bundle that this require pulls in lazily.
 */
export function loadCore(): CoreApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  core ??= require('../core') as CoreApi;
  return core;
}
