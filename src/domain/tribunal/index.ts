/** Mediation and the tribunal (statutory-work.md S7): the pure rules over a disagreement; docs/tribunal.md. */
export * from './tribunal.ts';
