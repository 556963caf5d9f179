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
 * Below this many files, workers cost more than they save: each loads the core (about 65 ms
 * here) and runs its first files slowly, before V8 has compiled the code, and V8's compiler
 * threads of each worker compete for the same cores. Measured on 2 cores with 240-line files
 * (2.5 ms each): one thread is faster up to about 600 files (256: 1.0 s against 1.2 s; 512:
 * 1.62 s against 1.67 s), two are faster from there (1,024: 2.4 s against 2.8 s).
 */
export const PARALLEL_MIN_FILES = 512;

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
