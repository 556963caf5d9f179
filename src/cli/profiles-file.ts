import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseProfiles, type ConditionProfile } from '../core';
import { UsageError } from './files';

export async function loadProfiles(file: string, cwd: string): Promise<ConditionProfile[]> {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read profiles file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const parsed = parseProfiles(text);
  if ('error' in parsed) throw new UsageError(`profiles file ${file}: ${parsed.error}`);
  return parsed.profiles;
}
