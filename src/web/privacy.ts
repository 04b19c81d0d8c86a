import { CONSENT_NOTICE_VERSION } from '../../dialogs';
import { DEFAULT_LANGUAGE, isLanguage, translator, type Language, type Translate } from '../i18n';
import { DEFAULT_RETENTION, type ReferralRetention } from '../retention/policy';
import { escapeHtml, staticPageDocument } from './staticPage';

export { escapeHtml, PAGE_STYLE, PRIVACY_PAGE_CSP } from './staticPage';

/**
 * The full privacy notice (`GET /privacy`), linked from the short notice in the consent dialog.
 * Every word comes from `locales/<lng>/privacy.json`; this file only gives it structure. The page
 * is self-contained: no scripts, fonts, images or other requests, only inline CSS.
 */

export interface PrivacyPageOptions {
  /** The service's name as people know it (config `SERVICE_NAME`). */
  serviceName: string;
  /** The days the notice promises (config RETENTION_CLOSED_DAYS, RETENTION_ABANDONED_DAYS); defaults when unset. */
  retention?: ReferralRetention;
  /** What people write is sealed at rest (FIELD_ENCRYPTION_KEY is set): the notice says so, and only then. */
  encryptedAtRest?: boolean;
}


/** HTML that is already safe to put in the page. Everything else is escaped. */
export interface Markup {
  readonly html: string;
}

export type Param = string | Markup;


/**
 * A message as HTML: the locale text is escaped, and so is every string value put into it.
 * Values that are markup (a link, a command to type) are built here from escaped parts. They go
 * into i18next as unique stand-ins and are swapped in after escaping, so nothing a value holds
 * is ever read as HTML or as an i18next placeholder.
 */
export function message(t: Translate, key: string, params: Record<string, Param> = {}): string {
  const names = Object.keys(params);
  const standIn = (index: number) => `\u0000${index}\u0000`;
  let html = escapeHtml(t(key, Object.fromEntries(names.map((name, index) => [name, standIn(index)]))));
  names.forEach((name, index) => {
    const value = params[name];
    html = html.split(standIn(index)).join(typeof value === 'string' ? escapeHtml(value) : value.html);
  });
  return html;
}

/** Text the person types in the chat, e.g. "delete my data". */
const typed = (text: string): Markup => ({ html: `<kbd>${escapeHtml(text)}</kbd>` });

