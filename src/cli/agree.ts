import { promises as fs } from 'node:fs';
import path from 'node:path';
import { agreementCsv, agreementMarkdown, comparePair, findPairs } from '../core';
import { readInputs } from './compare';
import { readArgs, UsageError } from './files';

export const AGREE_HELP = `Usage: study-annotator agree [options] <files | directories | globs>...

Finds the studies extracted twice (one study id, two different curation.curator) and compares
each pair field by field: list items matched by id or by what they are, quantities by value
after unit conversion, text after normalising whitespace and case. Prints each pair's
differences and the agreement figures: the share of fields agreed per section and overall, and
Cohen's kappa over the categorical fields (type, allocation, masking, route, direction,
significance), each with the number of fields it rests on.

Options:
  --format <md|json|csv>   md: tables for a review's methods section (default); json: every pair
                           in full; csv: one row per pair and section (agreement) and per
                           difference, told apart by the first column
  --min-agreement <share>  exit 1 when a pair agrees on less than this share of fields (0 to 1)
  --out <file>             write there instead of stdout
  -h, --help               show this help

Exit status: 0 written, 1 a pair below --min-agreement, 2 usage or I/O error.
`;

export interface AgreeOptions {
  command: 'agree';
  format: 'md' | 'json' | 'csv';
  minAgreement?: number;
  out?: string;
  operands: string[];
}

export function parseAgreeArgs(rest: readonly string[]): AgreeOptions | 'help' {
  const o: AgreeOptions = { command: 'agree', format: 'md', operands: [] };
  const operands = readArgs(
    rest,
    (name, value) => {
      if (name === '--format') {
        const v = value();
        if (v !== 'md' && v !== 'json' && v !== 'csv') throw new UsageError(`--format must be md, json or csv (got "${v}")`);
        o.format = v;
      } else if (name === '--min-agreement') {
        const v = value();
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--min-agreement must be a share from 0 to 1 (got "${v}")`);
        o.minAgreement = n;
      } else if (name === '--out') o.out = value();
      else return false;
      return true;
    },
    'study-annotator agree examples/',
  );
  return operands === 'help' ? 'help' : { ...o, operands };
}

export async function runAgree(o: AgreeOptions, cwd: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const pairs = findPairs(await readInputs(o.operands, cwd, err)).map(([l, r]) => comparePair(l, r));
  const text = o.format === 'json' ? `${JSON.stringify({ version: 1, pairs }, null, 2)}\n` : o.format === 'csv' ? agreementCsv(pairs) : agreementMarkdown(pairs);
  if (o.out) await fs.writeFile(path.resolve(cwd, o.out), text);
  else out(text);
  const below = o.minAgreement === undefined ? [] : pairs.filter((p) => (p.agreement.overall.share ?? 1) < (o.minAgreement as number));
  for (const p of below) err(`study-annotator: ${p.id}: ${p.left.curator} and ${p.right.curator} agree on ${p.agreement.overall.agreed} of ${p.agreement.overall.fields} fields, below ${o.minAgreement}\n`);
  return below.length ? 1 : 0;
}
