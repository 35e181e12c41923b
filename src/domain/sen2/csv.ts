/**
 * The person-level SEN2 CSV (docs/sen2.md, "The CSV"): one row per record, the module in the first column, then the
 * keys (PersonID, RequestNo, PlanNo), then every item's column; a row fills only its own module's items. Rows come
 * in the order of the return: the header, then each person with their requests (each followed by its assessment),
 * then their plans (each followed by its detail, active plan, placements and needs). Reading gives back the records
 * and every row that cannot be used, with its line and the reason.
 */
import { csvDocument, parseCsv, restoreCell } from '../csv.ts';
import { recordProblem } from './items.ts';
import {
  ACTIVE_PLAN_ITEMS,
  ASSESSMENT_ITEMS,
  blankRecord,
  HEADER_ITEMS,
  itemOf,
  MODULE_ITEMS,
  MODULES,
  NAMED_PLAN_ITEMS,
  NEED_ITEMS,
  PERSON_ITEMS,
  PLACEMENT_ITEMS,
  PLAN_DETAIL_ITEMS,
  REQUEST_ITEMS,
  type ItemDef,
  type ModuleId,
  type Sen2ActivePlan,
  type Sen2Assessment,
  type Sen2Header,
  type Sen2NamedPlan,
  type Sen2Need,
  type Sen2Person,
  type Sen2PlanDetail,
  type Sen2Placement,
  type Sen2Request,
  type Sen2Return,
} from './model.ts';

const KEY_COLUMNS = ['Module', 'PersonID', 'RequestNo', 'PlanNo'] as const;

/** The CSV's columns: the keys, then each item name once, in module order. */
export const CSV_COLUMNS: readonly string[] = (() => {
  const names: string[] = [...KEY_COLUMNS];
  for (const m of MODULES)
    for (const item of MODULE_ITEMS[m]) if (!names.includes(item.name)) names.push(item.name);
  return names;
})();

const COLUMN_INDEX = new Map(CSV_COLUMNS.map((c, i) => [c, i]));

function row(
  module: ModuleId,
  keys: { person?: string; request?: string; plan?: string },
  record: object,
): string[] {
  const cells = CSV_COLUMNS.map(() => '');
  cells[0] = module;
  cells[1] = keys.person ?? '';
  cells[2] = keys.request ?? '';
  cells[3] = keys.plan ?? '';
  for (const item of MODULE_ITEMS[module]) cells[COLUMN_INDEX.get(item.name)!] = itemOf(record, item.key);
  return cells;
}

/** The return as CSV text (CRLF line ends), every cell neutralised against spreadsheet formulas (`csvDocument`). */
export function writeSen2Csv(ret: Sen2Return): string {
  const rows: string[][] = [[...CSV_COLUMNS], row('0', {}, ret.header)];
  for (const p of ret.persons) {
    const person = p.personId;
    rows.push(row('1', { person }, p));
    for (const r of p.requests) {
      rows.push(row('2', { person, request: r.requestNo }, r));
      if (r.assessment) rows.push(row('3', { person, request: r.requestNo }, r.assessment));
    }
    for (const plan of p.plans) {
      const keys = { person, request: plan.requestNo, plan: plan.planNo };
      rows.push(row('4a', keys, plan));
      for (const d of plan.details) rows.push(row('4b', keys, d));
      if (plan.active) {
        rows.push(row('5a', keys, plan.active));
        for (const pl of plan.active.placements) rows.push(row('5b', keys, pl));
        for (const n of plan.active.needs) rows.push(row('5c', keys, n));
      }
    }
  }
  return csvDocument(rows);
}

/** A row (CSV) or element (XML) the reader could not use, and why. */
export interface ReadProblem {
  /** 'line 12' (CSV) or 'Person 3, Request 1' (XML). */
  readonly where: string;
  readonly module: string;
  readonly personId: string;
  readonly reason: string;
}

