/**
 * Issue 7, follow-up: a progress update carries the one-use token of the form it was posted from, so a form sent twice
 * (a double click, a resend after a slow response) saves one update. Unique per authority; updates saved without a
 * token (older pages, the demo seeding, the command line) leave it empty.
 */
export const statements: string[] = [
  `alter table improvement_update add column form_token uuid`,
  `alter table improvement_update add constraint improvement_update_form_token unique (la_code, form_token)`,
];
