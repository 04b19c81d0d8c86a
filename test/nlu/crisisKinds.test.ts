/**
 * Crisis detector: the kinds added after a safety tester's report (someone else at risk, sexual violence,
 * a child at risk), the misses and false alarms it found, and the rule that a writer's own risk comes first.
 */
import { detectCrisis } from '../../src/nlu/crisis';

const kindOf = (text: string): string | undefined => detectCrisis(text).kind;

describe('reports the kind the reply needs', () => {
  it.each([
    // overdose and self-harm done, plain, misspelt and SMS
    ["I've had a bottle of vodka and my pills", 'medical_emergency'],
    ['had a bottle of vodka n all my pills', 'medical_emergency'],
    ["i've had a bottle of vodka and taken my pills", 'medical_emergency'],
    ['i mixed my pills with booze', 'medical_emergency'],
    ['i took 30 paras', 'medical_emergency'],
    ['i tuk all ma tablets', 'medical_emergency'],
    ['took evry pill in the house', 'medical_emergency'],
    ['took my whole prescription', 'medical_emergency'],
    ['i took all my tablets for the week', 'medical_emergency'],
    ['i punch walls till my hands bleed', 'self_harm'],
    ['ive been sh-ing', 'self_harm'],
    ['dw i wedi cymryd fy holl dabledi', 'medical_emergency'],
    ['dwi di cymryd y tabledi i gyd', 'medical_emergency'],
    ['dw i wedi llyncu 30 paracetamol', 'medical_emergency'],
    // the writer is a helper
    ["my friend says she'll kill herself tonight", 'someone_else_at_risk'],
    ["my friend says she's going to kill herself tonight", 'someone_else_at_risk'],
    ['my friend wants to kill herself', 'someone_else_at_risk'],
    ["she says she'll kill herself", 'someone_else_at_risk'],
    ['my son is talking about killing himself', 'someone_else_at_risk'],
    ['my dad has a rope in the garage and said goodbye', 'someone_else_at_risk'],
    ['my daughter is cutting herself', 'someone_else_at_risk'],
    ['mae fy ffrind yn dweud ei bod hi am ladd ei hun heno', 'someone_else_at_risk'],
    ['my sister said she wants to die', 'someone_else_at_risk'],
    ["my mate said he's gonna end it", 'someone_else_at_risk'],
    ['my friend has taken an overdose', 'someone_else_at_risk'],
    ["my friend's husband hits her", 'someone_else_at_risk'],
    ["my mum's partner hits her", 'someone_else_at_risk'],
    // children
    ['my stepdad touches me', 'child_at_risk'],
    ['my uncle touches me and says not to tell', 'child_at_risk'],
    ['im 15 and my mum kicked me out', 'child_at_risk'],
    ["my neighbour's kids are left alone and they get hit", 'child_at_risk'],
    ["i'm 14 and my mum hits me", 'child_at_risk'],
    ["i'm in year 9 and my stepdad hits me", 'child_at_risk'],
    ["Dw i'n 14 ac mae fy nhad yn fy nharo i", 'child_at_risk'],
    ['my husband hits our son', 'child_at_risk'],
    // sexual violence
    ["i've been raped", 'sexual_violence'],
    ['i was sexually assaulted', 'sexual_violence'],
    ["i'm being forced to have sex", 'sexual_violence'],
    ['he raped me', 'sexual_violence'],
    // domestic abuse and danger
    ['he checks my phone and tracks me', 'abuse_or_danger'],
    ['my partner controls everything', 'abuse_or_danger'],
    ["he took my phone and won't let me leave", 'abuse_or_danger'],
    ['im scared of my step dad', 'abuse_or_danger'],
    ['someone is outside my door with a knife', 'abuse_or_danger'],
    ['someone is trying to get in my house', 'abuse_or_danger'],
    ['dydy e ddim yn gadael i mi adael y ty', 'abuse_or_danger'],
    ['mae ofn arna i fynd adref', 'abuse_or_danger'],
    // indirect suicidal
    ["I've given my things away", 'suicide'],
    ['ive given all my stuff away', 'suicide'],
    ["i've said my goodbyes", 'suicide'],
    ["i've put my affairs in order", 'suicide'],
    ["i've sorted my will and said my goodbyes", 'suicide'],
    ["i've sorted out who gets my things", 'suicide'],
    ["i'm going to the bridge tonight", 'suicide'],
    ["i've been looking at bridges", 'suicide'],
    ["i've made my mind up, tonight's the night", 'suicide'],
    ["they'd all be better off", 'suicide'],
    ["soon it won't matter", 'suicide'],
    ['nothing matters anymore', 'suicide'],
    ["i'm tired of everything", 'suicide'],
    ['fydd neb yn gweld fy eisiau', 'suicide'],
    ["beth yw'r pwynt", 'suicide'],
    ["be di'r pwynt", 'suicide'],
    ['dw i wedi ysgrifennu llythyrau at fy nheulu', 'suicide'],
    ['fydda i ddim o gwmpas yn hir', 'suicide'],
  ])('%j -> %s', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  it('gives the new kinds rule ids that start with the kind, so every reader maps them', () => {
    for (const text of ['my friend wants to kill herself', "i've been raped", 'my stepdad touches me', "i'm 14 and my mum hits me"]) {
      const { kind, rule } = detectCrisis(text);
      expect(rule?.replace(/^cy\./, '').split('.')[0]).toBe(kind);
    }
  });
});

describe("the writer's own risk comes before a helper's", () => {
  it.each([
    ['my friend wants to die and i want to die too', 'suicide'],
    ['my dad beats my mum and me', 'abuse_or_danger'],
    ['my friend thinks i am suicidal', 'suicide'],
  ])('%j -> %s', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  it('says nothing about a third party’s past death or attempt', () => {
    expect(detectCrisis('my mum tried to kill herself years ago').crisis).toBe(false);
    expect(detectCrisis('mae hi wedi lladd ei hun').crisis).toBe(false);
  });
});

describe('false alarms the tester found stay quiet', () => {
  it.each([
    'i cut myself a slice of cake',
    'i wrote letters to my pen pal',
    'i wrote letters to my grandchildren',
    "i've written letters to my MP",
    'my dad beats me at chess',
    "i've taken all my tablets for today",
    "i wont be around for long, i'm moving to Spain",
    "fydda i ddim o gwmpas yn hir, dw i'n symud i Sbaen",
    "what's the point of anything if i can't afford the bus",
    "i'm done",
    "it's pointless",
    'I cut my hair',
    "I'm taking my tablets as prescribed",
    'my partner hits the gym',
    "I'm killing time",
    'dying for a cuppa',
    'overdosed on Netflix',
    "i'd kill for a cup of tea",
    'my knee is killing me',
    'i cut myself shaving',
    'i took 2 paracetamol for my headache',
    'i have given my old clothes to charity',
    'we said our goodbyes at the funeral',
    'my wife touches my arm to wake me',
    'i love looking at bridges',
    "i'm going to the bridge club tonight",
    'i took my whole prescription to the chemist',
    'i am 15 minutes late',
    'my parents kicked me out when i was 18',
    'my husband is in the kitchen with a knife',
    'the vet had to end his life',
  ])('%j', (text) => {
    expect(detectCrisis(text)).toEqual({ crisis: false });
  });
});

describe('a child hit or locked in at home by a parent or a parent’s partner (tester playing a 13-16 year old)', () => {
  it.each([
    ['my mums boyfriend hits me', 'abuse_or_danger'],
    ["my mum's boyfriend hits me", 'abuse_or_danger'],
    ['mums bf hits me', 'abuse_or_danger'],
    ['my dads girlfriend hits me', 'abuse_or_danger'],
    ['my step mum hits me', 'abuse_or_danger'],
    ['im 14 and my mums boyfriend hits me', 'child_at_risk'],
    ['i get hit at home', 'abuse_or_danger'],
    ['i get hit by my dad', 'abuse_or_danger'],
    ['i get beaten at home', 'abuse_or_danger'],
    ['someone at home hits me', 'abuse_or_danger'],
    ["i'm 15 and i get hit at home", 'child_at_risk'],
    ["mum's boyfriend locks me in my room", 'abuse_or_danger'],
    ['my dad locks me in my room', 'abuse_or_danger'],
    ['they lock me in', 'abuse_or_danger'],
  ])('%j is %s', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  it.each([
    'my little brother hits me with his toy',
    "my mum's boyfriend hits the gym",
    'i get hit by the ball at football',
    'the wind hits the house',
    'we lock the door at night',
    'i lock myself in my room to read',
    'my dad beats me at chess',
  ])('%j stays quiet', (text) => {
    expect(detectCrisis(text)).toEqual({ crisis: false });
  });
});

describe('where someone wants to die at the end of life is not a crisis', () => {
  it.each(['my nan wants to die at home', 'she wants to die at home, not in hospital', 'dad wanted to die in his own bed'])(
    '%j stays quiet',
    (text) => {
      expect(detectCrisis(text)).toEqual({ crisis: false });
    },
  );

  it('still flags the wish with no place, and the writer’s own', () => {
    expect(kindOf('my nan wants to die')).toBe('someone_else_at_risk');
    expect(kindOf('i want to die at home')).toBe('suicide');
    expect(kindOf('i want to die from embarrassment')).toBeUndefined();
  });
});
