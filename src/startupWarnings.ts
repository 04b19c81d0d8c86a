/**
 * Things an operator must fix before real people use Front Door, but which are fine on a laptop:
 * printed at start-up (not refused), so a local demo still runs with nothing set.
 */
import type { Config } from './config';
import { SUPPORTED_LANGUAGES, localeValue, type Language } from './i18n';

/** Whether binding to `host` keeps the server on this machine: localhost, 127.x.x.x or ::1. */
export function isLoopbackHost(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i.test(host.trim());
}

/** The privacy page's contact details in one language, as the locale files hold them. */
export type PrivacyContactDetails = (lang: Language) => string;

const contactDetailsFromLocales: PrivacyContactDetails = (lang) => String(localeValue(lang, 'privacy.contact.details') ?? '');

/** The shipped locale files hold "[Operator: add ...]": a bracketed note, not contact details. */
const isPlaceholder = (details: string) => /^\s*\[.*\]\s*$/s.test(details) || details.trim() === '';

/** Each warning as one line, most serious first; none for a machine that only serves itself (a demo). */
export function startupWarnings(config: Config, contactDetails: PrivacyContactDetails = contactDetailsFromLocales): string[] {
  const warnings: string[] = [];
  const exposed = !isLoopbackHost(config.host);
  if (config.bot.anonymous && !config.hostWasDefaulted && exposed) {
    warnings.push(
      `no MicrosoftAppId is set, so the bot runs without authentication, yet HOST=${config.host} exposes it beyond this machine. An anonymous bot sends replies to whatever serviceUrl a caller names.`,
    );
  }
  const publicUrl = config.publicBaseUrl ? new URL(config.publicBaseUrl) : undefined;
  // Bound to loopback behind a proxy still serves people: PUBLIC_BASE_URL says where they come from.
  const servesOthers = exposed || (publicUrl !== undefined && !isLoopbackHost(publicUrl.hostname));
  if (publicUrl?.protocol === 'http:' && !isLoopbackHost(publicUrl.hostname)) {
    warnings.push(
      `PUBLIC_BASE_URL is ${publicUrl.origin}, plain http: what people write would cross the internet unencrypted. Serve Front Door over https (e.g. behind a TLS proxy) and set PUBLIC_BASE_URL to the https address.`,
    );
  }
  if (!publicUrl && exposed) {
    warnings.push(
      `PUBLIC_BASE_URL is not set, so the chat's privacy link points at http://localhost:${config.port}/privacy, which people cannot open. Set PUBLIC_BASE_URL to the address people reach Front Door at.`,
    );
  }
  const unfilled = SUPPORTED_LANGUAGES.filter((lang) => isPlaceholder(contactDetails(lang)));
  if (servesOthers && unfilled.length > 0) {
    warnings.push(
      `the privacy page has no contact details yet (${unfilled.map((lang) => `locales/${lang}/privacy.json`).join(', ')}: contact.details). People must be told how to reach you about their data: add your email address, phone number and postal address before launch.`,
    );
  }
  if (servesOthers && !config.fieldEncryption.key) {
    warnings.push(
      'FIELD_ENCRYPTION_KEY is not set, so what people write is stored unencrypted. Set it (32 random bytes, e.g. from: openssl rand -base64 32) before real people use Front Door.',
    );
  }
  return warnings;
}
