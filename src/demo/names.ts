/**
 * Fictional people and places for the demo authority: common given and family names from the communities of an
 * English town, a made-up town (Denmoor) with its villages and postcode districts in an unused postcode area (DM),
 * and made-up neighbouring councils. No name here is taken from the source documents.
 */
import type { Random } from './random.ts';

export type Origin =
  'english' | 'south-asian' | 'polish' | 'romanian' | 'somali' | 'west-african' | 'caribbean' | 'chinese';

function words(text: string): readonly string[] {
  return text.split(' ');
}

interface NamePool {
  boys: readonly string[];
  girls: readonly string[];
  /** Given names of parents' generation, when they differ from children's. */
  men?: readonly string[];
  women?: readonly string[];
  family: readonly string[];
}

export const NAME_POOLS: Record<Origin, NamePool> = {
  english: {
    boys: words(
      'Oliver Jack Harry George Noah Leo Charlie Freddie Alfie Theo Archie Oscar Thomas Joshua ' +
        'William James Henry Finley Riley Ethan Logan Jacob Max Lucas Samuel Dylan Reuben Toby ' +
        'Ryan Callum Liam Connor Daniel Kieran Lewis Mason Tyler Ben Joseph Harvey Jude Arthur ' +
        'Frankie Louie Bobby Stanley',
    ),
    girls: words(
      'Olivia Amelia Isla Ava Mia Ivy Lily Freya Grace Poppy Evie Sophie Ella Emily Ruby Chloe ' +
        'Megan Holly Jessica Lucy Daisy Willow Rosie Hannah Phoebe Erin Leah Charlotte Zoe Niamh ' +
        'Florence Matilda Elsie Harper Maisie',
    ),
    men: words(
      'Paul Mark Lee Craig Darren Stuart Matthew Andrew Christopher Jamie Wayne Gareth Adam ' +
        'Richard Steven Neil Carl Simon Jason Martin Scott Dean Gary Robert Michael David John ' +
        'Anthony Ian Kevin',
    ),
    women: words(
      'Sarah Emma Laura Rachel Claire Gemma Kelly Lisa Nicola Joanne Hayley Stacey Kirsty Amy ' +
        'Helen Victoria Louise Rebecca Natalie Danielle Jennifer Michelle Karen Donna Zoe Kate ' +
        'Charlotte Jade Leanne Samantha',
    ),
    family: words(
      'Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans ' +
        'Walker White Roberts Green Hall Wood Jackson Clarke Hughes Harris Turner Cooper Hill ' +
        'Ward Morris Moore Clark King Baker Harrison Morgan Allen James Scott Phillips Watson ' +
        'Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey ' +
        'Collins Bell Shaw Murphy Miller Cox Richards Marshall Anderson Simpson Ellis Adams ' +
        'Wilkinson Foster Chapman Mills Webb Rogers Gray Mason Hunt Holmes Palmer Fletcher Barker ' +
        'Dixon Atkinson Brennan Lowe Fox Hudson Hartley Kershaw Crossley Sutcliffe Pickering ' +
        'Ashworth Haigh Firth Lister Greenwood Holroyd Barraclough Whiteley Brooke Dobson Naylor',
    ),
  },
  'south-asian': {
    boys: words(
      'Muhammad Ibrahim Zain Ayaan Yusuf Hamza Aryan Arjun Rayan Ismail Bilal Adam Zakariya ' +
        'Rohan Eesa Haroon Dev Kabir',
    ),
    girls: words(
      'Aisha Maryam Zara Fatima Inaaya Anaya Hafsa Amira Priya Simran Noor Zainab Safa Ayesha ' +
        'Mariam Riya Jasleen',
    ),
    men: words('Imran Tariq Asif Shahid Nadeem Rajesh Sanjay Gurpreet Faisal Kamran Javed'),
    women: words('Nasreen Shabana Rukhsana Sadia Farzana Anjali Sunita Parveen Samina Rubina'),
    family: words(
      'Khan Ahmed Hussain Ali Patel Shah Mahmood Iqbal Akhtar Rahman Chowdhury Islam Miah Singh ' +
        'Sharma Kumar Mistry Parmar Rashid Qureshi Hassan Butt Malik Sandhu',
    ),
  },
  polish: {
    boys: words('Jakub Kacper Szymon Filip Antoni Mateusz Oskar Wiktor Igor Franciszek'),
    girls: words('Zuzanna Julia Maja Zofia Hanna Lena Alicja Oliwia Natalia Wiktoria'),
    men: words('Tomasz Piotr Krzysztof Marcin Pawel Lukasz Michal Grzegorz'),
    women: words('Marta Agnieszka Katarzyna Anna Monika Magdalena Joanna Ewa'),
    family: words(
      'Nowak Mazur Krawczyk Kaczmarek Zajac Krol Wieczorek Pawlak Michalak Sikora Walczak Baran ' +
        'Szewczyk Wrobel Dudek',
    ),
  },
  romanian: {
    boys: words('Andrei Alexandru David Luca Matei Stefan Gabriel Ionut Darius Rares'),
    girls: words('Maria Ioana Elena Sofia Andreea Bianca Daria Ana Alesia Ilinca'),
    men: words('Florin Mihai Cristian Adrian Marius Bogdan Vasile Costel'),
    women: words('Mihaela Alina Gabriela Florentina Cristina Ramona Loredana Nicoleta'),
    family: words(
      'Popescu Ionescu Popa Stan Dumitru Constantin Munteanu Georgescu Rusu Lazar Moldovan ' + 'Ciobanu',
    ),
  },
  somali: {
    boys: words('Abdi Mohamed Abdullahi Ahmed Hassan Ayub Mustafa Omar Yahya Zakaria'),
    girls: words('Hodan Amina Ayan Fadumo Sagal Hibaq Ikran Nimo Sahra Deqa'),
    men: words('Abdirahman Mahad Liban Guled Abdikarim Farhan'),
    women: words('Halima Khadra Ubah Faduma Ladan Sucaad'),
    family: words('Mohamed Ali Hassan Abdi Farah Warsame Yusuf Omar Jama Osman Egal Aden'),
  },
  'west-african': {
    boys: words('Chidi Emeka Kwame Kofi Tobi David Samuel Daniel Femi Kojo Ayo'),
    girls: words('Chioma Adaeze Ama Abena Tolu Blessing Esther Grace Favour Adwoa Ife'),
    men: words('Oluwaseun Chukwuemeka Kwabena Babatunde Yaw Godwin'),
    women: words('Ngozi Folake Akosua Funmilayo Efua Patience'),
    family: words('Okafor Adeyemi Mensah Owusu Boateng Okonkwo Adebayo Asante Nwosu Oyelaran Appiah Eze'),
  },
  caribbean: {
    boys: words('Jayden Tyrese Marcus Kai Elijah Isaiah Malachi Andre Josiah Reuben'),
    girls: words('Aaliyah Jada Kezia Shanice Tia Naomi Imani Leah Amara Nia'),
    men: words('Delroy Winston Leon Marlon Clive Errol Trevor'),
    women: words('Sharon Marcia Paulette Janice Simone Yvonne Natasha'),
    family: words(
      'Campbell Francis Thomas Grant Brown Reid Clarke Edwards Henry Samuels Lewis Gordon ' +
        'Williams Bryan',
    ),
  },
  chinese: {
    boys: words('Wei Jun Hao Kai Ming Jian Yu Chen Ethan Lucas'),
    girls: words('Mei Lin Xin Yan Hui Jia Ying Chloe Emily Xiao'),
    men: words('Wing Kwok Tak Hong Jie Lei'),
    women: words('Siu Ling Fang Yi Qing Wai'),
    family: words('Chen Wong Li Zhang Wang Liu Lam Cheung Chan Ho Ng Yeung'),
  },
};

