/**
 * The survey's invitation in the milestone letters themselves (issue 15 item 4; docs/register.md "What families say";
 * ADR 0057). Owned by src/features/register.
 *
 * A letter (the decision whether to assess, the plan issued, the review's decision) can be written before the job
 * makes the offer (it runs every 10 minutes), so the letter's short code cannot come from the offer: it is a keyed
 * hash of the milestone's history event (`survey_offer.event_id`), which the letter knows, made with the authority's
 * own random key (`survey_code_key`, one row an authority, made on first use). The job stores the same code on the
 * offer (`short_code`), and the short address (`/say/:la/:code`) finds the offer by it. Offers made before this
 * migration have none: their families were emailed the link.
 */
export const statements: string[] = [
  `alter table survey_offer add column short_code text check (short_code ~ '^[A-Z2-9]{8}$')`,
  `create unique index survey_offer_short_code on survey_offer (la_code, short_code) where short_code is not null`,
  `create table survey_code_key (
    la_code text not null references local_authority (la_code),
    key text not null check (key ~ '^[0-9a-f]{64}$'),
    primary key (la_code)
  )`,
];
