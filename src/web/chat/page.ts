import { SUPPORTED_LANGUAGES, localeValue, translator, type Language, type LocaleTree, type Translate } from '../../i18n';
import { escapeHtml } from '../privacy';
import { DEFAULT_RETENTION } from '../../retention/policy';

/**
 * The web chat page (`GET /`). Every word comes from `locales/<lng>/web.json`; this file only gives
 * it structure. The page loads two scripts, both from this server: the Web Chat bundle
 * (/static/webchat.js) and chat.js (/static/chat.js), which connects Web Chat to the self-hosted
 * Direct Line. Settings reach chat.js in a JSON block, never as code.
 */

export interface ChatPageOptions {
  /** The service's name as people know it (config `SERVICE_NAME`). */
  serviceName: string;
  /** Days an unfinished chat's answers are kept (default: the retention policy's). */
  abandonedDays?: number;
}

/** Where "Leave this site quickly" goes: an everyday, neutral page. Nothing is fetched from it until the click. */
export const LEAVE_URL = 'https://www.bbc.co.uk/weather';

/** The locale Web Chat and the bot get for each page language. */
export const WEBCHAT_LOCALES: Record<Language, string> = { en: 'en-GB', cy: 'cy-GB' };

/** Stand-in for the per-response CSP nonce; the page is rendered once per language and the nonce put in per request. */
export const NONCE_PLACEHOLDER = '__FRONTDOOR_CSP_NONCE__';

/** CSP hash source of the empty string (an empty <style> element). */
export const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

/** Host names that may appear in the connect-src of the CSP (for ws:// and wss:// to this same host). */
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The page's Content-Security-Policy. Scripts only from this server (no inline script, no eval:
 * Web Chat 4.18's bundle runs without 'unsafe-eval'); styles only when they carry this
 * response's nonce (Web Chat puts its nonce on the style elements it creates), plus the hash of
 * the empty string: one library inside Web Chat (react-scroll-to-bottom) creates an empty style
 * element without the nonce and fills it through the CSSOM, which CSP does not govern, so an
 * empty element is all that hash allows; connections only back to this server, including the Direct Line
 * WebSocket stream on this host (named explicitly as well as by 'self', for older browsers that
 * do not match ws: to 'self'); images only from here, data: (the page's empty icon, which stops
 * the browser asking for /favicon.ico) and blob: (Web Chat draws an image from a blob URL it makes
 * in the page). Each of these was found necessary by the browser tests, which fail on any violation.
 */
