/** The register of what families raise (statutory-work.md S12): the pure rules; docs/register.md. */
export * from './register.ts';
export * from './survey.ts';
export * from './resolution.ts';
