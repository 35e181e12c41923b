/**
 * What families say about the service (issue 15 item 4; docs/register.md "What families say"; ADR 0034). After a
 * milestone in a child's history (a request decided, a plan issued, a review decided) the family is offered a short
 * survey: a job makes the offer and sends the message with its link, and their first screen shows it. Whoever holds
 * the link answers once; the answer is stored with no link to the child, the person or the offer. Leaders see the
 * results by milestone, team and community with small numbers kept from view, and code the free text into the
 * register's themes.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, grantKindFor, isUuid, requireRole } from '../../platform/access/access.ts';
import { audit, type AuditContext, type Executor } from '../../platform/audit/audit.ts';
import { withChange } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { RegisterTheme, Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { LETTER_LINES, queueNotification } from '../../platform/notify/notify.ts';
import {
  caseEventMatching,
  caseEventsOfKindsSince,
  recordCaseEvent,
} from '../../platform/people/case-events.ts';
import { childWithOfficer, searchChildren, type ChildListRow } from '../../platform/people/children.ts';
import { familyContactsFor } from '../../platform/people/recipients.ts';
import { teamIdOf, teamsOf } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { addDays, formatDate, parseDate } from '../../domain/clock/dates.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  MILESTONE_EVENT_KINDS,
  MILESTONE_SENTENCES,
  milestoneOfEvent,
  OFFER_OPEN_DAYS,
  OFFER_WITHIN_DAYS,
  offerable,
  offerCloses,
  offerOpen,
  overallTally,
  printedShortCode,
  shortCodeOf,
  tallyBy,
  tallyByCommunity,
  THEMES,
  type Listened,
  type OfferFacts,
  type Overall,
  type ResponseFacts,
} from '../../domain/register/index.ts';
import {
  commentsIn,
  insertOffer,
  insertResponse,
  markAnswered,
  offerByToken,
  offerCommunity,
  offerCounts,
  offeredEvents,
  responseById,
  responseFacts,
  responseThemeCounts,
  responseThemesOf,
  setResponseThemes,
  offerByShortCode,
  offerOfEvent,
  surveyCodeKey,
  unansweredOffersOf,
  type OfferRow,
} from './store/survey.ts';

/** Who sees the results and codes the free text: as the register's counts. */
const LEADERS: readonly Role[] = ['team-manager', 'send-leader'];
const FAMILY: readonly Role[] = ['parent', 'young-person'];
/** The free-text answers a results page lists. */
export const COMMENTS_SHOWN = 100;

export const SURVEY_TEMPLATES = {
  'survey-offered': {
    subject: 'Tell us how it went: ((child))',
    body: 'Hello ((name)),\n\nOn ((date)) ((what)) for ((child)). We would like to know how it went for you.\n\nThere are 2 short questions and a box for anything else you want to say. It takes about 2 minutes on a phone or computer. You do not need to sign in, and your answers do not carry your name unless you choose to give it.\n\nAnswer by ((closes)): ((link))\n\nWhat families tell us changes the service: we publish what we changed as “You said, we did”.',
  },
  // A family member reached only by post (ADR 0048, 0057): the short address and the code to type.
  'survey-offered-by-post': {
    subject: 'Tell us how it went: ((child))',
    body: 'Dear ((name)),\n\nOn ((date)) ((what)) for ((child)). We would like to know how it went for you.\n\nThere are 2 short questions and a box for anything else you want to say. It takes about 2 minutes on a phone, tablet or computer. You do not need to sign in, and your answers do not carry your name unless you choose to give it.\n\nGo to ((address)) and type the code ((code)). You can answer until ((closes)).\n\nWhat families tell us changes the service: we publish what we changed as “You said, we did”.',
  },
} as const;

/** A rule the family's answers broke, against its field. */
export class SurveyError extends FieldError {}

/** The offer was already answered (another tab, another parent): the page thanks them instead. */
export class AlreadyAnsweredError extends Error {}

export interface SurveyAnswer {
  readonly overall: Overall;
  readonly listened: Listened;
  readonly comment?: string | undefined;
  /** Only when the family chose to be contacted. */
  readonly contactName?: string | undefined;
  readonly contact?: string | undefined;
}

const newToken = () => randomBytes(16).toString('base64url');
const newKey = () => randomBytes(32).toString('hex');

/**
 * The short code of one milestone (ADR 0057): a keyed hash of its history event with the authority's own key, so the
 * letter written before the job runs prints the code the job will store on the offer.
 */
export async function milestoneShortCode(db: Executor, laCode: string, eventId: number): Promise<string> {
  const key = await surveyCodeKey(db, laCode, newKey);
  return shortCodeOf(
    createHmac('sha256', Buffer.from(key, 'hex')).update(`survey short code\n${laCode}\n${eventId}`).digest(),
  );
}

