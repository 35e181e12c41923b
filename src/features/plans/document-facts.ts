/**
 * What a plan's documents say about the plan itself, beyond its sections (issue 18 item 7: a document fit for the
 * family's file): when this version was issued, when the plan must next be reviewed, how to appeal (the rights block
 * of the decision to issue it, from the notices feature) and whom to ask for the advice in section K.
 */
import { longDate } from '../../domain/calendar.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { authorityOf } from '../../platform/people/users.ts';
import { rightsLinesFor } from '../notices/index.ts';
import { commentPeriod } from './comments.ts';
import { listVersions } from './read.ts';
import type { PlanRecord } from './store.ts';

export interface PlanDocumentFacts {
  /** One sentence per line, in the order the document gives them under its title. */
  readonly about: readonly string[];
  /** Whom to ask for a copy of the advice (section K's appendices), in one sentence. */
  readonly adviceFrom: string;
  /** How to appeal against the plan as issued: the rights block's headed paragraphs; null for a draft. */
  readonly rights: ReadonlyArray<{ heading: string; paragraphs: string[] }> | null;
}

interface VersionFacts {
  readonly number: number;
  readonly kind: 'draft' | 'final' | 'amended';
  readonly issued_on: string;
}

export async function documentFacts(
  db: Executor,
  record: PlanRecord,
  version: VersionFacts | null,
  today: string,
  /** The review schedule's date for this plan, when it has one (else the date set when it was first issued). */
  nextReview: string | null = null,
): Promise<PlanDocumentFacts> {
  const authority = await authorityOf(db, record.la_code);
  const team = `${authority.name} special educational needs team (${authority.team_phone}, ${authority.team_email})`;
  const adviceFrom = `You can ask the ${team} for a copy of the full advice at any time.`;
  if (!version)
    return { about: ['This is the working copy: it has not been issued.'], adviceFrom, rights: null };
  const issued = longDate(version.issued_on);
  if (version.kind === 'draft') {
    const period = commentPeriod({ draft_served: version.issued_on }, undefined, today);
    return {
      about: [
        `Draft shared on ${issued}. This is not the final plan.`,
        period
          ? `You can comment on it, ask for a meeting and say which school or college you want named, up to and including ${longDate(period.to)}.`
          : 'You can comment on it and say which school or college you want named.',
        `Questions: contact the ${team}.`,
      ],
      adviceFrom,
      rights: null,
    };
  }
  const versions = await listVersions(db, record.la_code, record.id);
  const latest = Math.max(...versions.map((v) => v.number)) === version.number;
  const name = record.preferred_name || record.given_name;
  const reviewBy = nextReview ?? record.review_due;
  const rights = await rightsLinesFor(
    db,
    record.la_code,
    version.kind === 'amended' ? 'amended-plan' : 'final-plan',
    version.issued_on,
    name,
  );
  return {
    about: [
      `${version.kind === 'amended' ? 'Amended plan issued' : 'Final plan issued'} on ${issued}.`,
      latest && reviewBy
        ? `The plan must be reviewed by ${longDate(reviewBy)}. The council will ask for your views before the review meeting.`
        : latest
          ? 'The plan must be reviewed within 12 months of the date it was issued.'
          : 'A later version of this plan has been issued: it replaces this one.',
      `Questions: contact the ${team}.`,
      rights
        ? 'If you disagree with the plan, the last part of this document says how to appeal and by when.'
        : 'If you disagree with the plan, the letter that came with it says how to appeal and by when.',
    ],
    adviceFrom,
    rights,
  };
}
