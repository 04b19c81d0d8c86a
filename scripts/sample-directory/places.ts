/**
 * The fictional town of Kestleford, its villages, venues and organisations.
 *
 * Everything here is invented for Front Door's sample directory. "KX" is not a UK postcode area, so the
 * postcodes cannot belong to anyone; the coordinates are spread around one invented centre so that
 * distances between places are realistic (villages up to about 10 miles out).
 */

/** The invented centre of Kestleford (the Market Cross). */
export const CENTRE = { latitude: 52.3, longitude: -2.45 };

export const TOWN = 'Kestleford';
export const COUNTY = 'Wendshire';

export interface Venue {
  name: string;
  address: string;
  /** Town or village. */
  place: string;
  postcode: string;
  /** Distance from the Market Cross in miles and compass bearing in degrees. */
  miles: number;
  bearing: number;
  stepFree: boolean;
  hearingLoop?: boolean;
  accessibleToilet?: boolean;
  parking?: boolean;
  bus?: string;
  /** Anything else a visitor should know about getting in. */
  accessNote?: string;
  outdoor?: boolean;
}

export const VENUES = {
  communityCentre: { name: 'Kestleford Community Centre', address: '14 Tanners Row', place: TOWN, postcode: 'KX1 2DL', miles: 0.3, bearing: 40, stepFree: true, hearingLoop: true, accessibleToilet: true, parking: true, bus: 'Bus stop outside (routes 3 and 7)' },
  cornExchange: { name: 'The Old Corn Exchange (upstairs studio)', address: '2 Market Place', place: TOWN, postcode: 'KX1 1AB', miles: 0.05, bearing: 180, stepFree: false, accessibleToilet: false, bus: 'Two minutes from the Market Place bus stops', accessNote: 'The studio is up 22 stairs with a handrail; there is no lift.' },
  library: { name: 'Kestleford Library', address: '9 Chantry Lane', place: TOWN, postcode: 'KX1 1HN', miles: 0.2, bearing: 290, stepFree: true, hearingLoop: true, accessibleToilet: true, bus: 'Chantry Lane stop (routes 3 and 12)' },
  stAldhelms: { name: "St Aldhelm's Church Hall", address: 'Vicarage Walk', place: TOWN, postcode: 'KX1 3PW', miles: 0.4, bearing: 120, stepFree: true, hearingLoop: true, accessibleToilet: true, parking: true },
  methodist: { name: 'Bridge Street Methodist Chapel', address: '31 Bridge Street', place: TOWN, postcode: 'KX1 2RT', miles: 0.35, bearing: 200, stepFree: false, hearingLoop: true, accessNote: 'Three steps at the front door; a portable ramp is available if you ask the steward.' },
  riversidePark: { name: 'Riverside Park (meet at the bandstand)', address: 'Riverside Walk', place: TOWN, postcode: 'KX1 4RP', miles: 0.5, bearing: 160, stepFree: true, parking: true, outdoor: true, accessNote: 'Level tarmac paths around the park; public toilets by the café.' },
  leisureCentre: { name: 'Kestleford Leisure Centre', address: 'Wheatfield Road', place: TOWN, postcode: 'KX2 5LC', miles: 1.1, bearing: 20, stepFree: true, hearingLoop: true, accessibleToilet: true, parking: true, bus: 'Route 7 stops at the main entrance', accessNote: 'Pool hoist and a changing places toilet.' },
  theLoft: { name: 'The Loft Youth Centre', address: '5 Coopers Yard', place: TOWN, postcode: 'KX1 2CY', miles: 0.25, bearing: 80, stepFree: true, accessibleToilet: true, bus: 'Coopers Yard is behind the bus station' },
  islamicCentre: { name: 'Kestleford Islamic Centre community room', address: '48 Foundry Street', place: TOWN, postcode: 'KX3 6FS', miles: 0.9, bearing: 110, stepFree: true, accessibleToilet: true, parking: true },
  gurdwara: { name: 'Guru Nanak Gurdwara Kestleford', address: '12 Weavers Close', place: TOWN, postcode: 'KX3 6WC', miles: 1.0, bearing: 125, stepFree: true, accessibleToilet: true, parking: true },
  polishClub: { name: 'Polish Community Club', address: '7 Kiln Lane', place: TOWN, postcode: 'KX3 7KL', miles: 1.3, bearing: 95, stepFree: false, accessNote: 'One step at the entrance and the meeting room is on the ground floor.' },
  millLaneAllotments: { name: 'Mill Lane Allotments', address: 'Mill Lane', place: TOWN, postcode: 'KX2 4ML', miles: 0.8, bearing: 330, stepFree: false, parking: true, outdoor: true, accessNote: 'Grass and gravel paths, uneven in places. Two raised beds can be reached from the hard standing by the gate.' },
  orchardGarden: { name: 'Orchard Street Community Garden', address: 'Orchard Street', place: TOWN, postcode: 'KX1 3OS', miles: 0.6, bearing: 250, stepFree: true, accessibleToilet: true, outdoor: true, accessNote: 'Level paths, raised beds at wheelchair height and a covered shelter.' },
  medicalCentre: { name: 'Kestleford Medical Centre (community room)', address: 'Hospital Lane', place: TOWN, postcode: 'KX2 3HL', miles: 0.7, bearing: 10, stepFree: true, hearingLoop: true, accessibleToilet: true, parking: true, bus: 'Route 3 stops at the surgery' },
  adviceCentre: { name: 'Kestleford Advice Centre', address: '22 High Street', place: TOWN, postcode: 'KX1 1HS', miles: 0.1, bearing: 20, stepFree: true, hearingLoop: true, accessibleToilet: true, bus: 'High Street stops' },
  larder: { name: 'The Community Larder', address: 'Unit 3, Station Yard', place: TOWN, postcode: 'KX1 5SY', miles: 0.45, bearing: 60, stepFree: true, accessibleToilet: true, parking: true },
  familyHub: { name: 'Kestleford Family Hub', address: 'Larkspur Avenue', place: TOWN, postcode: 'KX2 6LA', miles: 1.4, bearing: 340, stepFree: true, accessibleToilet: true, parking: true, accessNote: 'Buggy park and baby-changing rooms.' },
  collegeAnnexe: { name: 'Wendshire College, Kestleford Annexe', address: 'Saddlers Way', place: TOWN, postcode: 'KX2 7SW', miles: 1.6, bearing: 300, stepFree: true, hearingLoop: true, accessibleToilet: true, parking: true, bus: 'Route 12 to the college gates' },
  menShed: { name: 'The Shed, Brewery Lane', address: 'Rear of 4 Brewery Lane', place: TOWN, postcode: 'KX3 2BL', miles: 0.7, bearing: 150, stepFree: true, accessibleToilet: false, parking: true },
  oxleyHall: { name: 'Oxley Wold Village Hall', address: 'Green Lane', place: 'Oxley Wold', postcode: 'KX4 8GL', miles: 3.2, bearing: 45, stepFree: true, accessibleToilet: true, parking: true, bus: 'Route 21, four buses a day' },
  tarrowReadingRoom: { name: 'Tarrow End Reading Room', address: 'The Street', place: 'Tarrow End', postcode: 'KX4 9TS', miles: 2.1, bearing: 90, stepFree: false, parking: true, accessNote: 'Two steps up from the road; small room, quiet.' },
  fennickHall: { name: 'Fennick Memorial Hall', address: 'Church Road', place: 'Fennick', postcode: 'KX5 3CR', miles: 5.5, bearing: 185, stepFree: true, hearingLoop: true, accessibleToilet: true, parking: true, bus: 'Route 30, hourly on weekdays' },
  saltmoorChapel: { name: 'Saltmoor Chapel Schoolroom', address: 'Chapel Lane', place: 'Saltmoor', postcode: 'KX5 7CL', miles: 9.6, bearing: 140, stepFree: false, parking: true, accessNote: 'Stone steps at the side entrance; no bus on Sundays.' },
  coldAshwellHall: { name: 'Cold Ashwell Village Hall', address: 'Ashwell Green', place: 'Cold Ashwell', postcode: 'KX6 4AG', miles: 8.7, bearing: 265, stepFree: true, accessibleToilet: true, parking: true, accessNote: 'No regular bus; community transport can bring you.' },
  hembyPavilion: { name: 'Little Hemby Cricket Pavilion', address: 'Pavilion Lane', place: 'Little Hemby', postcode: 'KX6 2PL', miles: 4.3, bearing: 315, stepFree: true, accessibleToilet: true, parking: true },
  brackenbyInstitute: { name: 'Brackenby St Mary Institute', address: 'Top Road', place: 'Brackenby St Mary', postcode: 'KX6 8TR', miles: 6.8, bearing: 355, stepFree: false, parking: true, accessNote: 'Steps up to the hall; a side door with one low step can be opened on request.' },
  fennickWoods: { name: 'Fennick Woods car park', address: 'Woodside Lane', place: 'Fennick', postcode: 'KX5 3WL', miles: 6.1, bearing: 195, stepFree: false, parking: true, outdoor: true, accessNote: 'Woodland paths, muddy after rain, with some stiles.' },
} satisfies Record<string, Venue>;

