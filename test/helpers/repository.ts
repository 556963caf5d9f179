import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLES, studyFiles } from './studies';

/**
 * A folder of `n` study files: the examples over and over, named in order (`000-…`), each with
 * an id of its own except the indexes in `sameId`, which share one.
 */
export function repository(n: number, sameId: number[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sa-threads-'));
  const examples = studyFiles(EXAMPLES).map((f) => ({ name: path.basename(f), text: readFileSync(f, 'utf8') }));
  for (let i = 0; i < n; i++) {
    const ex = examples[i % examples.length]!;
    const id = sameId.includes(i) ? 'shared-id' : `study-${i}`;
    writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}-${ex.name}`), ex.text.replace(/^( {2}id: )\S+$/m, `$1${id}`));
  }
  return dir;
}
