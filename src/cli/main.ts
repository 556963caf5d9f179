import { version as VERSION } from '../../package.json';
import { atLeast, compareProblems, duplicateStudyIds, SCHEMA_VERSION, type ConditionProfile, type Severity, type StudyIdLocation } from '../core';
import { expandOperands, readArgs, UsageError } from './files';
import { threadsFor, validateFiles } from './validate-files';
import { FIX_HELP, parseFixArgs, runFix, type BeforeWrite, type FixOptions } from './fix';
import { COMPARE_HELP, parseCompareArgs, runCompare, type CompareOptions } from './compare';
import { AGREE_HELP, parseAgreeArgs, runAgree, type AgreeOptions } from './agree';
import { formatHuman, formatJson, formatSarif, type FileReport } from './formats';
import { loadProfiles } from './profiles-file';

const HELP = `Usage: study-annotator validate [options] <files | directories | globs>...
       study-annotator fix [--spelling] [--units] [--dry-run] <files | directories | globs>...  (fix --help)
       study-annotator compare [--format csv|csv-wide|md|json|html] [--out FILE] <files | directories | globs>...  (compare --help)
       study-annotator agree [--format md|json|csv] [--min-agreement SHARE] [--out FILE] <files | directories | globs>...  (agree --help)

Validates study annotations (*.study.yaml) against the annotation schema ${SCHEMA_VERSION}
and the domain checks. A directory means every *.study.yaml / *.study.yml below it.

Options:
  --format <human|json|sarif>   output format (default: human)
  --fail-on <error|warning|info> lowest severity that makes the exit status 1 (default: warning)
  --profiles <file>             extra condition profiles (YAML or JSON list)
  --jobs <n>                    validate in n threads (default: one per core from 512 files
                                on; 1 validates everything in the main thread)
  -h, --help                    show this help
  --version                     show the version

Exit status: 0 clean, 1 problems found, 2 usage or I/O error.
`;

interface Options {
  format: 'human' | 'json' | 'sarif';
  failOn: Severity;
  profiles?: string;
  jobs?: number;
  operands: string[];
}

function parseArgs(argv: readonly string[]): Options | FixOptions | CompareOptions | AgreeOptions | 'help' | 'fix-help' | 'compare-help' | 'agree-help' | 'version' {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError(`no command given\n\n${HELP}`);
  if (command === '-h' || command === '--help') return 'help';
  if (command === '--version') return 'version';
  if (command === 'compare') {
    const compare = parseCompareArgs(rest);
    return compare === 'help' ? 'compare-help' : compare;
  }
  if (command === 'agree') {
    const agree = parseAgreeArgs(rest);
    return agree === 'help' ? 'agree-help' : agree;
  }
  if (command === 'fix') {
    const fix = parseFixArgs(rest);
    return fix === 'help' ? 'fix-help' : fix;
  }
  if (command !== 'validate') throw new UsageError(`unknown command "${command}" (try: study-annotator validate examples/)`);
  const o: Options = { format: 'human', failOn: 'warning', operands: [] };
  const operands = readArgs(
    rest,
    (name, value) => {
      if (name === '--format') {
        const v = value();
        if (v !== 'human' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be human, json or sarif (got "${v}")`);
        o.format = v;
      } else if (name === '--fail-on') {
        const v = value();
        if (v !== 'error' && v !== 'warning' && v !== 'info') throw new UsageError(`--fail-on must be error, warning or info (got "${v}")`);
        o.failOn = v;
      } else if (name === '--profiles') o.profiles = value();
      else if (name === '--jobs') {
        const v = value();
        if (!/^[1-9][0-9]{0,2}$/.test(v)) throw new UsageError(`--jobs must be a whole number from 1 to 999 (got "${v}")`);
        o.jobs = Number(v);
      }
      else return false;
      return true;
    },
    'study-annotator validate examples/',
  );
  return operands === 'help' ? 'help' : { ...o, operands };
}

export async function run(argv: readonly string[], cwd: string, out: (s: string) => void, err: (s: string) => void, beforeWrite?: BeforeWrite): Promise<number> {
  try {
    const o = parseArgs(argv);
    if (o === 'help') return out(HELP), 0;
    if (o === 'fix-help') return out(FIX_HELP), 0;
    if (o === 'compare-help') return out(COMPARE_HELP), 0;
    if (o === 'agree-help') return out(AGREE_HELP), 0;
    if (o === 'version') return out(`${VERSION} (schema ${SCHEMA_VERSION})\n`), 0;
    if ('dryRun' in o) return await runFix(o, cwd, out, err, beforeWrite);
    if ('command' in o) return await runAgree(o, cwd, out, err);
    if (!('failOn' in o)) return await runCompare(o, cwd, out, err);
    const profiles: ConditionProfile[] = o.profiles ? await loadProfiles(o.profiles, cwd) : [];
    const files = await expandOperands(o.operands, cwd, (message) => err(`study-annotator: warning: ${message}\n`));
    const reports: FileReport[] = [];
    const ids = new Map<string, StudyIdLocation | undefined>();
    const outcomes = await validateFiles(files, cwd, profiles, threadsFor(files.length, o.jobs));
    for (const [i, file] of files.entries()) {
      const outcome = outcomes[i];
      if (!outcome) break;
      if ('error' in outcome) throw new UsageError(`cannot read ${file}: ${outcome.error}`);
      const { result } = outcome;
      ids.set(file, result.studyId);
      reports.push({ path: file, problems: result.problems, suppressed: result.suppressed });
    }
    for (const [file, extra] of duplicateStudyIds(ids)) {
      const report = reports.find((r) => r.path === file);
      if (report) report.problems = [...report.problems, ...extra].sort(compareProblems);
    }
    out(o.format === 'json' ? formatJson(reports, VERSION) : o.format === 'sarif' ? formatSarif(reports, VERSION) : formatHuman(reports));
    const failing = reports.some((r) => r.problems.some((p) => atLeast(p.severity, o.failOn)));
    return failing ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`study-annotator: ${e.message}\n`);
      return 2;
    }
    err(`study-annotator: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}
