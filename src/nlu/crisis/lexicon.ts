/**
 * Word tables for normalisation. Data only: every entry maps what people type (SMS shorthand, common
 * misspellings, apostrophe-less contractions, Welsh colloquial spellings) to the one form the rules match.
 */

/** Single tokens rewritten to one or more tokens. */
export const TOKEN_MAP: Readonly<Record<string, string>> = {
  // contractions typed without an apostrophe
  im: 'i am',
  iam: 'i am',
  ive: 'i have',
  imma: 'i am going to',
  ima: 'i am going to',
  dont: 'do not',
  dnt: 'do not',
  didnt: 'did not',
  didn: 'did not',
  doesnt: 'does not',
  dosnt: 'does not',
  isnt: 'is not',
  wasnt: 'was not',
  arent: 'are not',
  werent: 'were not',
  havent: 'have not',
  havnt: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  // "wont" before "to" is read as "want" in normalise.ts ("i wont to die"); elsewhere it is "won't"
  wont: 'will not',
  wouldnt: 'would not',
  wouldn: 'would not',
  wudnt: 'would not',
  couldnt: 'could not',
  couldn: 'could not',
  cudnt: 'could not',
  shouldnt: 'should not',
  shudnt: 'should not',
  cant: 'can not',
  cnt: 'can not',
  carnt: 'can not',
  cannot: 'can not',
  aint: 'am not',
  youre: 'you are',
  hes: 'he is',
  shes: 'she is',
  theyre: 'they are',
  thats: 'that is',
  whats: 'what is',
  wots: 'what is',
  its: 'it is',
  theres: 'there is',
  // SMS shorthand
  wanna: 'want to',
  wana: 'want to',
  wna: 'want to',
  wanta: 'want to',
  wan: 'want',
  wnt: 'want',
  whant: 'want',
  wnat: 'want',
  gonna: 'going to',
  gona: 'going to',
  gunna: 'going to',
  gna: 'going to',
  finna: 'going to',
  tryna: 'trying to',
  gotta: 'got to',
  lemme: 'let me',
  dunno: 'i do not know',
  duno: 'i do not know',
  idk: 'i do not know',
  idc: 'i do not care',
  idw: 'i do not want to',
  idwt: 'i do not want to',
  idwta: 'i do not want to',
  neva: 'never',
  nvr: 'never',
  nevr: 'never',
  wud: 'would',
  wd: 'would',
  cud: 'could',
  cld: 'could',
  shud: 'should',
  shld: 'should',
  wil: 'will',
  hav: 'have',
  hv: 'have',
  ppl: 'people',
  pls: 'please',
  plz: 'please',
  plez: 'please',
  pleez: 'please',
  cuz: 'because',
  coz: 'because',
  cos: 'because',
  bc: 'because',
  bcoz: 'because',
  bcos: 'because',
  becuz: 'because',
  every1: 'everyone',
  evry1: 'everyone',
  evryone: 'everyone',
  everyon: 'everyone',
  some1: 'someone',
  sum1: 'someone',
  any1: 'anyone',
  no1: 'no one',
  noone: 'no one',
  nemore: 'anymore',
  nymore: 'anymore',
  anymre: 'anymore',
  anymor: 'anymore',
  enymore: 'anymore',
  enymor: 'anymore',
  enimore: 'anymore',
  b4: 'before',
  '4ever': 'forever',
  '2day': 'today',
  tday: 'today',
  '2nite': 'tonight',
  '2night': 'tonight',
  tnight: 'tonight',
  tonite: 'tonight',
  tnite: 'tonight',
  '2nyt': 'tonight',
  tnyt: 'tonight',
  tonyt: 'tonight',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  '2mrw': 'tomorrow',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmoz: 'tomorrow',
  tomoz: 'tomorrow',
  tomorow: 'tomorrow',
  tomoro: 'tomorrow',
  '2b': 'to be',
  rn: 'right now',
  atm: 'at the moment',
  tbh: 'to be honest',
  wiv: 'with',
  wid: 'with',
  wen: 'when',
  wat: 'what',
  wot: 'what',
  wut: 'what',
  bout: 'about',
  abt: 'about',
  tho: 'though',
  u: 'you',
  ya: 'you',
  ur: 'your',
  r: 'are',
  bf: 'boyfriend',
  gf: 'girlfriend',
  hubby: 'husband',
  beter: 'better',
  bettr: 'better',
  // words run together with no spaces
  iwanttodie: 'i want to die',
  wanttodie: 'want to die',
  iwannadie: 'i want to die',
  wannadie: 'want to die',
  iwanadie: 'i want to die',
  iwanttokillmyself: 'i want to kill myself',
  wanttokillmyself: 'want to kill myself',
  killmyself: 'kill myself',
  // self-directed and other-directed shorthand; "kys" is said to someone else (see rules.ts)
  kms: 'kill myself',
  kys: 'kill yourself',
  urself: 'yourself',
  yourslf: 'yourself',
  yaself: 'yourself',
  myslf: 'myself',
  myslef: 'myself',
  mysef: 'myself',
  meself: 'myself',
  miself: 'myself',
  maself: 'myself',
  mysel: 'myself',
  myelf: 'myself',
  msyelf: 'myself',
  // misspellings of short key words that edit distance must not touch
  ded: 'dead',
  dyin: 'dying',
  dieing: 'dying',
  dyng: 'dying',
  dei: 'die',
  kil: 'kill',
  kll: 'kill',
  nothin: 'nothing',
  nuthin: 'nothing',
  nuffin: 'nothing',
  nothink: 'nothing',
  agen: 'again',
  tabs: 'tablets',
  tuk: 'took',
  evry: 'every',
  evrything: 'everything',
  shing: 'sh ing',
  paracetemol: 'paracetamol',
  paracetomol: 'paracetamol',
  sewerslide: 'suicide',
  selfharm: 'self harm',
  selfharming: 'self harming',
  selfharmed: 'self harmed',
  selfharms: 'self harms',
  slef: 'self',
  // Welsh colloquial and apostrophe-less forms
  dwi: 'dw i',
  dwin: 'dw i yn',
  rwyn: 'rwy yn',
  isio: 'eisiau',
  isho: 'eisiau',
  ishio: 'eisiau',
  eisio: 'eisiau',
  isie: 'eisiau',
  eisie: 'eisiau',
  ishe: 'eisiau',
  moyn: 'eisiau',
  sdim: 'does dim',
  sai: 'dw i ddim',
  smo: 'dw i ddim',
};

