/**
 * The demo plans' areas of need in section B for communication and interaction (SEN2 area): understanding and using
 * language, clear speech, social communication, and communicating by signs, pictures, sounds, touch and objects, or
 * with a hearing loss; each with its outcome, how success is seen and the provision that meets it, worded for the
 * child's phase. `AREAS_BY_NEED` (index.ts) says which primary needs use them.
 */
import type { AreaSeed } from './index.ts';

export const SALT = {
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

export const SOCIAL = {
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

export const AAC = {
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

export const SENSORY_LEARNING = {
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

export const HI_LANGUAGE = {
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

export const TACTILE = {
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
