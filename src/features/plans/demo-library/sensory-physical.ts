/**
 * The demo plans' areas of need in section B for sensory and/or physical needs (SEN2 area): being overwhelmed by the
 * senses, hearing, vision and finding the way, hearing and sight loss together, movement, fine motor skills, posture,
 * self-care, and a health condition that costs learning time; each with its outcome, how success is seen and the
 * provision that meets it, worded for the child's phase. `AREAS_BY_NEED` (index.ts) says which primary needs use
 * them.
 */
import type { AreaSeed } from './index.ts';

export const SENSORY = {
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

export const FINE_MOTOR = {
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

export const MOBILITY = {
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

export const SELF_CARE = {
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

export const POSTURE = {
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

export const HEARING = {
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

export const VISION = {
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

export const VI_MOBILITY = {
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

export const DUAL_SENSORY = {
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

export const MEDICAL_ATTENDANCE = {
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
