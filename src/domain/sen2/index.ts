/** The SEN2 return and the inspection lists: pure rules (docs/sen2.md, docs/inspection-list.md). */
export * from './codes.ts';
export * from './model.ts';
export * from './casework.ts';
export { buildSen2Return, type BuildOptions } from './build.ts';
export { checkSen2Return, PROBLEM_CODES, type ProblemCode, type Sen2Problem } from './validate.ts';
export { CSV_COLUMNS, readSen2Csv, writeSen2Csv, type ReadProblem, type ReadResult } from './csv.ts';
export { readSen2Xml, writeSen2Xml } from './xml.ts';
export { csvDocument, csvLine, neutraliseCell, parseCsv, restoreCell } from '../csv.ts';
export * from './extras.ts';
export * from './import.ts';
export * from './inspection.ts';
