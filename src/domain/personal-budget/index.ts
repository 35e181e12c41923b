export * from './personal-budget.ts';
