/**
 * Mediation and the tribunal (issue 15 item 2; statutory-work.md S7; docs/tribunal.md). Owned by
 * src/features/tribunal.
 *
 * `disagreement` is one family's disagreement with one appealable decision about a child, from the decision notice
 * (`decision_sent`, D) through the mediation adviser, mediation and the certificate to an appeal, its response,
 * hearing and order or concession. The dates are the facts; every due date is computed by the clock
 * (src/domain/tribunal) and never stored. `sections` is the plan sections an appeal about contents names ('B,F,I'
 * or a part of it). `disagreement_agreement` is a mediation agreement and what it obliges (reg 42):
 * `obliges` the tribunal-order kind whose reg 44 periods apply to appealable matters, `non_appealable` that it
 * settles matters that cannot be appealed (2 weeks), `commissioner_only` that the health commissioner made it
 * without the council (1 week to tell it). `disagreement_done` records when each of the council's dates was met,
 * by the clock's step id ('order:draft-plan', 'agreement:<id>:final-plan', ...).
 */
const ORDER_KINDS = `('cease-dismissed', 'assess', 'make-and-maintain', 'amend', 'change-school', 'continue-to-maintain')`;

export const statements: string[] = [
  `create table disagreement (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    child_id uuid not null,
    decision_kind text not null check (decision_kind in ('not-to-assess', 'not-to-issue', 'final-plan',
      'amended-plan', 'not-to-amend', 'to-cease')),
    decision_sent date not null,
    adviser_contacted_on date,
    declined_mediation_on date,
    mediation_requested_on date,
    mediation_issues text check (length(mediation_issues) <= 2000),
    health_issues boolean not null default false,
    health_only boolean not null default false,
    commissioner_told_on date,
    mediation_held_on date,
    certificate_issued_on date,
    appeal_registered_on date,
    ground text check (ground in ('refusal-to-assess', 'refusal-to-issue', 'contents', 'refusal-to-amend', 'cease',
      'placement-only')),
    sections text check (sections in ('B', 'F', 'I', 'B,F', 'B,I', 'F,I', 'B,F,I')),
    care_recommendations boolean not null default false,
    response_due date,
    response_sent_on date,
    hearing_on date,
    outcome text check (outcome in ('allowed', 'partly-allowed', 'dismissed', 'withdrawn', 'conceded')),
    decided_on date,
    order_kind text check (order_kind in ${ORDER_KINDS}),
    conceded_on date,
    concession_kind text check (concession_kind in ('assess', 'amend', 'placement')),
    recorded_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    check (adviser_contacted_on is null or adviser_contacted_on >= decision_sent),
    check (certificate_issued_on is null or certificate_issued_on >= decision_sent),
    check (mediation_held_on is null or mediation_requested_on is null or mediation_held_on >= mediation_requested_on),
    check (appeal_registered_on is null or ground is not null),
    check (appeal_registered_on is not null or (outcome is null and hearing_on is null and response_due is null)),
    check (outcome is distinct from 'conceded' or (conceded_on is not null and concession_kind is not null))
  )`,
  `create index disagreement_child on disagreement (la_code, child_id)`,
  `create table disagreement_agreement (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    disagreement_id uuid not null,
    agreed_on date not null,
    terms text not null check (length(terms) between 1 and 2000),
    obliges text check (obliges in ${ORDER_KINDS}),
    non_appealable boolean not null default false,
    commissioner_only boolean not null default false,
    recorded_by uuid,
    created_at timestamptz not null default now(),
    primary key (la_code, id),
    foreign key (la_code, disagreement_id) references disagreement (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id),
    check (obliges is not null or non_appealable or commissioner_only)
  )`,
  `create index disagreement_agreement_of on disagreement_agreement (la_code, disagreement_id)`,
  `create table disagreement_done (
    la_code text not null references local_authority (la_code),
    disagreement_id uuid not null,
    step_id text not null check (length(step_id) between 1 and 100),
    done_on date not null,
    recorded_by uuid,
    primary key (la_code, disagreement_id, step_id),
    foreign key (la_code, disagreement_id) references disagreement (la_code, id),
    foreign key (la_code, recorded_by) references app_user (la_code, id)
  )`,
];
