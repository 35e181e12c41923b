/**
 * The demo plans' areas of need in section B for cognition and learning (SEN2 area): reading and writing, number,
 * general learning, learning missed through absence, and learning at the earliest levels; each with its outcome, how
 * success is seen and the provision that meets it, worded for the child's phase. `AREAS_BY_NEED` (index.ts) says
 * which primary needs use them.
 */
import type { AreaSeed } from './index.ts';

export const LITERACY = {
  area: 'cognition-and-learning',
  need: {
    early: 'Finds it hard to listen for sounds in words and to remember songs and rhymes.',
    school:
      'Reading and spelling are well behind their other learning; they find it hard to hold sounds and words in mind.',
    adult: 'Reads slowly and finds it hard to spell, so written coursework and forms take them much longer.',
  },
  outcome: {
    early: 'will hear and say the first sound of familiar words, such as their name',
    school: 'will read a book at their reading level aloud with 95% accuracy',
    adult: 'will fill in a job application form on their own using spelling support software',
  },
  measure: {
    early: 'for 8 out of 10 familiar words, checked by the nursery teacher each half-term',
    school: 'measured on a running record each half-term',
    adult: 'on 2 practice applications, checked by their tutor each term',
  },
  pfa: 'employment',
  provision: {
    what: {
      early: 'Sound games and rhymes in a small group (phonological awareness)',
      school: 'A structured, multisensory phonics and spelling programme',
      adult: 'Study skills sessions using text-to-speech and spelling software',
    },
    amount: 20,
    unit: 'minutes',
    times: 4,
    per: 'week',
    role: 'The {assistant}',
    qualification: 'trained in the programme by the specialist teacher for literacy',
    grouping: 'one-to-one',
  },
  vague: 'Literacy catch-up through small group interventions',
} as const satisfies AreaSeed;

export const MATHS = {
  area: 'cognition-and-learning',
  need: {
    early: 'Is not yet counting objects or matching numbers of things.',
    school: 'Number facts do not stay in memory, and maths is about two years behind.',
    adult: 'Finds it hard to handle money, time and measures in everyday life and at work.',
  },
  outcome: {
    early: 'will count up to 5 objects, touching each one once',
    school: 'will recall number bonds to 10 and use them to add and subtract',
    adult: 'will pay for shopping and check their change, and read a timetable',
  },
  measure: {
    early: 'on 4 out of 5 occasions, recorded by the nursery teacher each half-term',
    school: 'with 90% accuracy on a timed check each half-term',
    adult: 'on 4 out of 5 real shopping trips, recorded by staff',
  },
  pfa: 'independent-living',
  provision: {
    what: {
      early: 'Counting games with real objects, led by an adult',
      school: 'A structured maths intervention using concrete objects and pictures',
      adult: 'Functional maths sessions on money, time and measures, with practice in real shops',
    },
    amount: 20,
    unit: 'minutes',
    times: 3,
    per: 'week',
    role: 'The {assistant}',
    qualification: 'trained in the intervention by the {setting}’s maths lead',
    grouping: 'group',
    size: 3,
  },
  vague: 'Differentiated work in maths',
} as const satisfies AreaSeed;

export const GENERAL_LEARNING = {
  area: 'cognition-and-learning',
  need: [
    {
      early:
        'Learns new skills much more slowly than other children and needs many repeats to remember them.',
      school:
        'Learns more slowly than others in all subjects, and needs new learning broken into small steps and repeated.',
      adult: 'Needs new tasks broken into small steps and shown several times before they can do them alone.',
    },
    {
      early: 'Their play, language and early number are at the level of a child about a year younger.',
      school:
        'Is working several years below age expectations in reading, writing and maths, and forgets learning between lessons.',
      adult:
        'Reads and works with numbers at an entry level, and needs information given in short, plain chunks.',
    },
  ],
  outcome: {
    early: 'will complete a three-piece puzzle and match colours on their own',
    school: 'will use a word bank and a writing frame to write five sentences on their own',
    adult: 'will follow a picture sequence to do a four-step work task on their own',
  },
  measure: 'on 4 out of 5 occasions, recorded by the {teacher} each half-term',
  pfa: 'employment',
  provision: {
    what: 'Pre-teaching of new words and ideas before each topic, and overlearning afterwards',
    amount: 20,
    unit: 'minutes',
    times: 3,
    per: 'week',
    role: 'The {assistant}',
    qualification: 'guided by the {teacher}, who plans the sessions',
    grouping: 'group',
    size: 3,
  },
  vague: 'Work matched to their level where possible',
} as const satisfies AreaSeed;

