// HTML left in a transcript taken from a page's source, a feed or a CMS export rather than copied
// from the page: character references (`&nbsp;`, `&ldquo;`, `&#8220;`) and tags (`<br>`, `<p>`,
// `<span style="…">`). Found once per line, in the line's facts: `html-markup` reports them, and
// the rules that would change their punctuation or letters (a `;` made `；`) leave them alone.
import type { TextRange } from './config';
import { withItem } from './text';

export interface Markup extends TextRange {
  /** What the reader meant: the character a reference stands for, nothing for a tag. */
  readonly replacement: string;
  readonly kind: 'reference' | 'tag';
}

/**
 * The named references pages use in running text. A name outside this list is left alone: an
 * ampersand in prose (`R&D;`) is no reference, and a guess would change the text.
 */
export const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  nbsp: '\u00A0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  laquo: '«',
  raquo: '»',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  permil: '‰',
  sect: '§',
  copy: '©',
  reg: '®',
  trade: '™',
  yen: '¥',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
};

/**
 * Spaces a page writes as references so that the browser keeps them (an indent of `&emsp;&emsp;`,
 * `&nbsp;` between words): in plain text each is an ordinary space.
 */
const PAGE_SPACES = new Set(['\u00A0', '\u2002', '\u2003', '\u2009']);

/** The longest attributes of a tag looked for: Word's inline styles run to a few hundred. */
const ATTRIBUTES_LIMIT = 1000;
/** The longest comment looked for in running text. */
const COMMENT_LIMIT = 200;

/** Elements a page's running text is marked up with; `o:p` is Word's, saved as a web page. */
export const TAG_NAMES = [
  'a',
  'article',
  'b',
  'big',
  'blockquote',
  'br',
  'center',
  'code',
  'div',
  'em',
  'font',
  'h[1-6]',
  'hr',
  'i',
  'img',
  'li',
  'o:p',
  'ol',
  'p',
  'pre',
  's',
  'section',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
];

/**
 * A tag's attributes and a comment are bounded: unbounded, a line of ten thousand `<!--` without
 * an end would be searched to its end from each of them, the square of its length.
 */
const markupPattern = new RegExp(
  [
    '&(?:#(\\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,7}));',
    `</?(?:${TAG_NAMES.join('|')})(?:\\s[^<>]{0,${ATTRIBUTES_LIMIT}})?/?>`,
    `<!--.{0,${COMMENT_LIMIT}}?-->`,
  ].join('|'),
  'gi',
);

const NO_MARKUP: readonly Markup[] = [];

/**
 * The character a numeric reference stands for, if it is one a transcript can hold: not a
 * surrogate, nor a control character, which would make the text binary or break its lines.
 */
function codePointText(code: number): string | undefined {
  const isSurrogate = code >= 0xd800 && code <= 0xdfff;
  const isControl = code < 0x20 || (code >= 0x7f && code <= 0x9f);
  return !isControl && code <= 0x10ffff && !isSurrogate ? String.fromCodePoint(code) : undefined;
}

function referenceText(
  decimal: string | undefined,
  hex: string | undefined,
  name: string | undefined,
): string | undefined {
  if (name !== undefined) return Object.hasOwn(NAMED_REFERENCES, name) ? NAMED_REFERENCES[name] : undefined;
  return codePointText(decimal === undefined ? Number.parseInt(hex!, 16) : Number.parseInt(decimal, 10));
}

/** The HTML in one line, in order, with offsets in it. */
export function markupIn(line: string): readonly Markup[] {
  let found: Markup[] | undefined;
  markupPattern.lastIndex = 0;
  for (let match = markupPattern.exec(line); match !== null; match = markupPattern.exec(line)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[0][0] === '<') {
      found = withItem(found, { start, end, replacement: '', kind: 'tag' });
      continue;
    }
    const meant = referenceText(match[1], match[2], match[3]);
    if (meant === undefined) continue;
    const replacement = PAGE_SPACES.has(meant) ? ' ' : meant;
    found = withItem(found, { start, end, replacement, kind: 'reference' });
  }
  return found ?? NO_MARKUP;
}
