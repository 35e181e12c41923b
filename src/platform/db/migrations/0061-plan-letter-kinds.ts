/**
 * Two more letters about a plan go to organisations' inboxes (`plan_letter_inbox_item`, migration 0041, owned by
 * src/features/notices; docs/reviews.md "Letters"): the amended plan's notice, to the institution the plan names and
 * the health commissioning body (reg 22(3)), and the letter that the council is considering stopping the plan, to
 * the institution the plan names, whose head it consults (reg 31(1)). The kind's check constraint gains them.
 */
export const statements: string[] = [
  `alter table plan_letter_inbox_item drop constraint plan_letter_inbox_item_kind_check`,
  `alter table plan_letter_inbox_item add constraint plan_letter_inbox_item_kind_check
    check (kind in ('review-decision', 'to-cease', 'not-to-amend', 'transfer-in', 'amended-plan',
      'considering-cease'))`,
];