export function givenName(rng: Random, origin: Origin, sex: 'F' | 'M', adult: boolean): string {
  const pool = NAME_POOLS[origin];
  if (adult) {
    const adults = sex === 'F' ? pool.women : pool.men;
    if (adults && rng.chance(0.8)) return rng.pick(adults);
  }
  return rng.pick(sex === 'F' ? pool.girls : pool.boys);
}

export function familyName(rng: Random, origin: Origin): string {
  return rng.pick(NAME_POOLS[origin].family);
}

/** The town and its villages, each a postcode district in the made-up DM area. */
export const TOWN = 'Denmoor';

export const DISTRICTS: readonly { district: string; town: string; weight: number }[] = [
  { district: 'DM1', town: 'Denmoor', weight: 14 },
  { district: 'DM2', town: 'Denmoor', weight: 14 },
  { district: 'DM3', town: 'Denmoor', weight: 12 },
  { district: 'DM4', town: 'Denmoor', weight: 12 },
  { district: 'DM5', town: 'Harrowfield', weight: 10 },
  { district: 'DM6', town: 'Stonebeck', weight: 9 },
  { district: 'DM7', town: 'Millford Cross', weight: 8 },
  { district: 'DM8', town: 'Bramblecote', weight: 6 },
  { district: 'DM9', town: 'Ravensholt', weight: 6 },
  { district: 'DM10', town: 'Thistleby', weight: 5 },
  { district: 'DM11', town: 'Kingsmere', weight: 4 },
];

