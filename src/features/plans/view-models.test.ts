/**
 * Issue 18: the plan's view models worked out in code, not in the templates. The editor's section-level findings
 * (the template's `selectattr("id", "equalto", ...)` picked the first item of all), the "By when" of a version kept
 * before it was read from the outcome's words, and the legal sections' explanations on the comparison.
 */
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan-quality/model.ts';
import { configureViewEnvironment, viewOptions, viewTemplates } from '../../platform/web/views.ts';
import { planLines, SECTION_EXPLANATIONS } from './describe.ts';
import type { Snapshot } from './snapshot.ts';
import { planBlocks } from './documents.ts';
import { comparisonModel, documentView, editorSections } from './view-models.ts';

const outcomeWords = 'By the end of Key Stage 1, Zara will read 50 common words on sight';

function plan(outcome: Partial<Plan['outcomes'][number]> = {}): Plan {
  return {
    id: 'plan-1',
    status: 'final',
    yearGroup: 2,
    aspirations: [],
    needs: [{ id: 'n1', section: 'B', area: 'cognition-and-learning', text: 'Reads well below her age.' }],
    outcomes: [
      {
        id: 'o1',
        text: outcomeWords,
        needIds: ['n1'],
        // As versions kept before the words were read have it: no timescale of its own.
        timescale: { text: '', by: null },
        successMeasure: '',
        preparationForAdulthood: null,
        ...outcome,
      },
    ],
    provision: [],
    placement: null,
    personalBudget: { requested: false, annualAmountPence: null, directPayments: [] },
    advice: [],
  };
}

const snapshot = (p: Plan): Snapshot => ({
  plan: p,
  child: { name: 'Zara', fullName: 'Zara Example', reference: 'GT-000001', dateOfBirth: '2019-01-01' },
  writer: null,
  adviceSummaries: {},
  placementType: null,
});

function environment(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewTemplates), viewOptions);
  configureViewEnvironment(env);
  return env;
}

describe('the editor: findings at the head of a section', () => {
  const finding = (itemId: string | null, message: string) => ({
    severity: 'warning' as const,
    message,
    itemId,
  });
  // Two outcomes in section E, the one a finding is about second; a finding about no item; one about an item of
  // another section (which this section cannot show on a card).
  const view = {
    plan: plan(),
    advice: [],
    items: [
      { id: 'o0', section: 'E', text: 'First outcome', need_ids: [], outcome_ids: [] },
      { id: 'o1', section: 'E', text: 'Second outcome', need_ids: [], outcome_ids: [] },
      { id: 'p1', section: 'F', text: 'Help in class', need_ids: [], outcome_ids: [] },
    ],
    check: {
      sections: [
        {
          section: 'E',
          status: 'warnings',
          findings: [
            finding('o1', 'The second outcome has no measure'),
            finding(null, 'No outcome prepares for adulthood'),
            finding('p1', 'Help in class is linked to no outcome'),
          ],
        },
      ],
    },
  } as unknown as Parameters<typeof editorSections>[0];

  it('keeps a finding about the second item on its card, not at the head of the section', () => {
    const [e] = editorSections(view);
    expect(e!.sectionFindings.map((f) => f.message)).toEqual([
      'No outcome prepares for adulthood',
      'Help in class is linked to no outcome',
    ]);
    expect(e!.items.find((i) => i.id === 'o1')!.findings.map((f) => f.message)).toEqual([
      'The second outcome has no measure',
    ]);
    expect(e!.items.find((i) => i.id === 'o0')!.findings).toEqual([]);
  });
});

describe('an old version: "By when" from the outcome\'s own words', () => {
  it('reads the timescale from the words when the version kept none, on the page, in Word and PDF', () => {
    const doc = documentView(snapshot(plan()));
    expect(doc.outcomes[0]!.timescale.text).toBe('By the end of Key Stage 1');
    const html = environment().renderString(
      '{% from "plans/_document.njk" import planDocument %}{{ planDocument(doc, 2) }}',
      { doc },
    );
    expect(html).toContain(
      'By when</dt><dd class="govuk-summary-list__value">By the end of Key Stage 1</dd>',
    );
    // Word and PDF are written from the same blocks.
    expect(planBlocks(doc, 1).map((b) => ('text' in b ? b.text : ''))).toContain(
      'By when: By the end of Key Stage 1',
    );
  });

  it('keeps an outcome\'s own timescale, and says "Not given" only when neither gives one', () => {
    expect(
      documentView(snapshot(plan({ timescale: { text: 'By July 2027', by: null } }))).outcomes[0]!.timescale
        .text,
    ).toBe('By July 2027');
    expect(
      documentView(snapshot(plan({ text: 'Zara will read 50 words' }))).outcomes[0]!.timescale.text,
    ).toBe('');
  });

  it('gives the comparison the same "By when"', () => {
    const e = planLines(plan()).find((l) => l.section === 'E')!;
    expect(e.items[0]!.text).toContain('By when: By the end of Key Stage 1');
  });
});

describe('the comparison of two versions', () => {
  it('explains each legal section in plain English, as the editor and the document do', () => {
    const older = { number: 1, snapshot: snapshot(plan()) };
    const newer = { number: 2, snapshot: snapshot(plan({ successMeasure: 'Reads them to her teacher' })) };
    const model = comparisonModel(newer, older);
    const e = model.compared.find((c) => c.section === 'E')!;
    expect(e.explanation).toBe(SECTION_EXPLANATIONS.E);
    const html = environment().render('plans/compare.njk', {
      ...model,
      record: { given_name: 'Zara', family_name: 'Example', reference: 'GT-000001' },
    });
    for (const c of model.compared) expect(html).toContain(escapeHtml(SECTION_EXPLANATIONS[c.section]));
  });
});

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
