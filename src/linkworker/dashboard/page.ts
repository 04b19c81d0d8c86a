import { SUPPORTED_LANGUAGES, localeValue, translator, type Language } from '../../i18n';
import { OUTCOMES } from '../../handoff/schema';
import { escapeHtml } from '../../web/privacy';

/**
 * The link workers' dashboard page (`GET /linkworker/`). The server gives the structure and the
 * fixed words; dashboard.js fills in the queue and the chosen handoff from the JSON API, building
 * every node with createElement and textContent, so nothing a person typed is ever read as HTML.
 * Every word comes from `locales/<lng>/dashboard.json`.
 */

export interface DashboardPageOptions {
  /** The service's name as people know it (config `SERVICE_NAME`). */
  serviceName: string;
}

export const DASHBOARD_PATH = '/linkworker/';
export const DASHBOARD_STATIC = '/linkworker/static';

/**
 * The page's Content-Security-Policy: nothing but this server. The script and the style sheet are
 * files from here (no inline script or style at all, so no nonce is needed); data goes through
 * fetch and EventSource to this same origin; no frames, no forms posted anywhere, no plugins.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The locale each page language formats dates in (always in Europe/London time). */
export const DASHBOARD_LOCALES: Record<Language, string> = { en: 'en-GB', cy: 'cy-GB' };

/** Settings for dashboard.js. */
export interface DashboardClientConfig {
  lang: Language;
  locale: string;
  timeZone: string;
  serviceName: string;
  api: string;
  outcomes: readonly string[];
  /** The whole `dashboard` locale tree: dashboard.js fills in its {{placeholders}} as text. */
  strings: unknown;
}

/** JSON that is safe inside a <script type="application/json"> element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page in one language. It holds no personal data: everything about people arrives after login. */
export function renderDashboardPage(lang: Language, options: DashboardPageOptions): string {
  const t = translator(lang);
  const text = (key: string, params?: Record<string, string>) => escapeHtml(t(`dashboard.${key}`, params));
  const config: DashboardClientConfig = {
    lang,
    locale: DASHBOARD_LOCALES[lang],
    timeZone: 'Europe/London',
    serviceName: options.serviceName,
    api: '/api/linkworker',
    outcomes: OUTCOMES,
    strings: localeValue(lang, 'dashboard'),
  };
  const otherLanguages = SUPPORTED_LANGUAGES.filter((other) => other !== lang).map((other) => {
    const name = escapeHtml(translator(other)('dashboard.languageName'));
    return `<li><a href="?lang=${other}" lang="${other}" hreflang="${other}">${name}</a></li>`;
  });
  const outcomeChoices = OUTCOMES.map(
    (outcome) =>
      `<div class="choice"><input type="radio" name="outcome" id="outcome-${outcome}" value="${outcome}"><label for="outcome-${outcome}">${text(`close.outcomes.${outcome}`)}</label></div>`,
  ).join('\n');

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
<title>${text('documentTitle', { serviceName: options.serviceName })}</title>
<link rel="stylesheet" href="${DASHBOARD_STATIC}/dashboard.css">
</head>
<body>
<a class="skip" href="#queue-heading">${text('skipLink')}</a>
<header class="topbar">
<div class="wrap">
<h1>${text('heading')}</h1>
<nav aria-label="${text('languageNav')}"><ul>${otherLanguages.join('')}</ul></nav>
<div id="account" class="account" hidden>
<p id="signed-in-as"></p>
<button type="button" id="logout">${text('account.logout')}</button>
</div>
</div>
</header>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>
<main class="wrap" id="main">
<noscript><p>${text('noScript')}</p></noscript>
<p id="status" class="status" role="status"></p>
<section id="login-view" class="panel" aria-labelledby="login-heading" hidden>
<h2 id="login-heading">${text('login.heading')}</h2>
<form id="login-form" novalidate>
<div class="field"><label for="login-email">${text('login.email')}</label>
<input id="login-email" name="email" type="email" autocomplete="username" required spellcheck="false"></div>
<div class="field"><label for="login-password">${text('login.password')}</label>
<input id="login-password" name="password" type="password" autocomplete="current-password" required></div>
<p id="login-error" class="error" role="alert"></p>
<button type="submit" id="login-button">${text('login.button')}</button>
</form>
</section>
<div id="work-view" class="work" hidden>
<section id="queue-panel" class="panel queue-panel" aria-labelledby="queue-heading">
<h2 id="queue-heading" tabindex="-1">${text('queue.heading')}</h2>
<p class="hint">${text('queue.intro')}</p>
<p id="live-state" class="hint"></p>
<p id="queue-empty">${text('queue.empty')}</p>
<ul id="queue" class="queue"></ul>
</section>
<section id="handoff-panel" class="panel handoff-panel" aria-labelledby="handoff-heading">
<h2 id="handoff-heading" tabindex="-1">${text('handoff.heading')}</h2>
<p id="handoff-none">${text('handoff.none')}</p>
<div id="handoff" hidden>
<p id="handoff-status" class="handoff-status"></p>
<p id="handoff-urgent" class="urgent-note" hidden>${text('handoff.urgent')}</p>
<p id="handoff-opted-out" class="urgent-note" hidden>${text('handoff.optedOut')}</p>
<div class="actions">
<button type="button" id="claim">${text('handoff.claim')}</button>
<button type="button" id="release" class="secondary">${text('handoff.release')}</button>
<a id="export" class="export" href="#" download>${text('handoff.export')}</a>
</div>
<p id="must-claim" class="hint" hidden>${text('message.mustClaim')}</p>
<p id="action-error" class="error" role="alert"></p>
<h3>${text('summary.heading')}</h3>
<dl id="summary" class="summary"></dl>
<h3 id="transcript-heading">${text('transcript.heading')}</h3>
<ol id="transcript" class="transcript" aria-labelledby="transcript-heading" tabindex="0"></ol>
<form id="message-form" novalidate>
<h3>${text('message.heading')}</h3>
<div class="field"><label for="message-text" id="message-label"></label>
<p class="hint" id="message-hint">${text('message.hint')}</p>
<p class="urgent-note" id="message-cannot-send" hidden>${text('message.optedOutCannotSend')}</p>
<textarea id="message-text" name="text" rows="3" maxlength="2000" aria-describedby="message-hint"></textarea></div>
<p id="message-error" class="error" role="alert"></p>
<button type="submit" id="send">${text('message.send')}</button>
</form>
<form id="close-form" novalidate>
<h3>${text('close.heading')}</h3>
<fieldset id="outcome-fieldset">
<legend>${text('close.outcome')}</legend>
${outcomeChoices}
</fieldset>
<div class="field"><label for="close-note">${text('close.note')}</label>
<textarea id="close-note" name="note" rows="2" maxlength="4000"></textarea></div>
<div class="field"><label for="close-follow-up">${text('close.followUp')}</label>
<p class="hint" id="follow-up-hint">${text('close.followUpHint')}</p>
<input id="close-follow-up" name="followUpAt" type="date" aria-describedby="follow-up-hint"></div>
<p id="close-error" class="error" role="alert"></p>
<button type="submit" id="close">${text('close.button')}</button>
</form>
</div>
</section>
</div>
</main>
<script type="application/json" id="dashboard-config">${jsonForScript(config)}</script>
<script src="${DASHBOARD_STATIC}/dashboard.js"></script>
</body>
</html>
`;
}
