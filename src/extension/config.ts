import type * as vscode from 'vscode';
import { DEFAULT_MAX_SIZE } from '../core/text/input';
import { DEFAULT_PREFERRED_UNITS, DIMENSION_IDS, type PreferredUnits } from '../core/units/preferred';

export type LogLevel = 'error' | 'info' | 'debug';

/** Every setting the extension reads, normalised once. Everything else receives this object. */
export interface Settings {
  /** Globs of study annotation files, relative to the workspace. */
  files: string[];
  debounceMs: number;
  validateWorkspace: boolean;
  /** Largest file validated, in characters. */
  maxFileSize: number;
  /** Workspace condition profiles file, relative to the first workspace folder ('' for none). */
  profilesFile: string;
  disabledChecks: string[];
  logLevel: LogLevel;
  /** Name written into new annotations ('' means the system user name). */
  curator: string;
  /** The unit "Convert all quantities to preferred units" writes for each kind of quantity. */
  preferredUnits: PreferredUnits;
}

export const SECTION = 'studyAnnotator';

export const DEFAULTS: Settings = {
  files: ['**/*.study.yaml', '**/*.study.yml'],
  debounceMs: 150,
  validateWorkspace: true,
  maxFileSize: DEFAULT_MAX_SIZE,
  profilesFile: '',
  disabledChecks: [],
  logLevel: 'info',
  curator: '',
  preferredUnits: DEFAULT_PREFERRED_UNITS,
};

/** Turns raw, possibly hand-edited setting values into a valid Settings object. */
export function normaliseSettings(raw: (key: string) => unknown): Settings {
  const strings = (v: unknown, fallback: string[]) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : fallback);
  const num = (v: unknown, fallback: number, min: number, max: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(Math.max(Math.round(v), min), max) : fallback);
  const files = strings(raw('files'), DEFAULTS.files);
  const level = raw('logLevel');
  return {
    files: files.length ? files : DEFAULTS.files,
    debounceMs: num(raw('validation.debounceMs'), DEFAULTS.debounceMs, 0, 5000),
    validateWorkspace: typeof raw('validation.workspace') === 'boolean' ? (raw('validation.workspace') as boolean) : DEFAULTS.validateWorkspace,
    maxFileSize: num(raw('validation.maxFileSize'), DEFAULTS.maxFileSize, 1024, 64 * 1024 * 1024),
    profilesFile: typeof raw('profilesFile') === 'string' ? (raw('profilesFile') as string).trim() : '',
    disabledChecks: strings(raw('validation.disabledChecks'), []),
    logLevel: level === 'error' || level === 'debug' ? level : 'info',
    curator: typeof raw('curator') === 'string' ? (raw('curator') as string).trim() : '',
    preferredUnits: preferredUnits(raw('preferredUnits')),
  };
}

/** Known kinds with a non-empty unit; an empty string switches a default off. */
function preferredUnits(v: unknown): PreferredUnits {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return DEFAULTS.preferredUnits;
  const out: PreferredUnits = { ...DEFAULTS.preferredUnits };
  for (const id of DIMENSION_IDS) {
    const unit = (v as Record<string, unknown>)[id];
    if (typeof unit !== 'string') continue;
    if (unit.trim()) out[id] = unit.trim();
    else delete out[id];
  }
  return out;
}

export function readSettings(config: vscode.WorkspaceConfiguration): Settings {
  return normaliseSettings((key) => config.get(key));
}
