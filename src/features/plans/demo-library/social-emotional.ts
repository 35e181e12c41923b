/**
 * The demo plans' areas of need in section B for social, emotional and mental health (SEN2 area): managing feelings
 * and behaviour, self-esteem, and feeling left out when a physical disability keeps them from joining in; each with
 * its outcome, how success is seen and the provision that meets it, worded for the child's phase. `AREAS_BY_NEED`
 * (index.ts) says which primary needs use them.
 */
import type { AreaSeed } from './index.ts';

export const REGULATION = {
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

export const SELF_ESTEEM = {
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

export const SEMH_ANGER = {
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

export const PD_INDEPENDENCE = {
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
