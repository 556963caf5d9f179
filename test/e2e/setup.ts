/** Before the real-editor tests: Debian packages, then code-server in its cache folder. */
import { ensureCodeServer } from '../../src/dev/code-server';
import { ensurePackages } from '../../src/dev/system';

ensurePackages();
ensureCodeServer((s) => process.stderr.write(`[code-server] ${s}\n`));
