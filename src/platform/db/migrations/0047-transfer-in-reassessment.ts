/**
 * Issue 12 item 5 (S11), owned by src/features/reviews: whether the council proposes to carry out a new EHC needs
 * assessment of a child whose plan was transferred in. The notice to the family must say so (reg 15(4)), so it is
 * recorded with the day the family was told: true (it proposes to reassess), false (it does not), null (not decided,
 * only while the family has not been told).
 */
export const statements: string[] = [
  `alter table plan_review_transfer_in add column proposes_reassessment boolean`,
  `alter table plan_review_transfer_in add constraint plan_review_transfer_in_told_reassessment
    check (notice_sent is null or proposes_reassessment is not null) not valid`,
];
