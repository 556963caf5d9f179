import type { ProblemDraft } from '../problem';

/**
 * Default size limit: 256 KiB of text, about 10,000 lines (the largest example has 240). The
 * limit is what bounds the time one file holds the extension host's only thread: the slowest
 * text just under it (a long list of flow mappings) takes about 0.9 s on a 2-core machine,
 * where 2 MiB took 9 s. The setting raises it for whoever accepts the wait.
 */
export const DEFAULT_MAX_SIZE = 256 * 1024;

export interface PreparedText {
  /** The text with any byte-order mark removed; this is what gets parsed. */
  text: string;
  /** 1 when a BOM was removed: offsets into `text` plus this are offsets into the input. */
  shift: number;
  /** A problem that stops validation (binary or oversized input). */
  fatal?: ProblemDraft;
}

export function prepareText(input: string, maxSize = DEFAULT_MAX_SIZE): PreparedText {
  const shift = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = lfForLoneCr(shift ? input.slice(1) : input);
  if (text.length > maxSize) return { text, shift, fatal: tooLarge(text, text.length, maxSize) };
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return {
      text,
      shift,
      fatal: {
        code: 'file-binary',
        message: 'This file holds binary data (a NUL byte), not YAML text; it is not validated.',
        start: nul,
        end: nul + 1,
        data: { reason: 'nul' },
      },
    };
  }
  return { text, shift };
}

/**
 * The one problem of a file over the limit, at its first line. `size` is what is known: a
 * reader that stops at the limit (the CLI) knows only that there is more.
 */
export function tooLarge(head: string, size: number, limit: number): ProblemDraft {
  return {
    code: 'file-too-large',
    message: `The file is over the ${formatSize(limit)} limit for study annotations; it is not validated.`,
    start: 0,
    end: firstLineEnd(head),
    data: { size, limit },
  };
}

/**
 * A lone CR ends a line in VS Code (old Mac files, a stray \r), but not for the YAML parser.
 * Reading it as LF keeps every offset (same length) and makes parser, lines and columns agree
 * with the editor. CRLF stays as it is.
 */
function lfForLoneCr(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Decodes bytes as strict UTF-8. Invalid UTF-8 yields a 'file-binary' problem instead of replacement characters. */
export function decodeUtf8(bytes: Uint8Array): { text: string; fatal?: ProblemDraft } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const bad = Math.max(0, lossy.indexOf('\ufffd'));
    return {
      text: lossy,
      fatal: {
        code: 'file-binary',
        message: 'This file is not valid UTF-8 text (binary data or another encoding); it is not validated.',
        start: bad,
        end: bad + 1,
        data: { reason: 'invalid-utf8' },
      },
    };
  }
}

function firstLineEnd(text: string): number {
  const nl = text.indexOf('\n');
  return nl === -1 ? Math.min(text.length, 200) : nl;
}

function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(chars / 1024)} KiB`;
}