export interface ReadResult {
  /** null when the header itself cannot be used (then nothing can). */
  readonly ret: Sen2Return | null;
  readonly problems: ReadProblem[];
  /** How many rows (CSV) or records (XML) were read, the header included. */
  readonly records: number;
}

function recordFrom<T>(items: readonly ItemDef[], cells: readonly string[]): T {
  const record = blankRecord<Record<string, string>>(items);
  for (const item of items) record[item.key] = restoreCell(cells[COLUMN_INDEX.get(item.name)!] ?? '');
  return record as T;
}

/**
 * Reads the CSV. Rows that cannot be used are reported and left out, with the rows that hang from them (a request's
 * assessment, a plan's detail); the rest is returned.
 */
export function readSen2Csv(text: string): ReadResult {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    return { ret: null, problems: [fileProblem(e instanceof Error ? e.message : String(e))], records: 0 };
  }
  const [head, ...body] = records;
  if (!head) return { ret: null, problems: [fileProblem('the file is empty')], records: 0 };
  const missing = CSV_COLUMNS.filter((c, i) => head.cells[i] !== c);
  if (missing.length > 0 || head.cells.length !== CSV_COLUMNS.length) {
    return {
      ret: null,
      problems: [fileProblem(`the first line must be the SEN2 columns (${CSV_COLUMNS.join(',')})`)],
      records: 0,
    };
  }
  const builder = new ReturnBuilder();
  for (const rec of body) {
    const cells = rec.cells;
    const where = `line ${rec.line}`;
    const module = cells[0] ?? '';
    const keys = { person: restoreCell(cells[1] ?? ''), request: cells[2] ?? '', plan: cells[3] ?? '' };
    if (cells.length !== CSV_COLUMNS.length) {
      builder.reject(
        where,
        module,
        keys.person,
        `the row has ${cells.length} cells, not ${CSV_COLUMNS.length}`,
      );
      continue;
    }
    if (!(MODULES as readonly string[]).includes(module)) {
      builder.reject(where, module, keys.person, `"${module}" is not a SEN2 module (${MODULES.join(', ')})`);
      continue;
    }
    builder.add(where, module as ModuleId, keys, recordFrom(MODULE_ITEMS[module as ModuleId], cells));
  }
  return builder.result(body.length + 1);
}

function fileProblem(reason: string): ReadProblem {
  return { where: 'file', module: '', personId: '', reason };
}

/**
 * Assembles records, in file order, into a return, checking each record's items and its place (a request needs its
 * person, an assessment its request, a plan's detail its plan). Shared by the CSV and XML readers.
 */
export class ReturnBuilder {
  private header: Sen2Header | null = null;
  private headerSeen = false;
  private readonly persons = new Map<string, Sen2Person>();
  private readonly rejectedPersons = new Set<string>();
  private readonly requests = new Map<string, Sen2Request>();
  private readonly plans = new Map<string, Sen2NamedPlan>();
  private readonly rejectedPlans = new Set<string>();
  readonly problems: ReadProblem[] = [];

  reject(where: string, module: string, personId: string, reason: string): void {
    this.problems.push({ where, module, personId, reason });
  }

