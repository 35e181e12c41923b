/**
 * Issue 10 items 2 and 3: lawful steps in the EHC needs assessment journey (docs/assessments.md).
 *
 * - J1: `family_comments_complete`: the family has said their comments on the draft are complete, so the final plan
 *   may be issued before the 15 days end (reg 13(1)(a)).
 * - J3: `assessment_advice_reuse`: advice the authority did not ask for again because existing advice is reused with
 *   the agreement of the family (and the adviser) that it is sufficient (reg 6(4)).
 * - J10: an exception is relied on only once a caseworker confirms, with a reason, that it caused the delay.
 * - J8: `kind`: an initial assessment or a reassessment of a child or young person with a plan (CFA s44(2)-(3),
 *   regs 24-27); `reassessed_plan_id` names the plan (owned by the plans feature, so no foreign key) and
 *   `reassessment_result` whether the outcome amended or replaced it.
 * - Withdrawn requests and moves out of the area before the assessment finished (SEN2 module 2): `closed_reason`,
 *   `closed_date`, `closed_notes`, and the stages 'withdrawn' and 'moved-out'.
 */
export const statements: string[] = [
  `alter table assessment_case add column family_comments_complete boolean not null default false`,
  `alter table assessment_case add column kind text not null default 'initial' check (kind in ('initial', 'reassessment'))`,
  `alter table assessment_case add column reassessed_plan_id uuid`,
  `alter table assessment_case add column reassessment_result text check (reassessment_result in ('amended', 'replaced'))`,
  `alter table assessment_case add column closed_reason text check (closed_reason in ('withdrawn', 'moved-out'))`,
  `alter table assessment_case add column closed_date date`,
  `alter table assessment_case add column closed_notes text`,
  `alter table assessment_case add constraint assessment_case_closed_check check ((closed_reason is null) = (closed_date is null))`,
  `alter table assessment_case drop constraint assessment_case_stage_check`,
  `alter table assessment_case add constraint assessment_case_stage_check check (stage in ('request', 'assessment', 'draft', 'final', 'not-assessed', 'no-plan', 'linked', 'withdrawn', 'moved-out'))`,
  `alter table assessment_exception add column confirmed_at timestamptz`,
  `alter table assessment_exception add column confirmed_by uuid`,
  `alter table assessment_exception add column confirmation_reason text`,
  `alter table assessment_exception add constraint assessment_exception_confirmed_by_fk foreign key (la_code, confirmed_by) references app_user (la_code, id)`,
  `alter table assessment_exception add constraint assessment_exception_confirmed_check check ((confirmed_at is null) = (confirmation_reason is null))`,
  `create table assessment_advice_reuse (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    agency text not null check (agency in ('family', 'educational', 'educational-psychology', 'health', 'social-care',
      'setting', 'preparation-for-adulthood', 'other')),
    existing_advice text not null,
    family_agreed date not null,
    recorded_by uuid,
    recorded_at timestamptz not null default now(),
    primary key (la_code, id),
    unique (la_code, case_id, agency),
    foreign key (la_code, case_id) references assessment_case (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id)
  )`,
];
