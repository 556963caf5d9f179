// Types of reports.mjs, for the tests that import it.
export interface Location { start: { line: number; column: number }; end: { line: number; column: number } }
export interface Mutant { mutatorName?: string; replacement?: string; location?: Location; status: string; statusReason?: string; killedBy?: string[]; coveredBy?: string[] }
export interface FileEntry { source?: string; mutants: Mutant[] }
export interface Measurement { report: string; time: number; entry: FileEntry; hash: string; stale?: boolean }
export const LEDGER: string;
export function sha256(text: string): string;
export function matcherOf(globs: string[]): (file: string) => boolean;
export function filesOf(globs: string[]): string[];
export function detected(m: Mutant): boolean;
export function undetected(m: Mutant): boolean;
export function retested(m: Mutant): boolean;
export function countOf(mutants: Mutant[]): { detected: number; survived: number; noCoverage: number; valid: number };
export function newestPerFile(dir?: string, ledger?: string): Map<string, Measurement>;
export function readLedger(ledger?: string): Record<string, unknown>;
export function ledgerText(newest: Map<string, Measurement>): string;
export function survivorPatterns(globs: string[]): { patterns: string[]; whole: string[]; newest: Map<string, Measurement> };
export function mergeRetest(globs: string[], newest: Map<string, Measurement>, whole: string[], fresh: { files: Record<string, FileEntry> }): { files: Record<string, FileEntry> };
