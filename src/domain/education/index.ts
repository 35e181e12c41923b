/** Children not in full-time education (statutory-work.md S4): the pure rules; docs/education.md. */
export * from './education.ts';
