/** A worker thread of `validate`: reads and validates the batches of files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ConditionProfile } from '../core';
import { readAndValidate, type Outcome } from './validate-files';

export interface Batch {
  start: number;
  files: string[];
}

export interface BatchDone {
  start: number;
  outcomes: Outcome[];
}

const { cwd, profiles } = workerData as { cwd: string; profiles: ConditionProfile[] };

parentPort?.on('message', (batch: Batch) => {
  void (async () => {
    const outcomes: Outcome[] = [];
    for (const file of batch.files) outcomes.push(await readAndValidate(file, cwd, profiles));
    const done: BatchDone = { start: batch.start, outcomes };
    parentPort?.postMessage(done);
  })();
});
