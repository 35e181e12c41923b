/**
 * One child of the demo caseload, built from the child's own generator in parts, each drawing in turn in the order
 * they always have (so the same index gives the same child): who they are, their plan status, their history (the
 * request, the assessment, the plan and its reviews), their identifiers, their home and record, their settings and
 * their family. Overrides fix parts of a child's story (the contract children, contract-children.ts).
 */
import type { ChildTable, PrimaryNeed } from '../platform/db/schema/index.ts';
import type { DemoCaseEvent, DemoChild, DemoChildSetting, DemoFamilyMember } from './build.ts';
import {
  addDays,
  addYears,
  birthRangeForYearGroup,
  maxDate,
  minDate,
  schoolYearStart,
  septemberOfYearGroup,
} from './dates.ts';
import {
  address,
  asciiSlug,
  familyName as pickFamilyName,
  givenName as pickGivenName,
  mobileNumber,
  NEIGHBOURS,
  neighbourPostcode,
  type Origin,
} from './names.ts';
import {
  phaseStart,
  pickPlacement,
  chooseCategory,
  type Placement,
  type SettingIndex,
} from './placements.ts';
import {
  ETHNICITIES,
  homeLanguage,
  needForAge,
  needForPhase,
  originFor,
  PRIMARY_NEED_WEIGHTS,
  ulnFor,
  upnFor,
  YEAR_GROUP_WEIGHTS,
} from './population.ts';
import type { Random } from './random.ts';
import { childHistory, event, type History } from './child-history.ts';

export interface ChildOverrides {
  yearGroup: number;
  sex: 'F' | 'M';
  ethnicity: string;
  origin: Origin;
  firstLanguage: string;
  need: PrimaryNeed;
  status: ChildTable['plan_status'];
  given: string;
  family: string;
  lookedAfter: boolean;
  knownToSocialCare: boolean;
  setting: string | null;
  /** Year group at which the child joined the current setting. */
  joinedAt: number;
  previousSetting: string;
  dualSetting: string;
  parent: { given: string; family: string; relationship: string; sex: 'F' | 'M'; email: string };
  secondParent: { given: string; family: string; relationship: string; sex: 'F' | 'M' } | null;
  householdLanguage: string;
}

export interface BuiltChild {
  child: DemoChild;
  yearGroup: number;
  familyMembers: DemoFamilyMember[];
  childSettings: DemoChildSetting[];
  /** Case events without their actor, which allocation decides. */
  events: DemoCaseEvent[];
}

export interface Context {
  la: string;
  today: string;
  index: SettingIndex;
}

/** Who the child is: drawn first, in this order, from the child's own generator. */
interface Identity {
  id: string;
  yg: number;
  dateOfBirth: string;
  sex: 'F' | 'M';
  ethnicity: string;
  origin: Origin;
  need: PrimaryNeed;
  firstLanguage: string;
  given: string;
  family: string;
  lookedAfter: boolean;
  knownToSocialCare: boolean;
}

function childIdentity(rng: Random, today: string, o: Partial<ChildOverrides>): Identity {
  const id = rng.uuid();
  const yg = o.yearGroup ?? rng.weighted(YEAR_GROUP_WEIGHTS);
  const [bornFrom, bornTo] = birthRangeForYearGroup(yg, today);
  const dateOfBirth = rng.dateBetween(
    maxDate(bornFrom, addDays(addYears(today, -26), 1)),
    minDate(bornTo, addDays(today, -30)),
  );
  const sex = o.sex ?? (rng.chance(0.72) ? 'M' : 'F');
  const ethnicity = o.ethnicity ?? rng.weighted(ETHNICITIES);
  const origin = o.origin ?? originFor(rng, ethnicity);
  // The national draw is still made (and its hearing-impairment draw below), so the generator's stream is unchanged;
  // a child in the early years has their need drawn again, from their own stream, from the early years' shares.
  const drawnNeed = o.need ?? needForAge(rng.weighted(PRIMARY_NEED_WEIGHTS), yg);
  const needRng = rng.fork('primary-need');
  const need = o.need ?? needForPhase(drawnNeed, yg, needRng);
  let firstLanguage = o.firstLanguage ?? homeLanguage(rng, origin, ethnicity);
  const signsDrawn = !o.firstLanguage && drawnNeed === 'HI' ? rng.chance(0.15) : null;
  if (!o.firstLanguage && need === 'HI' && (signsDrawn ?? needRng.fork('bsl').chance(0.15))) {
    firstLanguage = 'British Sign Language';
  }
  const given = o.given ?? pickGivenName(rng, origin, sex, false);
  const family = o.family ?? pickFamilyName(rng, origin);
  const lookedAfter = o.lookedAfter ?? rng.chance(0.04);
  const knownToSocialCare = o.knownToSocialCare ?? (lookedAfter || rng.chance(0.085));
  return {
    id,
    yg,
    dateOfBirth,
    sex,
    ethnicity,
    origin,
    need,
    firstLanguage,
    given,
    family,
    lookedAfter,
    knownToSocialCare,
  };
}

