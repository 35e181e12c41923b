/**
 * The only code that names the survey's tables in SQL (survey_offer, survey_response, survey_response_theme;
 * migration 0057, ADR 0034; survey_code_key and the offer's short code, migration 0076, ADR 0057). An answer is written with no child, user, offer or moment: nothing here joins an answer
 * to an offer.
 */
import type { Executor } from '../../../platform/audit/audit.ts';
import { onTenant } from '../../../platform/db/tenant.ts';
import type {
  RegisterTheme,
  SurveyListened,
  SurveyMilestone,
  SurveyOverall,
} from '../../../platform/db/schema/index.ts';

export interface OfferRow {
  id: string;
  token: string;
  child_id: string;
  milestone: SurveyMilestone;
  milestone_on: string;
  offered_on: string;
  answered: boolean;
  short_code: string | null;
}

const OFFER_COLUMNS = [
  'id',
  'token',
  'child_id',
  'milestone',
  'milestone_on',
  'offered_on',
  'answered',
  'short_code',
] as const;

/** Makes the offer for one milestone; undefined when the milestone already has one (the job ran before). */
export async function insertOffer(
  trx: Executor,
  laCode: string,
  o: {
    /** Given only by the demo (the same ids on every seeding). */
    id?: string;
    token: string;
    childId: string;
    eventId: number;
    milestone: SurveyMilestone;
    milestoneOn: string;
    offeredOn: string;
    teamId: string | null;
    ethnicity: string | null;
    firstLanguage: string | null;
    /** The code in the milestone letter's short address (ADR 0057). */
    shortCode?: string | null;
  },
): Promise<OfferRow | undefined> {
  return trx
    .insertInto('survey_offer')
    .values({
      la_code: laCode,
      ...(o.id ? { id: o.id } : {}),
      token: o.token,
      child_id: o.childId,
      event_id: o.eventId,
      milestone: o.milestone,
      milestone_on: o.milestoneOn,
      offered_on: o.offeredOn,
      team_id: o.teamId,
      ethnicity: o.ethnicity,
      first_language: o.firstLanguage,
      ...(o.shortCode ? { short_code: o.shortCode } : {}),
    })
    .onConflict((c) => c.columns(['la_code', 'event_id']).doNothing())
    .returning(OFFER_COLUMNS)
    .executeTakeFirst();
}

/** The milestones (history event ids) among these that already have an offer. */
export async function offeredEvents(
  db: Executor,
  laCode: string,
  eventIds: readonly number[],
): Promise<Set<number>> {
  if (!eventIds.length) return new Set();
  const rows = await db
    .selectFrom('survey_offer')
    .select('event_id')
    .where('la_code', '=', laCode)
    .where('event_id', 'in', eventIds)
    .execute();
  return new Set(rows.map((r) => Number(r.event_id)));
}

export function offerByToken(db: Executor, laCode: string, token: string): Promise<OfferRow | undefined> {
  return db
    .selectFrom('survey_offer')
    .select(OFFER_COLUMNS)
    .where('la_code', '=', laCode)
    .where('token', '=', token)
    .executeTakeFirst();
}

/** The offer behind a letter's short code (ADR 0057). */
export function offerByShortCode(db: Executor, laCode: string, code: string): Promise<OfferRow | undefined> {
  return db
    .selectFrom('survey_offer')
    .select(OFFER_COLUMNS)
    .where('la_code', '=', laCode)
    .where('short_code', '=', code)
    .executeTakeFirst();
}

