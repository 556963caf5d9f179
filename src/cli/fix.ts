import { promises as fs } from 'node:fs';
import path from 'node:path';
import { applyEdits, DEFAULT_MAX_SIZE, DEFAULT_PREFERRED_UNITS, DIMENSION_IDS, editsAreSafe, plural, preferredUnitsFix, spellingFixAll, ValidationSession, type DimensionId, type PreferredUnits, type TextEdit } from '../core';
import { unifiedDiff } from './diff';
import { expandOperands, readArgs, readCapped, UsageError } from './files';

export const FIX_HELP = `Usage: study-annotator fix [options] <files | directories | globs>...

Applies the editor's safe fixes to study annotations, each verified as in the editor.

Options:
  --spelling             write UCUM codes for unit spellings (cc -> mL, days -> d); the default
  --units                convert quantities to preferred units, keeping the original in as_reported
  --prefer <kind=unit>   a preferred unit for --units (repeatable), e.g. --prefer volume=uL;
                         kinds: ${DIMENSION_IDS.join(', ')}
  --dry-run              print a unified diff and change nothing (exit status 1 if anything would change)
  -h, --help             show this help

Files are written atomically (a temporary file, then a rename). A file that changed on disk
after it was read is left as it is and reported.

Exit status: 0 done, 1 something to fix (--dry-run) or a file left as it was, 2 usage or I/O error.
`;

export interface FixOptions {
  spelling: boolean;
  units: boolean;
  preferred: PreferredUnits;
  dryRun: boolean;
  operands: string[];
}

export function parseFixArgs(rest: readonly string[]): FixOptions | 'help' {
  const o: FixOptions = { spelling: false, units: false, preferred: { ...DEFAULT_PREFERRED_UNITS }, dryRun: false, operands: [] };
  const operands = readArgs(
    rest,
    (name, value, flag) => {
      if (flag && name === '--spelling') o.spelling = true;
      else if (flag && name === '--units') o.units = true;
      else if (flag && name === '--dry-run') o.dryRun = true;
      else if (name === '--prefer') {
        const v = value();
        const [kind, unit] = v.split('=');
        if (!kind || !unit || !(DIMENSION_IDS as readonly string[]).includes(kind)) throw new UsageError(`--prefer takes kind=unit with a kind among ${DIMENSION_IDS.join(', ')} (got "${v}")`);
        o.preferred[kind as DimensionId] = unit;
      } else return false;
      return true;
    },
    'study-annotator fix --dry-run examples/',
  );
  if (operands === 'help') return 'help';
  if (!o.spelling && !o.units) o.spelling = true;
  return { ...o, operands };
}

/** For tests: runs between reading a file and replacing it, where another writer could step in. */
export type BeforeWrite = (file: string) => Promise<void> | void;

export async function runFix(o: FixOptions, cwd: string, out: (s: string) => void, err: (s: string) => void, beforeWrite?: BeforeWrite): Promise<number> {
  const files = await expandOperands(o.operands, cwd, (message) => err(`study-annotator: warning: ${message}\n`));
  let pending = false;
  let refused = false;
  let written = 0;
  for (const file of files) {
    const abs = path.resolve(cwd, file);
    const bytes = await readCapped(abs, DEFAULT_MAX_SIZE).catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${file}: ${e.code ?? String(e)}`);
    });
    if (bytes.length > DEFAULT_MAX_SIZE) continue; // validate reports it; nothing is fixed in part
    const original = Buffer.from(bytes).toString('utf8');
    const fixed = fixText(original, o);
    if (!fixed) continue;
    if (o.dryRun) {
      out(unifiedDiff(file.split(path.sep).join('/'), original, fixed.edits));
      pending = true;
      continue;
    }
    await beforeWrite?.(abs);
    if (!(await replaceIfUnchanged(abs, original, fixed.text))) {
      err(`study-annotator: ${file} changed on disk after it was read; left as it is (run fix again)\n`);
      refused = true;
      continue;
    }
    written++;
    out(`${file}: ${fixed.summary}\n`);
  }
  if (!o.dryRun) out(`${plural(written, 'file')} fixed.\n`);
  return pending || refused ? 1 : 0;
}

/**
 * The fixes asked for, computed on the text as read: conversions first, then the spellings that
 * lie outside every converted quantity (a conversion already writes the UCUM code). Each is
 * verified on its own by the core, and the whole set once more; undefined when none apply.
 */
export function fixText(text: string, o: Pick<FixOptions, 'spelling' | 'units' | 'preferred'>): { text: string; edits: TextEdit[]; summary: string } | undefined {
  const result = new ValidationSession().run(text);
  const edits: TextEdit[] = [];
  const said: string[] = [];
  const units = o.units ? preferredUnitsFix(result, o.preferred) : undefined;
  if (units) {
    edits.push(...units.edits);
    said.push(`${plural(units.edits.length, 'quantity', 'quantities')} converted`);
  }
  const spelling = o.spelling ? spellingFixAll(result) : undefined;
  const outside = (spelling?.edits ?? []).filter((e) => !edits.some((x) => e.start < x.end && x.start < e.end));
  if (outside.length) {
    edits.push(...outside);
    said.push(plural(outside.length, 'spelling'));
  }
  if (!edits.length || !editsAreSafe(result, edits)) return undefined;
  return { text: applyEdits(text, edits), edits, summary: said.join(', ') };
}

/**
 * Writes `next` over `file` through a temporary file and a rename, so a reader never sees half a
 * file; but first reads the file again, and writes nothing if it no longer holds `expected`.
 */
async function replaceIfUnchanged(file: string, expected: string, next: string): Promise<boolean> {
  const stat = await fs.stat(file);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.writeFile(tmp, next, { mode: stat.mode });
  try {
    if ((await fs.readFile(file, 'utf8')) !== expected) return false;
    await fs.rename(tmp, file);
    return true;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