/** G-dropped forms ("killin", "endin") of these words are restored; other "-in" words are left alone. */
export const ING_WORDS: ReadonlySet<string> = new Set([
  'killing', 'ending', 'cutting', 'hurting', 'harming', 'living', 'going', 'doing', 'trying', 'thinking', 'feeling',
  'wanting', 'planning', 'taking', 'hanging', 'jumping', 'burning', 'starving', 'bleeding', 'dying', 'overdosing',
  'saying', 'telling', 'hitting', 'beating', 'threatening', 'stabbing', 'shooting', 'drowning', 'crying', 'nothing',
  'something', 'getting', 'having', 'saving', 'giving', 'writing', 'leaving',
]);

/** Three-token sequences rewritten after the single-token pass (before the two-token ones). */
export const TRIGRAM_MAP: Readonly<Record<string, string>> = {
  // "n e more" (anymore): "n" has already become "and"
  'and e more': 'anymore',
  'n e more': 'anymore',
  // Phonetic "of" for "off", only before the words that make it "off": "better of dead", "jump of the bridge"
  // ("the better of the two", "the jump of a lifetime" are left alone by the rules that read them).
  'better of dead': 'better off dead',
  'better of without': 'better off without',
  'better of if': 'better off if',
  'better of not': 'better off not',
  'better of gone': 'better off gone',
  'jump of the': 'jump off the',
  'jump of a': 'jump off a',
  'jump of that': 'jump off that',
  'jump of my': 'jump off my',
  'jump of our': 'jump off our',
  'jumping of the': 'jumping off the',
  'jumping of a': 'jumping off a',
  'jumping of that': 'jumping off that',
};

