/** Leaders' figures (issue 14 item 2, docs/figures.md): what each counts, and counting it. Pure. */
export * from './items.ts';
export * from './figures.ts';
export * from './measures.ts';
export * from './chart.ts';
