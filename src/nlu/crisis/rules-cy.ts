/**
 * Welsh rule table. Normalisation has already stripped accents (ŵ -> w), expanded elisions ("dw i'n" ->
 * "dw i yn", "llyncu'r" -> "llyncu yr"), mapped colloquial "isio / moyn / isie" to "eisiau", "dwi" to "dw i",
 * and South Walian "sa i" to "dw i ddim". Patterns list the mutated forms a word takes after common
 * triggers: lladd/ladd (kill), marw/farw (die), byw/fyw (live), brifo/frifo (hurt), torri/dorri (cut).
 *
 * Written by a non-native speaker from standard and colloquial usage; the fixture set marks phrases whose
 * naturalness should be checked by a Welsh speaker ("note" field).
 */
import type { RuleSpec } from './rule-types';

/** Taken or swallowed, after "wedi", its short form "di" ("dwi di cymryd"), or "newydd" (just). */
const HAVE_TAKEN = '(wedi|di|newydd) <0-1>(cymryd|gymryd|llyncu|lyncu)';

const TABLETS_CY = '(dabledi|tabledi|nhabledi|pils|bils|moddion|foddion|paracetamol|parasetamol|barasetamol|tabledi cysgu|dabledi cysgu)';

export const RULES_CY: readonly RuleSpec[] = [
  // ---------------------------------------------------------------- someone_else_at_risk (the writer helps)
  {
    id: 'cy.someone_else_at_risk.kill_self',
    kind: 'someone_else_at_risk',
    example: 'Mae fy ffrind yn dweud ei bod hi am ladd ei hun heno',
    patterns: [
      // "ei hun" (herself / himself), "eu hunain" (themselves)
      '(lladd|ladd|nladd|niweidio|anafu|brifo|frifo|torri|dorri|llosgi|losgi) (ei|eu) (hun|hunan|hunain)',
      '(ei bod hi|ei fod e|ei fod o|eu bod nhw|mae hi|mae e|mae o|maen nhw|fy {PERSON_CY}) (yn )?(eisiau|am) (marw|farw)',
      '(fy {PERSON_CY}|hi|e|o|nhw) yn (teimlo yn )?(hunanladdol|hunan laddol|hunan niweidio|hunanniweidio)',
    ],
    // "wedi lladd ei hun" (has killed himself): grief, as in English
    unlessBefore: '(wedi|di)',
    unlessAfter: '(flynyddoedd yn ol|yn y gorffennol|pan oeddwn i yn)',
  },

  // ---------------------------------------------------------------- medical_emergency
  {
    id: 'cy.medical.overdose_taken',
    kind: 'medical_emergency',
    example: "Dw i wedi llyncu'r tabledi i gyd",
    patterns: [
      `${HAVE_TAKEN} (gorddos|orddos|yr tabledi i gyd|tabledi i gyd|yr holl dabledi|` +
        'llwyth o dabledi|gormod o dabledi|pecyn cyfan|y pecyn i gyd|yr pecyn i gyd|llond llaw o dabledi|y tabledi i gyd)',
      // "llond pecyn o barasetamol" (a packetful of paracetamol), "potel gyfan o dabledi"
      `${HAVE_TAKEN} (llond|pecyn|pecynnau|bocs|bocsys|potel|llwyth|gormod|yr holl|holl|fy holl) <0-2>` +
        '(dabledi|tabledi|paracetamol|pils|moddion|feddyginiaeth|meddyginiaeth|tabledi cysgu|dabledi cysgu)',
      // "fy nhabledi i gyd" (all my tablets), "30 paracetamol"
      `${HAVE_TAKEN} (fy |y |yr )?${TABLETS_CY} (i gyd|gyd)`,
      `${HAVE_TAKEN} ([1-9][0-9]+|deg|ugain|llwyth) <0-1>${TABLETS_CY}`,
    ],
    // "y tabledi i gyd am heddiw" (all the tablets for today)
    unlessAfter: '(am (heddiw|y dydd|y bore|heno)|fel y dylwn|fel y dywedodd)',
  },
  {
    id: 'cy.medical.cant_breathe',
    kind: 'medical_emergency',
    example: 'Alla i ddim anadlu',
    patterns: ['(alla i ddim|galla i ddim|fedra i ddim|allaf i ddim|dw i ddim yn gallu|dydw i ddim yn gallu) anadlu( nawr| rwan| yn iawn)?{END}'],
    // "alla i ddim anadlu mewn torf" (in a crowd) ends the clause later, so it does not match
    negatable: false,
  },
  {
    id: 'cy.medical.heart_attack_now',
    kind: 'medical_emergency',
    example: "Dw i'n meddwl fy mod i'n cael trawiad ar y galon",
    patterns: ['(cael|gael) (trawiad|stroc|ffit)', '(poen|boen) (ofnadwy )?yn fy mrest', 'methu anadlu{END}'],
  },

  // ---------------------------------------------------------------- suicide
  {
    id: 'cy.suicide.kill_self',
    kind: 'suicide',
    example: 'Dw i am ladd fy hun',
    patterns: [
      '(lladd|ladd|nladd|lladda|laddu) (fy|yn|f) (hun|hunan)',
      '(cymryd|gymryd) fy (mywyd|bywyd)',
      'diwedd ar (fy )?(mywyd|bywyd|bopeth|popeth|y cyfan|hyn i gyd)',
      '(fy )?mywyd (i )?ben',
      '(gorffen|orffen) (y cyfan|popeth|bopeth)',
      // "dod â'r cyfan i ben": bring it all to an end
      'dod (a|ar|a r|a yr) (r )?(cyfan|popeth|phopeth|bopeth) i ben',
    ],
  },
  {
    id: 'cy.suicide.want_to_die',
    kind: 'suicide',
    example: 'Dw i eisiau marw',
    patterns: [
      '(eisiau|am|barod i|hoffwn i|hoffwn|dymuno|gobeithio|gwell gen i|well gen i) <0-1>(marw|farw)',
      '(eisiau|hoffwn i|gwell gen i|well gen i|dymuno) <0-2>(bod|fod) (yn farw|wedi marw)',
      'eisiau diflannu',
      // "dwi isio cael gwared o'n hun": to get rid of myself.
      'eisiau <0-1>cael gwared (o|ohona|ohono|arna|arnaf|ar) (yn hun|yn hunan|fy hun|fy hunan|fi|i)',
    ],
  },
  {
    id: 'cy.suicide.dont_want_to_live',
    kind: 'suicide',
    example: 'Dw i ddim eisiau byw',
    patterns: [
      '(ddim|dim|byth) <0-2>(eisiau|am|awydd) (byw|fyw|bod yn fyw|deffro|mynd ymlaen|cario ymlaen)',
      // "bod yma" only at a clause end or with "any more", as in English: "bod 'ma yn y glaw" is the weather.
      '(ddim|dim|byth) <0-2>(eisiau|am|awydd) bod yma(?= \\.|$| rhagor| mwyach| bellach| ddim mwy| dim mwy| mwy)',
    ],
    // "ddim eisiau byw ar ben fy hun / gyda fy mab / yma": loneliness and housing, not crisis
    unlessAfter:
      '(yma|yno|ar ben fy hun|ar fy mhen fy hun|ger|' +
      '(gyda|efo|hefo) (fy {PERSON_CY}|e|o|hi|nhw|pobl|neb|rhywun)|' +
      '(mewn|yn (y|yr)) (ty|fflat|byngalo|tref|dref|dre|pentref|dinas|ardal|cartref))',
    negatable: false,
  },
  {
    id: 'cy.suicide.no_reason_to_live',
    kind: 'suicide',
    example: 'Does dim pwynt byw',
    patterns: [
      '(dim|ddim|nid oes) (pwynt|rheswm|diben) <0-2>(byw|fyw|mynd ymlaen|cario ymlaen|bod yn fyw|bod yma|i ddim|mewn dim)',
      // "dwi'm yn gweld pwynt mewn byw / rhagor": as English "don't see the point any more".
      'ddim yn gweld (pwynt|diben) <0-1>(byw|fyw|rhagor|mwyach|bellach|ddim mwy|mewn dim)',
      '(dim|ddim) byd <0-2>i (fyw|byw)',
    ],
    negatable: false,
  },
  {
    id: 'cy.suicide.better_off_without_me',
    kind: 'suicide',
    example: 'Byddai pawb yn well eu byd hebdda i',
    patterns: ['(well|gwell|hapusach) <0-3>(hebdda|hebddo|hebof|hebddof)'],
    negatable: false,
  },
  {
    id: 'cy.suicide.cant_go_on',
    kind: 'suicide',
    example: 'Alla i ddim mynd ymlaen fel hyn',
    patterns: [
      '(methu|alla i ddim|galla i ddim|fedra i ddim|allaf i ddim|ni allaf|dw i ddim yn gallu|dydw i ddim yn gallu) <0-1>' +
        '(mynd ymlaen|cario ymlaen|dal ati|parhau|byw fel hyn|dioddef rhagor|ymdopi rhagor|ymdopi mwyach|gwneud hyn rhagor|wneud hyn rhagor|neud hyn rhagor)',
    ],
    // "methu mynd ymlaen i'r dosbarth" (can't go on to the class); not "mynd ymlaen i fyw" (go on living)
    unlessAfter: '(i yr|i y|at|ar y|ar yr)',
    negatable: false,
  },
  {
    id: 'cy.suicide.method',
    kind: 'suicide',
    example: "Dw i ar y bont nawr",
    patterns: [
      'dw i (yn sefyll |yn eistedd )?(ar|wrth) (y|yr) (bont|clogwyn|clogwyni|dibyn|to|rheilffordd|trac|traciau)( nawr| rwan| yn awr)?{END}',
      '(neidio|taflu fy hun) (oddi ar|o|dros|i) (y|yr) (bont|clogwyn|clogwyni|dibyn|to|afon|mor|trên|tren)',
      // All of them at hand: "y tabledi i gyd o 'mlaen i" (not "my tablets beside me, to remember them")
      // "rhaff yn barod" (a rope ready), but not "yn barod ar gyfer y lein ddillad" (for the washing line)
      '((tabledi|dabledi|pils|moddion|paracetamol) i gyd|yr holl (dabledi|bils|foddion)|rhaff|raff) (o mlaen i|o fy mlaen|wrth fy ymyl|wrth fy ochr|yn barod)(?! ar gyfer| i r| ir)',
    ],
  },
  {
    id: 'cy.suicide.nobody_would_care',
    kind: 'suicide',
    example: "Does neb yn poeni os dw i'n fyw neu'n farw",
    patterns: [
      '(fyw|byw) neu yn (farw|marw)',
      '(neb|dim un) <0-2>(sylwi|poeni|malio|becso|hidio|gweld eisiau) <0-1>(pe|petawn|petai|os) <0-3>(yn farw|wedi marw|wedi mynd|marw|farw)',
      // "fydd neb yn gweld fy eisiau" (nobody will miss me); not "yn y gwaith" (at work)
      '(neb|dim un) (yn )?(gweld|weld) (fy |f )?(eisiau|ngholli)(?! (yn y|yn yr|am|tra|dros)(?![^ ]))',
      // "beth yw'r pwynt?" on its own, as English "what's the point?"
      '(beth|be) (yw|ydy|di|ydi|sy) (yr|y|r) (pwynt|diben)(?= \\.|$| mwyach| rhagor| bellach)',
    ],
    negatable: false,
  },
  {
    id: 'cy.suicide.goodbye',
    kind: 'suicide',
    example: "Dw i wedi ysgrifennu llythyrau ffarwel",
    patterns: [
      '(llythyr|llythyrau|lythyr|lythyrau|nodyn|nodiadau|neges|negeseuon) (ffarwel|ffarwelio|hwyl fawr)',
      'dyma (fy )?(neges olaf|ffarwel)',
      // Letters to the family as a whole, as in English (not to a pen pal)
      '(ysgrifennu|sgwennu|sgrifennu|gadael) (llythyr|llythyrau|lythyr|lythyrau|nodyn|nodiadau) (at|i|ar gyfer) ' +
        '(fy nheulu|nheulu|bawb|pawb|fy mhlant|y teulu|teulu|fy anwyliaid)',
      // "fydda i ddim o gwmpas yn hir" (I won't be around long)
      '(fydda|fyddaf|bydda|fyddai) i ddim (o gwmpas|yma|yn fyw) (yn hir|yn hwy|lawer hirach|llawer hirach|am lawer hirach|ar ol heno|erbyn yfory|erbyn bore fory)',
    ],
    // "..., dw i'n symud i Sbaen" (I'm moving to Spain)
    unlessFollowedBy: '(\\. )?<0-3>(symud|ymfudo|ar (wyliau|fy ngwyliau)|mynd (i ffwrdd|dramor|ar wyliau)|gadael (yr ardal|y wlad|cymru))',
    negatable: false,
  },
  {
    id: 'cy.suicide.tired_of_life',
    kind: 'suicide',
    example: 'Dw i wedi blino ar fyw',
    patterns: ['(blino|llond bol|syrffedu) ar (fyw|byw|bywyd|mywyd|bod yn fyw)', '(y|yr) cyfan (ddod|dod) i ben', '(popeth|bopeth|mywyd) (ddod|dod) i ben'],
  },
  {
    id: 'cy.suicide.burden',
    kind: 'suicide',
    example: "Dw i'n faich ar bawb",
    patterns: ['(baich|faich) (ar|i) (bawb|bobl|pawb|fy nheulu|nheulu|teulu)', 'teimlo yn (faich|baich)', 'dw i yn (faich|baich)'],
  },
  {
    id: 'cy.suicide.keyword',
    kind: 'suicide',
    example: "Dw i'n teimlo'n hunanladdol",
    patterns: ['(hunanladdiad|hunanladdol|hunan laddiad|hunan laddol|hunanladdiadau|gorddos)'],
    // "drwy hunanladdiad" (by suicide), "colli fy mab i hunanladdiad", "ar ol hunanladdiad fy mrawd"
    unlessBefore:
      '(drwy|trwy|gan|oherwydd|ar ol|yn dilyn|yn sgil|profedigaeth|colli <0-4>i|collais <0-4>i|collodd <0-4>i|collon ni <0-4>i)',
    unlessAfter: '(fy {PERSON_CY}|ei|eu)',
  },

  // ---------------------------------------------------------------- self_harm
  {
    id: 'cy.self_harm.hurt_self',
    kind: 'self_harm',
    example: "Dw i wedi bod yn hunan-niweidio eto",
    patterns: [
      '(hunan niweidio|hunanniweidio|hunan niwed|hunanniwed|hunan anafu|hunananafu)',
      '(niweidio|anafu|brifo|frifo|torri|dorri|nhorri|llosgi|losgi) fy (hun|hunan)',
    ],
    // "wrth goginio" (while cooking), "ar ddamwain" (by accident), unless "yn fwriadol" (on purpose)
    unlessAfter: '(?!<0-9>(yn fwriadol|o bwrpas))(wrth|ar ddamwain|yn ddamweiniol)',
  },

  // ---------------------------------------------------------------- abuse_or_danger
  {
    id: 'cy.danger.not_safe',
    kind: 'abuse_or_danger',
    example: "Dw i ddim yn ddiogel gartref",
    patterns: ['(ddim|dim) <0-3>(diogel|ddiogel|saff)'],
    // "ddim yn ddiogel i gerdded yn y nos" (not safe to walk at night); not "i fynd adref" (to go home)
    unlessAfter: '(i (gerdded|yrru|nofio|seiclo|fynd allan yn y nos)|yn (gyrru|nofio|cerdded))',
    negatable: false,
  },
  {
    id: 'cy.danger.will_kill_me',
    kind: 'abuse_or_danger',
    example: "Mae e'n mynd i fy lladd i",
    patterns: [
      '(e|o|hi|nhw|rhywun|fy {PERSON_CY}) yn (mynd i|bygwth|trio|ceisio|benderfynol o) (fy |yn )?(lladd|ladd|mrifo|brifo|nharo|nhrywanu|nghuro) i',
    ],
    // "Mae Mam yn mynd i fy lladd i pan welith hi'r bil" (when she sees the bill): hyperbole
    unlessAfter: '(pan|am|lol|haha)',
  },
  {
    id: 'cy.danger.controlled',
    kind: 'abuse_or_danger',
    example: 'Dydy e ddim yn gadael i mi adael y tŷ',
    // "won't let me leave / go out / see / phone"
    patterns: ['(ddim|byth) yn (gadael|gadel|caniatau) i (mi|fi) (adael|gadael|fynd|mynd|weld|gweld|siarad|ffonio|gael|cael)'],
    negatable: false,
  },
  {
    id: 'cy.danger.in_danger',
    kind: 'abuse_or_danger',
    example: 'Dw i mewn perygl',
    patterns: ['mewn perygl'],
  },
  {
    id: 'cy.danger.being_hurt',
    kind: 'abuse_or_danger',
    example: "Mae e'n fy nharo i",
    patterns: [
      'fy (nharo|nghuro|mwrw|nhagu|ngham drin|nghamdrin|nhreisio|nghicio|nhrywanu|mygwth|nhaflu|nhynnu)',
      'bygwth <0-1>(fy )?(lladd|ladd|mrifo|nharo)',
      // "mae fy ngŵr yn fy mrifo" (my husband hurts me); not "mae fy nghefn yn fy mrifo" (my back)
      '(fy {PERSON_CY}|mae e|mae o|mae hi|maen nhw|mae nhw|rhywun) yn fy (mrifo|anafu)',
      '(dioddef|profi|byw gyda|cael) <0-1>(trais|cam drin|camdriniaeth)',
      'ofn (fy |ei )?(ngwr|gwr|mhartner|nghariad|nhad|llystad|mam|mab|e|o|hi) arna i',
      '(arna i|gen i) ofn (fy |ei )?(ngwr|gwr|mhartner|nghariad|nhad|llystad|mam|mab|e|o|hi)',
      'ofni (fy )?(ngwr|mhartner|nghariad|nhad|llystad|mab)',
      // "ofn mynd adre", "mae ofn arna i fynd adref"
      'ofn (arna i |arnaf i |gen i )?(mynd|fynd) (adref|adre|gartref|nol adre|yn ol adref)',
    ],
    unlessAfter: '(pan oeddwn i yn blentyn|flynyddoedd yn ol|yn y gorffennol)',
  },

  // ---------------------------------------------------------------- child_at_risk
  {
    // As English child_at_risk.stated_age: "dw i'n 14 oed" with abuse is a child at risk.
    id: 'cy.child_at_risk.stated_age',
    kind: 'child_at_risk',
    example: "Dw i'n 14 ac mae fy nhad yn fy nharo i",
    refines: ['abuse_or_danger', 'sexual_violence'],
    patterns: ['(dw i|rydw i|rwy|dwi) yn (1[0-7]|[89])( oed| mlwydd oed)?(?= ac| a| ond| \\.|$)'],
    negatable: false,
  },

  // ---------------------------------------------------------------- harm_to_others
  {
    id: 'cy.harm_to_others.intent',
    kind: 'harm_to_others',
    example: "Dw i'n mynd i'w ladd e",
    patterns: [
      '(eisiau|am|mynd i|bygwth|barod i) (lladd|ladd|brifo|frifo|niweidio|anafu|trywanu|drywanu) (rhywun|rhywrai|pobl|bobl|e|o|hi|nhw|fy {PERSON_CY})',
      '(eisiau|am|mynd|barod) (i w|ei|eu) (ladd|lladd|frifo|brifo|niweidio|hanafu|drywanu)',
    ],
  },
];