/** Two-token sequences rewritten after the single-token pass. */
export const BIGRAM_MAP: Readonly<Record<string, string>> = {
  'my self': 'myself',
  'me self': 'myself',
  'any more': 'anymore',
  'un alive': 'unalive',
  'sewer slide': 'suicide',
  'no body': 'nobody',
  // Phonetic "hear" for "here" only after "be": "i dont want to be hear anymore" ("hear me out" is left alone)
  'be hear': 'be here',
  'being hear': 'being here',
  // South Walian "sa i'n moyn" = "I don't want"
  'sa i': 'dw i ddim',
  // Welsh "dim ond" means "only", not a negation
  'dim ond': 'jest',
};

/** Previous tokens after which a bare "2" means "to" ("want 2 die"), not a number ("took 2 paracetamol"). */
export const TO_CONTEXT: ReadonlySet<string> = new Set([
  'want', 'wants', 'wanted', 'going', 'need', 'needs', 'have', 'has', 'had', 'got', 'used', 'like', 'trying', 'try',
  'tried', 'plan', 'planning', 'about', 'ready', 'able', 'how', 'me', 'you', 'him', 'her', 'them', 'it', 'back', 'up',
  'go', 'went', 'come', 'hope', 'wish', 'decided', 'deserve', 'supposed', 'tempted', 'love', 'hate', 'start',
  'started', 'begin', 'afraid', 'scared', 'listen', 'talk', 'speak', 'nothing', 'something', 'reason', 'time', 'way',
]);

/** Previous tokens after which "too" followed by more words is the phonetic "to": "i want too die". */
export const TOO_AS_TO_CONTEXT: ReadonlySet<string> = new Set([
  'want', 'wants', 'wanted', 'wanting', 'going', 'need', 'needs', 'trying', 'try', 'tried', 'plan', 'planning',
  'planned', 'wish', 'ready', 'deserve', 'decided', 'tempted', 'hope',
]);

/** Previous tokens after which a bare "4" means "for" ("nothing to live 4"). */
export const FOR_CONTEXT: ReadonlySet<string> = new Set([
  'live', 'living', 'reason', 'wait', 'waiting', 'ready', 'looking', 'thanks', 'thank', 'here', 'there', 'it', 'me',
  'you', 'them', 'him', 'her', 'this', 'that', 'go',
]);

/** Welsh words after which a bare "n" is the elided "yn" ("dw i n mynd"), not SMS "and". */
export const WELSH_YN_CONTEXT: ReadonlySet<string> = new Set([
  'i', 'fi', 'ti', 'e', 'o', 'hi', 'ni', 'chi', 'nhw', 'mae', 'dw', 'rwy', 'rydw', 'wyt', 'yw', 'oedd', 'roedd',
  'bydd', 'fydd',
]);

/** Previous tokens after which a bare "b" is "be" ("wud b better off"). */
export const BE_CONTEXT: ReadonlySet<string> = new Set([
  'to', 'will', 'would', 'could', 'should', 'must', 'might', 'can', 'not', 'never',
]);

/**
 * Canonical key words whose stretched spellings ("diiie", "kiiilll", "wannnna") are repaired by comparing
 * letter skeletons (runs of a letter squeezed to one). Only words whose skeleton no common word shares.
 */
export const SKELETON_WORDS: readonly string[] = [
  'die', 'dying', 'dead', 'death', 'kill', 'killing', 'killed', 'myself', 'suicide', 'suicidal', 'want', 'end',
  'cut', 'cutting', 'hurt', 'harm', 'live', 'living', 'life', 'alive', 'help', 'please', 'tired', 'pills', 'tablets',
  'overdose', 'tonight', 'anymore', 'goodbye', 'hate', 'never', 'going', 'scared', 'hurting', 'harming', 'stab',
  'knife', 'wanna', 'gonna', 'kms', 'marw', 'byw',
];

/** Tokens that a run of single letters ("d i e", "k.i.l.l") may be joined into. */
export const SPELLED_OUT_WORDS: ReadonlySet<string> = new Set([
  'die', 'kill', 'dead', 'suicide', 'suicidal', 'cut', 'hurt', 'overdose', 'myself', 'kms',
]);
