/** The `study-annotator` executable: runs the CLI on this process's arguments and streams. */
import { run } from './main';

// A reader that closes early (`validate … | head -1`) is not an error: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

void run(process.argv.slice(2), process.cwd(), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then((code) => {
  process.exitCode = code;
});
