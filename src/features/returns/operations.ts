/**
 * What the pages, the job and the command line share: writing the SEN2 return from the casework, reading one in,
 * and the inspection lists as files (docs/sen2.md, docs/inspection-list.md).
 */
import type { Transaction } from 'kysely';
import { audit, type AuditContext, type Executor } from '../../platform/audit/audit.ts';
import type { DB, PrimaryNeed } from '../../platform/db/schema/index.ts';
import {
  authorityExists,
  caseworkChildren,
  caseworkSettings,
  createAuthority,
  importTeam,
  insertChildren,
  insertPlacements,
  insertSettings,
} from '../../platform/people/casework.ts';
import { xlsxWorkbook } from '../../platform/web/spreadsheet.ts';
import { insertImportedRequests, type ImportedRequest } from '../assessments/index.ts';
import { insertImportedPlans } from '../plans/index.ts';
import {
  buildInspectionLists,
  buildSen2Return,
  checkSen2Return,
  csvDocument,
  INSPECTION_COLUMNS,
  planImport,
  readSen2Csv,
  readSen2Xml,
  settingKeyOf,
  settingKeyText,
  SOFTWARE_CODE,
  writeSen2Csv,
  writeSen2Xml,
  type InspectionLists,
  type ReadProblem,
  type Sen2Problem,
  type Sen2Return,
} from '../../domain/sen2/index.ts';
import { loadCasework } from './casework.ts';
import { insertExtras } from './store.ts';

export type Sen2Format = 'csv' | 'xml';

export interface Sen2Export {
  readonly ret: Sen2Return;
  readonly text: string;
  readonly problems: Sen2Problem[];
}

/** The current moment to the second, as the header writes it. */
export const nowStamp = () => `${new Date().toISOString().slice(0, 19)}Z`;

/** The return for the census date from the casework, as CSV or XML, with its pre-submission problems. */
export async function exportSen2(
  db: Executor,
  laCode: string,
  census: string,
  format: Sen2Format,
  generatedAt = nowStamp(),
): Promise<Sen2Export> {
  const casework = await loadCasework(db, laCode);
  const ret = buildSen2Return(casework, { census, generatedAt, softwareCode: SOFTWARE_CODE });
  const text = format === 'csv' ? writeSen2Csv(ret) : writeSen2Xml(ret);
  return { ret, text, problems: checkSen2Return(ret) };
}

export interface ImportSummary {
  readonly laCode: string;
  readonly census: string | null;
  readonly dryRun: boolean;
  readonly authorityCreated: boolean;
  readonly read: { readonly records: number; readonly persons: number };
  readonly create: {
    readonly children: number;
    readonly requests: number;
    readonly assessments: number;
    readonly plans: number;
    readonly placements: number;
    readonly needs: number;
    readonly settings: number;
  };
  /** Persons whose child is in the casework already: left as they are. */
  readonly existing: readonly string[];
  readonly unusable: readonly ReadProblem[];
}

class DryRun extends Error {
  readonly summary: ImportSummary;
  constructor(summary: ImportSummary) {
    super('dry run');
    this.summary = summary;
  }
}

/** Reads a return's text (XML when it starts with '<', CSV otherwise). */
export function readReturn(text: string) {
  return text.trimStart().startsWith('<') ? readSen2Xml(text) : readSen2Csv(text);
}

/**
 * Reads a return into the authority's casework in one transaction: everything or nothing. A person whose child
 * (by PersonID = the child's reference) is there already is left as it is, so a second import changes nothing.
 * With `dryRun` the same work is done and rolled back, and the summary says what it would have made.
 */