/** Whether the child has a plan, is being assessed or has had their plan ceased (by age). */
function childStatus(rng: Random, yg: number, o: Partial<ChildOverrides>): ChildTable['plan_status'] {
  if (o.status) return o.status;
  if (yg <= -4) return 'assessment';
  if (yg === -3) return rng.chance(0.8) ? 'assessment' : 'plan';
  return rng.weighted<ChildTable['plan_status']>([
    ['plan', yg >= 15 ? 72 : 87],
    ['assessment', yg >= 15 ? 3 : 9],
    ['ceased', yg >= 15 ? 25 : 4],
  ]);
}

interface Identifiers {
  upn: string | null;
  uln: string | null;
  upnMissingReason: string | null;
}

/** Identifiers: the UPN from Reception (or why there is none) and the ULN from Year 10. */
function childIdentifiers(rng: Random, ctx: Context, i: number, yg: number): Identifiers {
  const s = schoolYearStart(ctx.today);
  let upn: string | null = null;
  let upnMissingReason: string | null = null;
  if (yg < 0) upnMissingReason = 'Not yet of school age';
  else if (rng.chance(0.03)) {
    upnMissingReason = 'Not yet supplied by the setting'; // made consistent with the setting below
  } else upn = upnFor(i, s - yg, ctx.la);
  const uln = yg >= 10 && rng.chance(0.9) ? ulnFor(i) : null;
  return { upn, uln, upnMissingReason };
}

type Address = ReturnType<typeof address>;

/** The child's record, living at `home`. */
function childRecord(
  rng: Random,
  ctx: Context,
  i: number,
  o: Partial<ChildOverrides>,
  who: Identity,
  status: ChildTable['plan_status'],
  history: History,
  ids: Identifiers,
  home: Address,
): DemoChild {
  const { id, sex, origin } = who;
  return {
    la_code: ctx.la,
    id,
    reference: `GT-${String(i + 1).padStart(6, '0')}`,
    given_name: who.given,
    family_name: who.family,
    preferred_name: !o.given && rng.chance(0.04) ? pickGivenName(rng, origin, sex, false) : null,
    date_of_birth: who.dateOfBirth,
    sex,
    ethnicity: who.ethnicity,
    postcode: home.postcode,
    upn: ids.upn,
    uln: ids.uln,
    upn_missing_reason: ids.upnMissingReason,
    first_language: who.firstLanguage,
    looked_after: who.lookedAfter,
    known_to_social_care: who.knownToSocialCare,
    primary_need: who.need,
    plan_status: status,
    plan_first_issued: history.planFirstIssued,
    lead_officer_id: null,
    created_at: new Date(`${history.requestDate}T09:00:00.000Z`),
    updated_at: new Date(`${history.requestDate}T09:00:00.000Z`),
  };
}

/**
 * Settings: the current one (if any), sometimes a previous one and a dual registration with alternative provision;
 * a move between settings is added to `events`.
 */
