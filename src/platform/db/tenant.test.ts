import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from './schema/index.ts';
import { onTenant } from './tenant.ts';

const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('onTenant', () => {
  it('joins on la_code as well as the key, for inner and left joins', () => {
    const query = db
      .selectFrom('app_user as u')
      .innerJoin('team as t', onTenant('t.id', 'u.team_id'))
      .leftJoin('organisation as o', onTenant('o.id', 't.organisation_id'))
      .select(['u.id', 't.name', 'o.name as organisation'])
      .where('u.la_code', '=', '999')
      .compile();
    expect(query.sql).toBe(
      'select "u"."id", "t"."name", "o"."name" as "organisation" from "app_user" as "u" ' +
        'inner join "team" as "t" on "t"."la_code" = "u"."la_code" and "t"."id" = "u"."team_id" ' +
        'left join "organisation" as "o" on "o"."la_code" = "t"."la_code" and "o"."id" = "t"."organisation_id" ' +
        'where "u"."la_code" = $1',
    );
  });

  it('gives the same SQL as the join written out by hand', () => {
    const byHand = db
      .selectFrom('access_grant as g')
      .innerJoin('app_user as u', (j) =>
        j.onRef('u.la_code', '=', 'g.la_code').onRef('u.id', '=', 'g.user_id'),
      )
      .select('u.email')
      .compile().sql;
    const helped = db
      .selectFrom('access_grant as g')
      .innerJoin('app_user as u', onTenant('u.id', 'g.user_id'))
      .select('u.email')
      .compile().sql;
    expect(helped).toBe(byHand);
  });

  it('refuses a reference without an alias', () => {
    expect(() => onTenant('id' as `${string}.${string}`, 'u.team_id')).toThrow(/alias\.column/);
  });
});
