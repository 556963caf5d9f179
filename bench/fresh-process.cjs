// A first validation in a fresh node process, as the CLI and a just-activated extension pay it:
// loading dist/core.js, then the first validation of a file (which compiles the schema and loads
// the UCUM tables), then a second one of the same file, warm. Plain JavaScript, so no TypeScript
// loader is in the way. Run by core.bench.ts; prints one JSON line.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const text = readFileSync(process.argv[2], 'utf8');
const t0 = performance.now();
const core = require(path.resolve(__dirname, '..', 'dist', 'core.js'));
const t1 = performance.now();
const problems = core.validate(text).length;
const t2 = performance.now();
core.validate(text);
const t3 = performance.now();
process.stdout.write(JSON.stringify({ load: t1 - t0, first: t2 - t1, second: t3 - t2, problems }));
