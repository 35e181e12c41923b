/**
 * Issue 13 (the cohort board's target at 25,000 plans; docs/transfers.md, ADR 0033): the phase-transfer cohort kept
 * in a table of the transfers feature's own, one row a child of a school year's cohort with what the board counts
 * and lists, so a request reads counts and one page of children by index instead of deriving the whole cohort.
 * Owned by src/features/transfers.
 *
 * - transfer_cohort: one row a child in the cohort of the school year starting 1 September `school_year`, as of the
 *   day `as_of` (the urgency of the next step is a matter of the day): the child's reference and names, year group,
 *   current setting and lead officer (ids and names, as the core records had them), the legal deadline, the stage,
 *   the next step's latest day (null when nothing is left to do), whether the family was told, and the whole row as
 *   the domain derived it (`detail`: dates with their rules, facts, next step) for the list, kept out of line
 *   (`toast_tuple_target`) so that counting reads only the narrow columns.
 * - transfer_cohort_state: one row an authority and school year: the day the cohort was last derived whole, and the
 *   last audit entry it had seen (children changed since are derived again before the board is read).
 */
export const statements: string[] = [
  `create table transfer_cohort (
    la_code text not null references local_authority (la_code),
    school_year integer not null,
    child_id uuid not null,
    as_of date not null,
    reference text not null,
    given_name text not null,
    family_name text not null,
    setting_id uuid not null,
    setting_name text not null,
    officer_id uuid,
    officer_name text,
    deadline date not null,
    stage text not null check (stage in ('in-cohort', 'review-held', 'preference-received', 'consulting', 'proposal-sent', 'named', 'late')),
    next_by date,
    told boolean not null,
    detail jsonb not null,
    primary key (la_code, school_year, child_id)
  ) with (toast_tuple_target = 128)`,
  `create index transfer_cohort_next on transfer_cohort (la_code, school_year, next_by, family_name, child_id)`,
  `create table transfer_cohort_state (
    la_code text not null references local_authority (la_code),
    school_year integer not null,
    derived_on date not null,
    audit_seen bigint not null,
    primary key (la_code, school_year)
  )`,
];
