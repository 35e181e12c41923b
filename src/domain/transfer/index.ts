/**
 * Phase transfers (statutory-work.md S2): the cohort, each child's deadline and planning dates, the stage each
 * child's transfer has reached and what must happen next. Pure: dates are 'YYYY-MM-DD' strings; no I/O, no clock.
 */
export * from './cohort.ts';
export * from './stage.ts';
export * from './family.ts';
export type { Destination } from '../school-year.ts';
export * from './naming.ts';
