import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildComparison, DEFAULT_MAX_SIZE, toCsvLong, toCsvWide, toMarkdown, ValidationSession, type CompareInput } from '../core';
import { standaloneHtml } from './compare-html';
import { expandOperands, readArgs, readCapped, UsageError } from './files';

export const COMPARE_HELP = `Usage: study-annotator compare [options] <files | directories | globs>...

Compares annotated trials: an overview (design, population, products, doses normalised per
kind, regimen, outcomes, safety), an endpoint matrix with equivalent endpoints grouped, and
every result in long form. Broken files show what could be read and their problem count.

Options:
  --format <csv|csv-wide|md|json|html>
                                   csv: one row per study x arm x endpoint x timepoint x statistic
                                   (for metafor, meta, RevMan); csv-wide: treatment vs comparator
                                   per row; md: the overview and endpoints as Markdown; json: the
                                   whole comparison; html: the Compare Trials page as one
                                   self-contained file (default: md)
  --out <file>                     write there instead of stdout
  -h, --help                       show this help

Exit status: 0 written, 2 usage or I/O error.
`;

export interface CompareOptions {
  format: 'csv' | 'csv-wide' | 'md' | 'json' | 'html';
  out?: string;
  operands: string[];
}

export function parseCompareArgs(rest: readonly string[]): CompareOptions | 'help' {
  const o: CompareOptions = { format: 'md', operands: [] };
  const operands = readArgs(
    rest,
    (name, value) => {
      if (name === '--format') {
        const v = value();
        if (v !== 'csv' && v !== 'csv-wide' && v !== 'md' && v !== 'json' && v !== 'html') throw new UsageError(`--format must be csv, csv-wide, md, json or html (got "${v}")`);
        o.format = v;
      } else if (name === '--out') o.out = value();
      else return false;
      return true;
    },
    'study-annotator compare examples/',
  );
  return operands === 'help' ? 'help' : { ...o, operands };
}

/** The operands' study files, each validated as the validator would read it (a binary or oversized file keeps its problem). */
export async function readInputs(operands: readonly string[], cwd: string, err: (s: string) => void): Promise<CompareInput[]> {
  const files = await expandOperands(operands, cwd, (message) => err(`study-annotator: warning: ${message}\n`));
  const inputs: CompareInput[] = [];
  for (const file of files) {
    const bytes = await readCapped(path.resolve(cwd, file), DEFAULT_MAX_SIZE).catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${file}: ${e.code ?? String(e)}`);
    });
    // Decoded as the validator would: a binary or oversized file is a column with its problem.
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    inputs.push({ file: file.split(path.sep).join('/'), result: new ValidationSession().run(bytes.length > DEFAULT_MAX_SIZE || text.includes('\u0000') ? '\u0000' : text) });
  }
  return inputs;
}

export async function runCompare(o: CompareOptions, cwd: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const comparison = buildComparison(await readInputs(o.operands, cwd, err));
  const text = o.format === 'csv' ? toCsvLong(comparison) : o.format === 'csv-wide' ? toCsvWide(comparison) : o.format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n` : o.format === 'html' ? standaloneHtml(comparison) : toMarkdown(comparison);
  if (o.out) await fs.writeFile(path.resolve(cwd, o.out), text);
  else out(text);
  return 0;
}
