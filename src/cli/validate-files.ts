import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_MAX_SIZE, validateFile, type ConditionProfile } from '../core';
import { readCapped } from './files';
import type { Batch, BatchDone } from './validate-worker';

/** What validating one file gave, or why it could not be read (an errno code). */
export type Outcome = { result: ReturnType<typeof validateFile> } | { error: string };

/**
 * Below this many files, one thread is faster. Each worker loads the core and runs its first
 * thousand files or so at up to twice the steady cost while V8 compiles the code, and the
 * compiler threads of two workers take the cores their validation needs. Measured on 2 cores
 * with 239-line files (1 Dec, idle, prod build): 1,111 files 1.34 s in one thread against
 * 1.44 s in two; 2,000 files 2.0 s against 2.2 s; 4,000 files 3.2 s against 3.1 s; 6,000
 * files 4.4 s against 3.9 s. (With more cores the compiler threads have room and the crossing
 * may come earlier; only 2 cores were measured.)
 */
export const PARALLEL_MIN_FILES = 4096;

/** Files handed to a worker at a time: small enough to share the last ones out evenly. */
const BATCH_FILES = 16;

export async function readAndValidate(file: string, cwd: string, profiles: readonly ConditionProfile[]): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(path.resolve(cwd, file), DEFAULT_MAX_SIZE);
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  return { result: validateFile(bytes, { profiles: [...profiles] }) };
}

/** Threads to use: `jobs` when given, else one per core once there are enough files to share. */
export function threadsFor(files: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  if (files < PARALLEL_MIN_FILES) return 1;
  return Math.max(1, Math.min(os.availableParallelism(), Math.ceil(files / BATCH_FILES)));
}

/**
 * Validates the files in order, in this thread or in `threads` worker threads. The worker is a
 * bundle beside this one (`dist/validate-worker.js`); run from the sources there is none, and
 * the files are validated here. Outcomes come back in the files' order, whatever finished first.
 */
export async function validateFiles(files: readonly string[], cwd: string, profiles: readonly ConditionProfile[], threads: number): Promise<Outcome[]> {
  const script = path.join(__dirname, 'validate-worker.js');
  if (threads <= 1 || !existsSync(script)) {
    const out: Outcome[] = [];
    for (const file of files) {
      const outcome = await readAndValidate(file, cwd, profiles);
      out.push(outcome);
      if ('error' in outcome) break; // the caller stops at the first unreadable file
    }
    return out;
  }
  const outcomes: Outcome[] = new Array<Outcome>(files.length);
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(script, { workerData: { cwd, profiles } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= files.length) return resolve();
              const batch: Batch = { start: next, files: files.slice(next, next + BATCH_FILES) };
              next += batch.files.length;
              worker.postMessage(batch);
            };
            worker.on('message', (done: BatchDone) => {
              done.outcomes.forEach((o, i) => (outcomes[done.start + i] = o));
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`a validation worker stopped (exit ${code})`)));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}
