/**
 * The demo's survey (ADR 0034), deterministic and dated from the demo's day: every milestone in the children's
 * histories of the last 120 days whose family can be told has an offer made on the day; about two in five were
 * answered (across milestones, teams and communities, so some communities are too small to show and some were not
 * heard), the rest are open (parent@'s child's decision to assess, on their first screen) or closed after 8 weeks.
 * Some answers have free text, most of it coded into the register's themes, and one family asked to be contacted.
 */
import type { Transaction } from 'kysely';
import type { DB, RegisterTheme } from '../../platform/db/schema/index.ts';
import { caseEventsOfKindsSince } from '../../platform/people/case-events.ts';
import { childWithOfficer } from '../../platform/people/children.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { teamIdOf } from '../../platform/people/users.ts';
import { addDays, dayNumber } from '../../demo/dates.ts';
import type { Random } from '../../demo/random.ts';
import { LISTENED, MILESTONE_EVENT_KINDS, milestoneOfEvent, OVERALL } from '../../domain/register/index.ts';
import {
  insertOffer,
  insertResponse,
  markAnswered,
  setResponseThemes,
  surveyCodeKey,
} from './store/survey.ts';
import { milestoneShortCode } from './survey-service.ts';

const COMMENTS: ReadonlyArray<{ text: string; themes: RegisterTheme[] }> = [
  { text: 'The letter was clear and the caseworker rang to explain it.', themes: ['communication'] },
  { text: 'We waited a long time without hearing anything.', themes: ['delay', 'communication'] },
  {
    text: 'The plan still does not say how many hours of support our son gets.',
    themes: ['assessment-and-plans'],
  },
  { text: 'Nobody asked what school we wanted until the end.', themes: ['placement'] },
  { text: 'It would help to have the letters in Somali.', themes: ['communication'] },
  { text: 'Therapy in the plan has not started yet.', themes: ['provision-not-delivered', 'health'] },
  { text: 'Thank you, the review meeting was well run.', themes: [] },
  { text: 'Transport was not sorted before the new school started.', themes: ['transport'] },
];

export async function seedSurveyDemo(
  trx: Transaction<DB>,
  laCode: string,
  today: string,
  random: Random,
  parentChildId: string | undefined,
): Promise<void> {
  // The authority's key for short codes: the same on every seeding, from its own stream (nothing else moves).
  const key = random.fork('short-code-key');
  await surveyCodeKey(trx, laCode, () => `${key.uuid()}${key.uuid()}`.replaceAll('-', ''));
  const events = await caseEventsOfKindsSince(trx, laCode, MILESTONE_EVENT_KINDS, addDays(today, -120));
  let i = 0;
  for (const e of events) {
    const milestone = milestoneOfEvent(e.kind, e.detail);
    if (!milestone || e.day > today) continue;
    const family = await recipientsFor(trx, laCode, e.child_id, { family: true, unlinkedFamily: true });
    const child = await childWithOfficer(trx, laCode, e.child_id);
    if (!family.length || !child) continue;
    const teamId = child.lead_officer_id ? await teamIdOf(trx, laCode, child.lead_officer_id) : null;
    const offer = await insertOffer(trx, laCode, {
      id: random.uuid(),
      token: random.uuid().replaceAll('-', ''),
      childId: e.child_id,
      eventId: e.id,
      milestone,
      milestoneOn: e.day,
      offeredOn: e.day,
      teamId,
      ethnicity: child.ethnicity ?? null,
      firstLanguage: child.first_language ?? null,
      // The code in the milestone's letter (ADR 0057), with the key made below from the demo's own stream.
      shortCode: await milestoneShortCode(trx, laCode, e.id),
    });
    if (!offer) continue;
    const n = i++;
    // parent@'s child's offer stays open; of the others about two in five answered, within a fortnight.
    if (e.child_id === parentChildId || n % 5 >= 2) continue;
    await markAnswered(trx, laCode, offer.id);
    const answeredOn = addDays(e.day, Math.min(1 + (n % 13), dayNumber(today) - dayNumber(e.day)));
    const comment = n % 3 === 0 ? COMMENTS[(n / 3) % COMMENTS.length]! : null;
    const named = n === 6;
    const responseId = await insertResponse(trx, laCode, {
      id: random.uuid(),
      milestone,
      month: answeredOn.slice(0, 7),
      teamId,
      ethnicity: child.ethnicity ?? null,
      firstLanguage: child.first_language ?? null,
      overall: OVERALL[(n * 7) % 5 === 4 ? 4 : n % 4]!,
      listened: LISTENED[n % 7 === 0 ? 2 : n % 3 === 1 ? 1 : 0],
      comment: comment?.text ?? null,
      contactName: named && comment ? 'A parent (demo)' : null,
      contact: named && comment ? 'a.parent@example.com' : null,
    });
    // Most written answers are coded; every fourth waits for a leader to code it.
    if (comment && n % 4 !== 0) await setResponseThemes(trx, laCode, responseId, comment.themes);
  }
}