function childSettings(
  rng: Random,
  ctx: Context,
  who: Identity,
  status: ChildTable['plan_status'],
  o: Partial<ChildOverrides>,
  events: DemoCaseEvent[],
): { rows: DemoChildSetting[]; current: Placement | null } {
  const { today, index } = ctx;
  const { id, yg, need } = who;
  const rows: DemoChildSetting[] = [];
  let current: Placement | null = null;
  if (o.setting !== undefined) {
    current = o.setting === null ? null : (index.byName.get(o.setting) ?? null);
    if (o.setting !== null && !current) throw new Error(`No demo setting ${o.setting}`);
  } else if (!(status === 'ceased' && rng.chance(0.5))) {
    const category = chooseCategory(rng, yg, need);
    current = category ? pickPlacement(rng, index, category, yg) : null;
  }
  if (current) {
    const natural = Math.max(current.spec.first, phaseStart(yg));
    const joinedAt =
      o.joinedAt ?? (rng.chance(0.75) ? Math.min(natural, yg) : rng.int(current.spec.first, yg));
    const movedMidPhase = joinedAt > natural;
    let start = septemberOfYearGroup(yg, joinedAt, today);
    if (movedMidPhase && rng.chance(0.5)) {
      start = rng.dateBetween(start, maxDate(start, minDate(addDays(start, 320), addDays(today, -1))));
    }
    if (start > today) start = today;
    const schoolAge = yg >= 0;
    const partTime = yg < 0 ? rng.chance(0.6) : rng.chance(0.03);
    const currentRow: DemoChildSetting = {
      la_code: ctx.la,
      id: rng.uuid(),
      child_id: id,
      setting_id: current.setting.id,
      start_date: start,
      end_date: null,
      attendance: partTime ? 'part-time' : 'full-time',
    };
    // A previous setting: usual for a move part-way through a phase, sometimes recorded at a change of phase.
    const previousYear = joinedAt - 1;
    if (
      previousYear >= -2 &&
      (o.previousSetting || (o.previousSetting === undefined && rng.chance(movedMidPhase ? 0.7 : 0.15)))
    ) {
      const candidates = index
        .fitting(null, previousYear)
        .filter((p) => p !== current && p.spec.category !== 'alternative');
      const previous = o.previousSetting
        ? index.byName.get(o.previousSetting)
        : candidates.length > 0
          ? rng.weighted(candidates.map((p) => [p, p.spec.weight]))
          : undefined;
      if (previous) {
        const prevStart = septemberOfYearGroup(
          yg,
          Math.max(previous.spec.first, phaseStart(previousYear)),
          today,
        );
        const prevEnd = start.endsWith('-09-01') ? `${start.slice(0, 4)}-07-21` : addDays(start, -1);
        if (prevStart <= prevEnd) {
          rows.push({
            la_code: ctx.la,
            id: rng.uuid(),
            child_id: id,
            setting_id: previous.setting.id,
            start_date: prevStart,
            end_date: prevEnd,
            attendance: previousYear < 0 ? 'part-time' : 'full-time',
          });
          events.push(
            event(
              ctx.la,
              rng,
              id,
              start,
              'setting-changed',
              `Moved from ${previous.spec.name} to ${current.spec.name}`,
              {
                from: previous.spec.name,
                to: current.spec.name,
              },
            ),
          );
        }
      }
    }
    rows.push(currentRow);
    // Dual registration with alternative provision.
    if (
      o.dualSetting ||
      (o.dualSetting === undefined &&
        schoolAge &&
        yg >= 1 &&
        yg <= 11 &&
        current.spec.category !== 'alternative' &&
        rng.chance(0.025))
    ) {
      const options = index.fitting('alternative', yg);
      const dual = o.dualSetting
        ? index.byName.get(o.dualSetting)
        : options.length > 0
          ? rng.pick(options)
          : undefined;
      const dualFrom = maxDate(start, addDays(today, -300));
      if (dual && dualFrom <= addDays(today, -7)) {
        const dualStart = rng.dateBetween(dualFrom, addDays(today, -7));
        currentRow.attendance = 'dual-registered';
        rows.push({
          la_code: ctx.la,
          id: rng.uuid(),
          child_id: id,
          setting_id: dual.setting.id,
          start_date: dualStart,
          end_date: null,
          attendance: 'dual-registered',
        });
        events.push(
          event(ctx.la, rng, id, dualStart, 'setting-changed', `Dual registered with ${dual.spec.name}`, {
            dual: dual.spec.name,
          }),
        );
      }
    }
  }
  return { rows, current };
}

/**
 * Family: the parents or carers (a foster carer for a child in care), some living apart from the child, each with how
 * to reach them and whether they need an interpreter.
 */
