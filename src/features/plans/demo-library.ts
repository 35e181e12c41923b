/**
 * The demo plans' content (issue 18 item 9), as data: for each primary need (SEN2 codes), the areas of need a plan
 * for that child records in section B, each with its outcome and the specific provision that meets it (who, what, how
 * much, how often), worded for the child's phase (early years, school, post-16); the health need in section C that
 * often goes with the primary need; and the preparing-for-adulthood outcomes a young person's plan covers.
 *
 * Words in braces are filled in for the phase: {setting} (nursery, school, college), {assistant} (the key person, the
 * teaching assistant, the learning support assistant), {teacher} (the nursery teacher, the class teacher, the tutor),
 * {senco} (who oversees provision there). A child's name is put in front of each outcome.
 */
import type { AreaOfNeed, AmountUnit, FrequencyPeriod } from '../../domain/plan-quality/model.ts';
import type { PreparationForAdulthoodArea } from '../../domain/plan-quality/model.ts';

export type Phase = 'early' | 'school' | 'adult';

/** A text for every phase, or one for each. */
export type Phased = string | Readonly<Record<Phase, string>>;

export interface ProvisionSeed {
  what: Phased;
  amount: number;
  unit: AmountUnit;
  times: number;
  per: FrequencyPeriod;
  role: string;
  qualification: string;
  grouping: 'one-to-one' | 'group';
  /** The group's size, for group provision. */
  size?: number;
  where?: Phased;
}

export interface AreaSeed {
  area: AreaOfNeed;
  /** What the child finds hard, or several ways a plan says it (one is drawn for each child). */
  need: Phased | readonly Phased[];
  /** Follows the child's name: "will ...". */
  outcome: Phased;
  /** How success will be seen: a measurable change, and who records it. */
  measure: Phased;
  /** The preparing-for-adulthood area an outcome of this kind serves, from Year 9. */
  pfa: PreparationForAdulthoodArea;
  provision: ProvisionSeed;
  /** A weaker plan's wording of the same provision: quantified, but leaving too much to the reader. */
  vague: Phased;
}

export interface HealthSeed {
  need: Phased;
  /** Follows the child's name: "will ...", served by the health provision. */
  outcome: Phased;
  measure: Phased;
  provision: ProvisionSeed;
}

/** Fills in the phase's words. */
export function phased(text: Phased, phase: Phase): string {
  const t = typeof text === 'string' ? text : text[phase];
  return t.replaceAll(
    /\{(setting|assistant|teacher|senco)\}/g,
    (_, k: keyof typeof WORDS) => WORDS[k][phase],
  );
}

const WORDS = {
  setting: { early: 'nursery', school: 'school', adult: 'college' },
  assistant: { early: 'key person', school: 'teaching assistant', adult: 'learning support assistant' },
  teacher: { early: 'nursery teacher', school: 'class teacher', adult: 'personal tutor' },
  senco: {
    early: 'The nursery SENCO',
    school: 'The SENCO',
    adult: 'The college’s additional learning support manager',
  },
} as const;

/** Where provision happens when its seed does not say. */
export const WHERE_BY_PHASE: Readonly<Record<Phase, string>> = {
  early: 'In the nursery room and its quiet corner',
  school: 'In a quiet room next to the classroom',
  adult: 'At college, in the learning support base',
};

const SALT = {
  area: 'communication-and-interaction',
  need: [
    {
      early:
        'Uses a few single words and gestures; does not yet put two words together or follow a simple request.',
      school:
        'Understands and uses language well below what is expected for their age: long instructions and new words are hard to follow.',
      adult:
        'Finds it hard to follow spoken information at college and at work and to explain what they need.',
    },
    {
      early:
        'Speech is hard for people outside the family to understand, and they get upset when not understood.',
      school:
        'Their speech is often unclear to people who do not know them, so they avoid answering in class.',
      adult:
        'Their speech is unclear to people who do not know them, which makes phone calls and interviews hard.',
    },
    {
      early: 'Understands routine words at home but not new words or questions at nursery.',
      school:
        'Finds it hard to put sentences in order to tell a story or explain what happened, in speech or writing.',
      adult: 'Finds it hard to explain events in order or to put their ideas into words in assignments.',
    },
  ],
  outcome: {
    early: 'will put two words together to ask for what they want, such as “more juice”',
    school: 'will follow a three-step instruction in class without an adult repeating it',
    adult: 'will ask a tutor or manager to explain an instruction again when they have not understood it',
  },
  measure: 'on 4 out of 5 observed occasions, recorded by staff each half-term',
  pfa: 'community-inclusion',
  provision: {
    what: 'Direct speech and language therapy on understanding and using language',
    amount: 30,
    unit: 'minutes',
    times: 1,
    per: 'week',
    role: 'Speech and language therapist',
    qualification: 'registered with the Health and Care Professions Council',
    grouping: 'one-to-one',
  },
  vague: 'Speech and language therapy input, with more when needed',
} as const satisfies AreaSeed;

