/** The demo plans' preparing-for-adulthood outcomes: one for each of the four areas, with its provision. */
import type { PreparationForAdulthoodArea } from '../../../domain/plan-quality/model.ts';
import type { ProvisionSeed } from './index.ts';

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