/** Which history event a letter is about: the child, the event's kinds, and values its detail has. */
export interface MilestoneOfLetter {
  readonly childId: string;
  readonly kinds: readonly string[];
  readonly detail: Readonly<Record<string, string>>;
}
const monthsBack = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return formatDate(
    addDays(parseDate(`${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`), -1),
  );
};

export function createSurveyService(deps: ServiceDeps) {
  const { db } = deps;
  /** The service's address as printed on paper: no scheme. */
  const site = () => deps.config.publicUrl.replace(/^https?:\/\//, '');

  const offerView = (laCode: string, o: OfferRow, childName: string) => ({
    id: o.id,
    href: paths.register.surveyAnswer(laCode, o.token),
    childName,
    milestone: o.milestone,
    what: MILESTONE_SENTENCES[o.milestone],
    on: o.milestone_on,
    closes: offerCloses(o.offered_on),
  });

  return {
    /**
     * The job's work for one authority: every milestone of the last OFFER_WITHIN_DAYS days without an offer gets one
     * (team and community copied as things stood), and each of the child's family is sent the link, in one
     * transaction per authority. A child with no family to tell is not offered. Returns how many offers were made.
     */
    offerAfterMilestones: (laCode: string, today: string) =>
      db.transaction().execute(async (trx) => {
        const since = formatDate(addDays(parseDate(today), -OFFER_WITHIN_DAYS));
        const events = await caseEventsOfKindsSince(trx, laCode, MILESTONE_EVENT_KINDS, since);
        const done = await offeredEvents(
          trx,
          laCode,
          events.map((e) => e.id),
        );
        const who: AuditContext = { laCode, userId: null, sessionId: null, ip: null };
        let made = 0;
        for (const e of events) {
          const milestone = milestoneOfEvent(e.kind, e.detail);
          if (!milestone || done.has(e.id) || !offerable(e.day, today)) continue;
          // Everyone in the family the council can reach (ADR 0048, 0057): by email (the link) or by post (the
          // milestone's letter carries the short address), so a family without email is asked and counted too.
          const family = await familyContactsFor(trx, laCode, e.child_id);
          const child = await childWithOfficer(trx, laCode, e.child_id);
          if (!family.length || !child) continue;
          const offer = await insertOffer(trx, laCode, {
            token: newToken(),
            childId: e.child_id,
            eventId: e.id,
            milestone,
            milestoneOn: e.day,
            offeredOn: today,
            teamId: child.lead_officer_id ? await teamIdOf(trx, laCode, child.lead_officer_id) : null,
            ethnicity: child.ethnicity ?? null,
            firstLanguage: child.first_language ?? null,
            shortCode: await milestoneShortCode(trx, laCode, e.id),
          });
          if (!offer) continue;
          done.add(e.id);
          made++;
          const emailed = family.flatMap((p) =>
            p.route === 'post'
              ? []
              : [{ email: p.email, name: p.name, userId: p.route === 'account' ? p.userId : null }],
          );
          for (const p of emailed)
            await queueNotification(trx, deps.jobs, {
              laCode,
              channel: 'email',
              recipient: p.email,
              template: 'survey-offered',
              personalisation: {
                name: p.name ?? 'there',
                date: longDate(e.day),
                what: MILESTONE_SENTENCES[milestone],
                child: child.preferred_name || child.given_name,
                closes: longDate(offerCloses(today)),
                link: paths.register.surveyAnswer(laCode, offer.token),
              },
              childId: e.child_id,
              userId: p.userId,
            });
          for (const p of family)
            if (p.route === 'post')
              await queueNotification(trx, deps.jobs, {
                laCode,
                channel: 'letter',
                recipient: p.address.join(LETTER_LINES),
                template: 'survey-offered-by-post',
                personalisation: {
                  name: p.name,
                  date: longDate(e.day),
                  what: MILESTONE_SENTENCES[milestone],
                  child: child.preferred_name || child.given_name,
                  closes: longDate(offerCloses(today)),
                  address: `${site()}${paths.register.surveyShort(laCode)}`,
                  code: printedShortCode(offer.short_code!),
                },
                childId: e.child_id,
              });
          await audit(trx, who, {
            action: 'register.survey.offer',
            recordType: 'survey_offer',
            recordId: offer.id,
            childId: e.child_id,
            detail: {
              milestone,
              eventId: e.id,
              told: emailed.length,
              byPost: family.length - emailed.length,
            },
          });
          await recordCaseEvent(
            { trx, actor: { laCode, userId: null } },
            {
              childId: e.child_id,
              kind: 'register.survey-offered',
              summary: `The family was asked how it went after: ${MILESTONE_SENTENCES[milestone]}`,
              detail: { offerId: offer.id, milestone },
            },
          );
        }
        return made;
      }),

    /**
     * The survey's invitation in a milestone letter (ADR 0057): its paragraphs with the short address and code, or
     * undefined when there is none to give (no such milestone in the history; its offer answered or closed; a
     * milestone too old to offer, or a family the council cannot reach, so the job will make none). The code comes
     * from the history event, so a letter written before the job runs prints the code its offer will carry.
     */
    surveyInvitation: async (
      db: Executor,
      laCode: string,
      letter: MilestoneOfLetter,
    ): Promise<string[] | undefined> => {
      const event = await caseEventMatching(db, laCode, letter.childId, letter.kinds, letter.detail);
      if (!event || !milestoneOfEvent(event.kind, event.detail)) return undefined;
      const today = deps.today();
      const offer = await offerOfEvent(db, laCode, event.id);
      if (
        offer &&
        (!offer.short_code || !offerOpen({ offeredOn: offer.offered_on, answered: offer.answered }, today))
      )
        return undefined;
      if (
        !offer &&
        (!offerable(event.day, today) || !(await familyContactsFor(db, laCode, letter.childId)).length)
      )
        return undefined;
      const code = offer?.short_code ?? (await milestoneShortCode(db, laCode, event.id));
      const printed = printedShortCode(code);
      return [
        'We would like to know how this went for you: 2 short questions and a box for anything else you want to say. You do not need to sign in, and your answers do not carry your name unless you choose to give it.',
        `Go to ${site()}${paths.register.surveyShort(laCode, printed)}, or go to ${site()}${paths.register.surveyShort(laCode)} and type the code ${printed}. You can answer until ${longDate(offerCloses(offer?.offered_on ?? today))}.`,
      ];
    },

    /** The survey behind a letter's short code: its link, or undefined when no offer has that code (yet). */
    surveyByShortCode: async (laCode: string, code: string) => {
      const offer = await offerByShortCode(db, laCode, code);
      return offer && paths.register.surveyAnswer(laCode, offer.token);
    },

    /**
     * The family's open offers (their first screen); empty for anyone else. `linked`: the family's linked children
     * (their first 100) when the caller has read them already.
     */
    surveyOffersFor: async (actor: Actor, linked?: readonly ChildListRow[]) => {
      const kind = grantKindFor(actor.role);
      if (!FAMILY.includes(actor.role) || !kind) return [];
      const children =
        linked?.slice(0, 100) ??
        (
          await searchChildren(db, {
            laCode: actor.laCode,
            grantedTo: { userId: actor.userId, kind },
            page: 1,
            pageSize: 100,
          })
        ).rows;
      const names = new Map(children.map((c) => [c.id, c.given_name]));
      const today = deps.today();
      const since = formatDate(addDays(parseDate(today), -(OFFER_OPEN_DAYS - 1)));
      const offers = await unansweredOffersOf(db, actor.laCode, [...names.keys()], since);
      return offers
        .filter((o) => offerOpen({ offeredOn: o.offered_on, answered: o.answered }, today))
        .map((o) => offerView(actor.laCode, o, names.get(o.child_id) ?? ''));
    },

    /** The survey behind a link: open, answered or closed. 404 for a link that is no offer. */
    surveyByLink: async (laCode: string, token: string) => {
      const offer = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await offerByToken(db, laCode, token) : undefined;
      if (!offer) throw new NotFoundError();
      // No name on the page: a forwarded link shows nothing about the child (ADR 0034).
      const today = deps.today();
      return {
        ...offerView(laCode, offer, ''),
        answered: offer.answered,
        open: offerOpen({ offeredOn: offer.offered_on, answered: offer.answered }, today),
      };
    },

    /**
     * The family's answer: stored once for the offer, with no child, user, offer or moment on it (only the month).
     * A repeat of the same form answers as the first did; another submit after it is AlreadyAnsweredError.
     */
    answerSurvey: (
      laCode: string,
      token: string,
      actor: Actor | null,
      input: SurveyAnswer,
      formToken: string | undefined,
    ) =>
      db.transaction().execute(async (trx) => {
        const today = deps.today();
        const offer = /^[A-Za-z0-9_-]{20,100}$/.test(token)
          ? await offerByToken(trx, laCode, token)
          : undefined;
        if (!offer) throw new NotFoundError();
        const me = actor && actor.laCode === laCode ? actor : null;
        const result = await once(
          { trx, actor: { laCode, userId: me?.userId ?? null } },
          formToken,
          async () => {
            if (offer.answered) throw new AlreadyAnsweredError();
            if (!offerOpen({ offeredOn: offer.offered_on, answered: false }, today))
              throw new SurveyError('overall', 'This survey has closed: it could be answered for 8 weeks');
            if (!(await markAnswered(trx, laCode, offer.id))) throw new AlreadyAnsweredError();
            const community = await offerCommunity(trx, laCode, offer.id);
            await insertResponse(trx, laCode, {
              milestone: offer.milestone,
              month: today.slice(0, 7),
              teamId: community.team_id,
              ethnicity: community.ethnicity,
              firstLanguage: community.first_language,
              overall: input.overall,
              listened: input.listened,
              comment: input.comment ?? null,
              contactName: input.contactName ?? null,
              contact: input.contactName ? (input.contact ?? null) : null,
            });
            // The audit says the offer was answered, never which answer (ADR 0034).
            await audit(trx, me ? auditContext(me) : { laCode, userId: null, sessionId: null, ip: null }, {
              action: 'register.survey.answer',
              recordType: 'survey_offer',
              recordId: offer.id,
              childId: offer.child_id,
            });
            return offer.id;
          },
        );
        return result.resultId;
      }),

    /** The results for leaders over the months [from, to] ('YYYY-MM'; default the last 12 months). */
    surveyResults: async (actor: Actor, fromAsked?: string, toAsked?: string) => {
      requireRole(actor, LEADERS, paths.register.survey);
      const la = actor.laCode;
      const to = toAsked ?? deps.today().slice(0, 7);
      const from0 = fromAsked ?? monthsBack(to, 11);
      const from = from0 <= to ? from0 : to;
      const offers: OfferFacts[] = (await offerCounts(db, la, `${from}-01`, lastDayOf(to))).flatMap((g) =>
        Array.from({ length: g.n }, () => ({
          milestone: g.milestone,
          teamId: g.team_id,
          ethnicity: g.ethnicity,
          firstLanguage: g.first_language,
        })),
      );
      const answers: ResponseFacts[] = (await responseFacts(db, la, from, to)).map((r) => ({
        milestone: r.milestone,
        teamId: r.team_id,
        ethnicity: r.ethnicity,
        firstLanguage: r.first_language,
        overall: r.overall,
        listened: r.listened,
      }));
      const comments = await commentsIn(db, la, from, to, COMMENTS_SHOWN);
      const themes = await responseThemesOf(
        db,
        la,
        comments.map((c) => c.id),
      );
      const teams = new Map((await teamsOf(db, la)).map((t) => [t.id, t.name]));
      await audit(db, auditContext(actor), {
        action: 'register.survey.read',
        recordType: 'survey_response',
        detail: { from, to },
      });
      return {
        from,
        to,
        months: Array.from({ length: 24 }, (_, i) => monthsBack(deps.today().slice(0, 7), i)),
        overall: overallTally(offers, answers),
        byMilestone: tallyBy(offers, answers, (f) => f.milestone),
        byTeam: tallyBy(offers, answers, (f) => f.teamId).map((t) => ({
          ...t,
          label: t.key ? (teams.get(t.key) ?? 'Unknown team') : 'No team',
        })),
        byEthnicity: tallyByCommunity(offers, answers, (f) => f.ethnicity),
        byLanguage: tallyByCommunity(offers, answers, (f) => f.firstLanguage),
        byTheme: await responseThemeCounts(db, la, from, to),
        comments: comments.map((c) => ({ ...c, themes: themes.get(c.id) ?? [] })),
      };
    },

    /** One free-text answer, for coding into themes. */
    surveyResponse: async (actor: Actor, responseId: string) => {
      requireRole(actor, LEADERS, paths.register.survey);
      const r = isUuid(responseId) ? await responseById(db, actor.laCode, responseId) : undefined;
      if (!r) throw new NotFoundError();
      return { ...r, themes: (await responseThemesOf(db, actor.laCode, [r.id])).get(r.id) ?? [] };
    },

    /** Codes a free-text answer into the register's themes. */
    codeSurveyResponse: (actor: Actor, responseId: string, themes: readonly RegisterTheme[]) =>
      withChange(deps, actor, async (ctx) => {
        requireRole(actor, LEADERS, paths.register.survey);
        const r = isUuid(responseId) ? await responseById(ctx.trx, actor.laCode, responseId) : undefined;
        if (!r) throw new NotFoundError();
        if (themes.some((t) => !THEMES.includes(t)))
          throw new SurveyError('themes', 'Select themes from the list');
        await setResponseThemes(ctx.trx, actor.laCode, r.id, themes);
        await audit(ctx.trx, auditContext(actor), {
          action: 'register.survey.code',
          recordType: 'survey_response',
          recordId: r.id,
          detail: { themes },
        });
      }),
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