function link(href: string, text: string): Markup {
  // Only an https address becomes a link; anything else in a locale file is shown as text.
  if (!/^https:\/\/[^\s"'<>]+$/.test(href)) return { html: escapeHtml(text) };
  return { html: `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` };
}

/** `whenEncrypted`: shown only when what people write is sealed at rest, so the notice never promises it otherwise. */
type Block = { paragraph: string; whenEncrypted?: true } | { list: string[] };

interface Section {
  /** Key prefix in privacy.json; also the heading's id. */
  id: string;
  blocks: Block[];
}

/** The notice's sections in reading order. Keys are relative to `privacy.<section id>`. */
const SECTIONS: Section[] = [
  { id: 'whoWeAre', blocks: [{ paragraph: 'service' }, { paragraph: 'controller' }] },
  {
    id: 'aboutChat',
    blocks: [
      { paragraph: 'automated' },
      { paragraph: 'linkWorker' },
      { paragraph: 'notEmergency' },
      { list: ['emergency.danger', 'emergency.urgent', 'emergency.samaritans'] },
    ],
  },
  {
    id: 'whatWeKeep',
    blocks: [{ paragraph: 'onlyIfYouAgree' }, { list: ['items.answers', 'items.consent', 'items.contact'] }, { paragraph: 'ifNo' }],
  },
  { id: 'why', blocks: [{ paragraph: 'intro' }, { list: ['items.help', 'items.contact', 'items.urgent'] }] },
  { id: 'lawfulBasis', blocks: [{ paragraph: 'consent' }, { paragraph: 'health' }] },
  {
    id: 'whoSees',
    blocks: [{ paragraph: 'linkWorkers' }, { list: ['items.noSelling', 'items.noAdverts', 'items.sharing'] }, { paragraph: 'encrypted', whenEncrypted: true }],
  },
  { id: 'howLong', blocks: [{ paragraph: 'untilClosed' }, { paragraph: 'closed' }, { paragraph: 'unfinished' }, { paragraph: 'erasureNote' }] },
  {
    id: 'rights',
    blocks: [
      { paragraph: 'intro' },
      { list: ['items.see', 'items.correct', 'items.delete'] },
      { paragraph: 'howToDelete' },
      { paragraph: 'howToSeeOrCorrect' },
      { paragraph: 'complain' },
      { paragraph: 'icoContact' },
    ],
  },
  { id: 'contact', blocks: [{ paragraph: 'intro' }, { paragraph: 'inChat' }, { paragraph: 'details' }] },
];


/** The notice as a complete HTML page in one language. */
export function renderPrivacyPage(lang: Language, options: PrivacyPageOptions): string {
  const t = translator(lang);
  const serviceName = options.serviceName;
  const k = (key: string) => `privacy.${key}`;

  const sections = SECTIONS.map((section) => {
    const at = (key: string) => k(`${section.id}.${key}`);
    const params = sectionParams(t, section.id, serviceName, options.retention ?? DEFAULT_RETENTION);
    const shown = section.blocks.filter((block) => !('whenEncrypted' in block) || options.encryptedAtRest === true);
    const blocks = shown.map((block) =>
      'paragraph' in block
        ? `<p>${message(t, at(block.paragraph), params)}</p>`
        : `<ul>\n${block.list.map((item) => `<li>${message(t, at(item), params)}</li>`).join('\n')}\n</ul>`,
    );
    return `<h2 id="${escapeHtml(section.id)}">${message(t, at('heading'))}</h2>\n${blocks.join('\n')}`;
  });

  const version = message(t, k('version'), { version: CONSENT_NOTICE_VERSION });
  return staticPageDocument(lang, {
    title: message(t, k('documentTitle'), { serviceName }),
    navLabel: message(t, k('languageNav')),
    main: `<h1>${message(t, k('title'))}</h1>
<p class="version">${version}</p>
<p>${message(t, k('intro'), { serviceName })}</p>
${sections.join('\n')}`,
  });
}

/** The values a section's messages may use. */
function sectionParams(t: Translate, sectionId: string, serviceName: string, retention: ReferralRetention): Record<string, Param> {
  switch (sectionId) {
    case 'howLong':
      // The same numbers the retention job uses, so the page says what really happens.
      return { serviceName, closedDays: String(retention.finishedReferralDays), abandonedDays: String(retention.abandonedReferralDays) };
    case 'rights':
      return {
        serviceName,
        command: typed(t('privacy.rights.deleteCommand')),
        icoLink: link(t('privacy.rights.icoUrl'), t('privacy.rights.icoLinkText')),
      };
    case 'contact':
      return { serviceName, command: typed(t('privacy.contact.humanCommand')) };
    default:
      return { serviceName };
  }
}

/**
 * The page's language: `?lang=` when it names a language we have, otherwise the browser's
 * preference (`Accept-Language`, highest weight first), otherwise English.
 */
export function choosePrivacyLanguage(langParam: string | null | undefined, acceptLanguage: string | undefined): Language {
  const fromParam = langParam ? supported(langParam) : undefined;
  if (fromParam) return fromParam;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 50)
    .map((entry, index) => {
      const [tag, ...attributes] = entry.split(';');
      const q = attributes.map((a) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(a)).find(Boolean);
      const weight = q ? Number(q[1]) : 1;
      return { lang: supported(tag), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((p): p is { lang: Language; weight: number; index: number } => p.lang !== undefined && p.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return preferences[0]?.lang ?? DEFAULT_LANGUAGE;
}

function supported(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}
