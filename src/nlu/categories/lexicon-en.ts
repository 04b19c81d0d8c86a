/**
 * English phrases per category. Data only; the syntax is read by compile.ts:
 *   word      the word itself (typos allowed for words of 5+ letters)
 *   stem*     any word starting with the stem
 *   a|b       either
 *   ...       up to four other words in the same clause, none of them a negation
 * Phrases are matched on normalised text: lower case, no accents, contractions expanded
 * ("can't" -> "can not", "I'm" -> "i am"), SMS shorthand expanded ("wud" -> "would", "ppl" -> "people").
 * Where phrases overlap the longest wins, so "walking football" is physical activity, not walking.
 */
import type { Lexicon } from './compile';

export const LEXICON_EN: Lexicon = {
  loneliness: [
    'lonel*', 'lonley', 'lonly', 'isolat*', 'alone', 'on my own', 'by myself', 'live alone', 'living alone',
    'no one to talk to', 'nobody to talk to', 'no one to see', 'no friends', 'not got any friends', 'no mates',
    'meet people', 'meet new people', 'meet more people', 'meet other people', 'meeting people', 'meeting new people',
    'see people', 'seeing people', 'make friends', 'making friends', 'make new friends', 'new friends', 'friendship*',
    'mates', 'company', 'socialis*', 'socializ*', 'social life', 'get out more', 'get out of the house',
    'hardly|never|rarely|barely leave the house|flat|home', 'do not leave the house|flat|home', 'hardly go out',
    'never go out', 'stir crazy', 'cabin fever', 'four walls', 'climbing the walls', 'a friend to', 'need a friend',
    'want a friend', 'like a friend', 'friends to', 'with others', 'meet others', 'someone to have a',
    'somebody to have a', 'someone to go', 'somebody to go', 'people to go', 'natter', 'chinwag', 'other people',
    'around people', 'be with people', 'being with people', 'part of something', 'part of a community',
    'part of a group', 'feel part of', 'do not go out', 'stuck indoors', 'stuck in the house', 'stuck at home',
    'do not know anyone', 'do not know anybody', 'not ... know anyone|anybody', 'know no one', 'know nobody',
    'house is so quiet', 'house is quiet', 'people to share', 'sense of belonging', 'got nobody', 'have nobody',
    'got no one', 'have no one', 'nobody really', 'no one really', 'not seen my friends', 'not seen anyone',
    'not see anyone|anybody', 'never see anyone|anybody', 'hardly see anyone|anybody',
    'miss my friends', 'find my people', 'people like me', 'like minded', 'fit in', 'belong', 'men shed', 'mens shed',
    'know my neighbours', 'meet my neighbours', 'meet the neighbours', 'nobody visits', 'no one visits',
    'no one calls', 'nobody calls', 'left out', 'cut off',
  ],
  physical_activity: [
    'exercis*', 'fit', 'fitter', 'fitness', 'get fit', 'keep fit', 'gym', 'swim*', 'yoga', 'pilates', 'tai chi',
    'dance', 'dancing', 'zumba', 'aerobics', 'football', 'walking football', 'walking netball', 'netball', 'rugby',
    'cricket', 'tennis', 'badminton', 'bowls', 'bowling', 'golf', 'cycling', 'cycle', 'bike', 'biking', 'running',
    'jogging', 'parkrun', 'park run', 'sport*', 'active', 'more active', 'get moving', 'get ... moving',
    'keep moving', 'moving more', 'lose weight', 'losing weight', 'loose weight', 'weight loss', 'move more',
    'workout', 'work out', 'stretch*', 'chair based', 'chair exercise*', 'boxing', 'martial arts', 'karate',
    'climbing', 'rowing', 'canoe*', 'kayak*', 'paddleboard*', 'circuit*',
  ],
  walking: [
    'walk', 'walks', 'walking', 'walking group', 'a walk', 'go for walks', 'ramble', 'rambling', 'ramblers', 'hike',
    'hikes', 'hiking', 'stroll*', 'nordic walking',
  ],
  gardening_nature: [
    'garden*', 'allotment*', 'grow veg*', 'growing veg*', 'grow vegetables', 'plants', 'planting', 'flowers',
    'nature', 'outdoors', 'outdoor*', 'the outside', 'being outside', 'fresh air', 'countryside', 'hills', 'woods',
    'woodland*', 'forest*', 'the beach', 'wildlife', 'birdwatching', 'bird watching', 'birds', 'birding', 'animals',
    'conservation', 'fishing', 'angling', 'park', 'parks', 'trees', 'green space*', 'the coast', 'mountains',
    'the country', 'farm', 'horticultur*', 'grow things', 'growing things', 'grow my own', 'grow food',
    'growing food', 'grow flowers', 'soil', 'compost*', 'seeds', 'greenhouse', 'veg patch', 'vegetable patch',
  ],
  arts_crafts: [
    'art', 'arts', 'arty', 'artist*', 'artistic', 'craft*', 'paint*', 'draw', 'drawing', 'sketch*', 'knit*',
    'crochet*', 'sewing', 'sew', 'quilt*', 'pottery', 'ceramic*', 'clay', 'card making', 'photograph*', 'creative*',
    'creativity', 'writing', 'write poetry', 'poetry', 'poems', 'creative writing', 'woodwork*', 'working with wood',
    'fixing', 'fix things', 'repair*', 'mend*', 'diy', 'practical', 'tinker*', 'wood', 'carving', 'make things',
    'making things', 'jewellery making', 'embroider*', 'cross stitch', 'scrapbook*', 'needlework', 'textiles',
    'watercolour*', 'theatre', 'drama', 'acting',
  ],
  music_singing: [
    'music*', 'sing', 'singing', 'singer', 'sang', 'choir*', 'song*', 'guitar*', 'piano', 'keyboard', 'ukulele',
    'violin', 'drum*', 'band', 'orchestra', 'instrument*', 'karaoke', 'gig*', 'concert*', 'brass band', 'folk club',
  ],
  learning: [
    'learn', 'learning', 'learnt', 'course', 'courses', 'class', 'classes', 'lesson*', 'study', 'studying',
    'qualification*', 'education', 'reading', 'books', 'improve my english', 'better at english|welsh', 'esol',
    'speak english|welsh', 'english', 'english classes', 'learn english', 'learn welsh', 'welsh lessons',
    'a language', 'languages', 'book group', 'book club', 'reading group', 'history', 'talks', 'lectures', 'skills',
    'new skill*', 'workshop*', 'u3a', 'evening class*', 'college course*', 'night school',
  ],
  volunteering: [
    'volunteer*', 'give something back', 'giving something back', 'give back', 'giving back', 'help other people',
    'help others', 'helping others', 'helping other people', 'help people', 'be useful', 'something useful',
    'use my skills', 'put my skills', 'make a difference', 'charity work', 'charity shop', 'love to help',
    'like to help', 'happy to help', 'help at the', 'lend a hand', 'pitch in', 'help with reading', 'help out',
    'helping out', 'unpaid work',
  ],
  befriending: [
    'befriend*', 'someone to have a', 'somebody to have a', 'brew with', 'cup of tea with', 'coffee with',
    'someone to talk to', 'somebody to talk to', 'someone to chat to', 'someone to visit', 'visit me', 'pop round',
    'pop in', 'someone to phone', 'someone to ring', 'phone call*', 'a chat', 'chat once a week', 'regular chat',
    'friendly call*', 'telephone friend*', 'phone friend*', 'visitor', 'home visit*', 'cup of tea and a chat',
  ],
  bereavement: [
    'bereave*', 'grief', 'griev*', 'widow*', 'passed away', 'passed on',
    'mum|mam|mother|dad|father|wife|husband|partner|son|daughter|brother|sister|friend|nan|gran|grandad|dog|cat passed',
    'died', 'death', 'loss of my', 'lost my wife', 'lost my husband', 'lost my partner', 'lost my mum',
    'lost my mother', 'lost my dad', 'lost my father', 'lost my son', 'lost my daughter', 'lost my brother',
    'lost my sister', 'lost my child', 'lost my baby', 'lost my friend', 'lost my dog', 'lost my cat', 'funeral',
    'since he went', 'since she went',
    'since my|the wife|husband|missus|hubby|partner|mum|mam|dad|mother|father went|passed|died', 'mourning',
  ],
  carers_support: [
    'carer*', 'caring for', 'care for my', 'care for him', 'care for her', 'look after my', 'looking after my',
    'look after him', 'look after her', 'looking after him', 'looking after her', 'caring role', 'respite',
    'never get a break', 'need a break from caring', 'do everything for him|her|them', 'full time care',
    'i look after', 'i care for', 'young carer*', 'unpaid carer*',
  ],
  money_debt: [
    'debt*', 'owe', 'bills', 'mortgage', 'repossess*', 'rent arrears', 'behind on the rent', 'benefit*',
    'universal credit', 'pip', 'pension credit', 'money worries', 'money problems', 'money trouble*',
    'money ... tight', 'short of money', 'struggling financially', 'financ*', 'budget*', 'overdrawn', 'arrears',
    'loan*', 'bailiff*', 'food bank', 'foodbank', 'cost of living', 'struggling to pay', 'can not pay',
    'pay the bills', 'pay my bills', 'energy bills', 'payday', 'struggling to feed', 'behind on',
  ],
  housing: [
    'housing', 'homeless*', 'landlord', 'evict*', 'rent arrears', 'pay the rent', 'pay my rent', 'pay rent',
    'rent went up', 'rent increase', 'behind on the rent', 'tenancy', 'tenant', 'council house',
    'housing association', 'sofa surfing', 'nowhere to live', 'somewhere to live', 'lose our flat', 'lose my flat',
    'lose our home', 'lose my home', 'lose the house', 'damp', 'mould', 'mold', 'overcrowded', 'hostel',
    'temporary accommodation', 'accommodation', 'repairs', 'kicked out',
  ],
  employment: [
    'job', 'jobs', 'work', 'working', 'unemploy*', 'employ*', 'out of work', 'lost my job', 'career*', 'cv', 'resume',
    'interview*', 'sick pay', 'off sick', 'signed off', 'off work', 'sick note', 'redundan*', 'apprentice*',
    'training', 'job centre', 'jobcentre', 'back to work', 'paid work', 'looking for work', 'job hunting',
    'self employed', 'boss', 'warehouse', 'shifts',
  ],
  mental_wellbeing: [
    'depress*', 'anxiety', 'anxious', 'stress*', 'mental health', 'feel* ... low', 'so low', 'very low', 'really low',
    'bit low', 'low mood', 'pretty low', 'feel* ... down', 'so down', 'very down', 'really down', 'bit down',
    'down in the dumps', 'fed up', 'sad', 'sadness', 'unhappy', 'miserable', 'worried', 'worry', 'worrying', 'panic*',
    'overwhelm*', 'burnt out', 'burned out', 'burnout', 'pointless', 'hopeless', 'wellbeing', 'well being',
    'confidence', 'self esteem', 'can not sleep', 'not sleeping', 'mood', 'ptsd', 'ocd', 'bipolar', 'mental',
    'nerves', 'struggling', 'end of my tether', 'not coping', 'can not cope', 'cope', 'coping', 'counselling',
    'therapy', 'mindfulness', 'meditation', 'relax', 'calm', 'drinking too much', 'drinking more', 'alcohol',
    'drink problem', 'going under', 'barely coping', 'under pressure', 'pressure', 'drugs', 'addict*',
    'talk to someone', 'function', 'falling apart', 'feel lost', 'feeling lost', 'empty', 'numb',
    'anxiety|nerves ... group*|crowd*', 'sober', 'in recovery', 'recovering addict', 'relapse',
    'i am scared|frightened|afraid', 'feel* ... scared|frightened|afraid',
    // Everyday ways of saying the mind is not well.
    'head ... all over the place', 'head is a mess', 'head is mashed', 'not in a good place', 'in a bad place',
    'in a dark place', 'not been myself', 'not feeling myself',
  ],
  long_term_condition: [
    'copd', 'asthma', 'diabet*', 'arthriti*', 'ms', 'multiple sclerosis', 'parkinson*', 'dementia', 'alzheimer*',
    'stroke', 'heart attack', 'heart condition', 'heart failure', 'cardiac', 'cancer', 'chronic*', 'fibromyalgia',
    'long covid', 'epilep*', 'condition', 'illness', 'ill health', 'chronic pain', 'back pain', 'pain', 'lung*',
    'kidney*', 'blood pressure', 'osteo*', 'crohns', 'lupus', 'me cfs', 'cfs', 'chronic fatigue', 'diagnos*',
    'health condition*', 'breathless*', 'out of breath', 'my back', 'bad back', 'back problem*', 'injury', 'injured',
    'chest', 'breathing', 'my heart', 'my lungs', 'hip replacement', 'knee replacement', 'memory', 'memory loss',
    'forgetful', 'forgetting things', 'sugar levels', 'blood sugar', 'insulin', 'type 1', 'type 2', 'cerebral palsy',
    'down syndrome', 'adhd',
  ],
  food: [
    'food', 'cook', 'cooking', 'cookery', 'meal*', 'eat', 'eating', 'eat better', 'eat healthy', 'healthy eating',
    'lunch club', 'lunch', 'dinner', 'baking', 'bake', 'recipe*', 'nutrition', 'food bank', 'foodbank',
    'community fridge', 'community cafe', 'cafe', 'feed the kids', 'feed my kids', 'hungry', 'soup',
  ],
  digital_skills: [
    'computer*', 'laptop', 'tablet', 'ipad', 'smartphone', 'smart phone', 'use my phone', 'use ... phone',
    'new phone', 'mobile phone', 'internet', 'online', 'get online', 'email*', 'e mail', 'video call*', 'zoom',
    'facetime', 'whatsapp', 'digital', 'apps', 'an app', 'technology', 'tech', 'wifi', 'gaming', 'coding',
    'it skills', 'social media', 'facebook',
  ],
  faith_community: [
    'church', 'chapel', 'bible study', 'prayer group', 'mosque', 'temple', 'synagogue', 'gurdwara', 'faith',
    'fellowship', 'pray*', 'worship', 'muslim', 'christian', 'hindu', 'sikh', 'jewish', 'buddhist', 'religio*',
    'spiritual*', 'bible', 'quran', 'vicar', 'imam', 'congregation',
  ],
  parenting: [
    'parent*', 'new mum', 'new mam', 'new dad', 'mums', 'dads', 'baby', 'babies', 'toddler*', 'kids', 'my children',
    'the children', 'young children', 'small children', 'single mum', 'single dad', 'single parent',
    'teenage son|daughter|lad|boy|girl', 'my teenager', 'for my son|daughter|lad|boy|girl|kid|kids|child|children',
    'little ones', 'little one', 'pregnan*', 'nursery', 'mums and tots', 'mother and baby', 'school run',
    'feed the kids', 'feed my kids',
  ],
  older_people: [
    'retired', 'retire', 'retirement', 'pension*', 'oap', 'elderly', 'older people', 'older person', 'old age',
    'i am old', 'getting old', 'senior*', 'over 50s', 'over 60s', 'over 65s', 'over 70s', 'elders', 'later life',
    'age concern', 'age uk', 'older adults', 'in my|his|her|our seventies|eighties|sixties|nineties',
  ],
  young_people: [
    'young people', 'young person', 'young adult*', 'teenage son|daughter|lad|boy|girl', 'my teenager', 'youth',
    'teen*', 'teenager*', 'student*', 'at uni', 'for uni', 'at university', 'at college', 'left college',
    'left school', 'sixth form', 'school leaver', 'gcses', 'a levels', 'young carer*',
  ],
  lgbtq: [
    'lgbt*', 'gay', 'lesbian', 'bisexual', 'bi', 'trans', 'transgender', 'non binary', 'nonbinary', 'queer', 'pride',
    'coming out', 'came out',
  ],
  ethnic_community: [
    'refugee*', 'asylum', 'asylum seeker*', 'migrant*', 'immigrant*', 'my community', 'my culture', 'my country',
    'my language', 'my english', 'better at english', 'esol', 'our community', 'our|my ... community', 'our culture',
    'english is not my first language', 'second language', 'from poland', 'polish', 'syria', 'syrian', 'somali',
    'bangladeshi', 'bengali', 'pakistani', 'indian', 'chinese', 'african', 'caribbean', 'black', 'asian', 'arabic',
    'eritrean', 'afghan', 'ukrainian', 'romanian', 'portuguese', 'gypsy', 'traveller*', 'bame', 'ethnic minority',
    'ethnic', 'new to the country', 'new to this country', 'moved to the uk', 'came to the uk', 'moved here from',
    'came here from', 'came over from', 'hong kong', 'kurdish', 'iranian', 'iraqi', 'sudanese', 'nigerian',
    'ghanaian', 'filipino', 'vietnamese', 'turkish', 'lithuanian', 'bulgarian', 'albanian',
    // The countries of the peoples above, said as where someone came from ("we came from Ukraine").
    'from|fled|left ukraine|syria|afghanistan|eritrea|ethiopia|somalia|sudan|iran|iraq|kurdistan|yemen|pakistan|bangladesh|india|nigeria|ghana|romania|bulgaria|lithuania|albania|vietnam|poland',
  ],
  disability_access: [
    'wheelchair*', 'walking frame', 'zimmer', 'walking stick', 'mobility', 'mobility scooter', 'scooter', 'disab*',
    'accessible', 'step free', 'ramp', 'stairs', 'ground floor', 'deaf', 'hard of hearing', 'hearing', 'hearing aid*',
    'hearing loop', 'blind', 'sight', 'partially sighted', 'visually impaired', 'can not walk far', 'bsl',
    'sign language', 'learning disabilit*', 'autis*', 'registered blind', 'crutches', 'accessible toilet', 'my carer',
    'my carers', 'walker', 'rollator', 'steps', 'kerbs', 'mobility aid*', 'blue badge',
  ],
  transport_barrier: [
    'no car', 'not have a car', 'not got a car', 'without a car', 'can not drive', 'do not drive', 'not drive',
    'not driving', 'no longer drive', 'no transport', 'transport', 'bus', 'buses', 'bus stop', 'bus fare', 'no bus',
    'taxi*', 'too far to walk', 'no way of getting', 'getting anywhere', 'get anywhere', 'stuck out here', 'a lift',
    'lift there', 'get a lift', 'need a lift', 'too far', 'out in the sticks', 'rural',
  ],
  anxiety_in_groups: [
    'nervous ... group*', 'anxious ... group*', 'anxiety|nerves ... group*|crowd*', 'nervous ... people',
    'anxious ... people', 'scared ... group*', 'big groups', 'large groups', 'busy places', 'crowded',
    'loads of people', 'freeze up', 'clam up', 'tongue tied', 'noisy places', 'lots of people', 'groups of people',
    'crowd*', 'shy', 'social anxiety', 'socially anxious', 'one to one', 'one on one', 'small group*', 'quiet group',
    'new people scare me', 'too many people', 'anxious meeting new people', 'nervous meeting new people',
    'on my own first', 'bring someone with me',
  ],
  cost_barrier: [
    'afford', 'can not afford', 'could not afford', 'skint', 'broke', 'no money', 'not much money', 'no spare money',
    'not enough money', 'money for', 'free', 'for free', 'cheap', 'cheaper', 'expensive', 'too expensive',
    'cost a fortune', 'costs a fortune', 'cost', 'costs', 'price*', 'on a budget', 'tight budget', 'low income',
    'hard up', 'pay for', 'not have much money', 'not have any money', 'not have the money', 'little money',
    'money is tight',
    // Longer than "can not pay" / "struggling" so the cost wins: "can't pay for classes" is not debt or low mood.
    'can not pay for', 'struggling to afford', 'struggle to afford',
  ],
};

/** Phrases that look like a category but are not one ("free time", "of course"): they claim their words. */
export const NEUTRAL_EN: readonly string[] = [
  'free time', 'spare time', 'feel free', 'free to', 'of course', 'car park', 'fit it in', 'walk the dog',
  'walk my dog', 'walking the dog', 'walks the dog', 'work out what', 'work out how', 'kids|children ... left home',
  'kids|children ... grown up', 'kids|children ... moved out', 'live|living in the countryside',
  'community nurse|midwife|team|worker', 'have a car', 'got a car', 'can drive',
  'cost|money|transport|travel|price|distance is not a|an issue|problem|worry|concern',
  'cost|money|transport|travel|price|distance not a|an issue|problem|worry|concern',
  // Having a job, or having left one, is background ("I work in the day", "since I stopped work"), not a need.
  'i work', 'i am working', 'i still work', 'as i work', 'stopped work|working', 'retired from work',
];
