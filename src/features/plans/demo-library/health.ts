/**
 * The demo plans' health and social care: the health need in section C that often goes with each primary need, with
 * its outcome and its provision in G; the health need of a child whose primary need is not recorded; and the social
 * care needs in D with their provision in H1, for children whose plans had social care advice.
 */
import type { HealthSeed } from './index.ts';

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
