/**
 * The SEN2 return as XML (docs/sen2.md, "The XML"): a Message with the Header and one Person element per person,
 * each holding its Requests (with the Assessment inside its Request) and its NamedPlans (with PlanDetail and the
 * ActivePlan, which holds Placement and SENneed). Element names are the item names of ./model.ts; blank items are
 * left out. The reader is a small parser for exactly this shape (elements, text, the five XML entities and numeric
 * character references; no attributes are needed), checking every record as the CSV reader does.
 */
import { ReturnBuilder, type ReadResult } from './csv.ts';
import { itemOf, MODULE_ITEMS, type ItemDef, type ModuleId, type Sen2Return } from './model.ts';

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function items(module: ModuleId, record: object, indent: string): string {
  return MODULE_ITEMS[module]
    .map((i) => [i.name, itemOf(record, i.key)] as const)
    .filter(([, v]) => v !== '')
    .map(([n, v]) => `${indent}<${n}>${escape(v)}</${n}>\n`)
    .join('');
}

/** The return as an XML document. */
export function writeSen2Xml(ret: Sen2Return): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n'];
  out.push(`  <Header>\n${items('0', ret.header, '    ')}  </Header>\n  <Persons>\n`);
  for (const p of ret.persons) {
    out.push(`    <Person>\n      <PersonID>${escape(p.personId)}</PersonID>\n${items('1', p, '      ')}`);
    if (p.requests.length) {
      out.push('      <Requests>\n');
      for (const r of p.requests) {
        out.push(
          `        <Request>\n          <RequestNo>${r.requestNo}</RequestNo>\n${items('2', r, '          ')}`,
        );
        if (r.assessment)
          out.push(
            `          <Assessment>\n${items('3', r.assessment, '            ')}          </Assessment>\n`,
          );
        out.push('        </Request>\n');
      }
      out.push('      </Requests>\n');
    }
    if (p.plans.length) {
      out.push('      <NamedPlans>\n');
      for (const plan of p.plans) {
        out.push(`        <NamedPlan>\n          <PlanNo>${plan.planNo}</PlanNo>\n`);
        if (plan.requestNo) out.push(`          <RequestNo>${plan.requestNo}</RequestNo>\n`);
        out.push(items('4a', plan, '          '));
        for (const d of plan.details)
          out.push(`          <PlanDetail>\n${items('4b', d, '            ')}          </PlanDetail>\n`);
        if (plan.active) {
          const a = plan.active;
          out.push(`          <ActivePlan>\n${items('5a', a, '            ')}`);
          for (const pl of a.placements)
            out.push(
              `            <Placement>\n${items('5b', pl, '              ')}            </Placement>\n`,
            );
          for (const n of a.needs)
            out.push(`            <SENneed>\n${items('5c', n, '              ')}            </SENneed>\n`);
          out.push('          </ActivePlan>\n');
        }
        out.push('        </NamedPlan>\n');
      }
      out.push('      </NamedPlans>\n');
    }
    out.push('    </Person>\n');
  }
  out.push('  </Persons>\n</Message>\n');
  return out.join('');
}

export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const named = ENTITIES[ref];
    if (named === undefined) throw new Error(`unknown entity ${whole}`);
    return named;
  });
}

/** Parses XML elements and text (the declaration, comments and whitespace between elements are skipped). */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = /<(\/?)([A-Za-z_][\w.-]*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g;
  let last = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const between = text.slice(last, m.index);
    if (between.includes('<')) throw new Error(`cannot read the XML near "${between.slice(0, 40)}"`);
    stack[stack.length - 1]!.text += decode(between);
    last = tag.lastIndex;
    if (!m[2]) continue; // declaration or comment
    const [, closing, name, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> does not close <${open?.name ?? ''}>`);
      continue;
    }
    const element: XmlElement = { name: name, children: [], text: '' };
    stack[stack.length - 1]!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (text.slice(last).trim() !== '') throw new Error('text after the last element');
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is not closed`);
  return root;
}

function record(element: XmlElement, defs: readonly ItemDef[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of defs) out[d.key] = element.children.find((c) => c.name === d.name)?.text ?? '';
  return out;
}

const child = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);
const children = (e: XmlElement | undefined, name: string) =>
  e?.children.filter((c) => c.name === name) ?? [];
const textOf = (e: XmlElement, name: string) => child(e, name)?.text ?? '';

/** Reads the XML, checking every record as the CSV reader does. */
export function readSen2Xml(text: string): ReadResult {
  let doc: XmlElement;
  try {
    doc = parseXml(text);
  } catch (e) {
    return {
      ret: null,
      problems: [
        { where: 'file', module: '', personId: '', reason: e instanceof Error ? e.message : String(e) },
      ],
      records: 0,
    };
  }
  const message = child(doc, 'Message');
  const builder = new ReturnBuilder();
  if (!message) {
    builder.reject('file', '', '', 'the document is not a SEN2 Message');
    return builder.result(0);
  }
  let records = 0;
  const add = (
    where: string,
    module: ModuleId,
    keys: { person: string; request: string; plan: string },
    e: XmlElement,
  ) => {
    records++;
    builder.add(where, module, keys, record(e, MODULE_ITEMS[module]));
  };
  const header = child(message, 'Header');
  if (header) add('Header', '0', { person: '', request: '', plan: '' }, header);
  children(child(message, 'Persons'), 'Person').forEach((p, pi) => {
    const person = textOf(p, 'PersonID');
    const at = `Person ${pi + 1}${person ? ` (${person})` : ''}`;
    add(at, '1', { person, request: '', plan: '' }, p);
    for (const r of children(child(p, 'Requests'), 'Request')) {
      const request = textOf(r, 'RequestNo');
      add(`${at}, Request ${request}`, '2', { person, request, plan: '' }, r);
      const a = child(r, 'Assessment');
      if (a) add(`${at}, Request ${request}, Assessment`, '3', { person, request, plan: '' }, a);
    }
    for (const n of children(child(p, 'NamedPlans'), 'NamedPlan')) {
      const keys = { person, request: textOf(n, 'RequestNo'), plan: textOf(n, 'PlanNo') };
      const pat = `${at}, NamedPlan ${keys.plan}`;
      add(pat, '4a', keys, n);
      children(n, 'PlanDetail').forEach((d, i) => add(`${pat}, PlanDetail ${i + 1}`, '4b', keys, d));
      const active = child(n, 'ActivePlan');
      if (!active) continue;
      add(`${pat}, ActivePlan`, '5a', keys, active);
      children(active, 'Placement').forEach((pl, i) => add(`${pat}, Placement ${i + 1}`, '5b', keys, pl));
      children(active, 'SENneed').forEach((s, i) => add(`${pat}, SENneed ${i + 1}`, '5c', keys, s));
    }
  });
  return builder.result(records);
}
