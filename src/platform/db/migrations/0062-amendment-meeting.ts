/**
 * The family's meeting about proposed amendments (reg 22(2)(c); statutory-work.md S1 "meeting requested";
 * docs/reviews.md "Amendments"): within the 15 days for comments the family may ask to meet an officer of the
 * council. Kept on the amendment (`plan_amendment`, migration 0033, owned by src/features/amendments): the day they
 * asked, whether they asked online or the caseworker recorded a request by phone or letter, what they want to talk
 * about, and the day the meeting was held.
 */
export const statements: string[] = [
  `alter table plan_amendment add column meeting_requested_on date`,
  `alter table plan_amendment add column meeting_requested_via text
    check (meeting_requested_via in ('online', 'caseworker'))`,
  `alter table plan_amendment add column meeting_request_note text`,
  `alter table plan_amendment add column meeting_held_on date`,
  `alter table plan_amendment add constraint plan_amendment_meeting_check
    check ((meeting_requested_on is null) = (meeting_requested_via is null)
      and (meeting_held_on is null or meeting_requested_on is not null))`,
];