  add(
    where: string,
    module: ModuleId,
    keys: { person: string; request: string; plan: string },
    record: Record<string, string>,
  ): void {
    const fail = (reason: string) => this.reject(where, module, keys.person, reason);
    const problem = recordProblem(MODULE_ITEMS[module], record);
    if (module === '0') {
      if (this.headerSeen) return fail('a second header row');
      this.headerSeen = true;
      if (problem) return fail(problem);
      if (record.collection !== 'SEN2') return fail(`Collection "${record.collection}" is not SEN2`);
      this.header = record as unknown as Sen2Header;
      return;
    }
    if (keys.person === '') return fail('PersonID is blank');
    const person = this.persons.get(keys.person);
    if (module === '1') {
      if (person || this.rejectedPersons.has(keys.person)) return fail(`person ${keys.person} appears twice`);
      if (problem) {
        this.rejectedPersons.add(keys.person);
        return fail(problem);
      }
      this.persons.set(keys.person, {
        ...(record as unknown as Sen2Person),
        personId: keys.person,
        requests: [],
        plans: [],
      });
      return;
    }
    if (!person) {
      return fail(
        this.rejectedPersons.has(keys.person)
          ? `person ${keys.person}'s row could not be used`
          : `no person row for ${keys.person} before this row`,
      );
    }
    const requestKey = `${keys.person}\u0000${keys.request}`;
    const planKey = `${keys.person}\u0000${keys.plan}`;
    if (module === '2' || module === '3') {
      if (!/^[1-9]\d*$/.test(keys.request)) return fail(`RequestNo "${keys.request}" is not 1, 2, …`);
      if (module === '2') {
        if (this.requests.has(requestKey))
          return fail(`request ${keys.request} of ${keys.person} appears twice`);
        if (problem) return fail(problem);
        const request = { ...(record as unknown as Sen2Request), requestNo: keys.request, assessment: null };
        this.requests.set(requestKey, request);
        person.requests.push(request);
        return;
      }
      const request = this.requests.get(requestKey);
      if (!request)
        return fail(`request ${keys.request} of ${keys.person} has no usable request row before this`);
      if (request.assessment)
        return fail(`request ${keys.request} of ${keys.person} has a second assessment`);
      if (problem) return fail(problem);
      request.assessment = record as unknown as Sen2Assessment;
      return;
    }
    if (!/^[1-9]\d*$/.test(keys.plan)) return fail(`PlanNo "${keys.plan}" is not 1, 2, …`);
    if (module === '4a') {
      if (this.plans.has(planKey) || this.rejectedPlans.has(planKey))
        return fail(`plan ${keys.plan} of ${keys.person} appears twice`);
      if (keys.request !== '' && !this.requests.has(requestKey)) {
        this.rejectedPlans.add(planKey);
        return fail(`plan ${keys.plan} names request ${keys.request}, which has no usable request row`);
      }
      if (problem) {
        this.rejectedPlans.add(planKey);
        return fail(problem);
      }
      const plan = {
        ...(record as unknown as Sen2NamedPlan),
        planNo: keys.plan,
        requestNo: keys.request,
        details: [],
        active: null,
      };
      this.plans.set(planKey, plan);
      person.plans.push(plan);
      return;
    }
    const plan = this.plans.get(planKey);
    if (!plan) return fail(`plan ${keys.plan} of ${keys.person} has no usable named-plan row before this`);
    if (problem) return fail(problem);
    if (module === '4b') plan.details.push(record as unknown as Sen2PlanDetail);
    else if (module === '5a') {
      if (plan.active) return fail(`plan ${keys.plan} of ${keys.person} has a second active-plan row`);
      plan.active = { ...(record as unknown as Sen2ActivePlan), placements: [], needs: [] };
    } else if (!plan.active) fail(`plan ${keys.plan} of ${keys.person} has no active-plan row before this`);
    else if (module === '5b') plan.active.placements.push(record as unknown as Sen2Placement);
    else plan.active.needs.push(record as unknown as Sen2Need);
  }

  result(records: number): ReadResult {
    if (!this.header) {
      const problems = this.headerSeen
        ? this.problems
        : [fileProblem('there is no header row (module 0)'), ...this.problems];
      return { ret: null, problems, records };
    }
    return {
      ret: { header: this.header, persons: [...this.persons.values()] },
      problems: this.problems,
      records,
    };
  }
}

// The item tables are re-exported for the XML module and tests.
export {
  ACTIVE_PLAN_ITEMS,
  ASSESSMENT_ITEMS,
  HEADER_ITEMS,
  NAMED_PLAN_ITEMS,
  NEED_ITEMS,
  PERSON_ITEMS,
  PLACEMENT_ITEMS,
  PLAN_DETAIL_ITEMS,
  REQUEST_ITEMS,
};
