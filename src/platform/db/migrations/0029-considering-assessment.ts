/**
 * Telling the persons of reg 4(2) of a request (docs/rights.md): when the council receives a request for an EHC needs
 * assessment it tells the health commissioning body, social care and the child's school or setting that it is
 * considering whether an assessment is necessary. That notice goes in the same inbox as the decisions
 * (`organisation_inbox_item`, migration 0018, owned by src/features/notices) as a new kind, dated the day the request
 * was received; the kind's check constraint gains it.
 */
export const statements: string[] = [
  `alter table organisation_inbox_item drop constraint organisation_inbox_item_kind_check`,
  `alter table organisation_inbox_item add constraint organisation_inbox_item_kind_check
    check (kind in ('decision-to-assess', 'not-to-assess', 'not-to-issue', 'final-plan', 'amended-plan',
      'not-to-amend', 'to-cease', 'considering-assessment'))`,
];