/** The offer made for one milestone (its history event), if the job has made it. */
export function offerOfEvent(db: Executor, laCode: string, eventId: number): Promise<OfferRow | undefined> {
  return db
    .selectFrom('survey_offer')
    .select(OFFER_COLUMNS)
    .where('la_code', '=', laCode)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

/** The authority's key for short codes, made on first use (random, 256 bits; migration 0076). */
export async function surveyCodeKey(trx: Executor, laCode: string, made: () => string): Promise<string> {
  const read = () =>
    trx.selectFrom('survey_code_key').select('key').where('la_code', '=', laCode).executeTakeFirst();
  const kept = await read();
  if (kept) return kept.key;
  await trx
    .insertInto('survey_code_key')
    .values({ la_code: laCode, key: made() })
    .onConflict((c) => c.column('la_code').doNothing())
    .execute();
  return (await read())!.key;
}

/** The offers not yet answered for these children made on or after a day, newest first. */
export async function unansweredOffersOf(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
  since: string,
): Promise<OfferRow[]> {
  if (!childIds.length) return [];
  return db
    .selectFrom('survey_offer')
    .select(OFFER_COLUMNS)
    .where('la_code', '=', laCode)
    .where('child_id', 'in', childIds)
    .where('answered', '=', false)
    .where('offered_on', '>=', since)
    .orderBy('offered_on', 'desc')
    .orderBy('id')
    .execute();
}

/** Marks the offer answered; false when it already was (a second tab, or a race). */
export async function markAnswered(trx: Executor, laCode: string, offerId: string): Promise<boolean> {
  const row = await trx
    .updateTable('survey_offer')
    .set({ answered: true })
    .where('la_code', '=', laCode)
    .where('id', '=', offerId)
    .where('answered', '=', false)
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

/** The team and community the offer was made with, copied onto the answer (never the offer itself). */
export function offerCommunity(db: Executor, laCode: string, offerId: string) {
  return db
    .selectFrom('survey_offer')
    .select(['team_id', 'ethnicity', 'first_language'])
    .where('la_code', '=', laCode)
    .where('id', '=', offerId)
    .executeTakeFirstOrThrow();
}

export async function insertResponse(
  trx: Executor,
  laCode: string,
  r: {
    /** Given only by the demo. */
    id?: string;
    milestone: SurveyMilestone;
    month: string;
    teamId: string | null;
    ethnicity: string | null;
    firstLanguage: string | null;
    overall: SurveyOverall;
    listened: SurveyListened;
    comment: string | null;
    contactName: string | null;
    contact: string | null;
  },
): Promise<string> {
  const row = await trx
    .insertInto('survey_response')
    .values({
      la_code: laCode,
      ...(r.id ? { id: r.id } : {}),
      milestone: r.milestone,
      month: r.month,
      team_id: r.teamId,
      ethnicity: r.ethnicity,
      first_language: r.firstLanguage,
      overall: r.overall,
      listened: r.listened,
      comment: r.comment,
      contact_name: r.contactName,
      contact: r.contact,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Offers made in [from, to], one row per group with its count. */
export async function offerCounts(db: Executor, laCode: string, from: string, to: string) {
  const rows = await db
    .selectFrom('survey_offer')
    .select(['milestone', 'team_id', 'ethnicity', 'first_language', (eb) => eb.fn.countAll<string>().as('n')])
    .where('la_code', '=', laCode)
    .where('offered_on', '>=', from)
    .where('offered_on', '<=', to)
    .groupBy(['milestone', 'team_id', 'ethnicity', 'first_language'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Answers given in the months [fromMonth, toMonth] ('YYYY-MM'): what the counts need, no free text. */
export function responseFacts(db: Executor, laCode: string, fromMonth: string, toMonth: string) {
  return db
    .selectFrom('survey_response')
    .select(['milestone', 'team_id', 'ethnicity', 'first_language', 'overall', 'listened'])
    .where('la_code', '=', laCode)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .execute();
}

export interface CommentRow {
  id: string;
  milestone: SurveyMilestone;
  month: string;
  comment: string | null;
  contact_name: string | null;
  contact: string | null;
}

/** The answers with free text in the months, newest month first. */
export function commentsIn(
  db: Executor,
  laCode: string,
  fromMonth: string,
  toMonth: string,
  limit: number,
): Promise<CommentRow[]> {
  return db
    .selectFrom('survey_response')
    .select(['id', 'milestone', 'month', 'comment', 'contact_name', 'contact'])
    .where('la_code', '=', laCode)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .where('comment', 'is not', null)
    .orderBy('month', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function responseById(db: Executor, laCode: string, id: string): Promise<CommentRow | undefined> {
  return db
    .selectFrom('survey_response')
    .select(['id', 'milestone', 'month', 'comment', 'contact_name', 'contact'])
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function responseThemesOf(
  db: Executor,
  laCode: string,
  ids: readonly string[],
): Promise<Map<string, RegisterTheme[]>> {
  const map = new Map<string, RegisterTheme[]>();
  if (!ids.length) return map;
  const rows = await db
    .selectFrom('survey_response_theme')
    .select(['response_id', 'theme'])
    .where('la_code', '=', laCode)
    .where('response_id', 'in', ids)
    .orderBy('theme')
    .execute();
  for (const r of rows) map.set(r.response_id, [...(map.get(r.response_id) ?? []), r.theme]);
  return map;
}

export async function setResponseThemes(
  trx: Executor,
  laCode: string,
  responseId: string,
  themes: readonly RegisterTheme[],
): Promise<void> {
  await trx
    .deleteFrom('survey_response_theme')
    .where('la_code', '=', laCode)
    .where('response_id', '=', responseId)
    .execute();
  if (themes.length)
    await trx
      .insertInto('survey_response_theme')
      .values(themes.map((theme) => ({ la_code: laCode, response_id: responseId, theme })))
      .execute();
}

/** Answers in the months counted by the theme their free text was coded into. */
export async function responseThemeCounts(db: Executor, laCode: string, fromMonth: string, toMonth: string) {
  const rows = await db
    .selectFrom('survey_response_theme as t')
    .innerJoin('survey_response as r', onTenant('r.id', 't.response_id'))
    .select(['t.theme as key', (eb) => eb.fn.countAll<string>().as('n')])
    .where('t.la_code', '=', laCode)
    .where('r.month', '>=', fromMonth)
    .where('r.month', '<=', toMonth)
    .groupBy('t.theme')
    .orderBy('t.theme')
    .execute();
  return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
}
