import { run } from '../../src/cli/main';
import { ROOT } from './studies';

/** Runs the CLI in this process (as `study-annotator ARGS` in `cwd`), collecting what it prints. */
export async function cli(args: string[], cwd = ROOT, beforeWrite?: (file: string) => void): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await run(args, cwd, (s) => (stdout += s), (s) => (stderr += s), beforeWrite);
  return { status, stdout, stderr };
}
