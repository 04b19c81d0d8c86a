/**
 * English rule table, in priority order within each kind (the detector reports the first rule that fires;
 * kinds are ordered in rules.ts). Patterns match normalised text: see normalise.ts and patterns.ts.
 *
 * Policy decisions encoded here (and tested by the fixture set):
 * - A third party's past death or attempt ("my mum killed herself years ago", "lost my son to suicide") is
 *   grief, not crisis for the person writing. A third party's current risk ("my friend is suicidal",
 *   "my daughter self harms") is flagged: the crisis reply tells them where help is.
 * - The person's own past attempt or self-harm ("I tried to kill myself last year") is flagged: it is the
 *   strongest risk marker there is, and a link worker should know. Historic abuse ("abused as a child") is
 *   not flagged as present danger.
 * - "kys" ("kill yourself") said to the bot is not a crisis; being told it by others is (bullying), and so
 *   is the self-directed misuse "i should just kys".
 * - Hyperbole that cannot be told apart from intent ("so embarrassed I want to die") is flagged.
 */
import type { RuleSpec } from './rule-types';

/** Accidents: "cut myself shaving", "burnt myself on the oven" (but not "on my arm"). */
const ACCIDENT_AFTER =
  '(?!<0-9>(on purpose|deliberately|intentionally|to (feel|punish|cope)))(by accident|accidentally|shaving|cooking|chopping|peeling|slicing|gardening|falling|when i (fell|tripped|slipped)|' +
  'while [a-z]+ing|playing|lifting|at the gym|at work|exercising|running|doing (diy|yoga|sport|exercise|the [a-z]+)|' +
  'in the (kitchen|garden)|out|up|' +
  'with the (kettle|iron|oven|knife|tin|pan|scissors)|(a|an|some|another) (slice|piece|bit|wedge|portion|chunk|sliver|plate|bowl|helping)|' +
  'on (a|an|the|some|that|this)(?! (arms?|legs?|wrists?|thighs?|stomach|skin|hips?)(?![^ ])))';

/** Someone else's death or past attempt: grief, not the person's own crisis. */
const GRIEF_BEFORE =
  '((died|death|passed away) (by|from|of)( an| a)?|lost <0-3> to|losing <0-3> to|loss <0-3> to|bereaved by|' +
  'bereavement|{SUBJ} (had |has )?(committed|attempted|tried|completed|died by|died of|died from)|' +
  '(my|our|his|her|their) (ex )?{PERSON}|his|her|their)';

/** Marks a third party's overdose or attempt as past: "my aunt took an overdose in the nineties". */
const PAST_TIME_AFTER =
  '<0-4>(in (the )?(19[0-9][0-9]|20[0-9][0-9]|eighties|nineties|seventies|sixties|fifties|past)|years ago|months ago|' +
  'last (year|summer|spring|winter|autumn)|when (i|he|she|they) (was|were)|and died|and passed)';

/** "An overdose of sugar / sun / telly": figurative. */
const FIGURATIVE_THINGS =
  '(sun|sunshine|sugar|sweets|chocolate|cake|cakes|love|kindness|fun|culture|christmas|telly|tv|television|fresh air|exercise|' +
  'nostalgia|cuteness|netflix|box sets?|boxsets?|films?|movies|series|soaps?|crisps|carbs|coffee|caffeine|tea|biscuits|mince pies|football|cricket|rugby|darts|snooker)';
const FIGURATIVE_OVERDOSE = `of ${FIGURATIVE_THINGS}`;

/** "Rather die than do karaoke" is hyperbole; "rather die than live like this" is not. */
const THAN_HYPERBOLE = 'than(?! (live|living|go on|carry on|be here|be alive|keep (living|going)|continue|feel like this|suffer|face))';

/** "herself / himself / themselves": the risk is someone else's. */
const THEMSELF = '(herself|himself|themselves|themself)';

/** Drinks taken with pills. */
const DRINK =
  '(vodka|voddy|wine|whisky|whiskey|gin|rum|cider|beer|lager|brandy|booze|alcohol|spirits|drink|jack daniels|jd)';

/** Historic abuse is not present danger (policy above). */
const HISTORIC_AFTER =
  '(as a (child|kid|teenager|teen|boy|girl)|when i was|years ago|decades ago|in the past|growing up|for years when)';

/** A reason for not being around that is not death: "i won't be around for long, i'm moving to Spain". */
const AWAY_REASON =
  '(\\. )?(because |cos |coz |as |since )?(i am|i will be|we are|we will be|i have got|i|we) <0-1>' +
  '(moving|emigrating|relocating|retiring|travelling|away|on holiday|going (abroad|away|travelling|on holiday|back home|into hospital)|' +
  'off (abroad|travelling|on holiday)|leaving (the|this) (area|country|town|city|job|group)|starting (a|my) new)';

/** A partner, or "he / she", as the controlling one. */
const PARTNER =
  '(he|she|my (ex )?(husband|wife|partner|boyfriend|girlfriend|fiance|fiancee|spouse|other half|fella|ex|ex partner))';

/** Who might be breaking in: not "the kids are trying to get in the house". */
const INTRUDER =
  '(someone|somebody|a (man|woman|guy|stranger|person|group|gang)|some (men|people|guys|lads)|people|strangers|he|she|they|' +
  'my ex( partner| husband| wife| boyfriend| girlfriend)?|my (husband|partner|boyfriend|stepdad|dad))';

/** Children, as the ones hurt. */
const CHILD =
  '(kids|children|child|baby|babies|toddler|kid|little (boy|girl|one|ones)|son|daughter|stepson|stepdaughter|' +
  'grandchildren|grandkids|grandson|granddaughter|niece|nephew)';

/** An age under 18, as a number or a word ("i'm 14", "im fifteen"). */
const MINOR_AGE = '(1[0-7]|[89]|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)';

/** Where someone near the end of life wants to die: "at home", "in her own bed", "in a hospice". */
const END_OF_LIFE_PLACE =
  '(at home|at (her|his|their) (own )?home|in (her|his|their) (own )?(bed|home|house)|in (a |the )?(hospice|hospital)|' +
  'not in (a |the )?(hospice|hospital)|surrounded by (her|his|their) (family|loved ones))';
/** Being told to kill yourself is bullying (abuse_or_danger), reported by a separate rule. */
const TOLD_TO_BEFORE = '(told|tell|tells|telling|said|says|saying|asked|asks|keep telling|keeps telling) me to( go| just)?';

