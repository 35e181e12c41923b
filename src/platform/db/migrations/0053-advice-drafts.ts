/**
 * Issue 18 item 4 (advisers): the advice form keeps a draft, so a restart, an expired page or a closed tab loses
 * nothing typed. The draft is the form's words as typed (field name to text, no file), saved by "Save as draft" or,
 * with JavaScript, every few seconds as the adviser types; it is cleared when the advice is sent. Owned by
 * src/features/assessments (the table's).
 */
export const statements: string[] = [
  `alter table assessment_advice add column draft jsonb`,
  `alter table assessment_advice add column draft_saved_at timestamptz`,
];
