/**
 * The frame shared by Front Door's small static pages (the privacy notice, the not-found page): one
 * look, a link to the same page in the other languages, and the same strict headers.
 */
import { SUPPORTED_LANGUAGES, translator, type Language } from '../i18n';

/** The Content-Security-Policy the page is served with: it needs nothing but its own inline CSS. */
export const PRIVACY_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/*
 * Plain, large, high-contrast text in the reader's own system font (nothing is fetched). Sizes
 * are in rem and widths in rem or %, so the page reflows at 200% zoom and on a narrow phone.
 * Colours on white: text 19:1, secondary text 7:1, links 6.7:1, visited links 11:1.
 */
export const PAGE_STYLE = `
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #ffffff; color: #0b0c0c; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.1875rem; line-height: 1.5; overflow-wrap: break-word; }
header, main { max-width: 40rem; margin: 0 auto; padding: 0 1rem; }
header ul { list-style: none; margin: 0; padding: 1rem 0 0; text-align: right; }
header a { display: inline-block; padding: 0.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 1rem 0; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 2rem 0 0.75rem; }
p, ul { margin: 0 0 1rem; }
main ul { padding-left: 1.5rem; }
li { margin-bottom: 0.5rem; }
a { color: #1d4ed8; text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: #4c2c92; }
a:focus-visible { outline: 3px solid #0b0c0c; outline-offset: 0; background: #ffdd00; color: #0b0c0c; text-decoration: none; }
kbd { font: inherit; font-weight: 700; }
.version { color: #505a5f; }
main { padding-bottom: 2rem; }
`;

/** A whole page: `title` and `navLabel` are plain text, `main` is the page's own HTML. */
export function staticPageDocument(lang: Language, parts: { title: string; navLabel: string; main: string }): string {
  const otherLanguages = SUPPORTED_LANGUAGES.filter((other) => other !== lang).map((other) => {
    const name = escapeHtml(translator(other)('privacy.languageName'));
    return `<li><a href="?lang=${other}" lang="${other}" hreflang="${other}">${name}</a></li>`;
  });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<nav aria-label="${parts.navLabel}">
<ul>
${otherLanguages.join('\n')}
</ul>
</nav>
</header>
<main>
${parts.main}
</main>
</body>
</html>
`;
}

/** No scripts, fonts or other requests; never cached stale in the wrong language. */
export function staticPageHeaders(lang: Language): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Language': lang,
    'Content-Security-Policy': PRIVACY_PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    Vary: 'Accept-Language',
    'Cache-Control': 'no-cache',
  };
}