const SOCIAL = {
  area: 'communication-and-interaction',
  need: [
    {
      early:
        'Plays alongside other children but not yet with them; finds sharing and taking turns very hard.',
      school:
        'Finds it hard to take turns in conversation, read other people’s feelings and join in games at break.',
      adult: 'Finds it hard to start conversations with people they do not know and to work in a team.',
    },
    {
      early: 'Rarely looks to an adult to share interest, and plays the same game in the same way each day.',
      school:
        'Takes what people say literally, and misunderstands jokes and sarcasm, which leads to falling out with friends.',
      adult:
        'Misreads what others mean in conversation, and finds small talk with colleagues and new people tiring.',
    },
    {
      early: 'Does not yet respond to their name or point to show an adult something.',
      school:
        'Talks at length about their own interests and finds it hard to listen to others’ ideas in group work.',
      adult: 'Prefers to work alone and finds it hard to ask colleagues or tutors for help.',
    },
  ],
  outcome: {
    early: 'will take turns in a simple game with one other child and an adult',
    school: 'will join a game with other children at lunchtime and keep to its rules',
    adult: 'will work with two other students on a group task and agree who does what',
  },
  measure: 'on 3 out of 4 observed occasions, recorded by staff each half-term',
  pfa: 'community-inclusion',
  provision: {
    what: {
      early: 'Turn-taking games led by an adult, with one or two other children',
      school: 'A social communication group using structured games and social stories',
      adult: 'A social communication group practising teamwork and conversations for work',
    },
    amount: 30,
    unit: 'minutes',
    times: 2,
    per: 'week',
    role: 'The {assistant}',
    qualification: 'trained by the speech and language therapist, who sets the programme each term',
    grouping: 'group',
    size: 4,
  },
  vague: 'Help to develop social skills through group work',
} as const satisfies AreaSeed;

const REGULATION = {
  area: 'social-emotional-mental-health',
  need: [
    {
      early:
        'Becomes very distressed at drop-off and at changes of activity, and may cry or hide for a long time.',
      school:
        'Becomes very anxious at unstructured times and at changes of routine, and may leave the classroom.',
      adult: 'Becomes anxious in busy places and when plans change, and has stopped going to some lessons.',
    },
    {
      early:
        'Finds waiting and transitions between activities very hard, and may drop to the floor or run off.',
      school: 'Holds in their anxiety at school and then has long meltdowns at home most evenings.',
      adult: 'Masks their anxiety at college and is exhausted afterwards, missing days when it builds up.',
    },
  ],
  outcome: {
    early: 'will settle at drop-off within 10 minutes with their key person',
    school: 'will manage the move between lessons and break times calmly',
    adult: 'will attend 90% of their timetabled sessions and use their plan when anxious',
  },
  measure: {
    early: 'on 4 days out of 5, from the key person’s daily record',
    school: 'on 4 days out of 5, from the daily check-in record',
    adult: 'from the college register and their weekly check-in, reviewed each half-term',
  },
  pfa: 'health',
  provision: {
    what: {
      early:
        'A visual timetable and a settling routine with a named key person at drop-off and changes of activity',
      school: 'Check-in with a named key adult using a visual timetable, and a planned exit card',
      adult: 'Check-in with a named mentor to plan the week and agree what to do when anxious',
    },
    amount: 10,
    unit: 'minutes',
    times: 2,
    per: 'day',
    role: 'Named key adult (the {assistant})',
    qualification: 'trained in emotion coaching',
    grouping: 'one-to-one',
  },
  vague: 'Emotional support from a key adult to help them manage their feelings',
} as const satisfies AreaSeed;

const SENSORY = {
  area: 'sensory-physical',
  need: [
    'Is overwhelmed by noise, crowds and some textures, and covers their ears or runs off when it is too much.',
    {
      early: 'Seeks movement all the time, climbing and spinning, and finds it hard to sit for group time.',
      school:
        'Seeks movement and pressure, fidgets and chews clothing, and finds it hard to sit through a lesson.',
      adult: 'Needs to move and fidget to concentrate, and finds long, still sessions in class very hard.',
    },
  ],
  outcome: {
    early: 'will stay in the room for group time for 10 minutes, using ear defenders when they choose',
    school: 'will eat lunch in the dining hall for the whole lunch break',
    adult: 'will travel on a busy bus and spend an hour in a shop or café, using their own ways of coping',
  },
  measure: 'on 3 out of 4 occasions, recorded by staff each half-term',
  pfa: 'independent-living',
  provision: {
    what: 'A sensory diet of planned movement and calming breaks set by the occupational therapist',
    amount: 10,
    unit: 'minutes',
    times: 3,
    per: 'day',
    role: 'The {assistant}',
    qualification: 'shown the programme by the occupational therapist each term',
    grouping: 'one-to-one',
  },
  vague: 'Sensory breaks as and when needed',
} as const satisfies AreaSeed;