export const MISSED_LEARNING = {
  area: 'cognition-and-learning',
  need: {
    early: 'Has missed many sessions and is behind in early language and number.',
    school: 'Has missed a lot of school and has gaps in reading and maths from it.',
    adult: 'Left school with few qualifications after long absences and needs English and maths.',
  },
  outcome: {
    early: 'will join in with counting songs and name five colours',
    school: 'will close the gap in maths to one year behind their age',
    adult: 'will pass Functional Skills English and maths at Level 1',
  },
  measure: {
    early: 'on 4 out of 5 occasions, recorded by the nursery teacher each half-term',
    school: 'on a standardised maths assessment each term',
    adult: 'by passing the Level 1 examinations',
  },
  pfa: 'employment',
  provision: {
    what: {
      early: 'Small-group early language and number games',
      school: 'Catch-up teaching in maths and reading with a teacher',
      adult: 'Functional Skills English and maths teaching in a small group',
    },
    amount: 1,
    unit: 'hours',
    times: 2,
    per: 'week',
    role: 'Qualified teacher',
    qualification: 'with qualified teacher status',
    grouping: 'group',
    size: 4,
  },
  vague: 'Additional help with learning when possible',
} as const satisfies AreaSeed;

export const EARLY_LEARNING = {
  area: 'cognition-and-learning',
  need: 'Is learning at a very early level: exploring objects and cause and effect, and learning to make choices.',
  outcome: {
    early: 'will make a choice between two toys by reaching or looking',
    school: 'will choose their snack and activity from a choice of three symbols',
    adult: 'will choose what to do in their free time from a choice of four activities',
  },
  measure: 'on 4 out of 5 occasions, recorded by staff each half-term',
  pfa: 'independent-living',
  provision: {
    what: 'A personalised learning programme in small steps, using objects of reference and symbols',
    amount: 30,
    unit: 'minutes',
    times: 2,
    per: 'day',
    role: 'Specialist teaching assistant',
    qualification: 'trained in intensive interaction and the use of symbols',
    grouping: 'one-to-one',
  },
  vague: 'A curriculum matched to their needs',
} as const satisfies AreaSeed;

export const PMLD_LEARNING = {
  area: 'cognition-and-learning',
  need: 'Is learning at the earliest levels: noticing light, sound and touch, and beginning to expect familiar routines.',
  outcome: {
    early:
      'will show they expect a familiar song or game to start again, by smiling, moving or making a sound',
    school: 'will show they know what comes next in a familiar routine when given its object of reference',
    adult:
      'will show they know which activity is next when given its object of reference, and choose to join in',
  },
  measure: 'on 4 out of 5 occasions, recorded on video by staff each half-term',
  pfa: 'community-inclusion',
  provision: {
    what: 'A sensory learning programme of light, sound and touch activities, with objects of reference for each part of the day',
    amount: 30,
    unit: 'minutes',
    times: 2,
    per: 'day',
    role: 'Specialist teaching assistant',
    qualification:
      'trained in sensory learning by the specialist teacher for profound and multiple learning difficulties',
    grouping: 'one-to-one',
  },
  vague: 'A sensory curriculum adapted to their needs',
} as const satisfies AreaSeed;
