/**
 * The services of the fictional Kestleford sample directory, written by hand (with a few written once
 * and held in several villages). generate.ts turns these into Open Referral UK / HSDS 3.0 service objects.
 */
import type { OrgKey, VenueKey } from './places';
import { VENUES } from './places';

/** The fixed category vocabulary from issue 5. */
export const CATEGORIES = [
  'loneliness', 'physical_activity', 'walking', 'gardening_nature', 'arts_crafts', 'music_singing', 'learning',
  'volunteering', 'befriending', 'bereavement', 'carers_support', 'money_debt', 'housing', 'employment',
  'mental_wellbeing', 'long_term_condition', 'food', 'digital_skills', 'faith_community', 'parenting',
  'older_people', 'young_people', 'lgbtq', 'ethnic_community', 'disability_access', 'transport_barrier',
  'anxiety_in_groups', 'cost_barrier',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** OpenActive Activity List concepts used here (https://openactive.io/activity-list, CC BY 4.0). */
export const OPENACTIVE = {
  walking: { id: '95092977-5a20-4d6e-b312-8fddabe71544', label: 'Walking' },
  nordicWalking: { id: 'c72e1713-25c1-4886-926a-4cd549bb4916', label: 'Nordic Walking' },
  hiking: { id: '619f374a-c1b6-48d2-aabe-a01b6dedb9fd', label: 'Hiking' },
  chair: { id: 'ee3cf3ee-082e-4f53-9cb2-3ef0589497ed', label: 'Chair Based Exercise' },
  falls: { id: '35f999ac-8ed5-46fa-87d0-1c7721aca77e', label: 'Falls and Exercise Management' },
  olderFitness: { id: '808e1337-0ab2-4db3-b269-0ee3565c3ac9', label: 'General Fitness for Older Adults' },
  gardening: { id: '5b880e93-4a16-4c37-86ac-ba2ffba68358', label: 'Gardening' },
  dance: { id: '6ca15167-51da-4d91-a1ae-8a45dc47b0ea', label: 'Dance' },
  teaDance: { id: 'e3334ebc-7568-48fa-8c93-151626101e5b', label: 'Tea Dance' },
  lineDancing: { id: '2998a4ad-e206-4cf8-9f9d-8a36faa0bc88', label: 'Line Dancing' },
  bhangra: { id: 'a9c4bd7d-a31c-4dee-bfe6-ca823b2e5bff', label: 'Bhangra' },
  wheelchairDance: { id: '376ac090-f1ba-49d6-87f5-e2640494798a', label: 'Wheelchair Dance Sport' },
  taiChi: { id: 'c16df6ed-a4a0-4275-a8c3-1c8cff56856f', label: 'Tai Chi' },
  yoga: { id: 'bf1a5e00-cdcf-465d-8c5a-6f57040b7f7e', label: 'Yoga' },
  pilates: { id: '3a6b1c08-7aa6-48d4-9690-dca9e0133057', label: 'Pilates' },
  walkingFootball: { id: 'b8019b67-2ade-406f-a012-91a5c3869652', label: 'Walking Football' },
  walkingNetball: { id: '1e48de7e-4f8f-49bd-8ab3-9d92edf2cedc', label: 'Walking Netball' },
  swimming: { id: '2750229d-b725-4171-9276-376be913957c', label: 'Swimming' },
  aquaAerobics: { id: '6e31262b-ce37-4fc7-b3e3-d827ac5e8b42', label: 'Aqua Aerobics' },
  openWater: { id: '66063501-0e05-4c45-8209-4291dfe875aa', label: 'Open Water Swimming' },
  bowls: { id: 'b885f4f6-2242-4d11-9466-065d60402624', label: 'Bowls' },
  tableTennis: { id: '1a05993d-b206-4efe-85da-646fa340bdf4', label: 'Table Tennis' },
  cycling: { id: '4a19873e-118e-43f4-b86e-05acba8fb1de', label: 'Cycling' },
  running: { id: '72ddb2dc-7d75-424e-880a-d90eabe91381', label: 'Running' },
  badminton: { id: 'c0360db0-a817-4bae-9167-40f89b49fc9e', label: 'Badminton' },
  pickleball: { id: 'd354b58e-0c97-47c8-92cb-937b91d56eef', label: 'Pickleball' },
  boccia: { id: '611363c5-8acf-4eeb-aeba-c33e9c70146e', label: 'Boccia' },
  boxing: { id: 'd4417bb3-383f-489b-b0c7-731b82f3b220', label: 'Boxing' },
  climbing: { id: 'd09970bc-e11c-40cc-a594-38e4ff32d611', label: 'Climbing' },
  skateboarding: { id: '50feff1b-790f-4f0f-9c07-0314557897c4', label: 'Skateboarding' },
  cricket: { id: '77e3f8fa-c8b3-4e4e-bf1a-ff4b914bb6ec', label: 'Cricket' },
  buggyFitness: { id: '4ad68772-7dc5-4635-8a0f-d4cd9c656c25', label: 'Buggy Fitness' },
  stretch: { id: '56be8d24-0c9b-438c-8679-192e5714daf9', label: 'Flexibility/Stretching' },
  meditation: { id: '0c2a1e6b-4b02-4b8a-ae6d-59f225ff5341', label: 'Meditation' },
  circuit: { id: 'd22d1d7d-8a2f-4e18-88c8-80abcbdded9d', label: 'Circuit Training' },
} as const;
export type OpenActiveKey = keyof typeof OPENACTIVE;

export type GroupSize = 'one_to_one' | 'small_group' | 'large_group';
export type Remote = 'online' | 'phone';
export type Booking = 'drop_in' | 'booking' | 'referral';

export interface Entry {
  /** Stable key: the service's UUID is derived from it, so never change a key once published. */
  key: string;
  name: string;
  /** 2 to 4 sentences of plain, warm English. */
  description: string;
  org: OrgKey;
  venue: VenueKey;
  categories: Category[];
  openActive?: OpenActiveKey[];
  /** "TU 10:00-12:00" weekly; "MO,WE 09:00-17:00" several days; "1TH 14:00-16:00" the first Thursday of the month. */
  when: string[];
  /** Undefined or 0: free. A number: pounds per session. */
  cost?: number;
  costNote?: string;
  size: GroupSize;
  /** Ways to take part without travelling, besides in person. */
  remote?: Remote[];
  /** Only by phone or online: the venue is the organisation's base, not somewhere to go. */
  remoteOnly?: boolean;
  /** Languages besides English (ISO 639 codes, "bfi" for British Sign Language). */
  languages?: string[];
  ages?: [number, number];
  booking?: Booking;
  status?: 'active' | 'inactive';
  /** ISO date; when omitted the generator picks a recent one from the seed. */
  assured?: string;
  alert?: string;
  eligibility?: string;
}

/** Hand-written services. */
const SERVICES: Entry[] = [
  // --- Loneliness, befriending, older people ---
  {
    key: 'friendship-cafe', name: 'Tuesday Friendship Café', org: 'ageWell', venue: 'communityCentre',
    categories: ['loneliness', 'older_people', 'food'], when: ['TU 10:00-12:00'], cost: 1.5, costNote: 'per visit, includes tea, coffee and cake',
    size: 'large_group', booking: 'drop_in',
    description: 'A relaxed morning café where you can sit with others, chat and enjoy a cuppa and a slice of cake. Volunteers greet everyone at the door, so you will not be left on your own. Come once, come every week: there is no need to book.',
  },
  {
    key: 'telephone-befriending', name: 'Telephone Befriending', org: 'ageWell', venue: 'communityCentre',
    categories: ['befriending', 'loneliness', 'older_people', 'transport_barrier', 'anxiety_in_groups'], when: ['MO,TU,WE,TH,FR 10:00-16:00'],
    size: 'one_to_one', remote: ['phone'], remoteOnly: true, booking: 'referral',
    description: 'A friendly volunteer rings you at the same time each week for a chat about whatever you like. It suits people who find it hard to get out or who would rather not join a group. You can refer yourself, or someone can refer you with your permission.',
  },
  {
    key: 'home-befriending', name: 'Home Visiting Befriends', org: 'ageWell', venue: 'communityCentre',
    categories: ['befriending', 'loneliness', 'older_people', 'disability_access', 'transport_barrier'], when: ['MO,TU,WE,TH,FR 09:00-17:00'],
    size: 'one_to_one', booking: 'referral', eligibility: 'Aged 60 or over, living in Kestleford or the villages.',
    description: 'A checked and trained volunteer visits you at home for an hour or so each week. You might chat over a cup of tea, play cards or go for a short walk together. Matches are made with care, thinking about shared interests.',
  },
  {
    key: 'lunch-club-st-aldhelms', name: "St Aldhelm's Thursday Lunch Club", org: 'churches', venue: 'stAldhelms',
    categories: ['loneliness', 'older_people', 'food', 'faith_community'], when: ['TH 12:00-14:00'], cost: 5, costNote: 'two-course hot lunch',
    size: 'large_group', booking: 'booking',
    description: 'A hot two-course lunch cooked by volunteers, served at tables of six so conversation comes easily. Everyone is welcome, whatever their faith. Please ring by Tuesday so we know how many to cook for; transport can be arranged.',
  },
  {
    key: 'memory-cafe', name: 'Kestleford Memory Café', org: 'ageWell', venue: 'stAldhelms',
    categories: ['long_term_condition', 'carers_support', 'older_people', 'loneliness'], when: ['2WE 14:00-16:00'],
    size: 'large_group', booking: 'drop_in',
    description: 'A warm, unhurried afternoon for people living with memory loss or dementia and the people who care for them. There is music, reminiscence, tea and a chance to talk with others who understand. Staff can answer questions quietly on the side.',
  },
  {
    key: 'chatty-bench', name: 'Chatty Bench Mornings', org: 'villages', venue: 'riversidePark',
    categories: ['loneliness', 'walking', 'gardening_nature'], when: ['SA 10:00-11:30'],
    size: 'small_group', booking: 'drop_in',
    description: 'Look for the blue bench by the bandstand on Saturday mornings, where a volunteer is happy to sit and talk. You can stay for five minutes or an hour, and join a gentle stroll around the pond if you fancy it. Free and no need to sign up.',
  },
  {
    key: 'men-shed', name: 'Kestleford Shed', org: 'menShed', venue: 'menShed',
    categories: ['loneliness', 'arts_crafts', 'volunteering', 'mental_wellbeing', 'older_people'], when: ['WE 09:30-13:00', 'SA 10:00-13:00'], cost: 2, costNote: 'per session towards materials',
    size: 'small_group', booking: 'drop_in',
    description: 'A workshop where people of any gender come to make, mend and chat, from bird boxes to benches for the park. No skills are needed; others are glad to show you. Many people say it is the shoulder-to-shoulder company they value most.',
  },
  {
    key: 'good-neighbours', name: 'Good Neighbours Scheme', org: 'villages', venue: 'oxleyHall',
    categories: ['befriending', 'older_people', 'transport_barrier', 'volunteering'], when: ['MO,TU,WE,TH,FR 09:00-17:00'],
    size: 'one_to_one', remote: ['phone'], booking: 'booking',
    description: 'Volunteers in Oxley Wold, Tarrow End and Little Hemby help neighbours with small jobs, lifts to appointments and a friendly visit. Ring the coordinator and they will find someone nearby. You can also join as a volunteer.',
  },
  {
    key: 'online-coffee', name: 'Online Coffee Morning', org: 'ageWell', venue: 'communityCentre',
    categories: ['loneliness', 'older_people', 'transport_barrier', 'digital_skills'], when: ['FR 10:30-11:30'],
    size: 'small_group', remote: ['online', 'phone'], remoteOnly: true, booking: 'booking',
    description: 'A small, friendly chat on Zoom each Friday with a host who makes sure everyone gets a turn. You can join by video or dial in from an ordinary phone. If you have never used Zoom, a volunteer will talk you through it beforehand.',
  },
  {
    key: 'silver-line-style-circle', name: 'Phone Friendship Circle', org: 'ageWell', venue: 'communityCentre',
    categories: ['loneliness', 'befriending', 'older_people', 'transport_barrier', 'anxiety_in_groups'], when: ['WE 15:00-16:00'],
    size: 'small_group', remote: ['phone'], remoteOnly: true, booking: 'booking',
    description: 'Up to six people join a free group phone call each Wednesday, with the same faces (or voices) each week. Topics range from old films to what is growing in the garden. The call is free to join from a landline or mobile.',
  },
  {
    key: 'sunday-lunch-fennick', name: 'Fennick Sunday Lunch', org: 'villages', venue: 'fennickHall',
    categories: ['loneliness', 'food', 'older_people'], when: ['4SU 12:30-14:30'], cost: 6, costNote: 'roast and pudding',
    size: 'large_group', booking: 'booking',
    description: 'A proper Sunday roast in the village hall on the last Sunday of the month, for anyone who misses eating with company at the weekend. Volunteers can collect you from Fennick and Saltmoor. Vegetarian options are always available.',
  },
  {
    key: 'evening-supper-club', name: 'Thursday Supper Club', org: 'larder', venue: 'larder',
    categories: ['loneliness', 'food', 'cost_barrier'], when: ['TH 18:00-20:00'], costNote: 'pay what you can, nothing if you cannot',
    size: 'large_group', booking: 'drop_in',
    description: 'A shared evening meal made from surplus food, for anyone who would like company at the end of the day. Pay what you can, or nothing at all. It is especially popular with people who work in the day or live on their own.',
  },

  {
    key: 'peer-befriending', name: 'Side by Side Peer Befriending', org: 'minds', venue: 'communityCentre',
    categories: ['befriending', 'mental_wellbeing', 'anxiety_in_groups', 'loneliness'], when: ['MO,TU,WE,TH,FR 10:00-18:00'],
    size: 'one_to_one', remote: ['phone'], booking: 'referral',
    description: 'A volunteer who has their own experience of mental health problems meets you for a coffee or a walk once a week for up to six months. Together you might try a new group, or simply build up confidence to get out again. Free.',
  },
  {
    key: 'family-befriending', name: 'Family Friends Home Visiting', org: 'families', venue: 'familyHub',
    categories: ['befriending', 'parenting', 'loneliness', 'mental_wellbeing'], when: ['MO,TU,WE,TH,FR 09:00-17:00'],
    size: 'one_to_one', booking: 'referral',
    description: 'A trained volunteer parent visits your home for a couple of hours each week to offer a listening ear and practical help with young children. It is for any family finding things tough, such as after a new baby, a move or a bereavement. Free and confidential.',
  },
  {
    key: 'polish-befriending', name: 'Przyjaciel: Polish Befriending', org: 'polish', venue: 'polishClub',
    categories: ['befriending', 'ethnic_community', 'older_people', 'loneliness'], when: ['MO,WE,FR 10:00-16:00'],
    size: 'one_to_one', remote: ['phone'], booking: 'booking', languages: ['pl'],
    description: 'Volunteers visit or phone older Polish speakers who live alone, for a chat in their own language. They can also help with letters and appointments. Free.',
  },

  // --- Physical activity ---
  {
    key: 'chair-exercise-community-centre', name: 'Seated Strength and Stretch', org: 'ageWell', venue: 'communityCentre',
    categories: ['physical_activity', 'older_people', 'long_term_condition', 'disability_access'], openActive: ['chair', 'stretch'], when: ['MO 10:30-11:30'], cost: 3,
    size: 'small_group', booking: 'drop_in',
    description: 'A gentle exercise class done sitting down or holding the back of a chair, led by a qualified instructor. It helps with strength, balance and getting up more easily. There is tea and a chat afterwards.',
  },
  {
    key: 'steady-steps', name: 'Steady Steps Falls Prevention', org: 'pcn', venue: 'medicalCentre',
    categories: ['physical_activity', 'older_people', 'long_term_condition'], openActive: ['falls'], when: ['WE 14:00-15:00'],
    size: 'small_group', booking: 'referral', eligibility: 'For people who have had a fall or feel unsteady; ask your GP practice or link worker.',
    description: 'A 12-week course of strength and balance exercises for people who have had a fall or are worried about falling. Groups are small, with a physiotherapist on hand. Most people notice they feel steadier and more confident by the end.',
  },
  {
    key: 'walking-football', name: 'Walking Football', org: 'leisure', venue: 'leisureCentre',
    categories: ['physical_activity', 'older_people', 'loneliness'], openActive: ['walkingFootball'], when: ['TU 19:00-20:00'], cost: 3.5,
    size: 'large_group', booking: 'drop_in', ages: [50, 99],
    description: 'Football at walking pace, with no running and no tackling, for men and women over 50. It is more about the laughs than the score. Bring trainers and water; bibs and balls are provided.',
  },
  {
    key: 'walking-netball', name: 'Walking Netball', org: 'leisure', venue: 'leisureCentre',
    categories: ['physical_activity', 'older_people'], openActive: ['walkingNetball'], when: ['TH 10:00-11:00'], cost: 3.5,
    size: 'small_group', booking: 'drop_in',
    description: 'Netball at a gentle pace for anyone who played at school or fancies trying. Every session starts with a warm-up and finishes with a cuppa in the café. Beginners are very welcome.',
  },
  {
    key: 'aqua-gentle', name: 'Gentle Aqua Aerobics', org: 'leisure', venue: 'leisureCentre',
    categories: ['physical_activity', 'long_term_condition', 'disability_access'], openActive: ['aquaAerobics'], when: ['WE 11:00-11:45', 'SA 08:30-09:15'], cost: 4.8, costNote: 'concessions £3.20',
    size: 'large_group', booking: 'drop_in',
    description: 'Music-led exercise in the warm shallow pool, which takes the strain off joints. It suits people with arthritis or back pain and those returning to exercise. A pool hoist and accessible changing are available.',
  },
  {
    key: 'quiet-swim', name: 'Quiet Swim', org: 'leisure', venue: 'leisureCentre',
    categories: ['physical_activity', 'anxiety_in_groups', 'disability_access'], openActive: ['swimming'], when: ['SU 08:00-09:00'], cost: 3.9,
    size: 'small_group', booking: 'booking',
    description: 'A calmer swim with no music, dimmed lights and a limited number of people in the pool. It was set up for autistic swimmers and anyone who finds busy, noisy sessions overwhelming. Lifeguards are briefed and patient.',
  },
  {
    key: 'tai-chi-library', name: 'Tai Chi for Health', org: 'learning', venue: 'library',
    categories: ['physical_activity', 'mental_wellbeing', 'long_term_condition', 'older_people'], openActive: ['taiChi'], when: ['FR 14:00-15:00'], cost: 4,
    size: 'small_group', booking: 'booking',
    description: 'Slow, flowing movements that help balance, breathing and calm. Movements can be done seated if you need to. A friendly group that has been meeting for years and is always pleased to see new faces.',
  },
  {
    key: 'yoga-gentle-evening', name: 'Gentle Yoga Evenings', org: 'minds', venue: 'cornExchange',
    categories: ['physical_activity', 'mental_wellbeing'], openActive: ['yoga'], when: ['MO 19:00-20:15'], cost: 7, costNote: '£4 concessions',
    size: 'small_group', booking: 'booking',
    description: 'An unhurried yoga class in the upstairs studio, focusing on stretching, breathing and rest. No flexibility needed and no fancy clothes. Mats are provided.',
  },
  {
    key: 'yoga-online', name: 'Yoga at Home (online)', org: 'minds', venue: 'cornExchange',
    categories: ['physical_activity', 'mental_wellbeing', 'transport_barrier', 'anxiety_in_groups'], openActive: ['yoga'], when: ['TH 09:30-10:15'],
    size: 'large_group', remote: ['online'], remoteOnly: true, booking: 'booking',
    description: 'A free 45-minute gentle yoga class on Zoom that you can join with your camera off. It is ideal if getting out is hard or you would feel self-conscious in a room. A recording is sent out afterwards too.',
  },
  {
    key: 'pilates-oxley', name: 'Pilates in the Village', org: 'villages', venue: 'oxleyHall',
    categories: ['physical_activity'], openActive: ['pilates'], when: ['TU 18:30-19:30'], cost: 6,
    size: 'small_group', booking: 'booking',
    description: 'A mixed-ability Pilates class for core strength, posture and easing stiff backs. The teacher offers easier and harder options for every move. Bring a mat if you have one.',
  },
  {
    key: 'bowls-taster', name: 'Bowls Club Open Afternoons', org: 'leisure', venue: 'hembyPavilion',
    categories: ['physical_activity', 'older_people', 'loneliness'], openActive: ['bowls'], when: ['SA 14:00-16:00'],
    size: 'large_group', booking: 'drop_in',
    description: 'Little Hemby Bowls Club invites newcomers to try bowls on the green every Saturday afternoon in summer. Flat shoes and woods are lent for free. Members are glad to teach and there is always tea in the pavilion.',
  },
  {
    key: 'table-tennis-social', name: 'Social Table Tennis', org: 'leisure', venue: 'communityCentre',
    categories: ['physical_activity', 'loneliness', 'long_term_condition'], openActive: ['tableTennis'], when: ['FR 13:30-15:30'], cost: 2,
    size: 'small_group', booking: 'drop_in',
    description: 'Friendly ping-pong for all abilities, including people with Parkinson\'s, who say it helps with coordination. Tables, bats and balls are provided. Play a little, chat a lot.',
  },
  {
    key: 'pickleball', name: 'Pickleball for Beginners', org: 'leisure', venue: 'leisureCentre',
    categories: ['physical_activity'], openActive: ['pickleball'], when: ['SU 15:00-16:30'], cost: 4,
    size: 'large_group', booking: 'drop_in',
    description: 'A fun, easy-to-learn racket game on a small court, a bit like tennis and table tennis combined. Coaches get you playing in minutes. Equipment is provided.',
  },
  {
    key: 'couch-run', name: 'Couch to 5K Group', org: 'leisure', venue: 'riversidePark',
    categories: ['physical_activity', 'mental_wellbeing'], openActive: ['running'], when: ['WE 18:30-19:30', 'SA 09:00-10:00'],
    size: 'large_group', booking: 'drop_in',
    description: 'A nine-week plan that takes you from walking to running 5 kilometres, in a supportive group where nobody is left behind. Run leaders go at the pace of the slowest person. Free, and no kit needed beyond comfortable trainers.',
  },
  {
    key: 'cycling-social', name: 'Slow Spokes Bike Rides', org: 'green', venue: 'riversidePark',
    categories: ['physical_activity', 'gardening_nature', 'loneliness'], openActive: ['cycling'], when: ['SU 10:00-12:00'],
    size: 'small_group', booking: 'drop_in',
    description: 'Relaxed rides on quiet lanes and the old railway path, stopping for coffee halfway. Routes are flat and about 10 miles. Bikes, including an e-bike and a trike, can be borrowed if you book.',
  },
  {
    key: 'boccia', name: 'Inclusive Boccia', org: 'access', venue: 'communityCentre',
    categories: ['physical_activity', 'disability_access', 'loneliness'], openActive: ['boccia'], when: ['TH 14:00-15:30'], cost: 1,
    size: 'small_group', booking: 'drop_in',
    description: 'A seated ball game played by wheelchair users and walkers side by side, with ramps for anyone who needs them. It is tactical, gentle and surprisingly competitive. Carers are welcome to join in.',
  },
  {
    key: 'wheelchair-dance', name: 'Wheels and Heels Dance', org: 'access', venue: 'communityCentre',
    categories: ['physical_activity', 'disability_access', 'music_singing'], openActive: ['wheelchairDance', 'dance'], when: ['MO 18:00-19:00'], cost: 3,
    size: 'small_group', booking: 'drop_in',
    description: 'A dance group for wheelchair users and standing dancers together, moving to everything from Motown to musicals. No partner needed. The hall is step-free with accessible toilets and parking.',
  },
  {
    key: 'tea-dance', name: 'Corn Exchange Tea Dance', org: 'arts', venue: 'cornExchange',
    categories: ['physical_activity', 'music_singing', 'older_people', 'loneliness'], openActive: ['teaDance'], when: ['1SU 14:00-16:30'], cost: 5, costNote: 'includes tea and cake',
    size: 'large_group', booking: 'drop_in',
    description: 'A monthly afternoon of waltzes, quicksteps and sequence dances with a live pianist. Come on your own: dance hosts make sure nobody sits out unless they want to. Please note the studio is upstairs with no lift.',
  },
  {
    key: 'line-dancing-saltmoor', name: 'Saltmoor Line Dancing', org: 'villages', venue: 'saltmoorChapel',
    categories: ['physical_activity', 'music_singing'], openActive: ['lineDancing'], when: ['WE 19:30-21:00'], cost: 4,
    size: 'large_group', booking: 'drop_in', assured: '2022-05-10',
    description: 'Line dancing for beginners and improvers, with plenty of laughs and patient teaching. You do not need a partner or boots. The schoolroom is up some steps.',
  },
  {
    key: 'bhangra-fitness', name: 'Bhangra Fitness for Women', org: 'saheli', venue: 'gurdwara',
    categories: ['physical_activity', 'ethnic_community', 'music_singing'], openActive: ['bhangra'], when: ['SA 11:00-12:00'], cost: 2,
    size: 'large_group', booking: 'drop_in', languages: ['pa', 'ur'],
    description: 'An upbeat women-only dance workout to bhangra and Bollywood music, taught in Punjabi and English. Any fitness level is fine and you can go at your own pace. Daughters aged 12 and over can come too.',
  },
  {
    key: 'boxing-youth', name: 'Box Clever Youth Boxing', org: 'youth', venue: 'theLoft',
    categories: ['physical_activity', 'young_people', 'mental_wellbeing'], openActive: ['boxing'], when: ['TU 17:30-18:30', 'TH 17:30-18:30'],
    size: 'large_group', booking: 'drop_in', ages: [11, 18],
    description: 'Non-contact boxing fitness for young people, with pads, skipping and plenty of encouragement. Coaches are also youth workers, so it is a good place to talk if things are hard. Free, with a snack afterwards.',
  },
  {
    key: 'climbing-youth', name: 'Climb Higher', org: 'youth', venue: 'leisureCentre',
    categories: ['physical_activity', 'young_people', 'anxiety_in_groups'], openActive: ['climbing'], when: ['FR 17:00-18:30'], cost: 2,
    size: 'small_group', booking: 'booking', ages: [11, 19],
    description: 'Indoor climbing sessions for small groups of young people, led by youth workers who know it can feel daunting at first. Shoes and harnesses are provided. Climbing is a great confidence-builder.',
  },
  {
    key: 'skate-session', name: 'Skate Park Sessions', org: 'youth', venue: 'riversidePark',
    categories: ['physical_activity', 'young_people'], openActive: ['skateboarding'], when: ['SA 13:00-16:00'],
    size: 'large_group', booking: 'drop_in', ages: [8, 18],
    description: 'Free coached sessions at the riverside skate park, with boards and helmets to borrow. Beginners get their own corner. Youth workers are around for a chat too.',
  },
  {
    key: 'buggy-fit', name: 'Buggy Walk and Workout', org: 'families', venue: 'riversidePark',
    categories: ['physical_activity', 'parenting', 'walking', 'loneliness'], openActive: ['buggyFitness'], when: ['WE 10:00-11:00'],
    size: 'small_group', booking: 'drop_in',
    description: 'A brisk walk and simple exercises with your baby in the buggy, finishing with a chat at the park café. A good way to meet other new parents. Free, and fine to feed or change your baby whenever you need.',
  },
  {
    key: 'cricket-hemby', name: 'Softball Cricket Evenings', org: 'leisure', venue: 'hembyPavilion',
    categories: ['physical_activity', 'ethnic_community', 'loneliness'], openActive: ['cricket'], when: ['FR 18:00-20:00'], cost: 2,
    size: 'large_group', booking: 'drop_in', languages: ['ur', 'pa'],
    description: 'Friendly, mixed-ability cricket with a soft ball, played in summer on the village pitch. Lots of players first played back in Pakistan, India or Bangladesh and are happy to explain the rules in Urdu or Punjabi. All ages over 14.',
  },
  {
    key: 'circuits-parents', name: 'Circuits While They Play', org: 'families', venue: 'familyHub',
    categories: ['physical_activity', 'parenting'], openActive: ['circuit'], when: ['FR 09:30-10:15'], cost: 2.5,
    size: 'small_group', booking: 'booking',
    description: 'A short circuits class for parents while staff run a crèche in the next room. Every exercise has a gentler option. A welcome bit of time for yourself.',
  },
  {
    key: 'badminton-social', name: 'Badminton Social Club', org: 'leisure', venue: 'leisureCentre',
    categories: ['physical_activity', 'loneliness'], openActive: ['badminton'], when: ['MO 20:00-21:30'], cost: 5,
    size: 'large_group', booking: 'drop_in', status: 'inactive', assured: '2023-02-01', alert: 'Paused while the sports hall floor is replaced.',
    description: 'Friendly doubles for improvers and returners, mixing partners every game so you meet everyone. Rackets can be borrowed. A drink in the café afterwards is traditional.',
  },

  // --- Walking ---
  {
    key: 'health-walk-riverside', name: 'Riverside Health Walk', org: 'pcn', venue: 'riversidePark',
    categories: ['walking', 'physical_activity', 'loneliness', 'long_term_condition'], openActive: ['walking'], when: ['TU 10:00-11:00'],
    size: 'large_group', booking: 'drop_in',
    description: 'A free, flat, one-hour walk along the river with trained walk leaders at the front and back. You can go at your own pace and turn back whenever you like. Many people stay for a drink at the park café afterwards.',
  },
  {
    key: 'short-stroll', name: 'Short and Slow Stroll', org: 'ageWell', venue: 'communityCentre',
    categories: ['walking', 'older_people', 'physical_activity', 'disability_access'], openActive: ['walking'], when: ['TH 11:00-11:45'],
    size: 'small_group', booking: 'drop_in',
    description: 'A 30-minute walk on level pavements with benches along the way, for people who use a stick, a frame or a wheelchair, or who are building up after illness. Nobody is ever rushed. Back at the centre for tea.',
  },
  {
    key: 'nordic-walking', name: 'Nordic Walking Group', org: 'green', venue: 'riversidePark',
    categories: ['walking', 'physical_activity', 'gardening_nature'], openActive: ['nordicWalking'], when: ['SA 09:30-11:00'], cost: 3, costNote: 'first four weeks of poles free to borrow',
    size: 'small_group', booking: 'booking',
    description: 'Walking with poles, which works your upper body too and helps with balance. Instructors teach the technique over four weeks, then you join the regular group. Routes go out along the river and up to Windmill Hill.',
  },
  {
    key: 'wold-ramble', name: 'Oxley Wold Sunday Rambles', org: 'villages', venue: 'oxleyHall',
    categories: ['walking', 'gardening_nature', 'loneliness'], openActive: ['hiking'], when: ['2SU 10:00-14:00'],
    size: 'large_group', booking: 'drop_in',
    description: 'A monthly five- to seven-mile ramble over the Wolds with a pub or picnic lunch. Routes include stiles and some hills, so good boots are a must. A lovely way to get to know the countryside and your neighbours.',
  },
  {
    key: 'woodland-mindful-walk', name: 'Mindful Woodland Walk', org: 'minds', venue: 'fennickWoods',
    categories: ['walking', 'mental_wellbeing', 'gardening_nature', 'anxiety_in_groups'], openActive: ['walking', 'meditation'], when: ['WE 10:30-12:00'],
    size: 'small_group', booking: 'booking',
    description: 'A slow walk in Fennick Woods for up to eight people, with pauses to notice the sounds, smells and sights around you. Talking is optional, so it suits people who find groups hard. Paths can be muddy.',
  },
  {
    key: 'walk-and-talk-men', name: 'Walk and Talk', org: 'minds', venue: 'riversidePark',
    categories: ['walking', 'mental_wellbeing', 'loneliness'], openActive: ['walking'], when: ['SU 09:00-10:00'],
    size: 'small_group', booking: 'drop_in',
    description: 'An early Sunday walk where it is fine to talk about how things really are, or just about football. Two of the walk leaders have been through tough times themselves. No pressure and no judgement.',
  },
  {
    key: 'dog-walk-volunteer', name: 'Borrow a Dog Walks', org: 'volunteers', venue: 'riversidePark',
    categories: ['walking', 'volunteering', 'loneliness'], when: ['MO 14:00-15:00', 'TH 14:00-15:00'],
    size: 'one_to_one', booking: 'booking',
    description: 'Walk the dog of an older or unwell neighbour who cannot manage it any more. You get exercise, company and a grateful dog; they get peace of mind. We do the introductions and checks.',
  },

  // --- Gardening and nature ---
  {
    key: 'orchard-garden', name: 'Orchard Street Garden Days', org: 'green', venue: 'orchardGarden',
    categories: ['gardening_nature', 'volunteering', 'mental_wellbeing', 'disability_access'], openActive: ['gardening'], when: ['TU 10:00-13:00', 'SA 10:00-13:00'],
    size: 'small_group', booking: 'drop_in',
    description: 'Help grow vegetables, herbs and flowers in a step-free garden with raised beds at wheelchair height. There are jobs for every ability, from sowing seeds to simply enjoying the sunshine. Tools, gloves and tea are provided.',
  },
  {
    key: 'allotment-therapy', name: 'Growing Well at Mill Lane', org: 'minds', venue: 'millLaneAllotments',
    categories: ['gardening_nature', 'mental_wellbeing', 'anxiety_in_groups'], openActive: ['gardening'], when: ['WE 13:00-16:00'],
    size: 'small_group', booking: 'referral',
    description: 'A small gardening group on a shared allotment for people living with anxiety, low mood or stress. Staff have mental health training, and you can work quietly on your own patch. Paths are grass and uneven.',
  },
  {
    key: 'conservation-volunteers', name: 'Green Gym Conservation Days', org: 'green', venue: 'fennickWoods',
    categories: ['gardening_nature', 'volunteering', 'physical_activity'], openActive: ['gardening'], when: ['TH 09:30-14:30'],
    size: 'large_group', booking: 'drop_in',
    description: 'Coppicing, hedge-laying, path repair and tree planting in local woods and meadows. It is a workout with a purpose and a good crowd. Tools and training are provided; bring lunch.',
  },
  {
    key: 'bird-club', name: 'Beginners Bird Club', org: 'green', venue: 'library',
    categories: ['gardening_nature', 'learning', 'loneliness'], when: ['3TU 19:00-20:30'], cost: 2,
    size: 'small_group', booking: 'drop_in',
    description: 'A talk or film on local birds one month, a slow walk to spot them the next. Binoculars can be borrowed. Curiosity is the only requirement.',
  },
  {
    key: 'wildflower-meadow', name: 'Meadow Makers', org: 'villages', venue: 'coldAshwellHall',
    categories: ['gardening_nature', 'volunteering', 'older_people'], openActive: ['gardening'], when: ['1SA 10:00-13:00'],
    size: 'small_group', booking: 'drop_in', assured: '2022-11-03',
    description: 'Help turn the Cold Ashwell churchyard and verges into wildflower meadows, with seed collecting, planting and counting bees. Jobs can be done sitting or standing. Soup and bread at lunchtime.',
  },

  // --- Arts and crafts ---
  {
    key: 'knit-natter', name: 'Knit and Natter', org: 'library', venue: 'library',
    categories: ['arts_crafts', 'loneliness', 'older_people'], when: ['WE 10:00-12:00'],
    size: 'small_group', booking: 'drop_in',
    description: 'Bring your knitting, crochet or any craft and chat around the library\'s big table. Beginners are taught with spare needles and wool. Some of the group knit blankets for the hospital baby unit.',
  },
  {
    key: 'art-for-wellbeing', name: 'Art for Wellbeing', org: 'arts', venue: 'communityCentre',
    categories: ['arts_crafts', 'mental_wellbeing', 'anxiety_in_groups'], when: ['TH 13:30-15:30'],
    size: 'small_group', booking: 'referral',
    description: 'A small, gentle art group led by an artist, for people going through a hard time. It is about the calm of making, not about being good at art. All materials provided, and it is fine to simply watch the first time.',
  },
  {
    key: 'pottery-evening', name: 'Pottery Evenings', org: 'arts', venue: 'cornExchange',
    categories: ['arts_crafts', 'learning'], when: ['WE 19:00-21:00'], cost: 12, costNote: 'includes clay and firing',
    size: 'small_group', booking: 'booking',
    description: 'Learn hand-building and the wheel in a friendly studio, with a maximum of eight people. Make mugs, bowls and whatever takes your fancy. The studio is upstairs.',
  },
  {
    key: 'repair-cafe', name: 'Repair Café', org: 'volunteers', venue: 'methodist',
    categories: ['arts_crafts', 'volunteering', 'cost_barrier', 'loneliness'], when: ['1SA 10:00-13:00'],
    size: 'large_group', booking: 'drop_in',
    description: 'Bring broken lamps, clothes, bikes and toasters and fix them with help from volunteer menders. Free, with tea and cake while you wait. Menders are always needed too.',
  },
  {
    key: 'sewing-bee', name: 'Sewing Bee', org: 'welcome', venue: 'communityCentre',
    categories: ['arts_crafts', 'ethnic_community', 'loneliness'], when: ['MO 13:00-15:00'],
    size: 'small_group', booking: 'drop_in', languages: ['ar', 'uk'],
    description: 'A sewing group where women new to Kestleford and local women make clothes, bags and quilts together. Machines and fabric are provided. Volunteers speak Arabic and Ukrainian, and the sewing speaks for itself.',
  },
  {
    key: 'photo-walks', name: 'Phone Photography Walks', org: 'arts', venue: 'library',
    categories: ['arts_crafts', 'walking', 'digital_skills'], when: ['2SA 10:30-12:30'],
    size: 'small_group', booking: 'booking',
    description: 'Learn to take better photos with the phone you already have, on a slow wander round the town. Afterwards we share pictures over coffee. Free; bring a charged phone.',
  },
  {
    key: 'creative-writing', name: 'Write Here Writing Group', org: 'library', venue: 'library',
    categories: ['arts_crafts', 'learning', 'mental_wellbeing'], when: ['2TH 18:30-20:00'],
    size: 'small_group', booking: 'drop_in',
    description: 'A monthly group for anyone who enjoys writing stories, poems or memories. There are prompts to get you started and you only read aloud if you want to. Tea provided.',
  },
  {
    key: 'craft-online', name: 'Crafty Calls (online)', org: 'arts', venue: 'cornExchange',
    categories: ['arts_crafts', 'transport_barrier', 'loneliness', 'disability_access'], when: ['TU 14:00-15:30'],
    size: 'small_group', remote: ['online'], remoteOnly: true, booking: 'booking',
    description: 'A craft session on Zoom for people who cannot easily get out. A free kit is posted to you before each project. Chat, make and show each other what you have done.',
  },

  // --- Music and singing ---
  {
    key: 'community-choir', name: 'Kestleford Community Choir', org: 'music', venue: 'stAldhelms',
    categories: ['music_singing', 'loneliness'], when: ['TU 19:30-21:00'], cost: 4,
    size: 'large_group', booking: 'drop_in',
    description: 'A big, friendly choir singing pop, folk and gospel, with no auditions and no need to read music. Everyone learns the parts by ear. Singing together is a wonderful lift at the end of the day.',
  },
  {
    key: 'singing-for-breathing', name: 'Singing for Lung Health', org: 'pcn', venue: 'medicalCentre',
    categories: ['music_singing', 'long_term_condition', 'older_people'], when: ['MO 14:00-15:00'],
    size: 'small_group', booking: 'drop_in',
    description: 'Singing and breathing exercises for people with COPD, asthma or long COVID. Led by a trained singing-for-health practitioner. Many people find their breathlessness easier to manage.',
  },
  {
    key: 'ukulele', name: 'Ukulele Beginners', org: 'music', venue: 'library',
    categories: ['music_singing', 'learning'], when: ['SA 11:00-12:00'], cost: 2,
    size: 'small_group', booking: 'drop_in',
    description: 'Learn three chords and play a song in your first session. Ukuleles are lent for free. A cheerful, no-pressure group.',
  },
  {
    key: 'singing-dementia', name: 'Singing Memories', org: 'ageWell', venue: 'oxleyHall',
    categories: ['music_singing', 'long_term_condition', 'carers_support', 'older_people'], when: ['1FR 14:00-15:30'],
    size: 'large_group', booking: 'drop_in',
    description: 'Well-loved songs for people living with dementia and their families or carers. Song sheets are printed large. Tea and biscuits afterwards.',
  },
  {
    key: 'welsh-choir', name: 'Côr Cymraeg Kestleford', org: 'welsh', venue: 'methodist',
    categories: ['music_singing', 'ethnic_community', 'loneliness'], when: ['TH 19:30-21:00'], cost: 3,
    size: 'large_group', booking: 'drop_in', languages: ['cy'],
    description: 'A Welsh choir singing hymns, folk songs and a few pop songs in Welsh and English. Learners of Welsh are very welcome and words are given with pronunciation. Croeso i bawb: everyone is welcome.',
  },
  {
    key: 'open-mic-youth', name: 'Loft Sessions Open Mic', org: 'youth', venue: 'theLoft',
    categories: ['music_singing', 'young_people', 'arts_crafts'], when: ['1FR 18:30-21:00'],
    size: 'large_group', booking: 'drop_in', ages: [13, 25],
    description: 'A monthly open mic for young musicians, poets and comedians, with a friendly crowd and a proper sound system. You can also just come and listen. Soft drinks and pizza provided.',
  },
  {
    key: 'band-rehearsal', name: 'Rock School Band Nights', org: 'youth', venue: 'theLoft',
    categories: ['music_singing', 'young_people', 'learning'], when: ['WE 18:00-20:00'], cost: 1,
    size: 'small_group', booking: 'booking', ages: [11, 19],
    description: 'Form a band, learn an instrument and record in the Loft\'s studio with a music mentor. Instruments are provided. No experience needed.',
  },

  // --- Learning and digital ---
  {
    key: 'english-conversation', name: 'English Conversation Club', org: 'welcome', venue: 'library',
    categories: ['learning', 'ethnic_community', 'loneliness'], when: ['TU 13:30-15:00', 'SA 10:00-11:30'],
    size: 'large_group', booking: 'drop_in', languages: ['ar', 'uk', 'pl', 'ur'],
    description: 'Practise everyday English in small tables with friendly volunteers. We talk about shopping, doctors, schools and life in Kestleford. Free, with tea and biscuits, and children can come on Saturdays.',
  },
  {
    key: 'welsh-learners', name: 'Welsh for Beginners', org: 'welsh', venue: 'library',
    categories: ['learning', 'ethnic_community'], when: ['MO 18:30-20:00'], cost: 3,
    size: 'small_group', remote: ['online'], booking: 'booking', languages: ['cy'],
    description: 'A relaxed class for people starting to learn Welsh, or getting it back after many years. You can join in the library or online. Paned a sgwrs (a cuppa and a chat) in Welsh after each class.',
  },
  {
    key: 'local-history', name: 'Kestleford Local History Society', org: 'library', venue: 'library',
    categories: ['learning', 'older_people', 'loneliness'], when: ['3WE 19:00-21:00'], cost: 2.5,
    size: 'large_group', booking: 'drop_in',
    description: 'Monthly talks on the town\'s past, from the wool trade to the railway, plus visits in summer. Members share photos and memories. Visitors are welcome to try a meeting.',
  },
  {
    key: 'adult-maths', name: 'Everyday Maths for Adults', org: 'learning', venue: 'collegeAnnexe',
    categories: ['learning', 'employment', 'money_debt'], when: ['TH 10:00-12:00'],
    size: 'small_group', booking: 'booking', ages: [19, 99],
    description: 'A free course for adults who want more confidence with numbers, from budgeting to helping children with homework. Patient tutors and no exams unless you want one. Small classes.',
  },
  {
    key: 'cookery-course', name: 'Cook Well on a Budget', org: 'larder', venue: 'larder',
    categories: ['learning', 'food', 'cost_barrier', 'money_debt'], when: ['MO 18:00-20:00'],
    size: 'small_group', booking: 'booking',
    description: 'A six-week cookery course making tasty, cheap meals from simple ingredients. You eat what you make and take a bag of ingredients home. Free for anyone on a low income.',
  },
  {
    key: 'u3a-style', name: 'Curious Minds Learning Groups', org: 'learning', venue: 'communityCentre',
    categories: ['learning', 'older_people', 'loneliness'], when: ['MO 14:00-16:00', 'WE 14:00-16:00'], cost: 2,
    size: 'small_group', booking: 'drop_in',
    description: 'Retired and semi-retired people share what they know in small groups: languages, philosophy, geology, bridge. Nobody is an expert; everyone is curious. Join one group or several.',
  },
  {
    key: 'tech-help-library', name: 'Tech Help Drop-in', org: 'library', venue: 'library',
    categories: ['digital_skills', 'older_people', 'learning'], when: ['TH 14:00-16:00'],
    size: 'one_to_one', booking: 'drop_in',
    description: 'Bring your phone, tablet or laptop and a volunteer will sit with you to sort out what is puzzling you, from video calls to online shopping. Patient help at your pace. Free.',
  },
  {
    key: 'device-lending', name: 'Get Online: Tablet Loans', org: 'library', venue: 'library',
    categories: ['digital_skills', 'cost_barrier', 'transport_barrier', 'older_people'], when: ['MO,TU,WE,TH,FR 09:30-17:00'],
    size: 'one_to_one', remote: ['phone'], booking: 'booking',
    description: 'Borrow a tablet with free data for three months, with phone support and a volunteer to help you get started at home. It can open up video calls with family, online groups and repeat prescriptions. No cost to you.',
  },
  {
    key: 'digital-nhs', name: 'NHS App Help Sessions', org: 'pcn', venue: 'medicalCentre',
    categories: ['digital_skills', 'long_term_condition'], when: ['TU 14:00-16:00'],
    size: 'one_to_one', booking: 'booking',
    description: 'Half-hour appointments with a digital champion to set up and use the NHS App: ordering prescriptions, booking appointments and seeing test results. Bring your phone and photo ID.',
  },
  {
    key: 'cyber-safe', name: 'Staying Safe Online', org: 'library', venue: 'library',
    categories: ['digital_skills', 'older_people', 'learning'], when: ['2MO 10:30-12:00'],
    size: 'small_group', booking: 'booking', assured: '2021-09-20', status: 'inactive',
    description: 'A friendly talk and Q&A on spotting scam texts, emails and calls. You will go home with a checklist. Free.',
  },

  // --- Volunteering ---
  {
    key: 'volunteer-centre', name: 'Find Your Volunteering', org: 'volunteers', venue: 'communityCentre',
    categories: ['volunteering', 'employment', 'loneliness', 'mental_wellbeing'], when: ['TU 10:00-15:00', 'TH 10:00-15:00'],
    size: 'one_to_one', remote: ['phone', 'online'], booking: 'booking',
    description: 'Have a chat with an adviser about what you enjoy and how much time you have, and they will suggest local volunteering that fits. There is something for everyone, including roles you can do from home. A great way to meet people and gain experience.',
  },
  {
    key: 'larder-volunteers', name: 'Larder Volunteers', org: 'larder', venue: 'larder',
    categories: ['volunteering', 'food'], when: ['MO,WE,FR 09:00-13:00'],
    size: 'large_group', booking: 'booking',
    description: 'Help sort donations, pack food and welcome visitors at the Community Larder. Shifts are flexible and training is given. Lots of regulars say it is the best part of their week.',
  },
  {
    key: 'young-volunteers', name: 'Young Volunteers Team', org: 'youth', venue: 'theLoft',
    categories: ['volunteering', 'young_people', 'employment'], when: ['SA 10:00-13:00'],
    size: 'small_group', booking: 'booking', ages: [14, 25],
    description: 'Young people plan and run projects for the town, from litter picks to the youth festival. It counts towards awards and looks great on a CV. Snacks provided.',
  },
  {
    key: 'volunteer-drivers', name: 'Volunteer Drivers Wanted', org: 'transport', venue: 'communityCentre',
    categories: ['volunteering', 'transport_barrier', 'older_people'], when: ['MO,TU,WE,TH,FR 09:00-16:00'],
    size: 'one_to_one', remote: ['phone'], booking: 'booking',
    description: 'Use your car to take people to appointments, shops and groups, at times that suit you. Mileage is paid. Drivers say the conversations are as rewarding as the help.',
  },
  {
    key: 'heritage-volunteers', name: 'Corn Exchange Heritage Guides', org: 'arts', venue: 'cornExchange',
    categories: ['volunteering', 'learning', 'older_people'], when: ['SA 10:00-16:00'],
    size: 'small_group', booking: 'booking',
    description: 'Show visitors around the Old Corn Exchange and tell its stories. Training and a script are provided, and you choose your shifts. The building has stairs.',
  },

  // --- Bereavement ---
  {
    key: 'bereavement-cafe', name: 'Bereavement Café', org: 'bereavement', venue: 'stAldhelms',
    categories: ['bereavement', 'loneliness', 'mental_wellbeing'], when: ['1TU 14:00-16:00', '3TU 14:00-16:00'],
    size: 'large_group', booking: 'drop_in',
    description: 'A place to talk about the person you have lost, or simply sit with others who understand, over tea and cake. Trained volunteers are there to listen. However long ago it was, you are welcome.',
  },
  {
    key: 'bereavement-one-to-one', name: 'One-to-one Bereavement Support', org: 'bereavement', venue: 'communityCentre',
    categories: ['bereavement', 'mental_wellbeing', 'anxiety_in_groups'], when: ['MO,TU,WE,TH 09:30-17:00'],
    size: 'one_to_one', remote: ['phone', 'online'], booking: 'referral',
    description: 'Up to eight sessions with a trained bereavement volunteer, in person, by phone or by video. It is a private space to talk about your grief at your own pace. Free, with a short wait at busy times.',
  },
  {
    key: 'bereavement-walk', name: 'Walking Through Grief', org: 'bereavement', venue: 'riversidePark',
    categories: ['bereavement', 'walking', 'physical_activity'], openActive: ['walking'], when: ['SA 10:30-11:30'],
    size: 'small_group', booking: 'drop_in',
    description: 'A gentle walk with others who have lost someone. Walking side by side can make it easier to talk, or to be quiet together. Coffee afterwards for those who want it.',
  },
  {
    key: 'young-bereavement', name: 'Rainbow Group for Bereaved Young People', org: 'bereavement', venue: 'theLoft',
    categories: ['bereavement', 'young_people', 'mental_wellbeing'], when: ['2WE 17:00-18:30'],
    size: 'small_group', booking: 'referral', ages: [11, 18],
    description: 'A small group for young people who have had someone close die. Activities, art and talking with others who get it. Parents and carers can meet in the next room.',
  },
  {
    key: 'widowed-social', name: 'Moving On Social Group', org: 'bereavement', venue: 'fennickHall',
    categories: ['bereavement', 'loneliness', 'older_people'], when: ['3TH 12:00-14:30'], cost: 4, costNote: 'for lunch',
    size: 'large_group', booking: 'booking', assured: '2022-07-12',
    description: 'A friendly lunch and outings group for people who have been widowed, usually a year or more ago. It is less about grief and more about rebuilding a social life. Outings include garden visits and theatre trips.',
  },

  // --- Carers ---
  {
    key: 'carers-cafe', name: 'Carers\' Coffee Morning', org: 'carers', venue: 'communityCentre',
    categories: ['carers_support', 'loneliness', 'mental_wellbeing'], when: ['1WE 10:00-12:00', '3WE 10:00-12:00'],
    size: 'large_group', booking: 'drop_in',
    description: 'A relaxed break for anyone who looks after a relative or friend. Meet other carers, get information about breaks and support, or just have a cup of coffee in peace. You can bring the person you care for if that is easier.',
  },
  {
    key: 'carers-assessment-help', name: 'Carers\' Advice Line', org: 'carers', venue: 'communityCentre',
    categories: ['carers_support', 'money_debt', 'transport_barrier'], when: ['MO,TU,WE,TH,FR 09:00-17:00'],
    size: 'one_to_one', remote: ['phone', 'online'], remoteOnly: true, booking: 'drop_in',
    description: 'Advice by phone or video for unpaid carers: Carer\'s Allowance, carer\'s assessments, breaks and what to do in an emergency. Call when you can; we can ring you back at a time that suits.',
  },
  {
    key: 'young-carers', name: 'Young Carers Club', org: 'carers', venue: 'theLoft',
    categories: ['carers_support', 'young_people', 'loneliness'], when: ['TH 16:30-18:30'],
    size: 'small_group', booking: 'referral', ages: [8, 17],
    description: 'A fun break for children and young people who help look after someone at home. Games, trips, food and friends who understand. Transport home can be arranged.',
  },
  {
    key: 'carers-evening-online', name: 'Carers\' Evening Chat (online)', org: 'carers', venue: 'communityCentre',
    categories: ['carers_support', 'transport_barrier', 'loneliness'], when: ['TU 20:00-21:00'],
    size: 'small_group', remote: ['online'], remoteOnly: true, booking: 'booking',
    description: 'An online peer group for carers who cannot get out in the daytime, once the person they care for is settled. Cameras on or off. Facilitated by a carer support worker.',
  },
  {
    key: 'carers-pamper', name: 'Carers\' Time Out Days', org: 'carers', venue: 'fennickHall',
    categories: ['carers_support', 'mental_wellbeing', 'arts_crafts'], when: ['4FR 10:00-15:00'],
    size: 'small_group', booking: 'booking',
    description: 'A monthly day off for carers with a craft or taster session, a proper lunch and time to breathe. Sitting support for the person you care for can be arranged. Free.',
  },
  {
    key: 'carers-polish', name: 'Carers Together in Polish', org: 'polish', venue: 'polishClub',
    categories: ['carers_support', 'ethnic_community'], when: ['2SA 11:00-13:00'],
    size: 'small_group', booking: 'drop_in', languages: ['pl'],
    description: 'A support group in Polish for people caring for a parent, partner or child. Share experiences and learn how the care system works in England. Coffee and pączki provided.',
  },

  // --- Money, housing, employment ---
  {
    key: 'money-advice', name: 'Money and Benefits Advice', org: 'advice', venue: 'adviceCentre',
    categories: ['money_debt', 'cost_barrier'], when: ['MO,TU,TH 09:30-16:00'],
    size: 'one_to_one', remote: ['phone'], booking: 'drop_in',
    description: 'Free, confidential help to check you are getting all the benefits you are entitled to, and to fill in the forms. Advisers can also help with energy bills and council tax. Drop in or call to book.',
  },
  {
    key: 'debt-advice', name: 'Debt Advice', org: 'advice', venue: 'adviceCentre',
    categories: ['money_debt', 'mental_wellbeing'], when: ['WE 09:30-16:00'],
    size: 'one_to_one', remote: ['phone', 'online'], booking: 'booking',
    description: 'A specialist debt adviser helps you understand what you owe, deal with creditors and find a plan you can manage. Nobody will judge you. Free and confidential.',
  },
  {
    key: 'advice-urdu', name: 'Advice Surgery in Urdu and Punjabi', org: 'advice', venue: 'islamicCentre',
    categories: ['money_debt', 'housing', 'ethnic_community'], when: ['2FR 14:00-16:00', '4FR 14:00-16:00'],
    size: 'one_to_one', booking: 'drop_in', languages: ['ur', 'pa'],
    description: 'Advisers who speak Urdu and Punjabi help with benefits, bills, letters and housing problems. Open to everyone, whatever their faith. Women can ask to see a female adviser.',
  },
  {
    key: 'housing-advice', name: 'Housing Options Advice', org: 'advice', venue: 'adviceCentre',
    categories: ['housing', 'money_debt'], when: ['TU 10:00-13:00', 'FR 10:00-13:00'],
    size: 'one_to_one', remote: ['phone'], booking: 'drop_in',
    description: 'Help if you are worried about losing your home, are behind with rent, or have problems with repairs or a landlord. Advisers explain your rights and help you act early. Free and confidential.',
  },
  {
    key: 'tenancy-support', name: 'Tenancy Sustainment Service', org: 'housing', venue: 'communityCentre',
    categories: ['housing', 'money_debt', 'mental_wellbeing'], when: ['MO,TU,WE,TH,FR 09:00-17:00'],
    size: 'one_to_one', remote: ['phone'], booking: 'referral',
    description: 'A support worker visits you at home to help with bills, paperwork and anything that is making it hard to keep your tenancy. Open to tenants of any landlord in Kestleford. Support lasts as long as you need, usually a few months.',
  },
  {
    key: 'home-energy', name: 'Warm Homes Advice', org: 'housing', venue: 'library',
    categories: ['housing', 'money_debt', 'cost_barrier', 'older_people'], when: ['1TH 10:00-13:00'],
    size: 'one_to_one', remote: ['phone'], booking: 'drop_in',
    description: 'Advice on keeping warm for less: grants for insulation, help with energy debts and simple changes that make a difference. An adviser can visit if you cannot get out.',
  },
  {
    key: 'jobs-club', name: 'Kestleford Works Jobs Club', org: 'works', venue: 'library',
    categories: ['employment', 'digital_skills', 'learning'], when: ['MO 10:00-12:30', 'WE 10:00-12:30'],
    size: 'large_group', booking: 'drop_in',
    description: 'Help with CVs, job searches, applications and interview practice, with computers to use. Friendly staff and other job seekers to share tips with. Free.',
  },
  {
    key: 'employment-mentor', name: 'Work and Wellbeing Mentoring', org: 'works', venue: 'communityCentre',
    categories: ['employment', 'mental_wellbeing', 'anxiety_in_groups'], when: ['TU,WE,TH 09:00-17:00'],
    size: 'one_to_one', remote: ['phone', 'online'], booking: 'referral',
    description: 'A mentor works with you one-to-one if your health or confidence is making work feel out of reach. Go at your own pace, from volunteering to part-time work. Free.',
  },
  {
    key: 'youth-employment', name: 'Next Steps for 16 to 24s', org: 'works', venue: 'theLoft',
    categories: ['employment', 'young_people', 'learning'], when: ['TH 13:00-16:00'],
    size: 'small_group', booking: 'booking', ages: [16, 24],
    description: 'Practical help for young people not in work, education or training: CVs, work tasters and a bit of cash for travel to interviews. Relaxed and friendly.',
  },
  {
    key: 'disability-employment', name: 'Access to Work Support', org: 'access', venue: 'communityCentre',
    categories: ['employment', 'disability_access'], when: ['WE 10:00-16:00'],
    size: 'one_to_one', remote: ['phone', 'online'], booking: 'booking', languages: ['bfi'],
    description: 'Help for disabled people looking for work or wanting to stay in work, including applying for adjustments and equipment. Run by disabled people. BSL interpreters can be booked.',
  },

  // --- Mental wellbeing, anxiety ---
  {
    key: 'peer-support', name: 'Talk It Through Peer Group', org: 'minds', venue: 'communityCentre',
    categories: ['mental_wellbeing', 'loneliness'], when: ['MO 18:30-20:00'],
    size: 'small_group', booking: 'drop_in',
    description: 'A peer support group for people living with low mood, anxiety or stress. Everyone gets a chance to talk, or to just listen. Led by people with their own experience of mental health problems.',
  },
  {
    key: 'anxiety-course', name: 'Understanding Anxiety Course', org: 'minds', venue: 'library',
    categories: ['mental_wellbeing', 'learning', 'anxiety_in_groups'], when: ['TH 10:00-12:00'],
    size: 'small_group', remote: ['online'], booking: 'booking',
    description: 'A six-week course explaining what anxiety is and practical ways to manage it. Groups are kept to eight and you are never asked to share more than you want. Also runs online.',
  },
  {
    key: 'wellbeing-one-to-one', name: 'Wellbeing Coaching', org: 'pcn', venue: 'medicalCentre',
    categories: ['mental_wellbeing', 'long_term_condition', 'anxiety_in_groups'], when: ['MO,TU,WE,TH,FR 08:30-18:00'],
    size: 'one_to_one', remote: ['phone'], booking: 'referral',
    description: 'A health and wellbeing coach meets you for up to six sessions to work out what matters to you and small steps towards it. Sessions can be in person or by phone. Ask at your GP practice.',
  },
  {
    key: 'mindfulness-evening', name: 'Mindfulness Drop-in', org: 'minds', venue: 'methodist',
    categories: ['mental_wellbeing', 'anxiety_in_groups'], openActive: ['meditation'], when: ['WE 19:00-20:00'], cost: 3, costNote: 'free if cost is a problem',
    size: 'small_group', booking: 'drop_in',
    description: 'A short guided meditation followed by quiet tea. No talking is required and you can sit on a chair. Suitable for complete beginners.',
  },
  {
    key: 'listening-line', name: 'Evening Listening Line', org: 'minds', venue: 'communityCentre',
    categories: ['mental_wellbeing', 'loneliness', 'transport_barrier', 'anxiety_in_groups'], when: ['MO,TU,WE,TH,FR,SA,SU 18:00-22:00'],
    size: 'one_to_one', remote: ['phone'], remoteOnly: true, booking: 'drop_in',
    description: 'A free phone line answered by trained volunteers every evening, for when you need someone to talk to. It is not a crisis service, but they will help you find one if you need it. Calls are confidential.',
  },
  {
    key: 'social-anxiety-group', name: 'Small Steps Social Group', org: 'minds', venue: 'library',
    categories: ['anxiety_in_groups', 'mental_wellbeing', 'loneliness'], when: ['FR 11:00-12:30'],
    size: 'small_group', booking: 'booking',
    description: 'A very small group (no more than six) for people who find social situations hard. We start with a one-to-one chat and a buddy meets you at the door on your first visit. Board games, puzzles and quiet company.',
  },

  // --- Long-term conditions ---
  {
    key: 'pain-group', name: 'Living with Pain Group', org: 'pcn', venue: 'medicalCentre',
    categories: ['long_term_condition', 'mental_wellbeing'], when: ['2TU 10:30-12:00'],
    size: 'small_group', remote: ['online'], booking: 'drop_in',
    description: 'People living with long-term pain share tips and support, with occasional talks from physiotherapists and pharmacists. You can stand, sit or lie down as you need. Also on Zoom.',
  },
  {
    key: 'diabetes-group', name: 'Diabetes Support Group', org: 'pcn', venue: 'communityCentre',
    categories: ['long_term_condition', 'food', 'learning'], when: ['1MO 18:30-20:00'],
    size: 'large_group', booking: 'drop_in', languages: ['ur', 'pa'],
    description: 'A friendly monthly get-together for people with diabetes and their families, with talks on food, feet and staying well. A health educator who speaks Urdu and Punjabi attends. Free.',
  },
  {
    key: 'cardiac-rehab-phase4', name: 'Heart Health Exercise', org: 'leisure', venue: 'leisureCentre',
    categories: ['long_term_condition', 'physical_activity'], openActive: ['olderFitness'], when: ['TU 13:00-14:00', 'FR 13:00-14:00'], cost: 3.5,
    size: 'small_group', booking: 'referral',
    description: 'Supervised exercise for people who have finished hospital cardiac rehabilitation and want to keep going. Instructors are specially trained. A friendly group with plenty of encouragement.',
  },
  {
    key: 'stroke-club', name: 'Stroke Survivors Club', org: 'access', venue: 'stAldhelms',
    categories: ['long_term_condition', 'disability_access', 'loneliness'], when: ['2TH 13:30-15:30', '4TH 13:30-15:30'],
    size: 'large_group', booking: 'drop_in',
    description: 'A social club for people who have had a stroke and their partners. Communication-friendly, with patient volunteers and aphasia-friendly materials. Community transport can bring you.',
  },
  {
    key: 'parkinsons-online', name: 'Parkinson\'s Friends Online', org: 'access', venue: 'communityCentre',
    categories: ['long_term_condition', 'transport_barrier', 'loneliness'], when: ['3MO 14:00-15:00'],
    size: 'small_group', remote: ['online', 'phone'], remoteOnly: true, booking: 'booking',
    description: 'A monthly video or phone get-together for people with Parkinson\'s and those close to them. Share what helps and hear from guest speakers. Free.',
  },

  // --- Food ---
  {
    key: 'community-larder', name: 'Community Larder', org: 'larder', venue: 'larder',
    categories: ['food', 'cost_barrier', 'money_debt'], when: ['TU 14:00-17:00', 'SA 10:00-12:00'], cost: 4, costNote: 'a bag of shopping worth about £20 for £4',
    size: 'large_group', booking: 'drop_in',
    description: 'A membership food shop where you choose your own groceries, fresh fruit and vegetables for a small weekly fee. No referral needed. Advisers from the Advice Centre are there on Tuesdays.',
  },
  {
    key: 'langar', name: 'Langar: Free Community Kitchen', org: 'gurdwara', venue: 'gurdwara',
    categories: ['food', 'faith_community', 'ethnic_community', 'cost_barrier'], when: ['SU 12:00-15:00'],
    size: 'large_group', booking: 'drop_in', languages: ['pa'],
    description: 'A free vegetarian meal served to everyone, whatever their background or faith, in the Sikh tradition of langar. Please cover your head (scarves are provided) and remove your shoes. Volunteers will show you what to do.',
  },
  {
    key: 'community-iftar', name: 'Open Community Meals', org: 'islamic', venue: 'islamicCentre',
    categories: ['food', 'faith_community', 'ethnic_community', 'loneliness'], when: ['3SA 18:00-20:00'],
    size: 'large_group', booking: 'drop_in', languages: ['ur', 'ar'],
    description: 'A monthly shared meal open to neighbours of every faith and none. Food from Pakistan, Syria and beyond, and plenty of conversation. Free.',
  },
  {
    key: 'food-delivery', name: 'Village Food Deliveries', org: 'villages', venue: 'coldAshwellHall',
    categories: ['food', 'transport_barrier', 'older_people', 'cost_barrier'], when: ['TH 10:00-15:00'],
    size: 'one_to_one', remote: ['phone'], booking: 'booking',
    description: 'Volunteers bring a free weekly bag of groceries from the Community Larder to villages without a shop or bus. Ring to be added to the round. The driver is also happy to stop for a chat.',
  },
  {
    key: 'breakfast-club', name: 'Saturday Breakfast Club', org: 'churches', venue: 'methodist',
    categories: ['food', 'loneliness', 'cost_barrier'], when: ['SA 08:30-10:30'],
    size: 'large_group', booking: 'drop_in',
    description: 'A free cooked breakfast for anyone who wants one, no questions asked. Newspapers, hot drinks and friendly faces. There are steps at the front; ask for the ramp.',
  },

  // --- Faith communities ---
  {
    key: 'quiet-chapel', name: 'Quiet Space at the Chapel', org: 'churches', venue: 'methodist',
    categories: ['faith_community', 'mental_wellbeing', 'anxiety_in_groups'], when: ['WE 12:00-14:00'],
    size: 'one_to_one', booking: 'drop_in',
    description: 'The chapel is open for anyone who wants somewhere peaceful to sit, think or pray. A volunteer is there if you would like to talk, and happy to leave you be if not.',
  },
  {
    key: 'mosque-open-day', name: 'Mosque Tea and Tour', org: 'islamic', venue: 'islamicCentre',
    categories: ['faith_community', 'learning', 'ethnic_community'], when: ['1SU 14:00-16:00'],
    size: 'small_group', booking: 'drop_in', languages: ['ur', 'ar'],
    description: 'Visit the mosque, ask any question you like and share tea and sweets. A relaxed way to meet neighbours. Modest clothing please; headscarves are lent.',
  },
  {
    key: 'church-coffee', name: 'Open Door Coffee', org: 'churches', venue: 'stAldhelms',
    categories: ['faith_community', 'loneliness', 'food'], when: ['SA 10:00-12:00'],
    size: 'large_group', booking: 'drop_in',
    description: 'Free coffee, cake and company in the church hall every Saturday morning. There is no service and nobody will preach at you. Children welcome, with toys in the corner.',
  },
  {
    key: 'polish-mass-social', name: 'Polish Sunday Social', org: 'polish', venue: 'polishClub',
    categories: ['faith_community', 'ethnic_community', 'loneliness', 'food'], when: ['SU 12:00-15:00'],
    size: 'large_group', booking: 'drop_in', languages: ['pl'],
    description: 'After the Polish mass at St Aldhelm\'s, families gather at the club for home cooking, coffee and conversation. A warm welcome for newcomers and anyone who misses home.',
  },
  {
    key: 'gurdwara-seniors', name: 'Sangat Seniors', org: 'gurdwara', venue: 'gurdwara',
    categories: ['faith_community', 'older_people', 'ethnic_community', 'loneliness'], when: ['WE 10:30-13:00'],
    size: 'large_group', booking: 'drop_in', languages: ['pa'],
    description: 'Older members of the community meet for kirtan, gentle exercise and langar. Conversation is mostly in Punjabi. Visitors of any background are welcome.',
  },

  // --- Parenting ---
  {
    key: 'stay-and-play', name: 'Stay and Play', org: 'families', venue: 'familyHub',
    categories: ['parenting', 'loneliness'], when: ['MO 09:30-11:30', 'TH 09:30-11:30'],
    size: 'large_group', booking: 'drop_in', ages: [0, 5],
    description: 'Play sessions for under-fives and their grown-ups, with messy play, songs and a snack. A good place to meet other parents and ask staff anything. Free.',
  },
  {
    key: 'dads-group', name: 'Dads and Kids Saturdays', org: 'families', venue: 'familyHub',
    categories: ['parenting', 'loneliness', 'mental_wellbeing'], when: ['1SA 10:00-12:00', '3SA 10:00-12:00'],
    size: 'small_group', booking: 'drop_in',
    description: 'A relaxed Saturday morning for dads, grandads and male carers with their children. Play, bacon rolls and a chance to chat with other dads. Free.',
  },
  {
    key: 'perinatal-support', name: 'Bumps and Babies Wellbeing Group', org: 'families', venue: 'familyHub',
    categories: ['parenting', 'mental_wellbeing', 'anxiety_in_groups'], when: ['TU 13:00-14:30'],
    size: 'small_group', remote: ['online'], booking: 'referral',
    description: 'A small group for parents feeling low or anxious during pregnancy or after having a baby. Led by a perinatal support worker. Babies are welcome, and it also runs online.',
  },
  {
    key: 'parenting-teens', name: 'Parenting Teenagers Course', org: 'families', venue: 'familyHub',
    categories: ['parenting', 'learning', 'young_people'], when: ['WE 18:30-20:30'],
    size: 'small_group', remote: ['online'], booking: 'booking',
    description: 'A six-week course for parents and carers of 11 to 18 year olds, on communication, boundaries and keeping connected. Honest, practical and often funny. Free.',
  },
  {
    key: 'send-parents', name: 'SEND Parents Coffee', org: 'families', venue: 'familyHub',
    categories: ['parenting', 'disability_access', 'carers_support'], when: ['2FR 09:30-11:30'],
    size: 'small_group', booking: 'drop_in',
    description: 'A coffee morning for parents and carers of children with special educational needs or disabilities. Share experiences, get advice on EHCPs and meet people who understand.',
  },
  {
    key: 'parent-baby-welsh', name: 'Cylch Ti a Fi (Welsh Parent and Toddler)', org: 'welsh', venue: 'library',
    categories: ['parenting', 'ethnic_community', 'music_singing'], when: ['FR 10:00-11:30'],
    size: 'small_group', booking: 'drop_in', languages: ['cy'], ages: [0, 4],
    description: 'Songs, stories and play in Welsh for babies and toddlers and their grown-ups. Welsh speakers and learners are equally welcome. Free.',
  },

  // --- Young people ---
  {
    key: 'youth-club', name: 'Loft Youth Club', org: 'youth', venue: 'theLoft',
    categories: ['young_people', 'loneliness'], when: ['MO 18:00-21:00', 'WE 18:00-21:00'], cost: 0.5,
    size: 'large_group', booking: 'drop_in', ages: [11, 18],
    description: 'Pool, games consoles, music, cooking and trips, with youth workers to talk to. 50p a session and a tuck shop. A safe place to hang out with friends or make new ones.',
  },
  {
    key: 'youth-mental-health', name: 'Headspace Drop-in', org: 'youth', venue: 'theLoft',
    categories: ['young_people', 'mental_wellbeing', 'anxiety_in_groups'], when: ['TU 15:30-18:00'],
    size: 'one_to_one', remote: ['online'], booking: 'drop_in', ages: [11, 25],
    description: 'Talk to a youth worker one-to-one about stress, worries, friendships or anything else. No appointment needed, and there is a text-chat option if talking feels too much. Free and confidential.',
  },
  {
    key: 'village-youth-bus', name: 'Youth Bus in the Villages', org: 'youth', venue: 'coldAshwellHall',
    categories: ['young_people', 'transport_barrier', 'loneliness'], when: ['TH 18:00-20:00'],
    size: 'small_group', booking: 'drop_in', ages: [11, 18],
    description: 'A converted bus with games, wifi and youth workers that visits Cold Ashwell, Brackenby St Mary and Saltmoor in turn. For young people in villages with nothing much to do. Free.',
  },
  {
    key: 'young-lgbtq', name: 'Rainbow Youth', org: 'pride', venue: 'theLoft',
    categories: ['young_people', 'lgbtq', 'mental_wellbeing'], when: ['2TU 18:00-20:00', '4TU 18:00-20:00'],
    size: 'small_group', booking: 'drop_in', ages: [13, 19],
    description: 'A safe, friendly group for LGBTQ+ young people and those questioning. Games, chat, food and guest speakers. What is said in the group stays in the group.',
  },
  {
    key: 'duke-award', name: 'Award Scheme Evenings', org: 'youth', venue: 'collegeAnnexe',
    categories: ['young_people', 'volunteering', 'learning', 'physical_activity'], when: ['MO 17:00-19:00'], cost: 2,
    size: 'large_group', booking: 'booking', ages: [14, 24], status: 'inactive', assured: '2023-06-15',
    description: 'Work towards a youth achievement award with volunteering, skills, physical activity and an expedition. Bursaries available for kit.',
  },

  // --- LGBTQ+ ---
  {
    key: 'lgbtq-social', name: 'Out in Kestleford Social', org: 'pride', venue: 'communityCentre',
    categories: ['lgbtq', 'loneliness'], when: ['1FR 19:00-21:30', '3FR 19:00-21:30'],
    size: 'large_group', booking: 'drop_in',
    description: 'A relaxed social evening for LGBTQ+ adults in an alcohol-free space, with board games and music. Come along on your own: a host will say hello and introduce you.',
  },
  {
    key: 'lgbtq-older', name: 'Rainbow Elders Coffee', org: 'pride', venue: 'library',
    categories: ['lgbtq', 'older_people', 'loneliness'], when: ['2WE 14:00-16:00'],
    size: 'small_group', booking: 'drop_in',
    description: 'A monthly coffee afternoon for LGBTQ+ people over 50. Share stories, make friends and be yourself. Partners and friends welcome.',
  },
  {
    key: 'lgbtq-online', name: 'Trans and Non-binary Peer Support (online)', org: 'pride', venue: 'communityCentre',
    categories: ['lgbtq', 'mental_wellbeing', 'transport_barrier', 'anxiety_in_groups'], when: ['4WE 19:30-21:00'],
    size: 'small_group', remote: ['online'], remoteOnly: true, booking: 'booking',
    description: 'A private online peer group for trans and non-binary people in Wendshire. Facilitated by trans volunteers. Cameras optional and your name is yours to choose.',
  },
  {
    key: 'lgbtq-walk', name: 'Pride Walkers', org: 'pride', venue: 'riversidePark',
    categories: ['lgbtq', 'walking', 'physical_activity'], openActive: ['walking'], when: ['3SU 11:00-13:00'],
    size: 'small_group', booking: 'drop_in',
    description: 'A monthly sociable walk for LGBTQ+ people and friends, ending at a café. Routes are around four miles and mostly flat. Dogs welcome.',
  },

  // --- Ethnic and cultural communities ---
  {
    key: 'saheli-group', name: 'Saheli Women\'s Wellbeing Group', org: 'saheli', venue: 'islamicCentre',
    categories: ['ethnic_community', 'mental_wellbeing', 'loneliness', 'arts_crafts'], when: ['TH 10:30-13:00'],
    size: 'small_group', booking: 'drop_in', languages: ['ur', 'pa'],
    description: 'South Asian women meet for crafts, chat, wellbeing talks and outings. Conversation is in Urdu, Punjabi and English. A crèche is available and it is a women-only space.',
  },
  {
    key: 'welcome-drop-in', name: 'Welcome Drop-in', org: 'welcome', venue: 'stAldhelms',
    categories: ['ethnic_community', 'money_debt', 'housing', 'loneliness'], when: ['WE 13:00-16:00'],
    size: 'large_group', booking: 'drop_in', languages: ['ar', 'uk', 'ku'],
    description: 'Practical help and friendship for refugees and people new to the area: letters, school places, GP registration and English practice. Interpreters for Arabic, Ukrainian and Kurdish. Hot food and children\'s corner.',
  },
  {
    key: 'ukrainian-club', name: 'Ukrainian Community Evenings', org: 'welcome', venue: 'communityCentre',
    categories: ['ethnic_community', 'loneliness', 'music_singing'], when: ['FR 18:00-20:30'],
    size: 'large_group', booking: 'drop_in', languages: ['uk'],
    description: 'Ukrainian families and friends meet for songs, food and support. Local people are warmly invited to come along and get to know their neighbours.',
  },
  {
    key: 'bsl-social', name: 'Deaf Club Social', org: 'deaf', venue: 'communityCentre',
    categories: ['disability_access', 'loneliness', 'ethnic_community'], when: ['2SA 14:00-17:00', '4SA 14:00-17:00'],
    size: 'large_group', booking: 'drop_in', languages: ['bfi'],
    description: 'A social afternoon run in British Sign Language, with quizzes, games and news. Hearing family and BSL learners are welcome. The room has good lighting and a hearing loop.',
  },
  {
    key: 'bsl-learners', name: 'BSL Taster Course', org: 'deaf', venue: 'library',
    categories: ['learning', 'disability_access'], when: ['TU 18:30-20:00'], cost: 5,
    size: 'small_group', booking: 'booking', languages: ['bfi'],
    description: 'Learn the basics of British Sign Language from a Deaf tutor over eight weeks. Great for families, neighbours and anyone curious. Concessions available.',
  },

  // --- Disability, access and transport ---
  {
    key: 'access-hub', name: 'Disability Information Drop-in', org: 'access', venue: 'communityCentre',
    categories: ['disability_access', 'money_debt', 'housing'], when: ['TU 10:00-13:00'],
    size: 'one_to_one', remote: ['phone', 'online'], booking: 'drop_in', languages: ['bfi'],
    description: 'Information and peer advice on PIP, blue badges, home adaptations and your rights, from people who have been through it. BSL users can book a video call.',
  },
  {
    key: 'dial-a-ride', name: 'Dial-a-Ride Minibus', org: 'transport', venue: 'communityCentre',
    categories: ['transport_barrier', 'disability_access', 'older_people'], when: ['MO,TU,WE,TH,FR 08:30-17:00'], cost: 3, costNote: 'per single journey in town, £5 from the villages',
    size: 'one_to_one', remote: ['phone'], booking: 'booking',
    description: 'A door-to-door wheelchair-accessible minibus for people who find buses difficult. Book a day ahead for shopping, appointments or a group you want to join. Drivers help with bags and steps.',
  },
  {
    key: 'car-scheme', name: 'Community Car Scheme', org: 'transport', venue: 'fennickHall',
    categories: ['transport_barrier', 'older_people', 'long_term_condition'], when: ['MO,TU,WE,TH,FR 09:00-16:00'], cost: 0.45, costNote: 'per mile towards the driver\'s fuel',
    size: 'one_to_one', remote: ['phone'], booking: 'booking',
    description: 'Volunteer drivers take people from the villages to hospital, surgery and social activities. Ring at least two days ahead. Drivers will wait and bring you home.',
  },
  {
    key: 'mobility-scooter', name: 'Shopmobility', org: 'access', venue: 'adviceCentre',
    categories: ['disability_access', 'transport_barrier'], when: ['MO,TU,WE,TH,FR,SA 09:30-16:00'], cost: 2, costNote: 'per half day',
    size: 'one_to_one', booking: 'booking',
    description: 'Borrow a mobility scooter or wheelchair to get around the town centre, shops and market. Staff show you how to use it. Free for the first visit.',
  },
  {
    key: 'accessible-cinema', name: 'Relaxed Cinema Afternoons', org: 'arts', venue: 'communityCentre',
    categories: ['disability_access', 'anxiety_in_groups', 'older_people', 'loneliness'], when: ['3FR 14:00-16:30'], cost: 2,
    size: 'large_group', booking: 'drop_in',
    description: 'Films with subtitles, lights left low and freedom to move around or make noise. Suitable for people with dementia, autism, learning disabilities or anyone who prefers a calm screening. Tea included.',
  },

  // --- Cost barrier and practical help ---
  {
    key: 'uniform-swap', name: 'School Uniform and Clothes Swap', org: 'families', venue: 'familyHub',
    categories: ['cost_barrier', 'parenting'], when: ['1SA 10:00-12:00'],
    size: 'large_group', booking: 'drop_in',
    description: 'Take what you need from rails of good-quality school uniform, children\'s clothes and coats, free. Bring anything your children have outgrown if you can. Nobody asks any questions.',
  },
  {
    key: 'leisure-pass', name: 'Kestleford Leisure Access Pass', org: 'leisure', venue: 'leisureCentre',
    categories: ['cost_barrier', 'physical_activity', 'disability_access'], openActive: ['swimming'], when: ['MO,TU,WE,TH,FR,SA,SU 07:00-21:00'],
    size: 'one_to_one', booking: 'drop_in', eligibility: 'For people receiving a means-tested benefit, carers and disabled people.',
    description: 'A free card giving you swimming, gym and classes at the leisure centre for £1 a time. Apply at reception with proof of benefits. A carer can come with you for free.',
  },
  {
    key: 'warm-space-library', name: 'Warm Welcome at the Library', org: 'library', venue: 'library',
    categories: ['cost_barrier', 'loneliness', 'older_people'], when: ['MO,TU,WE,TH,FR 10:00-16:00'],
    size: 'large_group', booking: 'drop_in',
    description: 'Come in out of the cold to a warm, comfortable library with free hot drinks, newspapers, puzzles and wifi. Stay as long as you like. Staff can point you to other help.',
  },
  {
    key: 'hardship-fund', name: 'Kestleford Small Grants', org: 'advice', venue: 'adviceCentre',
    categories: ['cost_barrier', 'money_debt'], when: ['MO,TU,TH 09:30-16:00'],
    size: 'one_to_one', remote: ['phone'], booking: 'referral',
    description: 'Small grants for people in a crisis: a cooker, a bed, school shoes or a class you cannot afford. An adviser helps you apply. Decisions usually within a week.',
  },
];

/** One description written once and held in several villages. */
interface Template {
  keyPrefix: string;
  name: (place: string) => string;
  description: (place: string, venue: string) => string;
  base: Omit<Entry, 'key' | 'name' | 'description' | 'venue' | 'when'>;
  at: { venue: VenueKey; when: string[]; cost?: number; status?: 'inactive'; assured?: string }[];
}

const TEMPLATES: Template[] = [
  {
    keyPrefix: 'village-coffee',
    name: (place) => `${place} Coffee Morning`,
    description: (place, venue) => `A friendly coffee morning at ${venue}, where ${place} neighbours catch up over tea, coffee and home-made cake. There is a raffle, a book swap and someone to chat to if you come on your own. Lifts can be arranged through Villages Together.`,
    base: { org: 'villages', categories: ['loneliness', 'older_people', 'food'], size: 'large_group', booking: 'drop_in', cost: 1, costNote: 'donation for refreshments' },
    at: [
      { venue: 'oxleyHall', when: ['WE 10:00-12:00'] },
      { venue: 'tarrowReadingRoom', when: ['FR 10:30-12:00'] },
      { venue: 'fennickHall', when: ['TU 10:00-12:00'] },
      { venue: 'saltmoorChapel', when: ['TH 10:00-12:00'], assured: '2022-02-14' },
      { venue: 'coldAshwellHall', when: ['MO 10:00-12:00'] },
      { venue: 'hembyPavilion', when: ['SA 10:00-12:00'] },
      { venue: 'brackenbyInstitute', when: ['2TU 10:00-12:00', '4TU 10:00-12:00'] },
    ],
  },
  {
    keyPrefix: 'village-walk',
    name: (place) => `${place} Health Walk`,
    description: (place, venue) => `A free, sociable walk of about an hour around ${place}, starting and finishing at ${venue}. Walk leaders choose routes to suit the group and nobody is left behind. A good way to discover footpaths on your doorstep.`,
    base: { org: 'pcn', categories: ['walking', 'physical_activity', 'loneliness'], openActive: ['walking'], size: 'small_group', booking: 'drop_in' },
    at: [
      { venue: 'oxleyHall', when: ['MO 10:00-11:00'] },
      { venue: 'fennickHall', when: ['TH 10:00-11:00'] },
      { venue: 'coldAshwellHall', when: ['WE 14:00-15:00'] },
      { venue: 'hembyPavilion', when: ['TU 14:00-15:00'] },
      { venue: 'brackenbyInstitute', when: ['FR 10:00-11:00'], status: 'inactive', assured: '2022-09-01' },
      { venue: 'saltmoorChapel', when: ['SU 14:00-15:00'] },
    ],
  },
  {
    keyPrefix: 'village-chair-exercise',
    name: (place) => `${place} Chair Exercise`,
    description: (place, venue) => `A gentle seated exercise class at ${venue} to keep ${place} residents moving, with music and a friendly instructor. It helps with balance, strength and stiffness. Stay for a cuppa afterwards.`,
    base: { org: 'ageWell', categories: ['physical_activity', 'older_people', 'long_term_condition'], openActive: ['chair'], size: 'small_group', booking: 'drop_in', cost: 2.5 },
    at: [
      { venue: 'oxleyHall', when: ['FR 10:30-11:30'] },
      { venue: 'fennickHall', when: ['MO 14:00-15:00'] },
      { venue: 'coldAshwellHall', when: ['TH 10:30-11:30'] },
      { venue: 'tarrowReadingRoom', when: ['TU 11:00-12:00'] },
      { venue: 'stAldhelms', when: ['WE 11:00-12:00'] },
    ],
  },
  {
    keyPrefix: 'village-digital',
    name: (place) => `${place} Digital Drop-in`,
    description: (place, venue) => `A volunteer digital buddy comes to ${venue} to help ${place} residents with phones, tablets and laptops, one person at a time. Bring your device and your questions, however basic. Free, and a spare tablet is there to practise on.`,
    base: { org: 'library', categories: ['digital_skills', 'older_people', 'learning'], size: 'one_to_one', booking: 'drop_in' },
    at: [
      { venue: 'oxleyHall', when: ['1TH 14:00-16:00'] },
      { venue: 'fennickHall', when: ['2TH 14:00-16:00'] },
      { venue: 'coldAshwellHall', when: ['3TH 14:00-16:00'] },
      { venue: 'hembyPavilion', when: ['4TH 14:00-16:00'] },
    ],
  },
  {
    keyPrefix: 'village-lunch',
    name: (place) => `${place} Community Lunch`,
    description: (place, venue) => `A home-cooked lunch at ${venue} once a month, for anyone in ${place} who would enjoy a meal in company. Volunteers cook and serve, and a driver can collect you. Please let us know about any diet you need.`,
    base: { org: 'villages', categories: ['food', 'loneliness', 'older_people'], size: 'large_group', booking: 'booking', cost: 5, costNote: 'two courses and a hot drink' },
    at: [
      { venue: 'oxleyHall', when: ['2WE 12:00-14:00'] },
      { venue: 'coldAshwellHall', when: ['3TU 12:00-14:00'] },
      { venue: 'saltmoorChapel', when: ['1WE 12:00-14:00'] },
      { venue: 'brackenbyInstitute', when: ['4FR 12:00-14:00'] },
      { venue: 'hembyPavilion', when: ['2SU 12:30-14:30'] },
    ],
  },
  {
    keyPrefix: 'village-garden',
    name: (place) => `${place} Community Growing`,
    description: (place, venue) => `Volunteers look after a small shared garden by ${venue}, growing vegetables and flowers for ${place}. Drop in to weed, water, plant or just sit in the sunshine. Tools and gloves provided.`,
    base: { org: 'green', categories: ['gardening_nature', 'volunteering', 'loneliness'], openActive: ['gardening'], size: 'small_group', booking: 'drop_in' },
    at: [
      { venue: 'oxleyHall', when: ['SA 10:00-12:00'] },
      { venue: 'fennickHall', when: ['WE 14:00-16:00'] },
      { venue: 'tarrowReadingRoom', when: ['SU 10:00-12:00'] },
    ],
  },
  {
    keyPrefix: 'village-crafts',
    name: (place) => `${place} Craft Circle`,
    description: (place, venue) => `A sociable afternoon of crafts at ${venue}: card-making, knitting, painting or whatever people bring. Newcomers to ${place} often say it was how they made their first friends here. Materials to share.`,
    base: { org: 'villages', categories: ['arts_crafts', 'loneliness'], size: 'small_group', booking: 'drop_in', cost: 1.5 },
    at: [
      { venue: 'fennickHall', when: ['TH 14:00-16:00'] },
      { venue: 'coldAshwellHall', when: ['TU 14:00-16:00'] },
      { venue: 'brackenbyInstitute', when: ['WE 14:00-16:00'] },
      { venue: 'hembyPavilion', when: ['MO 14:00-16:00'] },
    ],
  },
];

/** All entries: the hand-written ones, then each template at each of its venues. */
export function allEntries(): Entry[] {
  const expanded: Entry[] = [];
  for (const template of TEMPLATES) {
    for (const at of template.at) {
      const venue = VENUES[at.venue];
      const placeSlug = venue.place.toLowerCase().replace(/[^a-z]+/g, '-');
      expanded.push({
        ...template.base,
        key: `${template.keyPrefix}-${placeSlug}`,
        name: template.name(venue.place),
        description: template.description(venue.place, venue.name),
        venue: at.venue,
        when: at.when,
        ...(at.cost !== undefined ? { cost: at.cost } : {}),
        ...(at.status ? { status: at.status } : {}),
        ...(at.assured ? { assured: at.assured } : {}),
      });
    }
  }
  return [...SERVICES, ...expanded];
}