const LITERACY = {
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

const MATHS = {
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

const GENERAL_LEARNING = {
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

const SELF_ESTEEM = {
  area: 'social-emotional-mental-health',
  need: {
    early: 'Gives up quickly when something is hard and is easily upset.',
    school: 'Says they are “stupid” when work is hard, and avoids tasks rather than try and fail.',
    adult: 'Lacks confidence in their own abilities and avoids new situations and people.',
  },
  outcome: {
    early: 'will keep trying at a new activity for 5 minutes with encouragement',
    school: 'will start a new task within 2 minutes and ask for help when stuck',
    adult: 'will try a new activity or task each week and say what went well',
  },
  measure: 'on 4 out of 5 occasions, recorded by staff each half-term',
  pfa: 'health',
  provision: {
    what: {
      early: 'Praise and play sessions with their key person, building on what they enjoy',
      school: 'A mentoring session with a trusted adult to set and review small goals',
      adult: 'Mentoring with a named tutor to set and review weekly goals',
    },
    amount: 20,
    unit: 'minutes',
    times: 1,
    per: 'week',
    role: 'The {assistant}',
    qualification: 'trained in emotional literacy support (ELSA)',
    grouping: 'one-to-one',
  },
  vague: 'Support to build confidence',
} as const satisfies AreaSeed;

const SEMH_ANGER = {
  area: 'social-emotional-mental-health',
  need: [
    {
      early: 'Hits out or throws things when they cannot have what they want, several times a day.',
      school: 'Reacts with anger to small setbacks, and has been suspended for fights at break.',
      adult: 'Has angry outbursts when criticised, which put their place at college and at work at risk.',
    },
    {
      early:
        'Finds it very hard to follow adult requests and to stay with an activity for more than a minute or two.',
      school:
        'Finds it hard to trust adults after difficult early experiences, and tests boundaries with new staff.',
      adult: 'Finds it hard to trust staff and to accept help, after difficult experiences at school.',
    },
    {
      early: 'Becomes withdrawn and quiet for long periods, and does not seek comfort from adults.',
      school: 'Has low mood and often refuses to come into school or to go to lessons.',
      adult: 'Has periods of low mood when they stop attending and stop replying to messages.',
    },
  ],
  outcome: {
    early: 'will use a calm-down corner or ask an adult for help instead of hitting',
    school: 'will use their agreed calm-down plan when upset, with no fixed-term suspensions',
    adult: 'will stay calm when given feedback at college or work, using their agreed plan',
  },
  measure: 'in 4 out of 5 incidents, from the behaviour log reviewed each half-term',
  pfa: 'community-inclusion',
  provision: {
    what: {
      early: 'Coaching in naming feelings and calming down, with a consistent plan shared with home',
      school: 'Sessions on understanding and managing anger, using a cognitive behavioural approach',
      adult: 'Sessions with a mentor on managing anger and responding to feedback',
    },
    amount: 45,
    unit: 'minutes',
    times: 1,
    per: 'week',
    role: 'Learning mentor',
    qualification: 'trained in cognitive behavioural approaches, supervised by the educational psychologist',
    grouping: 'one-to-one',
  },
  vague: 'Access to a quiet space and support with behaviour as appropriate',
} as const satisfies AreaSeed;

const MISSED_LEARNING = {
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

const FINE_MOTOR = {
  area: 'sensory-physical',
  need: {
    early: 'Finds it hard to hold a crayon, use a spoon or do up a coat.',
    school: 'Low muscle tone affects handwriting stamina and dressing for PE.',
    adult: 'Writing by hand is slow and tiring, and buttons and zips take a long time.',
  },
  outcome: {
    early: 'will feed themselves with a spoon and hold a chunky crayon to make marks',
    school: 'will write independently for 10 minutes without a rest',
    adult: 'will touch-type at 20 words a minute and dress for work on their own',
  },
  measure: 'on 3 out of 4 occasions, from work samples checked each half-term',
  pfa: 'independent-living',
  provision: {
    what: {
      early: 'A fine motor play programme set by the occupational therapist',
      school: 'A fine motor skills programme set by the occupational therapist',
      adult: 'Touch-typing lessons and practice on the college laptop',
    },
    amount: 20,
    unit: 'minutes',
    times: 3,
    per: 'week',
    role: 'The {assistant}',
    qualification: 'shown the programme by the occupational therapist each term',
    grouping: 'group',
    size: 4,
  },
  vague: 'Opportunities for fine motor activities',
} as const satisfies AreaSeed;

const MOBILITY = {
  area: 'sensory-physical',
  need: {
    early: 'Walks with a frame and tires quickly; needs help to get to the floor and up again.',
    school: 'Uses a wheelchair for longer distances and a walking frame in class; tires by the afternoon.',
    adult: 'Uses a wheelchair and needs help with transfers and personal care.',
  },
  outcome: {
    early: 'will walk with their frame from the door to the carpet on their own',
    school: 'will move between lessons on their own in their powered wheelchair',
    adult: 'will direct their own personal care and tell staff how they want it done',
  },
  measure: 'on 4 days out of 5, recorded by staff each half-term',
  pfa: 'independent-living',
  provision: {
    what: 'A physiotherapy programme of stretches and standing practice',
    amount: 20,
    unit: 'minutes',
    times: 1,
    per: 'day',
    role: 'The {assistant}',
    qualification: 'trained in moving and handling, and shown the programme by the physiotherapist each term',
    grouping: 'one-to-one',
    where: 'In the therapy room',
  },
  vague: 'Physiotherapy as advised',
} as const satisfies AreaSeed;

const EARLY_LEARNING = {
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

const AAC = {
  area: 'communication-and-interaction',
  need: 'Communicates with some signs, pictures and sounds; has few spoken words.',
  outcome: {
    early: 'will use five signs or pictures to ask for things they want',
    school: 'will use their communication aid to ask for help and say how they feel',
    adult: 'will use their communication aid to order a drink in a café',
  },
  measure: 'on 4 out of 5 occasions, recorded by staff each half-term',
  pfa: 'community-inclusion',
  provision: {
    what: 'Modelling of signs and the communication aid through the day, with a weekly session from the therapist',
    amount: 30,
    unit: 'minutes',
    times: 1,
    per: 'week',
    role: 'Speech and language therapist',
    qualification:
      'registered with the Health and Care Professions Council, with training in augmentative communication',
    grouping: 'one-to-one',
  },
  vague: 'A total communication approach',
} as const satisfies AreaSeed;

const SELF_CARE = {
  area: 'sensory-physical',
  need: 'Needs help with eating, toileting and dressing, and with moving safely around.',
  outcome: {
    early: 'will hold a beaker and drink from it on their own',
    school: 'will wash and dry their hands on their own after using the toilet',
    adult: 'will make a hot drink and a snack on their own',
  },
  measure: 'on 4 out of 5 occasions, recorded by staff each half-term',
  pfa: 'independent-living',
  provision: {
    what: 'Daily practice of self-care skills in small steps, following the occupational therapist’s plan',
    amount: 15,
    unit: 'minutes',
    times: 2,
    per: 'day',
    role: 'The {assistant}',
    qualification: 'trained in moving and handling and in personal care',
    grouping: 'one-to-one',
  },
  vague: 'Help with self-care throughout the day',
} as const satisfies AreaSeed;

const SENSORY_LEARNING = {
  area: 'communication-and-interaction',
  need: 'Shows how they feel with their face, sounds and body; responds to familiar voices, music and touch.',
  outcome: {
    early: 'will show which of two sensory toys they want by looking or reaching',
    school: 'will show “more” or “finished” with a consistent movement or sound',
    adult: 'will show with a consistent movement or sound which activity they want to do',
  },
  measure: 'on 4 out of 5 occasions, recorded on video by staff each half-term',
  pfa: 'community-inclusion',
  provision: {
    what: 'Intensive interaction and sensory stories, following the child’s lead',
    amount: 20,
    unit: 'minutes',
    times: 2,
    per: 'day',
    role: 'Specialist teaching assistant',
    qualification: 'trained in intensive interaction',
    grouping: 'one-to-one',
  },
  vague: 'Communication through intensive interaction when possible',
} as const satisfies AreaSeed;

const PMLD_LEARNING = {
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

const POSTURE = {
  area: 'sensory-physical',
  need: 'Cannot sit, stand or change position without help; needs a postural care plan and hoisting.',
  outcome: {
    early: 'will hold their head up for 2 minutes when supported in sitting',
    school: 'will stand in their standing frame for 30 minutes each day without discomfort',
    adult: 'will tell staff with their agreed signal when they want to change position',
  },
  measure: 'on 4 days out of 5, from the postural care chart reviewed each half-term',
  pfa: 'health',
  provision: {
    what: 'A postural care programme, changes of position and standing frame time, set by the physiotherapist',
    amount: 30,
    unit: 'minutes',
    times: 2,
    per: 'day',
    role: 'The {assistant}',
    qualification: 'trained in moving and handling and in the postural care plan',
    grouping: 'one-to-one',
    where: 'In class and the therapy room',
  },
  vague: 'Physical support throughout the day',
} as const satisfies AreaSeed;

const HEARING = {
  area: 'sensory-physical',
  need: 'Has a permanent hearing loss in both ears and wears hearing aids; misses much of what is said in noisy rooms.',
  outcome: {
    early: 'will turn to their name when called in the nursery room',
    school: 'will tell an adult when their hearing aids or radio aid are not working',
    adult: 'will explain their hearing loss and what helps to a new tutor or employer',
  },
  measure: 'on 4 out of 5 occasions, recorded by staff and the Teacher of the Deaf each term',
  pfa: 'employment',
  provision: {
    what: 'Visits from the Teacher of the Deaf to teach listening skills and advise staff, and daily hearing aid checks',
    amount: 1,
    unit: 'hours',
    times: 2,
    per: 'half-term',
    role: 'Qualified Teacher of the Deaf',
    qualification: 'holding the mandatory qualification for teachers of the deaf',
    grouping: 'one-to-one',
  },
  vague: 'Advice from the sensory support service',
} as const satisfies AreaSeed;

const HI_LANGUAGE = {
  area: 'communication-and-interaction',
  need: 'Their vocabulary and understanding of spoken language are behind because of their hearing loss.',
  outcome: {
    early: 'will understand and use 50 words, spoken or signed',
    school: 'will learn the key words for each topic before it starts and use them in class',
    adult: 'will learn and use the key words for their course and their work placement',
  },
  measure: 'checked against the topic word list each half-term',
  pfa: 'employment',
  provision: {
    what: 'Pre-teaching of key vocabulary for each topic',
    amount: 20,
    unit: 'minutes',
    times: 3,
    per: 'week',
    role: 'The {assistant}',
    qualification: 'trained in deaf awareness by the Teacher of the Deaf',
    grouping: 'one-to-one',
  },
  vague: 'Help with vocabulary when needed',
} as const satisfies AreaSeed;

const VISION = {
  area: 'sensory-physical',
  need: 'Has low vision: cannot see the board or standard print, and finds it hard to see in poor light.',
  outcome: {
    early: 'will find and choose toys by colour and touch in the nursery room',
    school: 'will use their magnifier and tablet to read class texts on their own',
    adult: 'will use screen magnification and speech on a computer to do their coursework',
  },
  measure: 'on 4 out of 5 occasions, recorded by the Qualified Teacher of Vision Impairment each term',
  pfa: 'employment',
  provision: {
    what: 'Teaching in the use of magnifiers and a tablet, and modified large-print materials for every lesson',
    amount: 1,
    unit: 'hours',
    times: 1,
    per: 'week',
    role: 'Qualified Teacher of Vision Impairment',
    qualification: 'holding the mandatory qualification for teachers of vision impairment',
    grouping: 'one-to-one',
  },
  vague: 'Resources adapted when possible',
} as const satisfies AreaSeed;

const VI_MOBILITY = {
  area: 'sensory-physical',
  need: 'Needs help to find their way around new places and to move safely in busy areas.',
  outcome: {
    early: 'will find their way from the door to their peg and the toilet on their own',
    school: 'will move between lessons on their own, using their cane on the planned route',
    adult: 'will travel on their own from home to college by bus',
  },
  measure: 'on 4 out of 5 occasions, recorded by the habilitation specialist each term',
  pfa: 'independent-living',
  provision: {
    what: 'Habilitation training in mobility, orientation and independent living skills',
    amount: 1,
    unit: 'hours',
    times: 1,
    per: 'week',
    role: 'Habilitation specialist',
    qualification: 'qualified in habilitation for children and young people with vision impairment',
    grouping: 'one-to-one',
    where: 'Around the {setting} and on the routes they use',
  },
  vague: 'Mobility support as required',
} as const satisfies AreaSeed;

const DUAL_SENSORY = {
  area: 'sensory-physical',
  need: 'Has both hearing and sight loss; needs people to tell them who they are and to let them touch things to understand them.',
  outcome: {
    early: 'will recognise three familiar people from a touch cue and respond to them',
    school: 'will use objects of reference to know what is happening next in their day',
    adult: 'will use their tactile timetable to plan and follow their own day',
  },
  measure: 'on 4 out of 5 occasions, recorded by the multi-sensory impairment teacher each term',
  pfa: 'independent-living',
  provision: {
    what: 'A trained intervener working with them through the day, guided by the multi-sensory impairment teacher',
    amount: 5,
    unit: 'hours',
    times: 5,
    per: 'week',
    role: 'Intervener',
    qualification: 'trained in multi-sensory impairment',
    grouping: 'one-to-one',
    where: 'Throughout the {setting} day',
  },
  vague: 'Adult support throughout the day',
} as const satisfies AreaSeed;

const TACTILE = {
  area: 'communication-and-interaction',
  need: 'Communicates through touch, objects and some signs on the hand.',
  outcome: {
    early: 'will use three objects of reference to ask for drink, play and cuddle',
    school: 'will use 20 hand-under-hand signs to ask and answer',
    adult: 'will use tactile signing to tell staff what they want to do',
  },
  measure: 'on 4 out of 5 occasions, recorded by staff each half-term',
  pfa: 'community-inclusion',
  provision: {
    what: 'Teaching of tactile signs and objects of reference, shared with home',
    amount: 30,
    unit: 'minutes',
    times: 3,
    per: 'week',
    role: 'Qualified teacher of multi-sensory impairment',
    qualification: 'holding the mandatory qualification for teachers of multi-sensory impairment',
    grouping: 'one-to-one',
  },
  vague: 'Communication support',
} as const satisfies AreaSeed;

const PD_INDEPENDENCE = {
  area: 'social-emotional-mental-health',
  need: 'Feels left out when they cannot join in with PE and trips, and is becoming withdrawn.',
  outcome: {
    early: 'will join in with outdoor play with adapted equipment each day',
    school: 'will take part in every PE lesson and school trip, with adapted activities',
    adult: 'will join a sports or social club of their choice outside college',
  },
  measure: 'from the register of PE lessons and trips, reviewed each term',
  pfa: 'community-inclusion',
  provision: {
    what: 'Adapted PE planned with the physiotherapist, and a risk assessment for each trip',
    amount: 1,
    unit: 'hours',
    times: 1,
    per: 'week',
    role: 'PE teacher',
    qualification: 'with qualified teacher status, advised by the physiotherapist each term',
    grouping: 'group',
    size: 8,
  },
  vague: 'Inclusion in activities where possible',
} as const satisfies AreaSeed;

const MEDICAL_ATTENDANCE = {
  area: 'sensory-physical',
  need: 'A long-term health condition means frequent hospital appointments and tiredness, so they miss learning.',
  outcome: {
    early: 'will join in for the whole of 4 nursery sessions out of 5',
    school: 'will keep up with core subjects, catching up on work missed within two weeks',
    adult: 'will complete their course on a timetable that fits their treatment',
  },
  measure: 'from attendance and work records, reviewed each half-term',
  pfa: 'health',
  provision: {
    what: 'A planned rest break, and work sent home and gone through on return after any absence',
    amount: 30,
    unit: 'minutes',
    times: 2,
    per: 'week',
    role: 'The {assistant}',
    qualification: 'briefed on the health care plan by the school nurse',
    grouping: 'one-to-one',
  },
  vague: 'Flexibility around their medical needs',
} as const satisfies AreaSeed;

/**
 * For each primary need, the areas a plan records in B: the first is always the primary need's own; the others are
 * drawn for each child.
 */
export const AREAS_BY_NEED: Readonly<Record<string, readonly AreaSeed[]>> = {
  ASD: [SOCIAL, REGULATION, SENSORY, SALT],
  SLCN: [SALT, SOCIAL, LITERACY, SELF_ESTEEM],
  SEMH: [SEMH_ANGER, REGULATION, MISSED_LEARNING, SOCIAL],
  MLD: [GENERAL_LEARNING, MATHS, SALT, SELF_ESTEEM],
  SPLD: [LITERACY, MATHS, SELF_ESTEEM, FINE_MOTOR],
  SLD: [EARLY_LEARNING, AAC, SELF_CARE, SENSORY],
  PMLD: [PMLD_LEARNING, SENSORY_LEARNING, POSTURE, SELF_CARE],
  HI: [HEARING, HI_LANGUAGE, SELF_ESTEEM, LITERACY],
  VI: [VISION, VI_MOBILITY, FINE_MOTOR, SELF_ESTEEM],
  MSI: [DUAL_SENSORY, TACTILE, SELF_CARE, VI_MOBILITY],
  PD: [MOBILITY, FINE_MOTOR, PD_INDEPENDENCE, SELF_ESTEEM],
  OTH: [MEDICAL_ATTENDANCE, SELF_ESTEEM, GENERAL_LEARNING, FINE_MOTOR],
};

const ASTHMA: HealthSeed = {
  need: 'Has asthma and needs their inhaler during PE, on trips and when they have a cold.',
  outcome: 'will take part in every PE lesson and trip, using their inhaler as their asthma plan says',
  measure: 'in 9 lessons and trips out of 10, from the {setting}’s records reviewed each term',
  provision: {
    what: 'Training for staff in the asthma care plan by the school nurse',
    amount: 1,
    unit: 'sessions',
    times: 1,
    per: 'year',
    role: 'School nurse',
    qualification: 'registered nurse',
    grouping: 'group',
    size: 10,
    where: 'At the {setting}, before the first trip of the year',
  },
};

const ADHD: HealthSeed = {
  need: 'Has ADHD, diagnosed by the community paediatrician, and takes medicine at lunchtime.',
  outcome: 'will take their lunchtime medicine every day and settle to work within 10 minutes of lunch',
  measure: 'on 4 days out of 5, from the medicine record and staff observation each half-term',
  provision: {
    what: 'Lunchtime medicine given by trained staff, with the ADHD nurse reviewing the dose with the family',
    amount: 5,
    unit: 'minutes',
    times: 1,
    per: 'day',
    role: 'Named member of staff',
    qualification: 'trained to give medicines by the school nurse',
    grouping: 'one-to-one',
    where: 'In the {setting} office',
  },
};

const DIET: HealthSeed = {
  need: 'Eats a very narrow range of foods and is underweight; under the dietitian.',
  outcome: 'will try one new food each week and keep their weight on their growth line',
  measure: 'from the food diary and the dietitian’s weight checks each term',
  provision: {
    what: 'Dietitian reviews of their eating plan, with advice for home and the {setting}',
    amount: 45,
    unit: 'minutes',
    times: 1,
    per: 'term',
    role: 'Paediatric dietitian',
    qualification: 'registered with the Health and Care Professions Council',
    grouping: 'one-to-one',
    where: 'At the child development centre',
  },
};

const EATING: HealthSeed = {
  need: 'Finds chewing and swallowing some foods hard, and has coughed and choked at meals.',
  outcome: 'will eat lunch safely with no choking episodes, following their eating and drinking plan',
  measure: 'from the lunchtime record, with no more than 1 episode a term',
  provision: {
    what: 'An eating and drinking plan from the speech and language therapist, with staff trained to follow it',
    amount: 1,
    unit: 'hours',
    times: 1,
    per: 'term',
    role: 'Speech and language therapist',
    qualification: 'registered with the Health and Care Professions Council, trained in dysphagia',
    grouping: 'one-to-one',
    where: 'At the {setting}, at lunch',
  },
};

const GLASSES: HealthSeed = {
  need: 'Is long-sighted with a squint, wears glasses and is under the orthoptist.',
  outcome: 'will wear their glasses for all close work',
  measure: 'on 4 days out of 5, from staff observation recorded each half-term',
  provision: {
    what: 'Orthoptist reviews of their eyes and glasses, with advice to the {setting} on seating and print size',
    amount: 30,
    unit: 'minutes',
    times: 2,
    per: 'year',
    role: 'Orthoptist',
    qualification: 'registered with the Health and Care Professions Council',
    grouping: 'one-to-one',
    where: 'At the eye clinic',
  },
};

const TICS: HealthSeed = {
  need: 'Has tics (Tourette syndrome) that are worse when they are anxious or tired.',
  outcome: 'will use their tic management plan and take a planned break before tics build up',
  measure: 'on 3 out of 4 occasions, from their own record and staff observation each half-term',
  provision: {
    what: 'Reviews with the community paediatrician, and a tic management programme from the clinical psychologist',
    amount: 1,
    unit: 'hours',
    times: 1,
    per: 'half-term',
    role: 'Clinical psychologist',
    qualification: 'registered with the Health and Care Professions Council',
    grouping: 'one-to-one',
    where: 'At the clinic',
  },
};

/** The health need in C that often goes with the primary need, and its provision in G. */
export const HEALTH_BY_NEED: Readonly<Record<string, HealthSeed | readonly HealthSeed[]>> = {
  ASD: [
    ADHD,
    DIET,
    {
      need: 'Sleeps poorly, often waking for several hours at night, and eats a very narrow range of foods.',
      outcome: 'will sleep through the night on at least 5 nights a week',
      measure: 'from the sleep diary kept by the family and reviewed each half-term',
      provision: {
        what: 'A sleep programme agreed with the family by the children’s sleep practitioner, with a review at home',
        amount: 1,
        unit: 'hours',
        times: 1,
        per: 'half-term',
        role: 'Children’s sleep practitioner',
        qualification: 'registered nurse, trained in children’s sleep',
        grouping: 'one-to-one',
        where: 'At home and by phone',
      },
    },
  ],
  SLCN: [
    EATING,
    {
      need: 'Has glue ear, with a mild hearing loss that comes and goes; under the audiology clinic.',
      outcome: 'will sit where they can hear and tell an adult when they have not heard',
      measure: 'on 4 out of 5 observed occasions, recorded by staff each half-term',
      provision: {
        what: 'Hearing tests at the audiology clinic, with advice to the {setting} after each',
        amount: 1,
        unit: 'sessions',
        times: 1,
        per: 'term',
        role: 'Paediatric audiologist',
        qualification: 'registered with the Registration Council for Clinical Physiologists',
        grouping: 'one-to-one',
        where: 'At the audiology clinic',
      },
    },
  ],
  SEMH: [
    TICS,
    {
      need: 'Has anxiety and low mood, and is seen by the children and young people’s mental health service.',
      outcome: 'will rate their anxiety at 4 or below out of 10 on most days',
      measure: 'from their weekly self-rating, reviewed by the practitioner each half-term',
      provision: {
        what: 'Cognitive behavioural therapy for anxiety from the mental health service',
        amount: 50,
        unit: 'minutes',
        times: 1,
        per: 'week',
        role: 'Children’s mental health practitioner',
        qualification: 'accredited cognitive behavioural therapist',
        grouping: 'one-to-one',
        where: 'At the clinic, or at the {setting} when agreed',
      },
    },
  ],
  MLD: [ASTHMA, GLASSES],
  SPLD: {
    need: 'Has coordination difficulties (developmental coordination disorder) diagnosed by the paediatrician.',
    outcome: 'will dress and undress for PE in under 10 minutes on their own',
    measure: 'on 4 out of 5 occasions, recorded by staff each half-term',
    provision: {
      what: 'Assessment and a motor skills programme from the occupational therapist, reviewed with the {setting}',
      amount: 1,
      unit: 'hours',
      times: 1,
      per: 'term',
      role: 'Occupational therapist',
      qualification: 'registered with the Health and Care Professions Council',
      grouping: 'one-to-one',
    },
  },
  SLD: {
    need: 'Has epilepsy, with a seizure plan and rescue medicine that staff must be able to give.',
    outcome: 'will be kept safe during every seizure, with rescue medicine given as their plan says',
    measure: 'from the seizure log, checked by the epilepsy nurse each term',
    provision: {
      what: 'Training for staff in the epilepsy care plan and rescue medicine by the epilepsy nurse',
      amount: 2,
      unit: 'hours',
      times: 1,
      per: 'year',
      role: 'Epilepsy specialist nurse',
      qualification: 'registered nurse',
      grouping: 'group',
      size: 8,
      where: 'At the {setting}, at the start of the year and when staff change',
    },
  },
  PMLD: {
    need: 'Is fed through a gastrostomy and needs suction and medicines given by trained staff.',
    outcome: 'will have every feed and medicine on time at the {setting}, with no missed doses',
    measure: 'from the feeding and medicine chart, checked by the community nurse each term',
    provision: {
      what: 'Gastrostomy feeds, suction and medicines by trained staff, following the care plan from the community nurse',
      amount: 30,
      unit: 'minutes',
      times: 3,
      per: 'day',
      role: 'Health care assistant',
      qualification: 'trained and signed off each year by the children’s community nurse',
      grouping: 'one-to-one',
      where: 'In the medical room',
    },
  },
  HI: {
    need: 'Needs their hearing aids and radio aid checked and maintained, and regular audiology reviews.',
    outcome: 'will wear working hearing aids all day, every day',
    measure: 'on 9 days out of 10, from the daily check record reviewed each term',
    provision: {
      what: 'Audiology reviews and repairs to hearing aids, with earmould changes',
      amount: 1,
      unit: 'sessions',
      times: 1,
      per: 'term',
      role: 'Paediatric audiologist',
      qualification: 'registered with the Registration Council for Clinical Physiologists',
      grouping: 'one-to-one',
      where: 'At the audiology clinic',
    },
  },
  VI: {
    need: 'Has nystagmus and low vision, reviewed by the eye clinic, and needs their glasses and low vision aids updated.',
    outcome: 'will use their prescribed low vision aids in every lesson',
    measure: 'on 4 days out of 5, from staff observation recorded each half-term',
    provision: {
      what: 'Low vision clinic reviews, with glasses and magnifiers prescribed and updated',
      amount: 1,
      unit: 'sessions',
      times: 2,
      per: 'year',
      role: 'Optometrist in the low vision clinic',
      qualification: 'registered with the General Optical Council',
      grouping: 'one-to-one',
      where: 'At the eye clinic',
    },
  },
  MSI: {
    need: 'Has a heart condition as part of a genetic syndrome and tires easily.',
    outcome: 'will take part in the full day, with rest breaks taken before they are too tired',
    measure: 'on 4 days out of 5, from the daily record reviewed each half-term',
    provision: {
      what: 'Training for staff in the health care plan, with signs of tiredness to watch for, by the community nurse',
      amount: 1,
      unit: 'hours',
      times: 1,
      per: 'term',
      role: 'Children’s community nurse',
      qualification: 'registered nurse',
      grouping: 'group',
      size: 6,
      where: 'At the {setting}',
    },
  },
  PD: {
    need: 'Has cerebral palsy affecting both legs, with tight muscles that need daily stretching and splints.',
    outcome: 'will keep the range of movement in their legs, with no loss at each physiotherapy review',
    measure: 'measured by the physiotherapist each half-term',
    provision: {
      what: 'Physiotherapy review and a home and {setting} stretching programme, with splints fitted',
      amount: 45,
      unit: 'minutes',
      times: 1,
      per: 'half-term',
      role: 'Paediatric physiotherapist',
      qualification: 'registered with the Health and Care Professions Council',
      grouping: 'one-to-one',
      where: 'At the {setting} and the child development centre',
    },
  },
  OTH: [ASTHMA, TICS],
};

/** The health need of a child whose primary need is not recorded. */
export const HEALTH_OTHERWISE = ASTHMA;

/** Social care: a need in D and the provision in H1 that meets it, when social care gave advice. */
export const SOCIAL_CARE: readonly HealthSeed[] = [
  {
    need: 'Their parents care for them day and night, and the family needs regular breaks to keep going.',
    outcome: 'will enjoy a short break away from home each week, with friends of their own age',
    measure: 'attending 3 sessions in 4, from the short breaks register reviewed each term',
    provision: {
      what: 'Short breaks: an after-school or weekend club with trained support workers',
      amount: 3,
      unit: 'hours',
      times: 1,
      per: 'week',
      role: 'Short breaks support worker',
      qualification: 'trained and checked by the disabled children’s team',
      grouping: 'group',
      size: 6,
      where: 'At the short breaks club',
    },
  },
  {
    need: 'Needs help with washing, dressing and getting to bed at home, more than their parents can give alone.',
    outcome: 'will get ready for bed with a carer, choosing their own routine',
    measure: 'on 5 evenings out of 7, from the carers’ visit log reviewed each term',
    provision: {
      what: 'A care package of evening visits from carers to help with washing, dressing and bedtime',
      amount: 1,
      unit: 'hours',
      times: 5,
      per: 'week',
      role: 'Home carer from the commissioned care agency',
      qualification: 'trained in moving and handling and personal care',
      grouping: 'one-to-one',
      where: 'At home',
    },
  },
  {
    need: 'The family finds mornings and bedtimes very hard, and asked for help with routines at home.',
    outcome: 'will follow a picture routine to get ready for the {setting} in the morning',
    measure:
      'on 4 mornings out of 5, from the family’s chart reviewed with the family support worker each month',
    provision: {
      what: 'Family support worker visits to set up routines at home, with a parenting course for the parents',
      amount: 1,
      unit: 'hours',
      times: 1,
      per: 'week',
      role: 'Family support worker',
      qualification: 'trained in parenting programmes for families of disabled children',
      grouping: 'one-to-one',
      where: 'At home',
    },
  },
];

/**
 * Preparing for adult life (SEND Code of Practice 8.9): one outcome for each of the four areas, with the provision
 * that works towards it, for a young person past Year 11.
 */
export const PFA_OUTCOMES: readonly {
  area: PreparationForAdulthoodArea;
  text: string;
  measure: string;
  provision: ProvisionSeed;
}[] = [
  {
    area: 'employment',
    text: 'will complete a supported work placement of one day a week and say what job they want to work towards',
    measure:
      'placement attendance of 9 days in 10 and the employer’s review, checked by the job coach each term',
    provision: {
      what: 'A supported work placement with a job coach, one day a week',
      amount: 6,
      unit: 'hours',
      times: 1,
      per: 'week',
      role: 'Job coach',
      qualification: 'trained in supported employment',
      grouping: 'one-to-one',
      where: 'At the placement employer’s workplace',
    },
  },
  {
    area: 'independent-living',
    text: 'will travel on their own by bus between home and college, and cook a simple meal each week',
    measure:
      'travel training signed off on 3 routes, and 8 meals in 10 weeks in the cooking log kept with their tutor',
    provision: {
      what: 'Independent travel training, then cooking and budgeting sessions in the college’s training flat',
      amount: 2,
      unit: 'hours',
      times: 1,
      per: 'week',
      role: 'Independent travel trainer',
      qualification: 'trained in independent travel training',
      grouping: 'one-to-one',
      where: 'On the bus routes they use, and in the training flat',
    },
  },
  {
    area: 'community-inclusion',
    text: 'will choose and join a club or group outside college and go with friends of their own age',
    measure: 'attendance on at least 3 weeks in 4, said by the young person at each review',
    provision: {
      what: 'A youth worker to go with them to try clubs and groups until they go on their own',
      amount: 2,
      unit: 'hours',
      times: 1,
      per: 'week',
      role: 'Youth worker',
      qualification: 'holding a youth work qualification',
      grouping: 'one-to-one',
      where: 'At clubs and groups in their area',
    },
  },
  {
    area: 'health',
    text: 'will book their own health appointments and take their medicine without reminders',
    measure:
      'every appointment in the year booked by them, from their own record checked with the college nurse each term',
    provision: {
      what: 'Sessions with the college nurse on booking appointments, ordering prescriptions and using a medicine app',
      amount: 30,
      unit: 'minutes',
      times: 1,
      per: 'half-term',
      role: 'College nurse',
      qualification: 'registered nurse',
      grouping: 'one-to-one',
      where: 'At the college health room',
    },
  },
];
