import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { configureViewEnvironment, viewEnvironment, viewOptions } from './views.ts';

function render(template: string, context: object): string {
  const env = new nunjucks.Environment([], viewOptions);
  configureViewEnvironment(env);
  return env.renderString(template, context);
}

const advice = [
  { agency: 'ep', status: 'received' },
  { agency: 'health', status: 'requested' },
  { agency: 'social-care', status: 'requested' },
  { agency: 'school', status: 'overdue' },
  { agency: 'parent', status: null },
];

describe('selectattr and rejectattr with a test, as Jinja has them', () => {
  it('counts only the items whose attribute passes the test (the "N asked; N arrived" line)', () => {
    const line =
      '{{ advice | length }} asked; {{ advice | selectattr("status", "equalto", "received") | list | length }} arrived';
    expect(render(line, { advice })).toBe('5 asked; 1 arrived');
  });

  it('finds the one step named (the decision letter\'s "what happens next")', () => {
    const steps = [
      { id: 'decision-to-assess', due: '2026-10-01' },
      { id: 'final-plan', due: '2027-02-11' },
    ];
    expect(render('{{ (steps | selectattr("id", "equalto", "final-plan") | first).due }}', { steps })).toBe(
      '2027-02-11',
    );
  });

  it('rejects with a test, and keeps the one-argument truthiness form', () => {
    expect(render('{{ advice | rejectattr("status", "equalto", "requested") | length }}', { advice })).toBe(
      '3',
    );
    expect(render('{{ advice | selectattr("status") | length }}', { advice })).toBe('4');
    expect(render('{{ advice | rejectattr("status") | length }}', { advice })).toBe('1');
  });

  it('takes the other tests Nunjucks knows, and answers an empty list for a missing one', () => {
    const items = [{ n: 1 }, { n: 5 }, { n: 9 }];
    expect(render('{{ items | selectattr("n", "gt", 4) | length }}', { items })).toBe('2');
    expect(render('{{ missing | selectattr("n", "gt", 4) | length }}', {})).toBe('0');
  });

  it('names an unknown test rather than passing everything', () => {
    expect(() =>
      render('{{ items | selectattr("n", "nonsense", 1) | length }}', { items: [{ n: 1 }] }),
    ).toThrow(/test not found: nonsense/);
  });
});

describe("the process's one environment (every app renders with it)", () => {
  it('is the same environment each time, with the filters, and compiles a template once', () => {
    const env = viewEnvironment();
    expect(viewEnvironment()).toBe(env);
    expect(env.renderString('{{ "2026-02-16" | date }}', {})).toBe('16 February 2026');
    const layout = env.getTemplate('error.njk', true);
    expect(env.getTemplate('error.njk', true)).toBe(layout);
  });
});
