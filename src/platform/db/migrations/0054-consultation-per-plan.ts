/**
 * Consultation per plan (issues 12 item 3 and 13 item 2; ADR 0032; docs/consultation.md). Owned by
 * src/features/consultation.
 *
 * Until now the family's preference and each consultation were keyed on an assessment case, so a plan with no case on
 * record (imported from a SEN2 return, transferred in) could not consult a school asked for during an amendment or a
 * phase transfer. A row is now about either an assessment case (`case_id`: the first plan, as before) or an issued
 * plan (`plan_id`), never both. A plan's rows belong to one round of asking and consulting: the plan in force when the
 * family asked, by the day its version was issued (`plan_in_force`). An amendment's section I is checked against the
 * round of the plan it amends, so a school named or refused years ago does not count for (or against) today's move.
 *
 * Existing rows stay valid: a case's rows recorded after its final plan was issued (an amendment's school request,
 * recorded on the plan's case until now) move to that plan, in the round of the version in force on the day.
 */
export const statements: string[] = [
  `alter table placement_preference alter column case_id drop not null`,
  `alter table placement_preference add column plan_id uuid`,
  `alter table placement_preference add column plan_in_force date`,
  `alter table placement_preference add foreign key (la_code, plan_id) references ehc_plan (la_code, id)`,
  `alter table consultation alter column case_id drop not null`,
  `alter table consultation add column plan_id uuid`,
  `alter table consultation add column plan_in_force date`,
  `alter table consultation add foreign key (la_code, plan_id) references ehc_plan (la_code, id)`,
  // A case's rows after its final plan: the amendment's, now the plan's.
  `update placement_preference r set
     plan_id = p.id,
     case_id = null,
     plan_in_force = coalesce(
       (select max(v.issued_on) from ehc_plan_version v
         where v.la_code = p.la_code and v.plan_id = p.id and v.kind in ('final', 'amended') and v.issued_on <= r.received),
       p.final_issued, c.final_issued)
   from assessment_case c, ehc_plan p
   where c.la_code = r.la_code and c.id = r.case_id and c.final_issued is not null and r.received > c.final_issued
     and p.la_code = c.la_code and p.case_id = c.id and p.status in ('final', 'amended')`,
  `update consultation r set
     plan_id = p.id,
     case_id = null,
     plan_in_force = coalesce(
       (select max(v.issued_on) from ehc_plan_version v
         where v.la_code = p.la_code and v.plan_id = p.id and v.kind in ('final', 'amended') and v.issued_on <= r.sent),
       p.final_issued, c.final_issued)
   from assessment_case c, ehc_plan p
   where c.la_code = r.la_code and c.id = r.case_id and c.final_issued is not null and r.sent > c.final_issued
     and p.la_code = c.la_code and p.case_id = c.id and p.status in ('final', 'amended')`,
  `alter table placement_preference add constraint placement_preference_case_or_plan
     check ((case_id is null) <> (plan_id is null) and (plan_id is null) = (plan_in_force is null))`,
  `alter table consultation add constraint consultation_case_or_plan
     check ((case_id is null) <> (plan_id is null) and (plan_id is null) = (plan_in_force is null))`,
  `create unique index placement_preference_plan_setting
     on placement_preference (la_code, plan_id, plan_in_force, setting_id)
     where plan_id is not null and setting_id is not null`,
  `create unique index consultation_plan on consultation (la_code, plan_id, plan_in_force, setting_id, consultee)
     where plan_id is not null`,
];
