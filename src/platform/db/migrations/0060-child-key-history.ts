/**
 * Issue 14 item 2 (figures as of a past day, ADR 0036, docs/figures.md): the keys a child's figures are broken down
 * by, as they were on each day. Owned by src/platform/people (the core records).
 *
 * - child_key_history: one row each time a child's team (their lead officer's team), primary need or ethnicity
 *   became what it is, dated by the day in London it changed (`changed_on`). Written by the database itself, in the
 *   transaction of the change, so every writer is covered: a child added, a new lead officer (allocation, a leaver's
 *   work shared out), a need or ethnicity corrected, an import; and a lead officer moving team (a row for each child
 *   they lead). The children already recorded start with one row dated the day this migration runs.
 */
export const statements: string[] = [
  `create table child_key_history (
    la_code text not null,
    id bigint generated always as identity,
    child_id uuid not null,
    changed_on date not null,
    changed_at timestamptz not null default now(),
    team_id uuid,
    primary_need text,
    ethnicity text,
    primary key (la_code, id),
    foreign key (la_code, child_id) references child (la_code, id) on delete cascade
  )`,
  `create index child_key_history_child on child_key_history (la_code, child_id, changed_on)`,
  `create function child_key_history_of_child() returns trigger language plpgsql as $$
    begin
      insert into child_key_history (la_code, child_id, changed_on, team_id, primary_need, ethnicity)
      values (new.la_code, new.id, (now() at time zone 'Europe/London')::date,
        (select u.team_id from app_user u where u.la_code = new.la_code and u.id = new.lead_officer_id),
        new.primary_need, new.ethnicity);
      return null;
    end
  $$`,
  `create trigger child_key_history_added after insert on child
    for each row execute function child_key_history_of_child()`,
  `create trigger child_key_history_changed after update of lead_officer_id, primary_need, ethnicity on child
    for each row when (old.lead_officer_id is distinct from new.lead_officer_id
      or old.primary_need is distinct from new.primary_need or old.ethnicity is distinct from new.ethnicity)
    execute function child_key_history_of_child()`,
  `create function child_key_history_of_officer() returns trigger language plpgsql as $$
    begin
      insert into child_key_history (la_code, child_id, changed_on, team_id, primary_need, ethnicity)
      select c.la_code, c.id, (now() at time zone 'Europe/London')::date, new.team_id, c.primary_need, c.ethnicity
      from child c where c.la_code = new.la_code and c.lead_officer_id = new.id;
      return null;
    end
  $$`,
  `create trigger child_key_history_officer_moved after update of team_id on app_user
    for each row when (old.team_id is distinct from new.team_id)
    execute function child_key_history_of_officer()`,
  `insert into child_key_history (la_code, child_id, changed_on, team_id, primary_need, ethnicity)
    select c.la_code, c.id, (now() at time zone 'Europe/London')::date, u.team_id, c.primary_need, c.ethnicity
    from child c left join app_user u on u.la_code = c.la_code and u.id = c.lead_officer_id`,
];
