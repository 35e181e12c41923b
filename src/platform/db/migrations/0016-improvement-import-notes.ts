/**
 * Issue 17: the import keeps every row of a real plan that has a reference and an action, and records a note for
 * each thing it had to read generously (a date kept as written, a status it did not know, a repeated reference, a
 * short row). The notes are kept with the plan, so the page after the import, and later readers, can see them.
 * Plans imported before this migration have none.
 */
export const statements: string[] = [
  `alter table improvement_plan add column import_notes jsonb not null default '[]'::jsonb`,
];