export const RULES_EN: readonly RuleSpec[] = [
  // ---------------------------------------------------------------- someone_else_at_risk (the writer helps)
  {
    id: 'someone_else_at_risk.kill_self',
    kind: 'someone_else_at_risk',
    example: "my friend says she'll kill herself tonight",
    patterns: [
      '(kill|kills|killing|unalive|unaliving|end|ending|hang|hanging|drown|drowning|shoot|shooting|gas|gassing|' +
        `poison|poisoning|suffocate|suffocating|top|topping|off|offing) ${THEMSELF}`,
      // "take his own life", not "took his own life" (grief)
      '(take|taking|end|ending) (her|his|their) (own )?life',
    ],
    // "killing herself laughing / working", "top himself up", a past attempt
    unlessAfter: `(laughing|with laughter|trying|working|at work|in the foot|up|${PAST_TIME_AFTER})`,
    unlessBefore: '(vet|vets|the vet) <0-3>',
  },
  {
    id: 'someone_else_at_risk.wants_to_die',
    kind: 'someone_else_at_risk',
    example: 'my sister said she wants to die',
    patterns: [
      '{THIRD} (really |still |just |honestly )?(wants|want|is going|are going|is planning|plans|is trying|are trying|' +
        'is ready|wishes|wish|has decided|is about) to <0-1>(die|be dead|not be here|not be alive|not exist|' +
        'end it|end it all|end things|end everything)',
      '{THIRD} (does not|do not|no longer|never) (want|wants) to (live|be alive|be here|go on|carry on)(?= \\.|$| anymore| any more| no more)',
      '{THIRD} (is|are|has been|was|feels|seems|sounds|is feeling|has been feeling) (really |very |so |quite )?suicidal',
      '{THIRD} (is |are |has been |keeps |keep |was )?(talking|going on|posting|texting|messaging) about ' +
        `(suicide|killing ${THEMSELF}|ending (it|it all|things|her life|his life|their life)|dying|wanting to die|not wanting to live)`,
    ],
    // "my nan wants to die at home", "my friend wants to end things with him", "rather die than dance"
    unlessAfter:
      '(at home|in (her|his|their) (own )?(bed|home|sleep)|peacefully|with dignity|of (old age|natural causes)|' +
      `with (him|her|them|his|her|their|my)|${THAN_HYPERBOLE})`,
    negatable: false,
  },
  {
    id: 'someone_else_at_risk.self_harm',
    kind: 'someone_else_at_risk',
    example: 'my daughter is cutting herself',
    patterns: [
      `(cutting|harming|hurting|burning|scratching|starving|punching|hitting|injuring|cuts|harms|burns|starves) ${THEMSELF}`,
      `(want|wants|going|trying|tried|threatening|threatened|urge|urges) to (cut|harm|hurt|burn|starve) ${THEMSELF}`,
      '{THIRD} (self harms|is self harming|has been self harming|keeps self harming|has started self harming|self harming)',
    ],
    unlessAfter: ACCIDENT_AFTER,
  },
  {
    id: 'someone_else_at_risk.overdose_taken',
    kind: 'someone_else_at_risk',
    example: 'My son has taken an overdose',
    patterns: [
      '{SUBJ} (has |had |just |has just )?(taken|took|swallowed|done|had) (an |a |another )?(overdose|od)',
      '{SUBJ} (has |had |just |has just )?(overdosed|oded|od d)',
      '{THIRD} (has |had |just |has just )?(taken|took|swallowed|downed|necked) (all|a whole|loads|a load|lots|too many|' +
        'a handful|handful|a packet|a box|a bottle|every|[1-9][0-9]+) <0-3>{MEDS}',
    ],
    unlessAfter: PAST_TIME_AFTER,
  },
  {
    id: 'someone_else_at_risk.goodbye',
    kind: 'someone_else_at_risk',
    example: 'my dad has a rope in the garage and said goodbye',
    patterns: [
      '(rope|noose|gun|{MEDS}) <0-6>(said|says|saying|texted|sent|messaged) (me |us )?(goodbye|goodbyes|bye forever)',
      '{THIRD} <0-2>(sent|texted|messaged|wrote|left|has written|has left) (me |us )?(a )?(goodbye|farewell|suicide) (note|letter|message|text)',
      '{THIRD} <0-2>(said|says|texted|sent|messaged) (me |us )?(goodbye|bye) (forever|for good|for the last time)',
      '{THIRD} (is|has been|was|keeps) (giving|given) away (all )?(her|his|their) (things|stuff|possessions|belongings)',
    ],
  },
  {
    id: 'someone_else_at_risk.being_hurt',
    kind: 'someone_else_at_risk',
    example: "my friend's husband hits her",
    patterns: [
      '{THIRD} <0-3>(hits|beats|kicks|punches|chokes|strangles|slaps|attacks|abuses|batters|rapes|threatens|controls|' +
        'is hurting|keeps hurting|hurts|is hitting|keeps hitting|is beating|is abusing|has been hitting|has been abusing) ' +
        '(her|him|them)' +
        // not "beats him at chess", "hits her up for money", nor "hits her kids" (a child at risk: its own rule)
        '(?! (at|up|to|back|kids|children|child|baby|son|daughter|little|with kindness)(?![^ ]))',
      '{SUBJ} <0-3>(hits|beats|batters|abuses|is hitting|keeps hitting|is abusing) (my|our) (mum|mam|mom|mother|sister|' +
        'friend|best friend|mate|nan|gran|grandma|auntie|aunt)(?! (at|up|to)(?![^ ]))',
      '{THIRD} (is|are|has been) (being|getting) (abused|beaten|hit|raped|assaulted|threatened|strangled|controlled)',
      '{THIRD} (is )?(in|living in|stuck in|trapped in) (an )?abusive (relationship|marriage|home)',
    ],
    unlessAfter: HISTORIC_AFTER,
  },

  // ---------------------------------------------------------------- medical_emergency (act now)
  {
    id: 'medical.overdose_taken',
    kind: 'medical_emergency',
    example: "I've taken an overdose",
    patterns: ['(taken|took|swallowed|done|did|had) (an |a |another |a big |a massive )?(overdose|od)'],
    // Someone else's overdose is judged by the next rule.
    unlessBefore: '({SUBJ}|his|her) (has |had |just )?',
    unlessAfter: FIGURATIVE_OVERDOSE,
  },
  {
    id: 'medical.overdosed',
    kind: 'medical_emergency',
    example: "i od'd on my meds",
    patterns: ['(overdosed|oded|od d)', '(od|o d) on <0-2>{MEDS}'],
    // Someone else's overdose is judged by the next rule.
    unlessBefore: '((died|death) (by|from|of)( an| a)?|({SUBJ}|his|her) (has |had |just )?)',
    unlessAfter: `(${FIGURATIVE_OVERDOSE}|on ${FIGURATIVE_THINGS})`,
  },
  {
    id: 'medical.swallowed_pills',
    kind: 'medical_emergency',
    example: 'I took a whole packet of paracetamol an hour ago',
    patterns: [
      '(took|taken|swallowed|ate|eaten|necked|downed) (all|a whole|whole|my whole|my entire|the whole|the entire|' +
        'all of|loads|a load|lots|too many|a handful|handful|' +
        'a packet|packet|packets|two packets|a box|box|boxes|a bottle|bottle|bottles|every|the rest|double|extra|' +
        '[1-9][0-9]+|twenty|thirty|forty|fifty|sixty|a hundred|hundred|a dozen|dozens) <0-3>{MEDS}',
    ],
    // "all my tablets for today", "my whole prescription to the chemist"
    unlessAfter:
      '(for (today|the day|this morning|this evening|tonight|the night|bedtime|the morning)|as prescribed|' +
      'with (breakfast|dinner|lunch|tea|food|water|milk|a meal|my (breakfast|dinner|lunch|tea|meal))|' +
      'to (the|my|a)|back|in to|into)',
  },
  {
    id: 'medical.alcohol_and_pills',
    kind: 'medical_emergency',
    example: "I've had a bottle of vodka and my pills",
    patterns: [
      `(bottle|bottles|litre|litres|load|loads|lots|cans|pints|glasses) of <0-1>${DRINK} (and|with|plus|on top of) <0-3>{MEDS}`,
      `(mixed|mixing|mix|washed down|washing down|downed|necked) <0-3>{MEDS} (with|and|on top of|down with) <0-3>${DRINK}`,
      `${DRINK} (and|with|plus) (all|loads|a load|lots|a handful|handful|a packet|a box|a bottle|every|[1-9][0-9]+) <0-3>{MEDS}`,
    ],
    // "i have a bottle of vodka and all my tablets here" is the plan (suicide.method), not yet taken
    unlessBefore: '(have|got|bought|buy|getting|there is) (a |the |some |two |2 )?',
    unlessAfter: '(here|ready|next to me|in front of me|lined up|with me|on the table)',
  },
  {
    id: 'medical.swallowed_poison',
    kind: 'medical_emergency',
    example: 'I drank bleach',
    patterns: [
      '(drank|drunk|swallowed|ate|eaten|taken|took|had) <0-1>(bleach|antifreeze|weedkiller|poison|rat poison|screenwash|drain cleaner|disinfectant|dettol|lighter fluid)',
    ],
  },
  {
    id: 'medical.heart_attack_now',
    kind: 'medical_emergency',
    example: "I think I'm having a heart attack",
    patterns: [
      'having (a )?(heart attack|stroke|seizure|fit|asthma attack|anaphylactic shock|severe allergic reaction)',
    ],
  },
  {
    id: 'medical.chest_pain',
    kind: 'medical_emergency',
    example: "I've got crushing chest pain",
    patterns: ['(have|got|having|severe|crushing|sudden|sharp|bad|terrible|awful) chest pains?', '(have|got|having) (a )?pain in my chest'],
  },
  {
    id: 'medical.cant_breathe',
    kind: 'medical_emergency',
    example: "I can't breathe, help",
    patterns: ['(can not|struggling to|unable to|hardly) breathe( (properly|right now|now|help|please))?{END}'],
    unlessBefore: '(when|whenever|if|sometimes|in crowds|in groups) <0-3>',
  },
  {
    id: 'medical.turning_blue',
    kind: 'medical_emergency',
    example: "I can't breathe and my lips are going blue",
    patterns: ['(lips|face|skin|fingers|fingertips|mouth) (are |is |have |has )?(going|turning|gone|turned) (blue|grey|gray)'],
  },
  {
    id: 'medical.not_breathing',
    kind: 'medical_emergency',
    example: "My husband has collapsed and he isn't breathing",
    patterns: [
      '{SUBJ} (is |are |has |have )?(not breathing|stopped breathing|unconscious|unresponsive|collapsed)',
      '{SUBJ} will not wake up{END}',
    ],
    negatable: false,
  },
  {
    id: 'medical.bleeding',
    kind: 'medical_emergency',
    example: "I cut too deep and it won't stop bleeding",
    patterns: [
      '(bleeding|blood) (heavily|a lot|badly|everywhere|so much|loads|will not stop|is not stopping|not stopping)',
      '(can not|will not) stop (the )?bleeding',
      'cut (too )?deep',
    ],
  },
  {
    id: 'medical.fallen_cant_get_up',
    kind: 'medical_emergency',
    example: "I've fallen and I can't get up",
    patterns: ['(fallen|fell|had a fall|on the floor) <0-3>(and )?(can not|unable to) get up'],
    negatable: false,
  },
  {
    id: 'medical.ambulance',
    kind: 'medical_emergency',
    example: 'please call an ambulance',
    patterns: ['(need|call|get me|send|phone|ring) (an |me an |me a |a )?(ambulance|999|911|112|paramedic|paramedics)'],
  },
  {
    id: 'medical.think_dying',
    kind: 'medical_emergency',
    example: "I feel like I'm dying",
    patterns: ['i am dying( here| help| right now)?{END}', 'going to die (right now|now){END}'],
  },

  // ---------------------------------------------------------------- suicide
  {
    id: 'suicide.kill_self',
    kind: 'suicide',
    example: 'I want to kill myself',
    patterns: [
      '(kill|killed|kills|unalive|unaliving|unalived|off|offing|top|topping|topped|end|ending|hang|hanging|' +
        'hung|drown|drowning|shoot|shooting|gas|gassing|poison|poisoning|suffocate|suffocating|electrocute|' +
        'electrocuting|smother|smothering) myself',
      // "killing myself laughing / trying to keep up / working overtime" is everyday exaggeration
      'killing myself(?! (laughing|trying|working|at work|with work|for work|to (get|finish|keep up|please)|with laughter)(?![^ ]))',
    ],
    // "shoot myself in the foot", "drown myself in work", "top myself up", "kill myself laughing"
    unlessAfter: '(laughing|with laughter|in the foot|in (work|chocolate|books|hobbies|tea|coffee|paperwork|housework)|up)',
    unlessBefore: TOLD_TO_BEFORE,
  },
  {
    id: 'suicide.self_directed_kys',
    kind: 'suicide',
    example: 'i should just kys',
    patterns: ['i (should|will|am going to|want to|might|could|need to) (just |go )?kill yourself'],
  },
  {
    id: 'suicide.take_own_life',
    kind: 'suicide',
    example: "I'm thinking about taking my own life",
    patterns: ['(take|taking|took|end|ending|ended|finish|finishing) (my|me) (own )?life'],
  },
  {
    id: 'suicide.want_to_die',
    kind: 'suicide',
    example: 'I want to die',
    patterns: [
      '(want|wanted|wanting|wish|would like|like|longing|long|need|needs|ready|deserve|deserves|trying|try|' +
        'tried|plan|planning|planned|hope|hoping|prefer|desire|tempted|decided) to <0-2>' +
        '(die|be dead|dead|be gone|not be here|not exist|not be alive|stop existing|sleep forever|go to sleep forever)',
      // "wants" is someone else's wish: where they want to die at the end of life is not a crisis
      // ("my nan wants to die at home, not in hospital"); "she wants to die" with no place still is
      'wants to <0-2>(die|be dead|dead|be gone|not be here|not exist|not be alive|stop existing|sleep forever|go to sleep forever)' +
        `(?! ${END_OF_LIFE_PLACE}(?![^ ]))`,
      '(want|wish) die{END}',
      'i (should|might as well|may as well|ought to|need to) <0-1>(die|be dead)',
      // "I want to dye" at the end of a clause is almost certainly "die"
      'want to dye{END}',
    ],
    // Die Hard, die-cutting craft, "die of embarrassment", "than", dyeing hair
    unlessAfter:
      '(hard|cast|casting|cut|cutting|cuts|another day|laughing|of (boredom|laughter|embarrassment|shame|cringe|hunger|thirst)|' +
      `from (embarrassment|laughing|boredom)|${THAN_HYPERBOLE}|my hair|your hair|her hair|his hair|` +
      // "dad wanted to die in his own bed": someone else's place of death
      'in (her|his|their) (own )?(bed|home|house))',
    unlessBefore: '(tie|when (the|my) time comes <0-3>)',
  },
  {
    id: 'suicide.wish_dead',
    kind: 'suicide',
    example: 'I wish I was dead',
    patterns: [
      'wish(ed|ing)? (that )?i (was|were|could|would|had) <0-2>(dead|die|died|gone|disappear|sleep forever|vanish)',
      // "I wish I'd never been born": "i'd" is read as "i would"
      'wish(ed|ing)? (that )?i (was not|were not|did not|had not|had never|never|could not|would not|would never) <0-2>' +
        '(here|alive|exist|existed|born|been born|wake up|woke up|around)',
    ],
    negatable: false,
  },
  {
    id: 'suicide.rather_be_dead',
    kind: 'suicide',
    example: "I'd rather be dead",
    patterns: ['(rather|prefer to|better off) (be )?(dead|die|not be here|not be alive|not exist)'],
    unlessAfter: THAN_HYPERBOLE,
  },
  {
    id: 'suicide.better_off_without_me',
    kind: 'suicide',
    example: 'Everyone would be better off without me',
    patterns: [
      '(better|happier|easier) (off )?(for everyone |for them |for everybody )?(without me|if i (just |only )?(was|were|am) (just )?(gone|dead|not here|not around|not alive))',
      '(better|happier|easier) (off )?(for everyone |for them |for everybody )?if i (just |only )?(did not exist|disappeared|died|was never born)',
      '(they|everyone|everybody|everyone else|everybody else|my family|my kids|my children|the kids|people|the world|you all|all of them) ' +
        '(would|will) (all |just |really )?be (so much |much |a lot |all )?(better off|happier)(?= \\.|$| without me| if i| when i)',
      '(better off|happier) without (their|his|her|your|a) (useless|rubbish|pathetic|terrible|crap|awful|bad|hopeless|failure of a|' +
        'waste of space|waste of space of a) (mum|mam|mom|mother|dad|father|parent|wife|husband|daughter|son|sister|brother|nan|gran)',
    ],
    negatable: false,
  },
  {
    id: 'suicide.no_reason_to_live',
    kind: 'suicide',
    example: 'There is no point living',
    patterns: [
      '(no|nothing|not anything) (left )?(to live for|reason to (live|go on|keep going|carry on|keep living|stay alive|be here)|reason for living|purpose in life)',
      'no (point|reason|purpose) (in |of |to )?(living|life|going on|carrying on|being alive|being here|me being here|' +
        'existing|staying alive|anything|in anything|it all)',
      'what is the point (in |of )?(living|life|going on|carrying on|being alive|anything|it all|me|anymore)',
      'what is the point{END}',
      'nothing (matters|means anything|is worth it) anymore',
      '(soon|after tonight|by tomorrow|not long now and) (it|nothing|none of (it|this)) (will not|would not|is not going to|will) matter( anymore)?{END}',
      '(no point|pointless) anymore',
      '(life|living) (is )?(not|no longer) worth (living|it)',
      'not worth living',
      '(life|living|my life|existing|everything|it all) (is|feels|seems) (so |completely |totally )?(pointless|meaningless|hopeless)',
      '(can not|do not|no longer) see (a|any) future',
      'no future for me',
      'nothing (left )?for me (here|now|anymore|in this world|in life)',
      '(do not|can not|no longer) see (the|a|any) point (in |of |to )?(living|life|going on|carrying on|anything|being here|being alive|it all|anymore)',
      'no way out{END}',
      'no way out (for me|of this)',
    ],
    // "what's the point of anything if i can't afford the bus": frustration at a practical want
    unlessAfter: '(if|when) (i|we|you) (can not|could not|do not have|have not got) (afford|pay|get)',
    negatable: false,
  },
  {
    id: 'suicide.cant_go_on',
    kind: 'suicide',
    example: "I can't go on anymore",
    patterns: [
      '(can not|can no longer|not able to|unable to) (go on|carry on|keep going|keep living|go on living|do this|do it|' +
        'take it|take this|take much more|cope|face (another day|tomorrow|life|it)|live|live like this|keep doing this) ' +
        '(anymore|like this|much longer|any longer|no more)',
      '(do not|not) (think|know if|know whether|sure) i can (go on|carry on|keep going|keep living|cope|take (it|this|much more)|do this)' +
        '(?= \\.|$| anymore| much longer| any longer| like this)',
      '(can not|can no longer) (go on|carry on|keep going|keep living|go on living|take it|take this|take anymore|' +
        'face another day|live like this){END}',
    ],
    negatable: false,
  },
  {
    id: 'suicide.dont_want_to_live',
    kind: 'suicide',
    example: "I don't want to live anymore",
    patterns: [
      // "to" is often left out in English learned late: "me no want live", "i dont want be here no more"
      '(not|never|no longer|no) <0-2>(want|wanting|wish|wished) (to )?(live|be alive|exist|stay alive|keep living|go on living)',
      '(not|never|no longer|no) <0-2>(want|wanting|wish) (to )?(go on|carry on|keep going|be here|be around)(?= \\.|$| anymore| any more| no more| much longer)',
      '(do not know|not sure|unsure) (if|whether) i (still )?(want|wanna) to (live|be alive|go on|carry on|be here|keep going)',
    ],
    // "I don't want to live alone / with my son / in a flat / here any more": housing and loneliness, not crisis.
    unlessAfter:
      '(here|there|near|alone|on my own|by myself|by (the|myself)|like a|at (home|my|his|her|their)|' +
      'in (this |that |a |an |the |my |our )?(house|flat|home|area|town|city|village|street|place|bungalow|accommodation|sheltered|supported|care home|council)|' +
      'with (him|her|them|people|others|anyone|someone|strangers|family|my {PERSON}|my ex))',
    negatable: false,
  },
  {
    id: 'suicide.finish_it',
    kind: 'suicide',
    example: 'life no good i finish it',
    patterns: [
      // "finish it" of a life: with life or living said before it in the same message
      '(life|living|my life) <0-6>(i will|i am going to|i am gonna|i want to|i want|going to|gonna|i) (finish|finishing) (it|my life|everything)(?= \\.|$)',
      '(finish|finishing) (my life|myself|me off)',
      // "life no good i finish it": the gap above cannot cross "no"
      '(life|living) (is )?(no good|not good|no point|pointless|too hard|so hard|bad|shit|rubbish|over|nothing)( \\.)? (so )?i (will |am going to |am gonna |want to |want )?(finish|end) it(?= \\.|$)',
    ],
  },
  {
    id: 'suicide.not_wake_up',
    kind: 'suicide',
    example: "I hope I don't wake up tomorrow",
    patterns: [
      '(not|never|no longer) <0-2>(want|wanting|wish) to wake up(?= \\.|$| again| tomorrow| anymore| ever| in the morning)',
      '(hope|wish|pray) i (do not|never|will not|would not|did not) wake up',
      '(sleep|go to sleep|fall asleep|drift off) and (not|never) wake up',
    ],
    negatable: false,
  },
  {
    id: 'suicide.end_it',
    kind: 'suicide',
    example: 'gonna end it all tonight',
    patterns: [
      'end (it|things|everything) (all|tonight|today|now|soon|for good|forever|once and for all)',
      '(want|going|plan|planning|ready|decided|thinking about|think about|thought about|about|time|way|how) to end (it|things|everything)',
      '(thinking|think|thought|thoughts|considering|consider|planning|plan|plans) (of |about |on )?ending (it|things|everything)',
      // "i feel like ending it (all)": the feeling is the warning sign, not a plan
      '(feel|feels|felt|feeling) like ending (it|things|everything)',
      '(want|wish|need) (it all|everything|my life|life|the pain|this pain|it) to (end|stop|be over)( forever| for good)?(?= \\.|$| forever| for good)',
    ],
    // "end it with him", "end things with my boyfriend", "ending it all with him"
    unlessAfter: '((all )?with (him|her|them|my {PERSON}|my ex|the (man|woman|guy|girl))|between (us|them))',
  },
  {
    id: 'suicide.goodbye',
    kind: 'suicide',
    example: "I've written my goodbye letters",
    patterns: [
      '(goodbye|farewell) (letter|letters|note|notes|message|messages)',
      '(written|wrote|writing|left|leaving) (my |some )?(letters|notes) (to|for) (my (family|loved ones|kids|children|parents|husband|wife|partner)|' +
        'everyone|everybody|the family|family|loved ones|all (of )?my)',
      'this is (goodbye|my last message)',
      '(a |my )?(note|letter) (to|for) <1-3>(explaining everything|explaining why|saying goodbye|saying sorry)',
      '(goodbye|farewell) ((cruel )?world|forever|everyone|everybody)',
      'this is the end{END}',
      '(going to|gonna|will) do it (tonight|today|right now|now)( \\.)? (i am )?(so |really )?sorry(?! (for|about|if|but))',
      'by the time (you|anyone|someone) (read|reads|see|sees|get|gets) this',
      '(giving|given|gave) away (all )?(of )?my (things|stuff|possessions|belongings)',
      '(will not|not going to) be (here|around|alive) (much longer|for much longer|for long|by tomorrow|after tonight|anymore)',
      '(i will|i am going to|i am gonna) be (gone|dead) (by|before) (the )?(morning|tomorrow|tonight|the weekend)',
      '(given|giving|gave|rehomed|rehoming|found a home for) <1-6>(when|after|once) i am (gone|not here|not around|dead)',
      '(given|giving|gave|rehomed|rehoming|found a home for) <1-9>(looked after|cared for|taken care of) (when|after|once) i am (gone|not here|not around|dead)',
      '(do not|can not) see myself (being |still )?(here|around|alive) (much longer|for much longer|for long|next week|' +
        'by (tomorrow|next week|the weekend)|after tonight|anymore)',
    ],
    unlessBefore: '({SUBJ}|his|her|their) <0-2>',
    unlessFollowedBy: AWAY_REASON,
  },
  {
    id: 'suicide.final_arrangements',
    kind: 'suicide',
    example: "I've given my things away",
    patterns: [
      '(giving|given|gave|give) (all |most )?(of )?my (things|stuff|possessions|belongings) away',
      '(said|saying|say) (all )?my (goodbyes|last goodbyes|final goodbyes)',
      '(put|putting|get|getting|got|sorting|sorted|sort) (all )?(out )?my affairs( in order| sorted| straight)?',
      '(sorted|sorting|decided|worked out|chosen) (out )?who (gets|will get|should get|can have|is getting) my (things|stuff|possessions|belongings|pets?|cat|dog)',
      '(made my mind up|made up my mind|my mind is made up|decided|i am ready)( \\.)? (tonight|today) (is |will be )?the (night|day){END}',
      'tonight (is )?the night i (do it|end it|go|die|kill myself)',
    ],
    // Grief and moving house: "said my goodbyes at the funeral / to him before he died", "given my things to charity"
    unlessAfter:
      '(at the (funeral|hospital|hospice|grave|graveside|crematorium|airport|station|party)|' +
      'to (him|her|them|my {PERSON}|mum|dad) (before|at|in|when)|before (he|she|they) (died|passed|went)|' +
      'to (the )?charity|because (i am|we are) moving|before (i|we) move|before (my|the) (move|operation|surgery))',
    unlessFollowedBy: AWAY_REASON,
  },
  {
    id: 'suicide.method',
    kind: 'suicide',
    example: "I'm going to jump off the bridge",
    patterns: [
      '(jump|jumping|step|stepping|throw myself|throwing myself|walk|walking|lie down|lay down) (out )?(in front of|under) (a|the|an) (train|bus|lorry|car|truck|tube)',
      '(jump|jumping|throw myself|throwing myself) (off|from) (a|the|that|my|our) <0-1>(bridge|building|roof|cliff|car park|multi storey|balcony|tower|block of flats|window|flats|pier)',
      '(slit|slitting|cut|cutting|slash|slashing) (my|me) (wrists?|throat)',
      'noose',
      // "i have a rope ready", "the rope is ready" (not "a rope ready for the tug of war")
      '((got|have|get|getting|bought|put|tied) (a|the|my|some) rope|the rope (is|s)) (ready|tied up)(?! for (a|the|my|our|their|his|her|washing|camping|climbing|tug))',
      '(got|have|get|getting) (the|my|all the) means (ready|sorted|to do it|to end it)',
      '(stockpiling|stockpiled|hoarding|saving up|been saving|collecting|stashing) <0-2>{MEDS}',
      '(want|going|plan|planning|thinking|think|thought|about|tempted|ready|decided|urge|urges) (to|of|about) (overdose|overdosing|od|take an overdose|taking an overdose)',
      '(want|going|plan|planning|thinking|think|thought|about|tempted|ready|decided) (to|of|about) (drink|drinking|swallow|swallowing) <0-1>(bleach|antifreeze|weedkiller|poison|rat poison|screenwash|drain cleaner)',
      'walk (into|in to) the sea',
      '(got|have|get|getting|put|laid) (the|my|some|all the|all my|enough) <0-1>{MEDS} (ready|saved|lined up|out ready)',
      'enough {MEDS} to (kill|die|end|finish)',
      '(ways|way|how|methods?|painless ways?) to (die|kill myself|end it|end my life|commit suicide)',
      'how (many|much) <0-2>{MEDS} <0-3>(die|kill|fatal|lethal|overdose)',
      '(lethal|fatal|deadly) (dose|amount)',
      '(all|every one of|the rest of) (my |the )?<0-1>{MEDS} (here|ready|with me|in front of me|lined up|saved)',
      'i am (standing |stood |sat |sitting )?(at|on) the (bridge|cliff|cliffs|cliff edge|railway line|railway|tracks|ledge|roof)( now| right now)?{END}',
      '(standing|stood|sat|sitting) on the (edge|ledge) of (a|the) (bridge|cliff|roof|building|platform|car park|multi storey)',
      '(bottle|bottles|packet|packets|box|boxes|pile|handful|stash|all) (of )?(my |the )?{MEDS} (next to|beside|in front of|by) me',
      '(rope|noose|blade|razor|razors|{MEDS}) <0-8>(keep|keeps|kept|been) (looking at|staring at|thinking about|holding) (it|them)',
      '(drive|driving|crash|crashing) (my car )?(into|off) (a|the) (wall|tree|bridge|cliff|lorry|river)',
      'i am (going|heading|off|walking|driving) (to|down to|up to|out to) the (bridge|cliffs?|cliff edge|viaduct|railway line|' +
        'railway|tracks|train tracks|multi storey|top of the car park) (tonight|now|right now){END}',
      // not "i love looking at bridges"
      '(?<!(love|like|likes|enjoy|enjoys|enjoyed|loved) )(looking|look|looked|searching|googling|researching|checking out) ' +
        '(at |up |for |out )?(tall |high |local )?' +
        '(bridges|cliffs|tall buildings|high buildings|high places|places to jump)(?= \\.|$| again| near| tonight| online)',
      'train times( \\.)? not (to|for) (travel|travelling|a journey|going anywhere)',
    ],
  },
  {
    id: 'suicide.plan',
    kind: 'suicide',
    example: "I've planned how I'd do it",
    patterns: [
      '(planned|plan|planning|worked out|decided|know|figured out|chosen) (exactly )?(how|when|where) (i would|i will|i am going to|i could) (do it|end it|end things|go through with it)',
      '(planned|worked out|decided|chosen) (the )?(day|date|time|place|way|method) (i will|i would|i am going to) <0-1>(do it|end it|die)',
      // "i have planned how i will die" (not "know": "i know how i will die, old and grumpy")
      '(planned|planning|worked out|decided|chosen|figured out) (exactly )?(how|when|where) (i would|i will|i am going to|i could) (die|kill myself|end my life)',
    ],
  },
  {
    id: 'suicide.take_all_pills',
    kind: 'suicide',
    example: "I'm going to take all my tablets tonight",
    patterns: [
      '(want|going|plan|planning|thinking|think|thought|about|tempted|ready|decided|urge|urges) (to|of|about) (take|taking|swallow|swallowing) ' +
        '(all|every|the whole|a whole|whole|loads of|lots of|all of|a load of|too many) <0-2>{MEDS}',
    ],
    // "I'm going to take all my tablets with breakfast / as prescribed"
    unlessAfter:
      '(with (breakfast|dinner|lunch|tea|food|water|milk|a meal|meals|my (breakfast|dinner|lunch|tea|meal|meals|food))|' +
      'at (night|bedtime|breakfast|lunch|dinner|tea time)|in the (morning|evening)|every|each|after (food|meals|eating)|before (bed|food|meals)|as prescribed)',
  },
  {
    id: 'suicide.thoughts_of_death',
    kind: 'suicide',
    example: 'I think about dying all the time',
    patterns: [
      '(think|thinking|thought|thoughts|dream|dreaming|fantasise|fantasising|fantasize|fantasizing|obsessed|obsessing) (about|of|with) ' +
        '(dying|being dead|not being here|not existing|not waking up|my own death|my funeral|my own funeral|ending it|ending my life)',
      '(imagining|imagine|picturing|picture|planning|plan) my (own )?funeral',
    ],
  },
  {
    id: 'suicide.burden',
    kind: 'suicide',
    example: "I'm a burden to everyone",
    patterns: [
      '(i am|i feel|feel like|feeling like|i have become|i am just|just) (such |a |such a |nothing but a |only a |a massive |a huge )?burden',
      'burden (to|on|for) (everyone|everybody|my family|them|people|my kids|my children)',
    ],
  },
  {
    id: 'suicide.nobody_would_care',
    kind: 'suicide',
    example: 'Nobody would even notice if I was gone',
    patterns: [
      '(care|notice|miss me|miss|cry|matter) <0-2>(if|when) i (die|died|was gone|were gone|was dead|were dead|disappeared|' +
        'killed myself|was not here|were not here|did not wake up|was not around|were not around)',
      '(nobody|no one) (would|will) (even )?(miss me|notice|care)( if i was gone)?{END}',
      '(care|cares|matter|matters|notice|notices) (if|whether) i (live or die|die or not|am alive or dead|am dead or alive|exist)',
    ],
    negatable: false,
  },
  {
    id: 'suicide.tired_of_life',
    kind: 'suicide',
    example: "I'm so tired of living",
    patterns: [
      '(tired|sick|weary|done|finished) (of|with) (living|life|being alive|existing|my life|this life|it all)',
      'had enough of (life|living|being alive|it all|everything)',
      '(tired|sick|weary) of everything{END}',
    ],
    // "tired of living in the city / on my own": place and loneliness, not crisis
    unlessAfter: '(in (the|this|a|my) (city|town|village|area|country|house|flat|street|place)|at (home|work)|on my own|alone|here|as a)',
  },
  {
    id: 'suicide.disappear',
    kind: 'suicide',
    example: 'I want to disappear forever',
    patterns: ['(want|wish i could|need|wish) to (disappear|vanish|fade away|cease to exist)'],
    // "disappear into a good book", "disappear from social media", "disappear for the weekend"
    unlessAfter:
      '(into|for (a|the) (day|week|while|bit|weekend|few)|from (social media|facebook|twitter|instagram|the internet|online|work|the office|view)|' +
      'under the (covers|duvet)|off (social media|the grid|grid|the radar|radar))',
  },
  {
    id: 'suicide.join_the_dead',
    kind: 'suicide',
    example: 'Since my wife died I just want to join her',
    patterns: [
      '(want|wanna|wish i could|long|longing|need|ready) to (join|be with) (him|her|them) (in heaven|up there|on the other side|wherever (he|she|they) (is|are))',
      '(want|wish i could|long|longing|need|ready) to join (him|her|them)(?= \\.|$| now| soon)',
    ],
  },
  {
    id: 'suicide.going_to_die',
    kind: 'suicide',
    example: "I'm going to die tonight",
    patterns: ['going to die( tonight| today| soon)?{END}'],
  },
  {
    id: 'suicide.unalive',
    kind: 'suicide',
    example: 'i wanna unalive',
    // algospeak for suicide
    patterns: ['(unalive|unaliving|unalived)'],
  },
  {
    id: 'suicide.keyword',
    kind: 'suicide',
    example: 'I feel suicidal',
    patterns: ['(suicide|suicidal|suicidally)'],
    unlessBefore: GRIEF_BEFORE,
    unlessAfter: '(bereavement|prevention|awareness|survivors?|loss|charity|squad|rates?|statistics|doors|of (my|his|her|our|a|their))',
  },
  {
    id: 'suicide.overdose_mention',
    kind: 'suicide',
    example: "I keep thinking about an overdose",
    patterns: ['(overdose|overdosing)'],
    unlessBefore: `(${GRIEF_BEFORE}|({SUBJ}|his|her) (has |had )?(took|taken|had|did)( an| a)?)`,
    unlessAfter: `(awareness|prevention|${FIGURATIVE_OVERDOSE})`,
  },

  // ---------------------------------------------------------------- self_harm
  {
    id: 'self_harm.hurt_self',
    kind: 'self_harm',
    example: 'I want to hurt myself',
    patterns: [
      '(hurt|hurting|hurts|harm|harming|harmed|cut|cutting|cuts|burn|burning|burnt|burned|hit|hitting|punch|punching|' +
        'scratch|scratching|scratched|starve|starving|starved|stab|stabbing|bite|biting|injure|injuring|injured|' +
        'bruise|bruising|scald|scalding|mutilate|mutilating) myself',
    ],
    unlessAfter: ACCIDENT_AFTER,
    unlessBefore: '(accidentally|nearly|almost)',
  },
  {
    id: 'self_harm.keyword',
    kind: 'self_harm',
    example: 'I self harm most nights',
    patterns: ['self (harm|harming|harmed|harms|injury|injure|injuring|injured|injures|mutilation|mutilating|mutilate)'],
    // "self harm training", "a self harm support group for parents": work and caring, not the person's own
    unlessAfter: '(awareness|training|course|policy|<0-2>for (parents|carers|families|professionals|staff))',
  },
  {
    id: 'self_harm.sh_shorthand',
    kind: 'self_harm',
    example: 'relapsed on sh last night',
    patterns: [
      '(relapsed|relapse|relapsing|urge to|urges to|urge for|urges|doing|did|started|start|been doing|stopped) (on )?sh',
      'sh (again|scars?|urges?|relapse|wounds?|cuts?|tonight)',
      // "sh-ing", "shing"
      'sh ing',
    ],
  },
  {
    id: 'self_harm.cutting',
    kind: 'self_harm',
    example: "I've started cutting again",
    patterns: [
      '(been|started|start|keep|kept|urge to|urges to|want to|wanting to|need to|relapsed|relapse|back to|gone back to|went back to) cutting( again| tonight)?{END}',
      'cutting (again|my (arms?|wrists?|legs?|thighs?|skin|stomach|hips?))',
      '(cut|cutting|burn|burning|burnt|burned|scratch|scratching|scratched|scald|scalding|scalded|punch|punching|punched|' +
        'hit|hitting|slash|slashing|slashed|carve|carving|carved|bite|biting|bit) (my|me) ' +
        '(arms?|legs?|thighs?|skin|stomach|hips?|wrists?|hands?|face|head)',
      '(scars|wounds|cuts|marks) from (cutting|self harming|self harm|burning myself|hurting myself)',
      'urges? to (cut|burn)( again)?{END}',
      '(starve|starving|starved) (myself )?to death',
      'waste away',
      '(till|until) (i|it|they|my (skin|hands?|knuckles|fists?|arms?|legs?|fingers|wrists?|face|lips?)) (bleed|bleeds|bled|are bleeding|is bleeding)',
      '(punch|punching|punched|hit|hitting) (the )?(walls?|doors?) (till|until|to (hurt|feel|punish))',
    ],
    unlessAfter: ACCIDENT_AFTER,
  },

  // ---------------------------------------------------------------- sexual_violence
  {
    id: 'sexual_violence.raped',
    kind: 'sexual_violence',
    example: "I've been raped",
    patterns: [
      'i (have been|was|got|had been|have just been|think i was|think i have been|think i got) (raped|sexually assaulted|' +
        'sexually abused|molested|drugged and raped|spiked and raped|groped|sexually attacked)',
      '{SUBJ} <0-6>(raped|rapes|is raping|sexually assaulted|sexually assaults|sexually abused|sexually abuses|molests|molested|' +
        'forced (himself|herself|themselves) on) (me|us)',
      '(being|getting|keep getting|still getting) (raped|sexually assaulted|sexually abused|molested)',
    ],
    unlessAfter: HISTORIC_AFTER,
  },
  {
    id: 'sexual_violence.forced',
    kind: 'sexual_violence',
    example: "i'm being forced to have sex",
    patterns: [
      '(forced|forcing|forces|force|pressured|pressures|pressuring|coerced|coerces) (me )?(to have|into having|into) (sex|sexual)',
      '(made|makes|making) me (have|do) (sex|sexual)',
      '(sex|sexual things) (against my will|without my consent|when i (said|say) no|even though i (said|say) no)',
    ],
    unlessAfter: HISTORIC_AFTER,
  },

  // ---------------------------------------------------------------- child_at_risk
  {
    id: 'child_at_risk.touched',
    kind: 'child_at_risk',
    example: 'my stepdad touches me',
    patterns: [
      '(my|our) (stepdad|step dad|stepfather|dad|father|uncle|grandad|granddad|grandpa|brother|stepbrother|step brother|' +
        'cousin|teacher|coach|mum boyfriend|mum partner|mums boyfriend|mums partner|dad girlfriend|dads girlfriend|babysitter|neighbour|carer|step mum|stepmum|stepmother|mum|mam|' +
        'aunt|auntie) (keeps |still |always |sometimes |has been |is )?(touches|touching|touched|fiddles with|gropes|groped|' +
        'molests|molested) me',
      '{SUBJ} <0-2>(touches|touched|touching) me <0-4>(not to tell|do not tell|our secret|a secret|down there|in my private|' +
        'my private|my privates|inappropriately|in places|at night|in bed|when no one)',
    ],
    unlessAfter:
      `(on (the|my) (shoulder|arm|back|head|hand|hair)|to (wake|get my attention|comfort)|gently|lightly|by accident|accidentally|${HISTORIC_AFTER})`,
  },
  {
    id: 'child_at_risk.child_hurt',
    kind: 'child_at_risk',
    example: "my neighbour's kids are left alone and they get hit",
    patterns: [
      `${CHILD} <0-6>(get|gets|getting|are|is|being|keep getting|keeps getting) (hit|beaten|battered|smacked|punched|slapped|` +
        'abused|hurt on purpose|locked in|locked up|starved|neglected)',
      `{SUBJ} <0-3>(hits|beats|batters|abuses|is hitting|keeps hitting|is abusing|kicks|punches|slaps|smacks|hurts|is hurting|` +
        `starves|neglects|locks up) (the|my|our|her|his|their) ${CHILD}`,
      `${CHILD} (are|is) (always |often |regularly |being )?left (alone|on (their|his|her) own|home alone) <0-2>` +
        '(all (day|night)|for days|overnight|every night|at night|for hours|all weekend)',
    ],
    // "beats the kids at monopoly", "hurts the kids' feelings", historic
    unlessAfter: `(at|in (a|the) (game|race|quiz)|feelings|${HISTORIC_AFTER})`,
  },
  {
    // A stated age under 18 turns abuse or sexual violence into a child at risk (Childline, NSPCC).
    id: 'child_at_risk.stated_age',
    kind: 'child_at_risk',
    example: "i'm 14 and my mum hits me",
    refines: ['abuse_or_danger', 'sexual_violence'],
    patterns: [
      `i am (only |just )?(aged |age )?${MINOR_AGE}( years old| year old| yrs old| yrs| yo| y o)?(?= and| but| so| now| \\.|$)`,
      `i am (only |just )?(a )?${MINOR_AGE} (year old|yr old|yo)`,
      'i am (only |just )?(a )?(kid|child|teenager|teen|young person|schoolgirl|schoolboy)(?= and| but| so| \\.|$)',
      'i am (only )?in year ([5-9]|1[0-3])(?= and| but| so| at| \\.|$)',
    ],
    negatable: false,
  },

  // ---------------------------------------------------------------- abuse_or_danger
  {
    id: 'danger.told_to_kill_self',
    kind: 'abuse_or_danger',
    example: 'people at school keep telling me to kill myself',
    patterns: [`${TOLD_TO_BEFORE} (kill myself|kill yourself|die|go die|end it|hang myself)`, '(told|tell|tells|telling) me i should (kill myself|die)'],
  },
  {
    id: 'danger.threatened',
    kind: 'abuse_or_danger',
    example: 'My partner threatened to kill me',
    patterns: [
      '(threatened|threatening|threatens|threaten|threat) (to )?(kill|hurt|stab|shoot|hit|beat|strangle|burn|kick) me',
      'said (he|she|they) (would|will|was going to|is going to) (kill|hurt|stab|shoot|hit|beat|strangle) me',
      '{SUBJ} (is |are |keeps |keep )?(threatening|threatened|threatens) (me|us)',
      '(threatened|threatening|threatens|threaten) <0-2>(me|us|my {PERSON}|him|her|them) with (a|his|her|their|the) (knife|gun|weapon|bat|blade|hammer|machete|axe|broken bottle)',
      'death threats?',
    ],
  },
  {
    id: 'danger.being_hurt',
    kind: 'abuse_or_danger',
    example: 'My husband hits me',
    patterns: [
      '{SUBJ} <0-6>(hits|hit|beats|beat|kicks|kicked|punches|punched|chokes|choked|strangles|strangled|slaps|slapped|' +
        'attacks|attacked|assaults|assaulted|abuses|abused|pushes|pushed|shoves|shoved|throttles|' +
        'throttled|is hurting|keeps hurting|hurts|is hitting|keeps hitting|is abusing|beat up|beats up|batters|' +
        'battered|bites|burns|grabbed|grabs|dragged|drags|threw|throws|smacked|smacks|whacked|whacks|' +
        'slammed|slams|spat at|spits at|held|holds|pinned|pins|tied|ties|stabbed|stabs|bit) (me|us|<1-3>and me)' +
        // not "held me a seat", "held me tight", "threw me a party"
        '(?! (a|an|the|some|my|to|for|up|out|back|tight|close|hand|hands down|every time|in (his|her) arms|' +
        // "beats me at chess", "beat me in the quiz"
        'at (chess|cards|scrabble|draughts|checkers|pool|darts|tennis|golf|monopoly|games|board games|everything|football|' +
        'snooker|bowls|dominoes|quiz|running|swimming|fifa|sport|bingo|badminton|squash|table tennis|poker|crosswords|' +
        'sudoku|wordle|video games|arm wrestling|it)|in (a |the )?(race|game|match|quiz))(?![^ ]))',
    ],
    // Historic abuse is not present danger.
    unlessAfter:
      '(as a (child|kid|teenager|teen|boy|girl)|when i was|years ago|decades ago|in the past|growing up|for years when)',
  },
  {
    id: 'danger.will_kill_me',
    kind: 'abuse_or_danger',
    example: "He's going to kill me",
    patterns: [
      '{SUBJ} (is|are|will|would|is going to|are going to|was going to|wants to|is trying to|are trying to|tried to|keeps trying to) <0-4>(kill|murder) me',
    ],
    // "my mum will kill me if I'm late", "my wife will kill me when she sees the bill";
    // but "he'll kill me if I leave / tell anyone" is a threat
    unlessAfter:
      '((if|when)(?! i (leave|left|tell|told|go to|call|ring|report|speak|talk|try|ever|say))|for|lol|haha|because|after)',
  },
  {
    id: 'danger.will_hurt_me',
    kind: 'abuse_or_danger',
    example: "I'm scared he'll hurt me if I tell anyone",
    patterns: [
      '{SUBJ} (is|are|will|would|is going to|are going to|was going to|wants to|is trying to|are trying to|tried to|keeps trying to) <0-4>' +
        '(hurt|stab|shoot|strangle|poison|attack|hit|beat|batter|rape|burn) me',
    ],
  },
  {
    id: 'danger.not_safe',
    kind: 'abuse_or_danger',
    example: "I'm not safe at home",
    patterns: [
      '(not|never|no longer) (feel |feeling )?safe (at home|in my (own )?(home|house|flat)|with (him|her|them|my {PERSON})|around (him|her|them|my {PERSON})|here|anymore|now)',
      '(am|feel|is|are) not safe{END}',
      '(do not|not) (feel|feeling) safe{END}',
    ],
    negatable: false,
  },
  {
    id: 'danger.unsafe',
    kind: 'abuse_or_danger',
    example: "I'm in danger",
    patterns: [
      '(unsafe|in danger) (at home|in my (own )?(home|house|flat)|with (him|her|them|my {PERSON}))',
      '(am|are|is|feel|feeling) in (immediate |real |serious )?danger',
      'my life is in danger',
    ],
  },
  {
    id: 'danger.scared_of_person',
    kind: 'abuse_or_danger',
    example: "I'm scared of my husband",
    patterns: [
      '(scared|afraid|frightened|terrified|petrified) (of|to be (alone )?(with|around)) (him|her|my (ex |own )?' +
        '(husband|wife|partner|boyfriend|girlfriend|ex|dad|father|stepdad|mum|mother|stepmum|son|daughter|brother|' +
        'sister|carer|landlord|neighbour|flatmate|housemate|lodger|fiance|fiancee|uncle|grandson|step dad|stepfather|' +
        'step mum|stepmother|mam|mom|brother in law|cousin|nephew|grandad|other half|fella|ex partner|stepbrother|step brother))',
      '(scared|afraid|frightened|terrified|petrified) (to go|of going) (back )?home',
      '(scared|afraid|frightened|terrified|petrified) (to be|of being) (at home|alone|in the house|home) (with|around) (him|her|them|my {PERSON})',
      '(scared|afraid|fear|fearing|fearful|terrified) for my (life|safety)',
    ],
    // "scared of my husband dying": anticipatory grief, not danger
    unlessAfter: '(dying|being ill|getting ill|leaving|judging|laughing|thinking)',
  },
  {
    id: 'danger.being_abused',
    kind: 'abuse_or_danger',
    example: "I'm being abused at home",
    patterns: [
      '(being|getting|keep getting|still getting) (abused|beaten|assaulted|attacked|stalked|threatened|strangled|choked|hit by (him|her|my {PERSON}))',
      '(experiencing|suffering|living with|going through|victim of|subject to|escaping|fleeing|trapped in|stuck in) (domestic |sexual |financial |emotional |physical )?(abuse|violence)',
      '(in|living in|stuck in|trapped in|live with|living with) (an |my )?abusive',
      'i (was|have been|got) (attacked|beaten up)( last night| today| yesterday| this (morning|week))',
      // "i get hit at home", "i get hit by my dad" (not "by the ball")
      'i (get|keep getting|always get|still get|often get|sometimes get|get regularly) (hit|beaten|beaten up|battered|punched|' +
        'kicked|slapped|smacked|hurt|abused|attacked|strangled|choked) (at home|by (him|her|them|{SUBJ}))',
    ],
    unlessAfter:
      '(as a (child|kid|teenager|teen|boy|girl)|when i was|years ago|decades ago|in the past|growing up)',
  },
  {
    id: 'danger.followed',
    kind: 'abuse_or_danger',
    example: "Someone is following me home and I'm frightened",
    patterns: ['(a (man|woman|guy|stranger|car|van)|{SUBJ}) (is|are|has been|have been|keeps|keep|been|started|is still) following me'],
    // Followed online, or along to a group
    unlessAfter: '(on|online|to (the )?(group|class|club|park|shops?)|around (the )?(shops?|group|class))',
  },
  {
    id: 'danger.violent_towards_me',
    kind: 'abuse_or_danger',
    example: 'My partner is violent towards me',
    patterns: ['(violent|abusive|aggressive|rough) (towards|to|with|at) (me|us)'],
  },
  {
    id: 'danger.money_taken',
    kind: 'abuse_or_danger',
    example: 'My son keeps taking my money',
    patterns: ['{SUBJ} <0-2>(takes|took|steals|stole|has taken|keeps taking|is taking|keep taking) (all )?(of )?my (money|pension|benefits|bank card|cards?|savings)'],
  },
  {
    id: 'danger.controlled',
    kind: 'abuse_or_danger',
    example: "My husband won't let me leave the house",
    patterns: [
      '{SUBJ} (will not|does not|never|do not) let me (leave|go out|out|see (anyone|my)|have (any )?(money|my phone|a phone)|eat|talk to)',
      '{SUBJ} (locked|locks|lock|has locked|have locked|keeps locking|keep locking) me (in|up)',
      // "i get locked in my room"
      'i (get|keep getting|always get|am always|am) locked (in|up) (in )?(my|the|a) (room|bedroom|house|cupboard|shed|garage)',
      // "he took my phone and won't let me leave"
      '{SUBJ} <1-6>and (will not|does not|never|do not) let me (leave|go out|out|see (anyone|my)|have (any )?(money|my phone|a phone)|eat|talk to)',
      `${PARTNER} (controls|is controlling|monitors|is monitoring|tracks|is tracking|keeps tracking) ` +
        '(everything|me|my (life|money|finances|every move|movements|food|friends|benefits|phone|messages|location|bank)|' +
        'all my money|the money|all the money|what i (do|wear|eat|spend|say)|where i go|who i (see|talk to|speak to))',
      `${PARTNER} <0-4>(checks|is checking|keeps checking|goes through|reads) my (phone|messages|texts|emails) <0-1>and (tracks|follows|monitors) me`,
      `${PARTNER} (is|is so|is very|is really|can be|gets) (controlling|possessive|coercive){END}`,
      '(tracker|tracking app|tracking device|airtag|air tag|spyware) (on|in) my (phone|car|bag|coat)',
    ],
    negatable: false,
  },
  {
    id: 'danger.intruder',
    kind: 'abuse_or_danger',
    example: 'someone is outside my door with a knife',
    patterns: [
      '(outside|at|by|in|through|banging on|kicking) (my|the|our) (door|front door|back door|house|flat|window|windows|garden|' +
        'room|bedroom|home) with (a|an|his|her|their) (knife|knives|gun|weapon|machete|axe|blade|bat|baseball bat|hammer|crowbar)',
      'with (a|an) (knife|gun|machete|axe|crowbar|weapon) (outside|at) (my|the|our) (door|house|flat|window|home)',
      `${INTRUDER} (is|are|keeps|keep|has been|have been|is still|was) (trying to (get|break|force (his |her |their )?way|` +
        'kick (the |my )?door|smash (the |my )?(door|window)) (in|into|in to)|breaking in|breaking into|kicking (the |my )?door in)' +
        '( (my|the|our) (house|flat|home|room|bedroom|bathroom|place))?(?= \\.|$| (my|the|our) | now| right now)',
    ],
  },
  {
    id: 'danger.kicked_out',
    kind: 'abuse_or_danger',
    example: 'my partner has kicked me out',
    patterns: [
      '(my|our) (mum|mam|mom|mother|dad|father|parents|stepdad|step dad|stepmum|step mum|stepfather|stepmother|family|carer|' +
        'foster (parents|carer|mum|dad)|husband|wife|partner|boyfriend|girlfriend|fiance|fiancee) <0-2>(kicked|threw|thrown|chucked) me out',
    ],
    // "kicked me out of the kitchen", "when I was 18"
    unlessAfter: `(of (the|his|her|their|my)? ?(room|kitchen|car|game|group|chat|team|band|lounge|living room|bedroom|shed)|${HISTORIC_AFTER})`,
  },
  {
    id: 'danger.nowhere_safe_tonight',
    kind: 'abuse_or_danger',
    example: 'I have nowhere to sleep tonight',
    patterns: ['nowhere (safe )?to (sleep|stay|go) tonight', '(kicked|thrown) out <0-3>(tonight|nowhere to go)'],
  },

  // ---------------------------------------------------------------- harm_to_others
  {
    id: 'harm_to_others.intent',
    kind: 'harm_to_others',
    example: 'I want to kill my husband',
    patterns: [
      '(want|wants|wanted|wanting|going|will|plan|planning|about|tempted|need|feel like|could|might|ready|decided|urge|urges) (to )?<0-1>' +
        '(kill|killing|murder|murdering) {OBJ}',
    ],
    // Everyday exaggeration: "kill him for eating my biscuits", "murder him when he gets home", "kill them at bingo"
    unlessAfter:
      '(if|when|for|lol|haha|with kindness|at (chess|cards|scrabble|bingo|darts|pool|bowls|dominoes|quiz|the quiz))',
  },
  {
    id: 'harm_to_others.violence',
    kind: 'harm_to_others',
    example: "I'm going to batter him when he gets home",
    patterns: [
      '(want|wants|wanted|wanting|going|will|plan|planning|about|tempted|need|feel like|could|might|ready|decided|urge|urges) (to )?<0-1>' +
        '(stab|stabbing|hurt|hurting|harm|harming|shoot|shooting|strangle|strangling|attack|attacking|batter|battering|' +
        'beat up|beating up|smother|smothering|poison|poisoning|run over|punch|punching|glass|glassing) {OBJ}',
    ],
    // "hurt people's feelings", "shoot people's portraits", "shoot him a text"
    unlessAfter: '(feelings|photos?|portraits?|pictures?|a (text|message|line|email))',
  },
  {
    id: 'harm_to_others.thoughts',
    kind: 'harm_to_others',
    example: 'I keep having thoughts of hurting my kids',
    patterns: [
      '(thoughts|thought|thinking|think|fantasise|fantasising|fantasize|fantasizing|dream|dreaming|urges|urge|scared|afraid|worried|worry|frightened) ' +
        '(of|about|that i (will|might|could|would)|i (will|might|could|would)) ' +
        '(killing|hurting|harming|stabbing|smothering|strangling|shaking|kill|hurt|harm|stab|smother|strangle|shake) {OBJ}',
    ],
    unlessAfter: '(feelings|photos?|portraits?)',
  },
  {
    id: 'harm_to_others.weapon',
    kind: 'harm_to_others',
    example: "I've got a knife and I'm going to use it",
    patterns: ['(have|got|bought|carrying|holding|grabbed|taken) (a |the |my )?(knife|gun|weapon|machete|blade|firearm) <0-5>(use it|kill|stab|hurt|shoot)'],
  },
];