export function chatPageCsp(nonce: string, host: string | undefined): string {
  const sameHostSockets = host && HOST_PATTERN.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'nonce-${nonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    `connect-src 'self'${sameHostSockets}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** HTML that is already safe to put in the page. Everything else is escaped. */
interface Markup {
  readonly html: string;
}

/** A message as HTML: the text is escaped, then markup values (built here from escaped parts) go in. */
function message(t: Translate, key: string, params: Record<string, string | Markup> = {}): string {
  const names = Object.keys(params);
  const standIn = (index: number) => `\u0001${index}\u0001`;
  let html = escapeHtml(t(key, Object.fromEntries(names.map((name, index) => [name, standIn(index)]))));
  names.forEach((name, index) => {
    const value = params[name];
    html = html.split(standIn(index)).join(typeof value === 'string' ? escapeHtml(value) : value.html);
  });
  return html;
}

/** A phone number people can tap to call; a tel: link makes no request. */
const phone = (number: string): Markup => ({
  html: `<a class="tel" href="tel:${escapeHtml(number.replace(/\s+/g, ''))}">${escapeHtml(number)}</a>`,
});

/** Web Chat's own labels in the page language (its strings named as Web Chat names them). */
export function webChatStrings(lang: Language, serviceName: string): Record<string, string> {
  const t = translator(lang);
  const tree = localeValue(lang, 'web.chat.webchat') as LocaleTree | undefined;
  return Object.fromEntries(Object.keys(tree ?? {}).map((key) => [key, t(`web.chat.webchat.${key}`, { serviceName })]));
}

/** Settings for chat.js. */
export interface ChatClientConfig {
  lang: Language;
  locale: string;
  directLine: string;
  leaveUrl: string;
  strings: Record<string, string>;
  failed: string;
  /** Shown when the tab's earlier conversation could not be resumed, so a new one started. */
  timedOut: string;
  /** How a link worker's messages are named: on screen, and to screen readers. */
  linkWorker: { label: string; said: string };
  /** Web Chat's English role names ("message", "attachment") in the page language, for screen readers. */
  roleDescriptions: Record<string, string>;
  nonce: string;
}

/** JSON that is safe inside a <script type="application/json"> element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/*
 * Calm and plain: the reader's own system font (nothing fetched), large text, strong contrast.
 * Sizes in rem and widths in % or rem, so the page reflows on a narrow phone and at 200% zoom.
 * Colours on white: text 19:1, secondary text 7:1, links 6.7:1; the leave button is white on
 * dark blue (8.6:1); focus is a thick black outline on yellow.
 */
const STYLE = `
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; background: #f4f6f8; color: #0b0c0c; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.125rem; line-height: 1.5; overflow-wrap: break-word; }
.wrap { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
.topbar { background: #ffffff; border-bottom: 1px solid #b1b4b6; }
.topbar .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem; padding-top: 0.5rem; padding-bottom: 0.5rem; }
.topbar ul { list-style: none; margin: 0; padding: 0; }
.topbar a { display: inline-block; min-height: 2.75rem; padding: 0.5rem; }
.leave { display: inline-block; min-height: 2.75rem; padding: 0.5rem 1rem; border: 2px solid #0b0c0c; border-radius: 0.25rem; background: #1a3a6b; color: #ffffff !important; font-weight: 700; text-decoration: none !important; }
.leave:hover { background: #102a50; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 0 0 0.5rem; }
p { margin: 0 0 0.75rem; }
a { color: #1d4ed8; text-decoration: underline; text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible { outline: 3px solid #0b0c0c; outline-offset: 0; background: #ffdd00; color: #0b0c0c !important; box-shadow: 0 0 0 6px #ffdd00; }
.leave-hint { color: #3d4549; font-size: 1rem; margin: 0; }
/* The emergency numbers in a compact box, so that on a phone the chat still starts on the first screen. */
.emergency { background: #ffffff; border-left: 0.375rem solid #b58105; padding: 0.5rem 0.75rem; margin: 0.5rem 0 0.75rem; font-size: 1rem; }
.emergency h2 { font-size: 1.0625rem; margin: 0 0 0.25rem; }
.emergency ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.125rem 1.25rem; }
.emergency li { margin: 0; }
.tel { display: inline-block; min-height: 1.5rem; font-weight: 700; white-space: nowrap; }
.chat-box { background: #ffffff; border: 1px solid #b1b4b6; border-radius: 0.5rem; overflow: hidden; }
#webchat { height: 70vh; height: 70dvh; min-height: 24rem; max-height: 48rem; }
#webchat:empty { display: none; }
.chat-status { padding: 1rem; margin: 0; }
.chat-status:empty { display: none; }
.chat-status.failed { color: #8a1f11; font-weight: 700; }
.chat-notice { margin: 0; padding: 0.75rem 1rem; border-bottom: 1px solid #b1b4b6; background: #fff7e0; }
.chat-notice:empty { display: none; }
/* A link worker's messages: their name above, and a warm bubble unlike the bot's grey one (text 18:1, name 9:1, edge 6:1). */
.frontdoor-link-worker__name { margin: 0 0 0.25rem; color: #5c3d00; font-size: 0.9rem; font-weight: 700; }
#webchat .frontdoor-link-worker .webchat__bubble__content { background: #fff4d6; border: 2px solid #8a5a00; }
#webchat .frontdoor-link-worker .webchat__bubble__nub { fill: #fff4d6; stroke: #8a5a00; }
#webchat .webchat__bubble__content a[href^="tel:"] { font-weight: 700; white-space: nowrap; }
/* A message's time (chat.js writes it, in the page language): small and grey, as Web Chat's own was (7:1). */
#webchat .frontdoor-timestamp { color: #505a5f; font-size: 85%; }
/* A long choice (Welsh ones often are) wraps onto more lines rather than being cut off; each stays at least 44px tall. */
#webchat .webchat__suggested-action { height: auto; min-height: 44px; white-space: normal; text-align: center; line-height: 1.3; padding-top: 0.375rem; padding-bottom: 0.375rem; }
#webchat .webchat__suggested-action__text { white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: anywhere; }
/*
 * Web Chat's "Keyboard controls" box opens on the first Tab into the chat and covers the whole
 * conversation. It is not needed: Tab and Enter reach every choice and the message box, and screen
 * readers hear how to move between messages from the messages' own label. So it is never shown.
 */
#webchat .webchat__keyboard-help { display: none; }
footer { padding: 1rem 0 2rem; }
/* A phone: the name, the emergency numbers, then the chat sized to fit the screen; the introduction below it. */
@media (max-width: 40rem) {
  .wrap { padding: 0 0.75rem; }
  .topbar .wrap { flex-wrap: nowrap; }
  .topbar a { padding: 0.5rem 0.25rem; }
  .leave { padding: 0.5rem 0.75rem; font-size: 1rem; line-height: 1.625rem; }
  main { display: flex; flex-direction: column; }
  main > h1 { order: 1; font-size: 1.5rem; margin: 0.5rem 0 0.25rem; }
  main > .emergency { order: 2; }
  main > .chat { order: 3; }
  main > .intro { order: 4; margin-top: 1rem; }
  #webchat { height: calc(100vh - 17rem); height: calc(100dvh - 17rem); min-height: 20rem; }
}
/* A short screen (a phone on its side, 400% zoom): the whole chat fits the screen once scrolled to, question, choices and message box together. */
@media (max-width: 40rem) and (max-height: 32rem) {
  #webchat { height: calc(100vh - 1rem); height: calc(100dvh - 1rem); min-height: 0; }
}
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
`;

/** The page in one language, with NONCE_PLACEHOLDER where the per-response nonce goes. */
export function renderChatPage(lang: Language, options: ChatPageOptions): string {
  const t = translator(lang);
  const { serviceName } = options;
  const k = (key: string) => `web.${key}`;

  const otherLanguages = SUPPORTED_LANGUAGES.filter((other) => other !== lang).map((other) => {
    const name = escapeHtml(translator(other)('web.languageName'));
    return `<li><a href="?lang=${other}" lang="${other}" hreflang="${other}" data-language-switch>${name}</a></li>`;
  });

  const config: ChatClientConfig = {
    lang,
    locale: WEBCHAT_LOCALES[lang],
    directLine: '/v3/directline',
    leaveUrl: LEAVE_URL,
    strings: webChatStrings(lang, serviceName),
    failed: t(k('chat.failed')),
    timedOut: t(k('chat.timedOut'), { abandonedDays: options.abandonedDays ?? DEFAULT_RETENTION.abandonedReferralDays }),
    linkWorker: { label: t(k('chat.linkWorker.label')), said: t(k('chat.linkWorker.said')) },
    roleDescriptions: { message: t(k('chat.roleDescriptions.message')), attachment: t(k('chat.roleDescriptions.attachment')) },
    nonce: NONCE_PLACEHOLDER,
  };

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${message(t, k('documentTitle'), { serviceName })}</title>
<style nonce="${NONCE_PLACEHOLDER}">${STYLE}</style>
</head>
<body>
<header class="topbar">
<div class="wrap">
<nav aria-label="${message(t, k('languageNav'))}">
<ul>
${otherLanguages.join('\n')}
</ul>
</nav>
<a id="leave" class="leave" href="${escapeHtml(LEAVE_URL)}" rel="noreferrer" aria-describedby="leave-hint">${message(t, k('leave.button'))}</a>
</div>
</header>
<div class="wrap">
<main>
<h1>${escapeHtml(serviceName)}</h1>
<div class="intro">
<p>${message(t, k('purpose'))}</p>
<p id="leave-hint" class="leave-hint">${message(t, k('leave.hint'))}</p>
</div>
<section class="emergency" aria-labelledby="emergency-heading">
<h2 id="emergency-heading">${message(t, k('emergency.heading'))}</h2>
<ul>
<li>${message(t, k('emergency.danger'), { number: phone('999') })}</li>
<li>${message(t, k('emergency.urgent'), { number: phone('111') })}</li>
<li>${message(t, k('emergency.samaritans'), { number: phone('116 123') })}</li>
</ul>
</section>
<section class="chat" aria-labelledby="chat-heading">
<h2 id="chat-heading" class="visually-hidden">${message(t, k('chat.heading'))}</h2>
<div class="chat-box">
<p id="chat-notice" class="chat-notice" role="status"></p>
<div id="webchat"></div>
<p id="chat-status" class="chat-status" role="status">${message(t, k('chat.starting'))}</p>
<noscript><p class="chat-status failed">${message(t, k('chat.noScript'))}</p></noscript>
</div>
</section>
</main>
<footer>
<a href="/privacy?lang=${lang}">${message(t, k('chat.privacyLink'))}</a>
</footer>
</div>
<script type="application/json" id="frontdoor-config">${jsonForScript(config)}</script>
<script src="/static/webchat.js"></script>
<script src="/static/chat.js"></script>
</body>
</html>
`;
}