/** Made-up neighbouring councils, with their own made-up postcode areas, for out-of-area settings. */
export const NEIGHBOURS: readonly { name: string; area: string; town: string }[] = [
  { name: 'Ashvale County Council', area: 'AV', town: 'Ashvale' },
  { name: 'Kestonbury Borough Council', area: 'KQ', town: 'Kestonbury' },
  { name: 'Northfell Council', area: 'NF', town: 'Northfell' },
];

// The inward code's letters never include C, I, K, M, O or V.
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export function inwardCode(rng: Random): string {
  return `${rng.int(0, 9)}${INWARD_LETTERS[rng.int(0, INWARD_LETTERS.length - 1)]}${INWARD_LETTERS[rng.int(0, INWARD_LETTERS.length - 1)]}`;
}

/** A Denmoor address: its postcode, town and a street address. */
export function address(rng: Random): { line: string; town: string; postcode: string } {
  const place = rng.weighted(DISTRICTS.map((d) => [d, d.weight] as const));
  return { line: streetAddress(rng), town: place.town, postcode: `${place.district} ${inwardCode(rng)}` };
}

export function neighbourPostcode(rng: Random, area: string): string {
  return `${area}${rng.int(1, 9)} ${inwardCode(rng)}`;
}

const STREET_STEMS = words(
  'Heather Moorland Bracken Station Church Mill Chapel Victoria Albert Park Oak Beech Rowan ' +
    'Sycamore Willow Elm Ash Holly Meadow Orchard Granary Quarry Tannery Foundry Weavers ' +
    'Spinners Kiln Fellside Beck Ridge Castle Abbey Priory Kingfisher Curlew Lapwing Skylark ' +
    'Heron Badger Foxglove Bluebell Thornbury Cragg Lowfield Highfield Greenhill Moorside ' +
    'Wharf Canal Denholme Cobble Larch Hawthorn Juniper',
);
const STREET_KINDS = words(
  'Road Street Lane Close Avenue Drive Way Grove Crescent Terrace Gardens View Court Walk ' + 'Mews Rise',
);

export function streetAddress(rng: Random): string {
  const flat = rng.chance(0.12) ? `Flat ${rng.int(1, 24)}, ` : '';
  return `${flat}${rng.int(1, 180)} ${rng.pick(STREET_STEMS)} ${rng.pick(STREET_KINDS)}`;
}

/** A mobile number in Ofcom's range reserved for drama (07700 900000 to 07700 900999). */
export function mobileNumber(rng: Random): string {
  return `07700 900${String(rng.int(0, 999)).padStart(3, '0')}`;
}

/** A landline in Ofcom's fictional 01632 960xxx range. */
export function landlineNumber(rng: Random): string {
  return `01632 960${String(rng.int(0, 999)).padStart(3, '0')}`;
}

/** A name or place in lower-case ASCII letters only, for an email address or a domain ("Zoë Ní" gives "zoeni"). */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}
