/**
 * Builds a large, deterministic improvement plan CSV for speed tests: the same seed always gives the same text.
 * The content is filler in the plan's real shape (areas, focus areas, actions with every status and date form), drawn
 * from the one seeded generator (../random.ts).
 */
import { csvLine } from '../csv.ts';
import { createRandom } from '../random.ts';
import { COLUMNS } from './types.ts';

const OWNERS = [
  'Head of SEND',
  'Designated Clinical Officer',
  'Parent carer forum vice lead',
  'Head of SEND and Inclusion',
  'SEND programme manager',
  'Principal educational psychologist',
  'Local Offer lead',
];
const STATUSES = [
  'Complete',
  'On track',
  'Significant risk - plan in place',
  'High risk, escalation required',
  'Not started',
  '',
  'Blue',
  'Green',
  'Amber',
  'Red',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const VERBS = [
  'Agree',
  'Review',
  'Publish',
  'Commission',
  'Train staff on',
  'Co-produce',
  'Audit',
  'Report on',
];
const THINGS = [
  'the co-production charter',
  'the Local Offer',
  'EHC plan quality',
  'waiting times',
  'short breaks',
  'transition to adult services',
];
const EVIDENCE = ['(PI)', '(Audit)', '(Voice)', '(Review)', '(Minutes)', '(Audit & Voice)', '(PI, Minutes)'];

export interface GenerateOptions {
  actions: number;
  seed?: number;
  areas?: number;
  focusAreasPerArea?: number;
}

/** A plan CSV with the given number of actions spread over areas and focus areas; refs are "N A" to "N Z". */
export function generatePlanCsv(options: GenerateOptions): string {
  const random = createRandom(options.seed ?? 1);
  const next = (): number => random.next();
  const pick = <T>(list: readonly T[]): T => random.pick(list);
  const areas = options.areas ?? 8;
  const perArea = options.focusAreasPerArea ?? 5;
  const focusTotal = areas * perArea;
  const lines = [COLUMNS.join(',')];
  let written = 0;
  for (let f = 0; f < focusTotal || written < options.actions; f++) {
    const remaining = options.actions - written;
    const focusLeft = Math.max(1, focusTotal - f);
    const count = Math.min(26, Math.max(0, Math.ceil(remaining / focusLeft)));
    if (count === 0) break;
    const area = (f % areas) + 1;
    for (let i = 0; i < count; i++) {
      const year = 22 + Math.floor(next() * 2);
      const startMonth = Math.floor(next() * 12);
      const span = Math.floor(next() * 9);
      const endMonth = (startMonth + span) % 12;
      const endYear = year + Math.floor((startMonth + span) / 12);
      const form = next();
      const start = form < 0.1 ? 'Underway' : `${MONTHS[startMonth]} ${form < 0.5 ? year : 2000 + year}`;
      const end =
        form > 0.93
          ? 'On-going'
          : form > 0.86
            ? `${MONTHS[endMonth]} ${endYear} and on-going`
            : `${MONTHS[endMonth]} ${endYear}`;
      const owners = [pick(OWNERS), ...(next() < 0.3 ? [pick(OWNERS)] : [])].join(
        next() < 0.5 ? ' / ' : '\n',
      );
      const values: string[] = [
        String(area),
        i === 0 && f < areas ? `Area for improvement ${area}, in the plan's words` : '',
        `${area}.${Math.floor(f / areas) + 1}`,
        i === 0 ? `Focus area ${f + 1}: partners "work together" on it` : '',
        `${f + 1} ${String.fromCharCode(65 + i)}`,
        `${pick(VERBS)} ${pick(THINGS)}, with families`,
        owners,
        start,
        end,
        pick(STATUSES),
        `Evidence that it worked ${pick(EVIDENCE)}`,
        i === 0 ? 'Families see the difference' : '',
      ];
      lines.push(csvLine(values));
      written++;
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
