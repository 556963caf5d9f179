import { q } from '../text/safe';

/** Plain-language wording for the yaml library's error codes; unknown codes keep the library's own text. */
const MESSAGES: Record<string, (found: string) => string> = {
  MISSING_CHAR: () => 'Expected "key: value" here; a line of text needs a colon after its key, or more indentation to continue the line above.',
  BAD_INDENT: () => 'This line is not indented consistently with the lines around it.',
  DUPLICATE_KEY: (k) => `The key ${k ? `${q(k)} ` : ''}appears twice in this mapping; keep one.`,
  BLOCK_AS_IMPLICIT_KEY: () => 'A value cannot hold another "key: value" on the same line; put the value in quotes, or move the nested mapping to its own indented lines.',
  MULTILINE_IMPLICIT_KEY: () => 'A key must fit on one line; check for a missing colon on the line above.',
  UNEXPECTED_TOKEN: (f) => `Unexpected ${f.trim() ? q(f.trim()) : 'text'} here.`,
  BAD_SCALAR_START: (f) => `A plain value cannot start with ${q(f.trim().charAt(0) || f)}; put the value in quotes.`,
  BAD_DQ_ESCAPE: () => 'This escape sequence is not valid inside double quotes; use single quotes or escape the backslash.',
  MISSING_CLOSE: () => 'A quote or bracket is opened but never closed.',
  KEY_OVER_1024_CHARS: () => 'A key is longer than 1024 characters.',
  TAG_RESOLVE_FAILED: () => 'Unknown YAML tag; tags are not used in study annotations.',
  MULTIPLE_DOCS: () => 'A second YAML document starts here; one file holds one study, so move it to a file of its own.',
  TAB_AS_INDENT: () => 'This line is indented with a tab; YAML allows only spaces for indentation.',
};

export function syntaxMessage(code: string, libraryMessage: string, found: string): string {
  const plain = MESSAGES[code];
  if (plain) return plain(found);
  const first = libraryMessage.split('\n')[0] ?? libraryMessage;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}
