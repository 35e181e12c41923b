/**
 * Reminders to family members without an account (issue 12; docs/reviews.md "Reminders"; ADR 0048): the comments
 * reminder on proposed amendments also goes to a parent with parental responsibility who has no Goldthread account,
 * by email or by post, so its claim row (`plan_review_reminder`, migration 0063, owned by src/features/reviews) names
 * either the account reminded or the family member: exactly one of the two. A family member is reminded once of a
 * date, as an account is (a partial unique index: the table's unique constraint treats a null account as distinct).
 */
export const statements: string[] = [
  `alter table plan_review_reminder alter column user_id drop not null`,
  `alter table plan_review_reminder add column family_member_id uuid`,
  `alter table plan_review_reminder add constraint plan_review_reminder_family_member_fkey
    foreign key (la_code, family_member_id) references family_member (la_code, id)`,
  `alter table plan_review_reminder add constraint plan_review_reminder_who_check
    check ((user_id is null) <> (family_member_id is null))`,
  `create unique index plan_review_reminder_family_member_key
    on plan_review_reminder (la_code, kind, record_id, family_member_id, due)
    where family_member_id is not null`,
];