export type VenueKey = keyof typeof VENUES;

export interface Organisation {
  name: string;
  description: string;
  /** Short slug for example.org addresses. */
  slug: string;
}

export const ORGANISATIONS = {
  ageWell: { slug: 'agewell', name: 'Age Well Kestleford', description: 'A local charity helping older people in Kestleford and the villages stay connected, active and independent.' },
  minds: { slug: 'mindsmatter', name: 'Kestleford Minds Matter', description: 'A small mental wellbeing charity offering peer support, courses and a listening ear.' },
  carers: { slug: 'carers', name: "Wendshire Carers' Network", description: 'Information, breaks and friendship for unpaid carers of all ages across Wendshire.' },
  library: { slug: 'libraries', name: 'Wendshire Libraries', description: 'The county library service, with free activities, computers and help for everyone.' },
  leisure: { slug: 'leisure', name: 'Kestleford Leisure Trust', description: 'A not-for-profit trust running the leisure centre and community sport in and around Kestleford.' },
  advice: { slug: 'advice', name: 'Kestleford Advice Centre', description: 'Free, confidential and independent advice on money, benefits, debt, housing and work.' },
  larder: { slug: 'larder', name: 'Kestleford Community Larder', description: 'A community food project sharing good food, reducing waste and bringing people together.' },
  volunteers: { slug: 'volunteer', name: 'Kestleford Volunteer Centre', description: 'Matching people who want to help with local groups that need them.' },
  youth: { slug: 'theloft', name: 'The Loft Youth Project', description: 'Youth work, activities and support for young people aged 11 to 25.' },
  families: { slug: 'familyhub', name: 'Kestleford Family Hub', description: 'Support for parents, carers and children from pregnancy to 19 (25 with special educational needs).' },
  green: { slug: 'greenspaces', name: 'Kestleford Green Spaces Trust', description: 'Looking after local parks, woods and gardens with the help of volunteers.' },
  arts: { slug: 'cornexchangearts', name: 'Corn Exchange Arts', description: 'A community arts charity based in the Old Corn Exchange.' },
  music: { slug: 'communitymusic', name: 'Kestleford Community Music', description: 'Choirs, bands and music-making for all ages and abilities.' },
  churches: { slug: 'churchestogether', name: 'Churches Together in Kestleford', description: 'The local churches working together on community projects open to everyone.' },
  islamic: { slug: 'islamiccentre', name: 'Kestleford Islamic Centre', description: 'A mosque and community centre that welcomes neighbours of every faith and none.' },
  gurdwara: { slug: 'gurdwara', name: 'Guru Nanak Gurdwara Kestleford', description: 'A Sikh place of worship whose langar and community activities are open to all.' },
  polish: { slug: 'polskiklub', name: 'Polish Community Association of Kestleford', description: 'A club for Polish speakers and their families, and anyone interested in Polish culture.' },
  pride: { slug: 'pride', name: 'Kestleford Pride Community', description: 'A volunteer-run group for LGBTQ+ people and allies in Kestleford and the villages.' },
  access: { slug: 'accesskestleford', name: 'Access Kestleford', description: 'A disabled people\'s organisation run by and for disabled people.' },
  transport: { slug: 'communitytransport', name: 'Kestleford Community Transport', description: 'Volunteer drivers and accessible minibuses for people who cannot easily use buses.' },
  bereavement: { slug: 'forgetmenot', name: 'Forget-Me-Not Bereavement Support', description: 'Trained volunteers supporting people after the death of someone close.' },
  pcn: { slug: 'pcn', name: 'Kestleford and Villages Primary Care Network', description: 'The local GP practices working together, including social prescribing link workers and health coaches.' },
  learning: { slug: 'adultlearning', name: 'Wendshire Adult Learning', description: 'Friendly, low-cost courses for adults, from first steps to qualifications.' },
  works: { slug: 'kestlefordworks', name: 'Kestleford Works', description: 'Free employment support: CVs, confidence, training and finding work that fits.' },
  villages: { slug: 'villagestogether', name: 'Villages Together', description: 'A network of village halls and volunteers tackling rural isolation around Kestleford.' },
  welsh: { slug: 'cymdeithas', name: 'Cymdeithas Gymraeg Kestleford', description: 'The Kestleford Welsh Society: Welsh speakers and learners meeting for conversation, music and friendship.' },
  welcome: { slug: 'welcome', name: 'Kestleford Welcome', description: 'Friendship and practical help for refugees, asylum seekers and people new to the area.' },
  saheli: { slug: 'saheli', name: 'Saheli Women\'s Group', description: 'A group for South Asian women and their friends, run in Urdu, Punjabi and English.' },
  deaf: { slug: 'deafclub', name: 'Wendshire Deaf Club', description: 'A social club for Deaf people and BSL users, and their families.' },
  housing: { slug: 'marlpithomes', name: 'Marlpit Homes', description: 'A local housing association with a tenancy support team open to all residents.' },
  menShed: { slug: 'mensshed', name: 'Kestleford Shed', description: 'A community workshop where people share skills, make things and chat.' },
} satisfies Record<string, Organisation>;

export type OrgKey = keyof typeof ORGANISATIONS;
