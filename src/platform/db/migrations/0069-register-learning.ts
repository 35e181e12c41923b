/**
 * Learning actions (issue 15; statutory-work.md S12 "learning action linked to the improvement plan";
 * docs/register.md "Learning actions"; ADR 0047). Owned by src/features/register.
 *
 * `register_learning` is what the council learnt from what families raised, and where it went: raised from a theme
 * of the register, one register item, or a tribunal appeal's outcome (`disagreement`, the tribunal feature's), and
 * linked to the action in the improvement plan (`improvement_action`, the improvement feature's) that takes it on.
 * Exactly one source is named, as `source` says.
 */
export const statements: string[] = [
  `create table register_learning (
    la_code text not null references local_authority (la_code),
    id uuid not null default gen_random_uuid(),
    source text not null check (source in ('theme', 'item', 'tribunal')),
    theme text check (theme in ('communication', 'delay', 'provision-not-delivered', 'placement',
      'assessment-and-plans', 'health', 'social-care', 'transport', 'other')),
    item_id uuid,
    disagreement_id uuid,
    learnt text not null check (length(learnt) between 1 and 2000),
    improvement_action_id uuid not null,
    raised_by uuid,
    raised_on date not null,
    primary key (la_code, id),
    foreign key (la_code, item_id) references register_item (la_code, id),
    foreign key (la_code, disagreement_id) references disagreement (la_code, id),
    foreign key (la_code, improvement_action_id) references improvement_action (la_code, id),
    foreign key (la_code, raised_by) references app_user (la_code, id),
    check ((source = 'theme') = (theme is not null)),
    check ((source = 'item') = (item_id is not null)),
    check ((source = 'tribunal') = (disagreement_id is not null))
  )`,
  `create index register_learning_raised on register_learning (la_code, raised_on)`,
  `create index register_learning_action on register_learning (la_code, improvement_action_id)`,
];
