/**
 * HTML (as councils publish it in directory descriptions) reduced to safe plain text.
 *
 * - tags are removed, and the contents of script, style and other non-text elements dropped entirely
 *   (an unclosed script drops everything after it);
 * - comments, CDATA and processing instructions are removed;
 * - entities are decoded (named, decimal, hex); text that was encoded twice ("&amp;lt;p&amp;gt;") is
 *   stripped again, so no tag survives decoding;
 * - block elements become line breaks, whitespace is normalised, control characters removed;
 * - the result is capped at a length (cut at a word boundary, with an ellipsis).
 *
 * No dependency: a small scanner, not a full HTML parser. The output is plain text to be shown as text
 * (escaped by whoever renders it), never HTML.
 */

export const DEFAULT_TEXT_LIMIT = 5000;

/** Elements whose contents are never text a person should read. */
const DROPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'textarea', 'select', 'frameset', 'applet']);

/** Elements that are paragraphs of their own (a blank line before and after). */
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'ul', 'ol', 'dl', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'hr', 'address', 'figure', 'figcaption', 'nav', 'aside', 'main',
]);
/** Elements that start a new line. */
const LINE_ELEMENTS = new Set(['br', 'li', 'dt', 'dd', 'tr']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  bull: '•', middot: '·', pound: '£', euro: '€', cent: '¢', yen: '¥', copy: '©', reg: '®', trade: '™', deg: '°',
  frac12: '½', frac14: '¼', frac34: '¾', times: '×', divide: '÷', plusmn: '±', sect: '§', para: '¶', laquo: '«', raquo: '»',
  iexcl: '¡', iquest: '¿', shy: '', zwnj: '', zwj: '', lrm: '', rlm: '', prime: '′', Prime: '″', minus: '−',
  aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', yacute: 'ý', Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú',
  agrave: 'à', egrave: 'è', igrave: 'ì', ograve: 'ò', ugrave: 'ù', Agrave: 'À', Egrave: 'È',
  acirc: 'â', ecirc: 'ê', icirc: 'î', ocirc: 'ô', ucirc: 'û', wcirc: 'ŵ', ycirc: 'ŷ', Acirc: 'Â', Ecirc: 'Ê', Icirc: 'Î', Ocirc: 'Ô', Ucirc: 'Û', Wcirc: 'Ŵ', Ycirc: 'Ŷ',
  auml: 'ä', euml: 'ë', iuml: 'ï', ouml: 'ö', uuml: 'ü', yuml: 'ÿ', Auml: 'Ä', Euml: 'Ë', Iuml: 'Ï', Ouml: 'Ö', Uuml: 'Ü',
  ccedil: 'ç', Ccedil: 'Ç', ntilde: 'ñ', Ntilde: 'Ñ', szlig: 'ß', aring: 'å', Aring: 'Å', aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø',
};

const TAG_LIKE = /<[a-zA-Z!/?]/;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body];
    return named ?? whole;
  });
}

/** Index just after the '>' closing a tag that starts at `start` (quotes respected), or -1 when unclosed. */
function tagEnd(html: string, start: number): number {
  let quote: string | undefined;
  for (let i = start + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      // Quotes only count inside attribute values (after '='); a stray apostrophe must not swallow the text.
      let j = i - 1;
      while (j > start && /\s/.test(html[j])) j--;
      if (html[j] === '=') quote = c;
    } else if (c === '>') return i + 1;
  }
  return -1;
}

/** One pass: tags and dropped elements out, block boundaries as line breaks. */
function stripTags(html: string): string {
  let out = '';
  let i = 0;
  const lower = html.toLowerCase();
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    if (!/[a-zA-Z!/?]/.test(next)) {
      // A lone '<' (as in "a < b") is text.
      out += '<';
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt);
    if (end < 0) break; // an unclosed tag: everything after it is markup debris
    const nameMatch = /^<\/?\s*([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, Math.min(end, lt + 64)));
    const name = nameMatch?.[1].toLowerCase() ?? '';
    const closing = html[lt + 1] === '/';
    i = end;
    if (!closing && DROPPED_ELEMENTS.has(name) && !/\/\s*>$/.test(html.slice(lt, end))) {
      const closeRe = new RegExp(`</\\s*${name}\\b`, 'g');
      closeRe.lastIndex = end;
      const found = closeRe.exec(lower);
      if (!found) break; // unclosed script/style: drop the rest
      const after = tagEnd(html, found.index);
      i = after < 0 ? html.length : after;
      continue;
    }
    if (BLOCK_ELEMENTS.has(name)) out += '\n\n';
    else if (LINE_ELEMENTS.has(name)) out += closing && name !== 'br' ? '' : '\n';
    else out += name ? '' : ' ';
  }
  return out;
}

function normaliseWhitespace(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, (c) => (c === '\u2028' || c === '\u2029' ? '\n' : ''))
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

function cap(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, Math.max(0, limit - 1));
  const space = cut.search(/\s\S*$/);
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Plain text from HTML (or from text that may hold HTML). Never returns markup: after decoding, anything
 * that still looks like a tag is stripped again; what remains after a few passes loses its '<'.
 */
export function htmlToText(input: string | null | undefined, options: { limit?: number; singleLine?: boolean } = {}): string {
  if (input === null || input === undefined) return '';
  let text = String(input);
  for (let pass = 0; pass < 4; pass++) {
    text = decodeEntities(stripTags(text));
    if (!TAG_LIKE.test(text)) break;
  }
  text = text.replace(/<(?=[a-zA-Z!/?])/g, '');
  text = normaliseWhitespace(text);
  if (options.singleLine) text = text.replace(/\s*\n\s*/g, ' ');
  return cap(text, options.limit ?? DEFAULT_TEXT_LIMIT);
}

/** True when a string still looks like markup or script (used by tests and as a last check on stored text). */
export function looksLikeMarkup(text: string): boolean {
  return TAG_LIKE.test(text) || /\bon[a-z]+\s*=\s*["']?/i.test(text) && /<|>/.test(text);
}
