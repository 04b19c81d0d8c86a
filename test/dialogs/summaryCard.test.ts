/** The summary as an Adaptive Card on the web chat channel; plain text everywhere else. */
import { escapeMarkdown, SummaryDialog } from '../../dialogs';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, consentedPerson, Conversation, LANGUAGES, tFor } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

interface CardElement {
  type: string;
  text?: string;
  items?: CardElement[];
}

/** Every TextBlock's text in the card, in order. */
function cardTexts(elements: CardElement[]): string[] {
  return elements.flatMap((e) => (e.type === 'TextBlock' ? [e.text ?? ''] : cardTexts(e.items ?? [])));
}

describe.each(LANGUAGES)('summary card (%s)', (lang) => {
  const t = tFor(lang);

  async function answeredPerson(whatMatters: string): Promise<string> {
    const personKey = await consentedPerson(repo, lang, 'card');
    await repo.saveAnswer(personKey, 'whatMatters', whatMatters);
    await repo.saveAnswer(personKey, 'barriers', ['cost']);
    await repo.saveAnswer(personKey, 'preferredName', 'Sam');
    return personKey;
  }

  it('on web chat the read-back is an Adaptive Card with each part labelled, and the text as fallback', async () => {
    const personKey = await answeredPerson('Getting out of the house more');
    const opening = await new Conversation(new SummaryDialog(repo, config), { personKey }, 'webchat').say('hello');
    const first = opening.activities[0];
    expect(first.text).toBeUndefined();
    expect(first.attachments).toHaveLength(1);
    const attachment = first.attachments![0];
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = attachment.content as { body: CardElement[]; fallbackText: string; version: string };
    const texts = cardTexts(card.body);
    expect(texts[0]).toBe(escapeMarkdown(t('summary.heading')));
    for (const expected of [t('summary.parts.whatMatters.label'), 'Getting out of the house more', t('summary.parts.barriers.label'), t('whatMatters.barriers.options.cost.label'), t('summary.parts.name.label'), 'Sam']) {
      expect(texts).toContain(escapeMarkdown(expected));
    }
    expect(card.fallbackText).toContain(t('summary.heading'));
    expect(card.fallbackText).toContain('Getting out of the house more');
    // The question that follows is unchanged.
    expect(opening.activities.at(-1)!.text).toContain(t('summary.ask'));
  });

  it("shows a person's words as typed: Markdown in them is escaped, never a link or heading", async () => {
    const personKey = await answeredPerson('# Help [click me](http://example.org) **now** - please');
    const opening = await new Conversation(new SummaryDialog(repo, config), { personKey }, 'webchat').say('hello');
    const card = opening.activities[0].attachments![0].content as { body: CardElement[] };
    const answer = cardTexts(card.body).find((text) => text.includes('click me'))!;
    expect(answer).toBe('\\# Help \\[click me\\]\\(http://example\\.org\\) \\*\\*now\\*\\* \\- please');
  });

  it('other channels get the plain-text summary', async () => {
    const personKey = await answeredPerson('Getting out of the house more');
    const opening = await new Conversation(new SummaryDialog(repo, config), { personKey }, 'emulator').say('hello');
    expect(opening.activities[0].attachments ?? []).toHaveLength(0);
    expect(opening.activities[0].text).toContain(t('summary.heading'));
  });
});
