/**
 * Issue 13 item 7 (the phase-transfer board's target, docs/transfers.md): the board reads each cohort child's
 * preferences and consultations by child. The reviews' and amendments' tables already have an index leading with
 * `(la_code, child_id)`; the consultation feature's two tables had none by child, so every board request read them
 * whole. Owned by src/features/consultation (the tables'), added for the transfers board.
 */
export const statements: string[] = [
  `create index placement_preference_child on placement_preference (la_code, child_id, received)`,
  `create index consultation_child on consultation (la_code, child_id, sent)`,
];