function childFamily(
  rng: Random,
  ctx: Context,
  o: Partial<ChildOverrides>,
  who: Identity,
  home: Address,
  householdLanguage: string,
): DemoFamilyMember[] {
  const { id, origin, family, lookedAfter } = who;
  const familyMembers: DemoFamilyMember[] = [];
  const interpreterLanguage = householdLanguage === 'English' ? null : householdLanguage;
  const addMember = (
    m: { given: string; family: string; relationship: string; pr: boolean; email?: string },
    where: { line: string; town: string; postcode: string },
  ) => {
    const email =
      m.email ??
      (rng.chance(0.88) ? `${asciiSlug(m.given)}.${asciiSlug(m.family)}${rng.int(1, 99)}@example.com` : null);
    const preferredLanguage = interpreterLanguage && rng.chance(0.8) ? interpreterLanguage : null;
    familyMembers.push({
      la_code: ctx.la,
      id: rng.uuid(),
      child_id: id,
      given_name: m.given,
      family_name: m.family,
      relationship: m.relationship,
      parental_responsibility: m.pr,
      email,
      phone: rng.chance(0.95) ? mobileNumber(rng) : null,
      address_line: where.line,
      town: where.town,
      postcode: where.postcode,
      contact_preference: rng.weighted<DemoFamilyMember['contact_preference']>([
        ['email', email ? 55 : 0],
        ['text', 20],
        ['phone', 18],
        ['letter', 7],
      ]),
      preferred_language: preferredLanguage,
      needs_interpreter: preferredLanguage !== null && rng.chance(0.35),
      user_id: null,
    });
  };
  if (o.parent) {
    const p = o.parent;
    addMember(
      { given: p.given, family: p.family, relationship: p.relationship, pr: true, email: p.email },
      home,
    );
    if (o.secondParent) {
      const q = o.secondParent;
      addMember({ given: q.given, family: q.family, relationship: q.relationship, pr: true }, home);
    }
  } else if (lookedAfter) {
    const carerFamily = pickFamilyName(rng, rng.chance(0.8) ? 'english' : origin);
    const carerHome = rng.chance(0.8)
      ? address(rng)
      : (() => {
          const n = rng.pick(NEIGHBOURS);
          return {
            line: `${rng.int(1, 120)} ${rng.pick(['Mill', 'Church', 'School'])} Lane`,
            town: n.town,
            postcode: neighbourPostcode(rng, n.area),
          };
        })();
    addMember(
      {
        given: pickGivenName(rng, 'english', 'F', true),
        family: carerFamily,
        relationship: 'foster carer',
        pr: false,
      },
      carerHome,
    );
    if (rng.chance(0.4)) {
      addMember(
        { given: pickGivenName(rng, origin, 'F', true), family, relationship: 'mother', pr: true },
        address(rng),
      );
    }
  } else {
    const first = rng.weighted([
      ['mother', 85],
      ['father', 9],
      ['grandparent', 4],
      ['carer', 2],
    ]);
    const firstSex: 'F' | 'M' =
      first === 'father' ? 'M' : first === 'mother' ? 'F' : rng.chance(0.75) ? 'F' : 'M';
    addMember(
      {
        given: pickGivenName(rng, origin, firstSex, true),
        family: first === 'mother' && rng.chance(0.25) ? pickFamilyName(rng, origin) : family,
        relationship: first,
        pr: first !== 'carer' || rng.chance(0.5),
      },
      home,
    );
    if (rng.chance(0.6)) {
      const second =
        first === 'father'
          ? 'mother'
          : rng.weighted([
              ['father', 82],
              ['step-parent', 10],
              ['grandparent', 8],
            ]);
      const secondSex: 'F' | 'M' =
        second === 'mother' ? 'F' : second === 'grandparent' ? (rng.chance(0.6) ? 'F' : 'M') : 'M';
      const separated = second === 'father' && rng.chance(0.2);
      addMember(
        {
          given: pickGivenName(rng, origin, secondSex, true),
          family: second === 'step-parent' ? pickFamilyName(rng, origin) : family,
          relationship: second,
          pr: second === 'father' || second === 'mother',
        },
        separated ? address(rng) : home,
      );
    }
  }
  return familyMembers;
}

export function buildChild(i: number, rng: Random, ctx: Context, o: Partial<ChildOverrides>): BuiltChild {
  const who = childIdentity(rng, ctx.today, o);
  const status = childStatus(rng, who.yg, o);
  const history = childHistory(rng, ctx, who, status);
  const { events } = history;
  const ids = childIdentifiers(rng, ctx, i, who.yg);

  // Home
  const home = address(rng);
  const householdLanguage =
    o.householdLanguage ?? (who.firstLanguage === 'British Sign Language' ? 'English' : who.firstLanguage);
  const child = childRecord(rng, ctx, i, o, who, status, history, ids, home);

  const settings = childSettings(rng, ctx, who, status, o, events);
  if (ids.upn === null && who.yg >= 0) {
    child.upn_missing_reason = settings.current
      ? rng.pick(['Newly arrived from overseas', 'Not yet supplied by the setting'])
      : 'Educated at home';
  }

  const familyMembers = childFamily(rng, ctx, o, who, home, householdLanguage);

  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  child.updated_at = events.reduce((latest, e) => (e.at > latest ? e.at : latest), child.created_at!);
  return { child, yearGroup: who.yg, familyMembers, childSettings: settings.rows, events };
}