export async function importSen2(
  db: { transaction(): { execute<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> } },
  who: Omit<AuditContext, 'laCode'>,
  laCode: string,
  text: string,
  options: { dryRun: boolean; today: string },
): Promise<ImportSummary> {
  try {
    return await db.transaction().execute(async (trx) => {
      const summary = await importInto(trx, { ...who, laCode }, laCode, text, options);
      if (options.dryRun) throw new DryRun(summary);
      return summary;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.summary;
    throw e;
  }
}

async function importInto(
  trx: Transaction<DB>,
  ctx: AuditContext,
  laCode: string,
  text: string,
  options: { dryRun: boolean; today: string },
): Promise<ImportSummary> {
  const read = readReturn(text);
  const empty = { children: 0, requests: 0, assessments: 0, plans: 0, placements: 0, needs: 0, settings: 0 };
  const authorityCreated = !(await authorityExists(trx, laCode));
  if (!read.ret) {
    return {
      laCode,
      census: null,
      dryRun: options.dryRun,
      authorityCreated: false,
      read: { records: read.records, persons: 0 },
      create: empty,
      existing: [],
      unusable: read.problems,
    };
  }
  const plan = planImport(read.ret);
  const unusable = [...read.problems, ...plan.problems];
  if (read.ret.header.laCode !== laCode) {
    unusable.unshift({
      where: 'header',
      module: '0',
      personId: '',
      reason: `the return is for authority ${read.ret.header.laCode}, not ${laCode}: read into ${laCode}`,
    });
  }
  if (authorityCreated) await createAuthority(trx, laCode, `Authority ${laCode}`);
  const known = new Map((await caseworkChildren(trx, laCode)).map((c) => [c.reference, c.id]));
  const existing = plan.persons.filter((p) => known.has(p.reference)).map((p) => p.reference);
  const persons = plan.persons.filter((p) => !known.has(p.reference));

  // Settings: those the authority has, by how a return names them; the rest are made.
  const settingIds = new Map<string, string>();
  for (const s of await caseworkSettings(trx, laCode)) {
    const k = settingKeyOf(s);
    const text = settingKeyText({ urn: k.urn, ukprn: k.ukprn, settingCode: k.code });
    if (!settingIds.has(text)) settingIds.set(text, s.id);
  }
  const used = new Set(
    persons.flatMap((p) =>
      [p.plan?.placement, ...p.placements.map((pl) => pl.setting)]
        .filter((s) => s)
        .map((s) => settingKeyText(s!)),
    ),
  );
  const missing = [...used]
    .filter((k) => !settingIds.has(k))
    .map((k) => {
      const s = plan.settings.get(k)!;
      return {
        key: k,
        urn: s.urn || null,
        name: s.urn
          ? `Setting URN ${s.urn}`
          : s.ukprn
            ? `Provider UKPRN ${s.ukprn}`
            : `SEN2 setting ${s.settingCode}`,
        type: s.type,
      };
    });
  for (const [k, id] of await insertSettings(trx, laCode, missing)) settingIds.set(k, id);

  const childIds = await insertChildren(
    trx,
    laCode,
    persons.map((p) => ({
      reference: p.reference,
      given_name: p.child.givenName,
      family_name: p.child.familyName,
      date_of_birth: p.child.dateOfBirth,
      sex: p.child.sex,
      ethnicity: p.child.ethnicity,
      postcode: p.child.postcode,
      upn: p.child.upn,
      uln: p.child.uln,
      upn_missing_reason: p.child.upnMissingReason,
      primary_need: p.child.primaryNeed as PrimaryNeed | null,
      plan_status: p.child.planStatus,
      plan_first_issued: p.child.planFirstIssued,
    })),
  );
  const teamId = await importTeam(trx, laCode, 'SEN2 return (read in)');
  const requests: ImportedRequest[] = persons.flatMap((p) =>
    p.requests.map((r) => ({
      ...r,
      childId: childIds.get(p.reference)!,
      key: `sen2:${p.reference}:${r.received}`,
    })),
  );
  const caseIds = await insertImportedRequests(trx, laCode, teamId, requests, options.today);
  const plans = persons
    .filter((p) => p.plan)
    .map((p) => {
      const request = p.plan!.requestIndex === null ? undefined : p.requests[p.plan!.requestIndex];
      return {
        childId: childIds.get(p.reference)!,
        caseId: request ? (caseIds.get(`sen2:${p.reference}:${request.received}`) ?? null) : null,
        finalIssued: p.plan!.startDate,
        placementSettingId: p.plan!.placement ? settingIds.get(settingKeyText(p.plan!.placement))! : null,
      };
    });
  const plansMade = await insertImportedPlans(trx, laCode, plans);
  const placements = persons.flatMap((p) =>
    p.placements.map((pl) => ({
      child_id: childIds.get(p.reference)!,
      setting_id: settingIds.get(settingKeyText(pl.setting))!,
      start_date: pl.start,
      end_date: pl.end,
      attendance: pl.attendance,
    })),
  );
  await insertPlacements(trx, laCode, placements);
  await insertExtras(
    trx,
    laCode,
    persons
      .filter((p) => Object.keys(p.extras).length)
      .map((p) => ({ childId: childIds.get(p.reference)!, items: p.extras })),
  );
  const needs = read.ret.persons
    .filter((p) => !known.has(p.personId))
    .reduce((n, p) => n + p.plans.reduce((m, plan) => m + (plan.active?.needs.length ?? 0), 0), 0);
  const summary: ImportSummary = {
    laCode,
    census: plan.census,
    dryRun: options.dryRun,
    authorityCreated,
    read: { records: read.records, persons: read.ret.persons.length },
    create: {
      children: childIds.size,
      requests: caseIds.size,
      assessments: requests.filter((r) => r.decision?.outcome === 'assess').length,
      plans: plansMade,
      placements: placements.length,
      needs,
      settings: missing.length,
    },
    existing,
    unusable,
  };
  await audit(trx, ctx, {
    action: 'sen2.import',
    recordType: 'sen2-return',
    recordId: plan.census,
    detail: {
      create: summary.create,
      existing: existing.length,
      unusable: unusable.length,
      dryRun: options.dryRun,
    },
  });
  return summary;
}

/** The inspection lists as files, and the bulk export of special category data audited. */
export async function inspectionFiles(
  db: Executor,
  ctx: AuditContext,
  snapshot: string,
  format: 'csv' | 'xlsx',
) {
  const lists = buildInspectionLists(await loadCasework(db, ctx.laCode), snapshot);
  await audit(db, ctx, {
    action: 'inspection-list.export',
    recordType: 'inspection-list',
    recordId: snapshot,
    detail: {
      bulkExport: true,
      specialCategoryData: true,
      format,
      plans: lists.plans.rows.length,
      support: lists.support.rows.length,
    },
  });
  return { lists, ...inspectionDocuments(lists, format) };
}

/** The lists as CSV (the plans list, the support list and the completeness report) or one XLSX workbook. */
export function inspectionDocuments(lists: InspectionLists, format: 'csv' | 'xlsx') {
  const completeness = [
    ['List', 'Column', 'Filled', 'Blank', 'Per cent filled'],
    ...[lists.plans, lists.support].flatMap((l) =>
      l.completeness.map((c) => [l.title, c.column, String(c.filled), String(c.blank), String(c.percent)]),
    ),
    [],
    ['Local ID with a blank UPN', 'Reason code'],
    ...lists.plans.blankUpns.map((b) => [b.localId, b.reason]),
  ];
  const plans = [[...INSPECTION_COLUMNS], ...lists.plans.rows];
  const support = [[...INSPECTION_COLUMNS], ...lists.support.rows];
  if (format === 'xlsx') {
    return {
      files: [
        {
          name: `inspection-list-${lists.snapshot}.xlsx`,
          body: xlsxWorkbook([
            { name: 'EHC plans', rows: plans },
            { name: 'Without a plan', rows: support },
            { name: 'Completeness', rows: completeness },
          ]),
        },
      ],
    };
  }
  return {
    files: [
      {
        name: `inspection-list-ehc-plans-${lists.snapshot}.csv`,
        body: Buffer.from(csvDocument(plans)),
      },
      {
        name: `inspection-list-without-plan-${lists.snapshot}.csv`,
        body: Buffer.from(csvDocument(support)),
      },
      {
        name: `inspection-list-completeness-${lists.snapshot}.csv`,
        body: Buffer.from(csvDocument(completeness)),
      },
    ],
  };
}
