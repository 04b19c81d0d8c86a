/**
 * Welsh phrases per category, in the syntax described in lexicon-en.ts. Write words in their dictionary
 * (unmutated) form without accents: "fy nghymdogion" is read as "cymdogion", "côr" as "cor", "i arddio" as
 * "garddio". Welsh normalisation also turns "dw i'n" into "dw i yn" and "isio" / "moyn" into "eisiau".
 * People writing Welsh use English words too ("landlord", "arthritis"); the English phrases are tried as well.
 */
import type { Lexicon } from './compile';

export const LEXICON_CY: Lexicon = {
  loneliness: [
    'unig', 'unigrwydd', 'ynysig', 'ar ben fy hun', 'ar fy mhen fy hun', 'ar fy mhen hun', 'ar ben fy hunan',
    'neb i siarad', 'neb i siarad a fi', 'neb yn galw', 'neb yn ymweld', 'dim ffrindiau', 'dim ffrind',
    'gwneud ffrindiau', 'ffrindiau newydd', 'cwrdd a pobl', 'cwrdd pobl', 'cwrdd a pobl newydd', 'cyfarfod pobl',
    'cwrdd a phobl', 'gweld pobl', 'cwmni', 'cymdeithasu', 'nabod neb', 'adnabod neb', 'ddim yn nabod neb',
    'ddim yn adnabod neb', 'ddim yn mynd allan', 'byth yn mynd allan', 'mynd allan mwy', 'ffrind i fynd',
    'rhywun i fynd', 'rhan o rywbeth', 'rhan o gymuned', 'pobl eraill', 'sgwrs dda', 'clonc', 'yn y ty drwy yr dydd',
    'sownd yn y ty', 'nabod ... cymdogion', 'cwrdd a ... cymdogion', 'cymdogion ... brysur', 'neb gen i',
    'does gen i neb', 'colli fy ffrindiau', 'gweld eisiau fy ffrindiau',
  ],
  physical_activity: [
    'heini', 'cadw yn heini', 'ffit', 'ymarfer corff', 'ymarfer', 'nofio', 'ioga', 'campfa', 'rhedeg', 'dawnsio',
    'beicio', 'seiclo', 'chwaraeon', 'pel droed', 'rygbi', 'tenis', 'bowlio', 'colli pwysau', 'actif', 'symud mwy',
    'tai chi', 'pilates', 'golff',
  ],
  walking: ['cerdded', 'mynd am dro', 'am dro', 'taith gerdded', 'teithiau cerdded', 'crwydro', 'grwp cerdded'],
  gardening_nature: [
    'garddio', 'gardd', 'rhandir*', 'natur', 'adar', 'awyr agored', 'tu allan', 'cefn gwlad', 'planhigion', 'plannu',
    'blodau', 'coed', 'coedwig', 'llysiau', 'tyfu', 'mynyddoedd', 'mynydd', 'traeth', 'anifeiliaid', 'bywyd gwyllt',
    'parc', 'awyr iach', 'clwb garddio', 'y wlad', 'yn y wlad', 'glan y mor', 'afon', 'llyn',
  ],
  arts_crafts: [
    'celf', 'celfyddyd*', 'crefft*', 'peintio', 'paentio', 'arlunio', 'darlunio', 'gwau', 'gwnio', 'crochenwaith',
    'ffotograffiaeth', 'tynnu lluniau', 'gwaith coed', 'gwaith llaw', 'gyda ... dwylo', 'gwneud pethau', 'creadigol',
    'barddoniaeth', 'ysgrifennu', 'drama', 'theatr', 'actio', 'cwiltio',
  ],
  music_singing: [
    'canu', 'cor', 'corau', 'cor meibion', 'cerddoriaeth', 'offeryn', 'offerynnau', 'gitar', 'piano', 'telyn', 'band',
    'cyngerdd', 'caneuon', 'eisteddfod', 'canwr', 'cantores',
  ],
  learning: [
    'dysgu', 'cwrs', 'cyrsiau', 'dosbarth*', 'gwers*', 'astudio', 'addysg', 'dysgu cymraeg', 'dysgu saesneg',
    'sgiliau', 'sgil newydd', 'darllen', 'llyfrau', 'clwb llyfrau', 'hanes', 'cymhwyster*',
  ],
  volunteering: [
    'gwirfoddol*', 'gwirfoddoli', 'gwirfoddolwr', 'helpu eraill', 'helpu pobl', 'helpu pobl eraill', 'rhoi yn ol',
    'bod yn ddefnyddiol', 'rhywbeth defnyddiol', 'helpu yn y gymuned', 'helpu allan', 'siop elusen',
    'gwaith elusennol', 'rhoi help llaw',
  ],
  befriending: [
    'cyfaill', 'cyfeillio', 'ymweld a fi', 'ymweld a mi', 'dod i ymweld', 'galw heibio', 'sgwrs', 'rhywun i siarad',
    'rhywun i siarad a fi', 'galwad ffon', 'paned a sgwrs',
  ],
  bereavement: [
    'profedigaeth', 'galar', 'galaru', 'gweddw', 'bu farw', 'wedi marw', 'farwolaeth', 'marwolaeth', 'angladd',
    'colli ... gwr|gwraig|mam|tad|partner|mab|merch|brawd|chwaer|plentyn|ffrind|ci|cath',
    'collais ... gwr|gwraig|mam|tad|partner|mab|merch|brawd|chwaer|plentyn|ffrind|ci|cath',
  ],
  carers_support: [
    'gofalu am', 'gofalu amdano', 'gofalu amdani', 'gofalu amdanyn', 'sy yn gofalu', 'gofalwr', 'gofalwraig',
    'gofalwyr', 'gofalydd', 'yn gofalu', 'seibiant', 'seibiant o ofalu',
  ],
  money_debt: [
    'dyled*', 'biliau', 'talu ... biliau', 'methu talu', 'morgais', 'poeni am arian', 'budd daliadau', 'budd dal',
    'credyd cynhwysol', 'problemau arian', 'arian yn brin', 'trafferth gydag arian', 'poeni am arian', 'banc bwyd',
    'talu biliau', 'cyllideb', 'benthyciad*', 'pensiwn credyd', 'costau byw',
  ],
  housing: [
    'tai', 'digartref', 'digartrefedd', 'rhent', 'tenantiaeth', 'troi allan', 'lle i fyw', 'tamp', 'llwydni',
    'cymdeithas dai', 'ty cyngor', 'adael y ty', 'colli y ty', 'colli ein ty', 'llety',
  ],
  employment: [
    'swydd', 'swyddi', 'gwaith', 'di waith', 'diwaith', 'cyflogaeth', 'chwilio am waith', 'cael gwaith', 'cyfweliad*',
    'gyrfa', 'colli fy swydd', 'diswyddo', 'prentisiaeth', 'hyfforddiant',
  ],
  mental_wellbeing: [
    'isel', 'iselder', 'pryder', 'pryderus', 'gorbryder', 'straen', 'dan straen', 'iechyd meddwl', 'trist',
    'tristwch', 'anhapus', 'poeni', 'panig', 'llesiant', 'lles', 'hyder', 'methu cysgu', 'digalon', 'ofnus',
    'teimlo yn ddrwg', 'ymdopi', 'methu ymdopi', 'cwnsela', 'poeni am arian', 'ddim yn cysgu', 'wedi blino',
    'dan bwysau', 'o dan bwysau', 'yfed gormod', 'alcohol', 'siarad a rhywun', 'ar goll',
  ],
  long_term_condition: [
    'clefyd siwgr', 'clefyd y siwgr', 'diabetes', 'clefyd', 'cyflwr', 'cyflwr iechyd', 'salwch', 'salwch hir dymor',
    'poen cronig', 'poen', 'cronig', 'strocen', 'strôc', 'stroc', 'canser', 'cancr', 'clefyd y galon',
    'trawiad ar y galon', 'asthma', 'arthritis', 'cryd cymalau', 'dementia', 'epilepsi', 'parkinsons', 'anadlu',
    'diagnosis',
  ],
  food: [
    'bwyd', 'coginio', 'prydau', 'prydau bwyd', 'cinio', 'swper', 'pobi', 'bwyta', 'bwyta yn iach', 'banc bwyd',
    'caffi', 'clwb cinio', 'rysait*', 'ryseitiau',
  ],
  digital_skills: [
    'cyfrifiadur*', 'gliniadur', 'llechen', 'ffon glyfar', 'ffon symudol', 'rhyngrwyd', 'y we', 'ar lein', 'arlein',
    'ebost', 'e bost', 'ffon newydd', 'defnyddio ... ffon', 'digidol', 'technoleg', 'apiau', 'ap', 'galwad fideo',
    'cyfryngau cymdeithasol',
  ],
  faith_community: [
    'capel', 'eglwys', 'mosg', 'teml', 'ffydd', 'gweddi', 'gweddio', 'addoli', 'cristion', 'cristnogol', 'mwslim',
    'crefydd*', 'ysbrydol', 'beibl', 'gweinidog', 'ficer', 'cymun', 'oedfa',
  ],
  parenting: [
    'babi', 'baban', 'plant', 'plant bach', 'fy mhlant', 'rhiant', 'rhieni', 'mam newydd', 'tad newydd', 'plentyn',
    'beichiog', 'meithrin', 'ti a fi', 'rhiant sengl', 'mam sengl', 'tad sengl', 'newydd gael babi',
  ],
  older_people: [
    'pensiynwr', 'pensiynwyr', 'pensiwn', 'wedi ymddeol', 'ymddeol', 'ymddeoliad', 'henoed', 'pobl hyn', 'hen berson',
    'dw i yn hen', 'yn heneiddio', 'oedrannus', 'saith deg oed', 'wyth deg oed', 'naw deg oed', 'chwe deg oed',
    'dros drigain', 'dros 60', 'dros 70', 'dros 50',
  ],
  young_people: [
    'pobl ifanc', 'person ifanc', 'fyfyriwr', 'ifanc', 'ieuenctid', 'arddegau', 'myfyriwr', 'myfyrwyr', 'coleg',
    'prifysgol', 'ysgol uwchradd', 'chweched dosbarth',
  ],
  lgbtq: ['hoyw', 'lesbiad', 'deurywiol', 'traws', 'trawsryweddol', 'lhdt*', 'anneuaidd', 'cwiar', 'balchder'],
  ethnic_community: [
    'ffoadur*', 'ceisio lloches', 'symud yma o', 'dod yma o', 'gartref yn', 'ceiswyr lloches', 'mewnfudwr*',
    'fy niwylliant', 'diwylliant', 'fy ngwlad', 'fy iaith', 'lleiafrif ethnig', 'ethnig', 'o wlad arall', 'o dramor',
  ],
  disability_access: [
    'cadair olwyn', 'anabl*', 'ffram', 'ffon gerdded', 'stepiau', 'bathodyn glas', 'anabledd', 'byddar',
    'trwm fy nghlyw', 'clyw', 'dall', 'golwg', 'ffram gerdded', 'ffon gerdded', 'sgwter', 'grisiau', 'hygyrch',
    'mynediad', 'llawr gwaelod', 'ramp', 'dolen sain', 'methu cerdded yn bell', 'iaith arwyddion', 'awtistiaeth',
    'awtistig',
  ],
  transport_barrier: [
    'dim car', 'ddim car', 'heb gar', 'heb car', 'methu gyrru', 'ddim yn gyrru', 'dim yn gyrru', 'trafnidiaeth',
    'bws', 'bysiau', 'dim bws', 'tacsi', 'lifft', 'rhy bell', 'cludiant', 'tren', 'trenau', 'cefn gwlad heb',
  ],
  anxiety_in_groups: [
    'nerfus ... grwp*', 'pryderus ... grwp*', 'ofn ... grwp*', 'grwpiau mawr', 'grwp mawr', 'torf', 'torfeydd',
    'llefydd prysur', 'lleoedd prysur', 'swnllyd', 'swil', 'gormod o bobl', 'un i un', 'grwp bach', 'grwpiau bach',
    'pryder cymdeithasol', 'nerfus ... pobl newydd', 'ofnus ... grwp*', 'ofnus ... pobl newydd', 'poeni ... grwp*',
  ],
  cost_barrier: [
    'fforddio', 'methu fforddio', 'methu talu', 'ddim yn gallu fforddio', 'rhy ddrud', 'drud', 'am ddim', 'rhad',
    'dim arian', 'dim llawer o arian', 'heb arian', 'arian yn brin', 'cost', 'costau', 'pris', 'talu', 'incwm isel',
  ],
};

export const NEUTRAL_CY: readonly string[] = [
  'dim syniad', 'amser rhydd', 'wrth gwrs', 'plant ... adael|gadael', 'plant ... wedi tyfu', 'ambell waith',
  'byw yng cefn gwlad', 'byw yn y wlad', 'weithiau', 'gen i gar', 'mae gen i gar',
];
