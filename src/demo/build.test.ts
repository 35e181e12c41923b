import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRIMARY_NEEDS } from '../platform/db/schema/index.ts';
import { DEMO_ACCOUNTS } from './accounts.ts';
import {
  buildDemoData,
  EARLY_YEARS_NEED_WEIGHTS,
  LAST_EARLY_YEARS_GROUP,
  PRIMARY_NEED_WEIGHTS,
  upnFor,
} from './build.ts';
import { ageOn, yearGroupOn } from '../domain/calendar.ts';
import { AUDIT_ACTION_LABELS, AUDIT_RECORD_LABELS } from '../platform/audit/labels.ts';
import { addDays } from './dates.ts';
import { AUDIT_HISTORY_WEEKS } from './audit-history.ts';

const data = buildDemoData({ children: 2500 });
const today = data.today;
const userByEmail = new Map(data.users.map((u) => [u.email, u]));
const settingById = new Map(data.settings.map((s) => [s.id, s]));

describe('buildDemoData', () => {
  it('is deterministic: the same options give identical rows', () => {
    expect(JSON.stringify(buildDemoData({ children: 300 }))).toBe(
      JSON.stringify(buildDemoData({ children: 300 })),
    );
    expect(buildDemoData({ children: 300, seed: 2 }).children[5]!.id).not.toBe(
      buildDemoData({ children: 300 }).children[5]!.id,
    );
  });

  it('keeps each child the same whatever the size of the caseload', () => {
    const small = buildDemoData({ children: 300 });
    for (const i of [0, 17, 142, 263, 299]) {
      const { lead_officer_id: _a, ...a } = small.children[i]!;
      const { lead_officer_id: _b, ...b } = data.children[i]!;
      expect(a).toEqual(b);
    }
    expect(small.links.parent.reference).toBe(data.links.parent.reference);
  });

  it('never uses Math.random or the clock', () => {
    const dir = new URL('./', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      expect(source, file).not.toMatch(/Math\.random|Date\.now\(|new Date\(\)/);
    }
  });

  it('creates the fourteen demo accounts with their roles', () => {
    expect(DEMO_ACCOUNTS).toHaveLength(14);
    for (const account of DEMO_ACCOUNTS) {
      expect(userByEmail.get(account.email)?.role).toBe(account.role);
    }
    const caseworker = userByEmail.get('caseworker@demo.example')!;
    const manager = userByEmail.get('manager@demo.example')!;
    expect(manager.team_id).toBe(caseworker.team_id);
    expect(new Set(data.users.map((u) => u.email)).size).toBe(data.users.length);
    expect(data.users.filter((u) => u.role === 'caseworker').length).toBeGreaterThanOrEqual(13);
  });

  it('has about 80 settings across phases, types and areas', () => {
    expect(data.settings.length).toBeGreaterThanOrEqual(75);
    expect(data.settings.length).toBeLessThanOrEqual(85);
    expect(data.settings.some((s) => !s.in_area && s.location_authority)).toBe(true);
    expect(data.settings.some((s) => s.phase.startsWith('Middle'))).toBe(true);
    expect(data.settings.some((s) => s.type.includes('independent special'))).toBe(true);
    expect(data.settings.some((s) => s.kind === 'college')).toBe(true);
    expect(data.settings.some((s) => s.kind === 'early-years')).toBe(true);
    expect(new Set(data.settings.map((s) => s.urn)).size).toBe(data.settings.length);
    for (const s of data.settings) expect(s.urn).toMatch(/^\d{6}$/);
  });

  it('gives primary needs in the national proportions', () => {
    const counts = new Map<string, number>();
    for (const c of data.children) counts.set(c.primary_need!, (counts.get(c.primary_need!) ?? 0) + 1);
    const total = data.children.length;
    for (const [need, share] of PRIMARY_NEED_WEIGHTS) {
      const actual = ((counts.get(need) ?? 0) / total) * 100;
      expect(Math.abs(actual - share), `${need}: ${actual.toFixed(1)}% against ${share}%`).toBeLessThan(
        share > 10 ? 3 : 1.5,
      );
    }
    expect([...counts.keys()].every((n) => (PRIMARY_NEEDS as readonly string[]).includes(n))).toBe(true);
  });

  it("draws a primary need that fits the child's phase: no dyslexia or learning difficulty in a toddler", () => {
    const early = data.children.filter((c) => yearGroupOn(c.date_of_birth, today) <= LAST_EARLY_YEARS_GROUP);
    expect(early.length).toBeGreaterThan(150);
    const counts = new Map<string, number>();
    for (const c of early) counts.set(c.primary_need!, (counts.get(c.primary_need!) ?? 0) + 1);
    const share = (needs: string[]) =>
      needs.reduce((n, need) => n + (counts.get(need) ?? 0), 0) / early.length;
    // Mostly speech and language, autism, physical, severe or profound learning difficulty and sensory needs.
    expect(share(['SLCN', 'ASD', 'PD', 'SLD', 'PMLD', 'HI', 'VI', 'MSI'])).toBeGreaterThan(0.85);
    expect(share(['SEMH'])).toBeLessThan(0.07);
    expect(share(['SPLD'])).toBe(0);
    for (const c of data.children) {
      const yg = yearGroupOn(c.date_of_birth, today);
      if (yg < 2) expect(c.primary_need, `${c.reference} in year ${yg}`).not.toBe('SPLD');
      if (yg < 0) expect(c.primary_need, `${c.reference} in year ${yg}`).not.toBe('MLD');
    }
    expect(EARLY_YEARS_NEED_WEIGHTS.find(([need]) => need === 'SPLD')![1]).toBe(0);
  });

  it('gives the audit log 26 weeks of a service in use, up to the day before its day, in the service’s own words', () => {
    const small = buildDemoData({ children: 400 });
    const history = small.auditHistory;
    expect(history.length).toBeGreaterThan(3000);
    expect(history.length).toBeLessThan(15000);
    const days = history.map((e) => e.at.toISOString().slice(0, 10));
    expect(days[0]! >= addDays(small.today, -7 * AUDIT_HISTORY_WEEKS)).toBe(true);
    expect(days.at(-1)! < small.today).toBe(true);
    expect(days.every((d, i) => i === 0 || d >= days[i - 1]!)).toBe(true);
    // Every week has work in it; staff work on working days.
    const weeks = new Set(
      days.map((d) => Math.floor((Date.parse(d) - Date.parse(days[0]!)) / (7 * 86_400_000))),
    );
    expect(weeks.size).toBeGreaterThanOrEqual(AUDIT_HISTORY_WEEKS);
    const users = new Map(small.users.map((u) => [u.id, u]));
    const staffAtWeekends = history.filter((e) => {
      const weekday = e.at.getUTCDay();
      const role = users.get(e.userId!)?.role;
      return (weekday === 0 || weekday === 6) && role !== 'parent' && role !== 'young-person';
    });
    expect(staffAtWeekends).toEqual([]);
    for (const e of history) {
      expect(AUDIT_ACTION_LABELS[e.action], e.action).toBeDefined();
      expect(AUDIT_RECORD_LABELS[e.recordType], e.recordType).toBeDefined();
      expect(users.has(e.userId!), e.action).toBe(true);
    }
    // A caseworker reads their own children's records; reads and changes name a child of the demo.
    const children = new Map(small.children.map((c) => [c.id, c]));
    for (const e of history.filter((x) => x.recordType === 'child')) {
      expect(children.has(e.childId!)).toBe(true);
      if (users.get(e.userId!)!.role === 'caseworker')
        expect(children.get(e.childId!)!.lead_officer_id).toBe(e.userId);
    }
    const actions = new Set(history.map((e) => e.action));
    for (const action of ['sign-in', 'home.list.read', 'child.read', 'review.hold', 'plan.final.issue']) {
      expect(actions.has(action), action).toBe(true);
    }
  });

  it('spreads ages over 0 to 25, most of them 5 to 16, about 72% boys', () => {
    const ages = data.children.map((c) => ageOn(c.date_of_birth, today));
    expect(Math.min(...ages)).toBe(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(25);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(24);
    const schoolAge = ages.filter((a) => a >= 5 && a <= 16).length / ages.length;
    expect(schoolAge).toBeGreaterThan(0.65);
    const boys = data.children.filter((c) => c.sex === 'M').length / data.children.length;
    expect(boys).toBeGreaterThan(0.68);
    expect(boys).toBeLessThan(0.76);
  });

  it('gives plan dates, references and identifiers that hold together', () => {
    const references = new Set<string>();
    for (const c of data.children) {
      references.add(c.reference);
      expect(c.reference).toMatch(/^GT-\d{6}$/);
      if (c.plan_status === 'plan' || c.plan_status === 'ceased') {
        expect(c.plan_first_issued, c.reference).toBeTruthy();
        expect(c.plan_first_issued! < today && c.plan_first_issued! > c.date_of_birth).toBe(true);
      } else {
        expect(c.plan_first_issued).toBeNull();
      }
      if (c.upn) expect(c.upn).toMatch(/^[A-HJ-NP-RT-Z]999\d{9}$/);
      else expect(c.upn_missing_reason).toBeTruthy();
      if (c.uln) expect(c.uln).toMatch(/^\d{10}$/);
      expect(c.postcode).toMatch(/^DM\d{1,2} \d[ABD-HJLNP-UW-Z]{2}$/);
    }
    expect(references.size).toBe(data.children.length);
    const upns = data.children.flatMap((c) => (c.upn ? [c.upn] : []));
    expect(new Set(upns).size).toBe(upns.length);
    const ulns = data.children.flatMap((c) => (c.uln ? [c.uln] : []));
    expect(new Set(ulns).size).toBe(ulns.length);
    const shares = (status: string) => data.children.filter((c) => c.plan_status === status).length / 2500;
    expect(shares('plan')).toBeGreaterThan(0.75);
    expect(shares('assessment')).toBeGreaterThan(0.04);
    expect(shares('ceased')).toBeGreaterThan(0.02);
  });

  it('computes a valid UPN check letter', () => {
    // Characters 2-13 weighted 2-13, sum modulo 23 indexes ABCDEFGHJKLMNPQRTUVWXYZ.
    const upn = upnFor(0, 2020);
    const body = upn.slice(1);
    const sum = [...body].reduce((s, ch, i) => s + Number(ch) * (i + 2), 0);
    expect(upn[0]).toBe('ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23]);
  });

  it('places every child in current settings that fit their year group', () => {
    const childById = new Map(data.children.map((c) => [c.id, c]));
    let current = 0;
    for (const cs of data.childSettings) {
      const child = childById.get(cs.child_id)!;
      const setting = settingById.get(cs.setting_id)!;
      expect(cs.start_date <= today).toBe(true);
      if (cs.end_date) {
        expect(cs.end_date >= cs.start_date).toBe(true);
        continue;
      }
      current++;
      const yg = yearGroupOn(child.date_of_birth, today);
      expect(
        setting.first_year_group <= yg && yg <= setting.last_year_group,
        `${child.reference} in year ${yg} at ${setting.name} (${setting.first_year_group}..${setting.last_year_group})`,
      ).toBe(true);
    }
    expect(current).toBeGreaterThan(2000);
    expect(data.childSettings.some((cs) => cs.attendance === 'dual-registered')).toBe(true);
    expect(data.childSettings.some((cs) => cs.end_date !== null)).toBe(true);
  });

  it('allocates children to caseworkers, caseworker@ holding about 200 plans (issue 18 item 9) and a few unallocated', () => {
    const caseworker = userByEmail.get('caseworker@demo.example')!;
    const mine = data.children.filter((c) => c.lead_officer_id === caseworker.id);
    expect(mine.length).toBeGreaterThanOrEqual(200);
    expect(mine.length).toBeLessThanOrEqual(260);
    const plans = mine.filter((c) => c.plan_status === 'plan').length;
    expect(plans).toBeGreaterThanOrEqual(170);
    expect(plans).toBeLessThanOrEqual(230);
    const unallocated = data.children.filter((c) => c.lead_officer_id === null).length;
    expect(unallocated).toBeGreaterThan(0);
    expect(unallocated).toBeLessThan(100);
    const caseworkerIds = new Set(data.users.filter((u) => u.role === 'caseworker').map((u) => u.id));
    for (const c of data.children)
      if (c.lead_officer_id) expect(caseworkerIds.has(c.lead_officer_id)).toBe(true);
  });

  it('links parent@, parent2@ and youngperson@ to their own children', () => {
    const { parent, parent2, youngPerson } = data.links;
    expect(parent.childId).not.toBe(parent2.childId);
    const childById = new Map(data.children.map((c) => [c.id, c]));
    const caseworker = userByEmail.get('caseworker@demo.example')!;
    for (const link of [parent, parent2]) {
      const child = childById.get(link.childId)!;
      const user = userByEmail.get(link.email)!;
      // parent@'s child has a plan; parent2@'s has none yet, so the family can ask for a first assessment (J8).
      expect(child.plan_status).toBe(link === parent ? 'plan' : 'none');
      expect(child.lead_officer_id).toBe(caseworker.id);
      expect(yearGroupOn(child.date_of_birth, today)).toBeGreaterThanOrEqual(0);
      expect(yearGroupOn(child.date_of_birth, today)).toBeLessThanOrEqual(6);
      const grants = data.accessGrants.filter((g) => g.user_id === user.id);
      expect(grants.map((g) => [g.child_id, g.kind])).toEqual([[link.childId, 'parent']]);
      const member = data.familyMembers.find((m) => m.user_id === user.id)!;
      expect(member.child_id).toBe(link.childId);
      expect(member.parental_responsibility).toBe(true);
      expect(`${member.given_name} ${member.family_name}`).toBe(user.display_name);
    }
    const young = childById.get(youngPerson.childId)!;
    const age = ageOn(young.date_of_birth, today);
    expect(age).toBeGreaterThanOrEqual(17);
    expect(age).toBeLessThanOrEqual(19);
    const ypUser = userByEmail.get(youngPerson.email)!;
    expect(`${young.given_name} ${young.family_name}`).toBe(ypUser.display_name);
    expect(data.accessGrants.filter((g) => g.user_id === ypUser.id).map((g) => [g.child_id, g.kind])).toEqual(
      [[youngPerson.childId, 'young-person']],
    );
  });

  it('gives each professional demo account a handful of adviser grants', () => {
    const senco = userByEmail.get('senco@demo.example')!;
    const sencoTeam = data.teams.find((t) => t.id === senco.team_id)!;
    const sencoOrg = data.organisations.find((o) => o.id === sencoTeam.organisation_id)!;
    const sencoSetting = data.settings.find((s) => s.name === sencoOrg.name)!;
    expect(sencoOrg.kind).toBe('school');
    for (const email of [
      'ep@demo.example',
      'health@demo.example',
      'socialcare@demo.example',
      'senco@demo.example',
    ]) {
      const user = userByEmail.get(email)!;
      const grants = data.accessGrants.filter((g) => g.user_id === user.id);
      expect(grants.length, email).toBeGreaterThanOrEqual(6);
      expect(grants.length, email).toBeLessThanOrEqual(12);
      expect(grants.every((g) => g.kind === 'adviser')).toBe(true);
      if (email !== 'socialcare@demo.example') {
        expect(
          grants.some((g) => g.child_id === data.links.parent.childId),
          email,
        ).toBe(true);
      }
      if (email === 'senco@demo.example') {
        for (const g of grants) {
          expect(
            data.childSettings.some(
              (cs) => cs.child_id === g.child_id && cs.setting_id === sencoSetting.id && cs.end_date === null,
            ),
          ).toBe(true);
        }
      }
    }
    const keys = data.accessGrants.map((g) => `${g.user_id}:${g.child_id}:${g.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives each child family members and a history', () => {
    const members = new Map<string, number>();
    for (const m of data.familyMembers) members.set(m.child_id, (members.get(m.child_id) ?? 0) + 1);
    const events = new Map<string, number>();
    for (const e of data.caseEvents) {
      events.set(e.child_id, (events.get(e.child_id) ?? 0) + 1);
      expect(e.at.toISOString().slice(0, 10) <= today).toBe(true);
    }
    for (const c of data.children) {
      expect(members.get(c.id) ?? 0, c.reference).toBeGreaterThanOrEqual(1);
      expect(members.get(c.id) ?? 0, c.reference).toBeLessThanOrEqual(2);
      // Every child has a history, except one with no plan and no request yet (parent2@'s).
      expect(events.get(c.id) ?? 0, c.reference).toBeGreaterThanOrEqual(c.plan_status === 'none' ? 0 : 1);
    }
    for (const m of data.familyMembers) {
      if (m.phone) expect(m.phone).toMatch(/^07700 900\d{3}$/);
      if (m.email && !m.user_id) expect(m.email).toMatch(/@example\.com$/);
    }
    const lookedAfter = data.children.filter((c) => c.looked_after);
    expect(lookedAfter.length / 2500).toBeGreaterThan(0.025);
    expect(lookedAfter.length / 2500).toBeLessThan(0.055);
    const known = data.children.filter((c) => c.known_to_social_care).length / 2500;
    expect(known).toBeGreaterThan(0.09);
    expect(known).toBeLessThan(0.15);
  });
});
