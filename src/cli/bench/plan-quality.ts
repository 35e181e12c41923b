/**
 * `goldthread bench plan-quality [--verbose]`: scores the specificity checks against the labelled set
 * (src/domain/plan-quality/labelled-set.json). Prints the confusion matrix, the figures for the held-out
 * statements, every misclassified statement with its findings, and, as its last line, one JSON object of figures.
 * With --verbose, also the findings for every statement.
 */
import { UsageError } from '../command.ts';
import type { Benchmark } from '../commands/bench.ts';
import { isHeldOut, loadLabelledSet, score, type Scored } from '../../domain/plan-quality/evaluate.ts';
import { checkSpecificity } from '../../domain/plan-quality/specificity.ts';

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

function describeItem(s: Scored): string {
  const codes = s.findings.map((f) =>
    f.start === 0 && f.end === s.text.length ? f.code : `${f.code}@${f.start}-${f.end}`,
  );
  return `  ${s.id} [${s.section}, labelled ${s.label}, checks say ${s.predicted}] ${s.text}\n    note: ${s.note}\n    findings: ${codes.join(', ') || 'none'}`;
}

const bench: Benchmark = {
  description: 'Plan quality: specificity checks scored against the labelled set of provision and outcomes',
  // eslint-disable-next-line @typescript-eslint/require-await
  async run(args) {
    const verbose = args.includes('--verbose');
    const unknown = args.filter((a) => a !== '--verbose');
    if (unknown.length > 0)
      throw new UsageError(`unknown option "${unknown[0]}". Usage: bench plan-quality [--verbose]`);
    const set = loadLabelledSet();
    const t0 = process.hrtime.bigint();
    const all = score(set);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const held = score(set.filter(isHeldOut));
    const lines = [
      `Labelled set: ${set.length} statements (${all.vague} vague, ${all.specific} specific)`,
      '',
      '                     checks: vague   checks: specific',
      `  labelled vague     ${String(all.vagueCaught).padStart(13)}   ${String(all.vague - all.vagueCaught).padStart(16)}`,
      `  labelled specific  ${String(all.specificFlagged).padStart(13)}   ${String(all.specific - all.specificFlagged).padStart(16)}`,
      '',
      `Vague caught: ${all.vagueCaught}/${all.vague} (${pct(all.vagueCaught, all.vague)}%, target at least 95%)`,
      `Specific flagged: ${all.specificFlagged}/${all.specific} (${pct(all.specificFlagged, all.specific)}%, target at most 5%)`,
      `Held-out statements: vague caught ${held.vagueCaught}/${held.vague}, specific flagged ${held.specificFlagged}/${held.specific}`,
      '',
      `Misclassified (${all.misclassified.length}):`,
      ...all.misclassified.map(describeItem),
    ];
    if (verbose) {
      lines.push('', 'All statements:');
      for (const s of set) {
        const r = checkSpecificity(s.section, s.text);
        lines.push(
          `  ${s.id} ${r.specific ? 'specific' : 'vague'}: ${r.findings.map((f) => f.code).join(', ')}`,
        );
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    const figures = {
      bench: 'plan-quality',
      statements: set.length,
      vague: all.vague,
      vague_caught: all.vagueCaught,
      specific: all.specific,
      specific_flagged: all.specificFlagged,
      vague_caught_pct: pct(all.vagueCaught, all.vague),
      specific_flagged_pct: pct(all.specificFlagged, all.specific),
      held_out_vague: held.vague,
      held_out_vague_caught: held.vagueCaught,
      held_out_specific: held.specific,
      held_out_specific_flagged: held.specificFlagged,
      misclassified: all.misclassified.map((s) => s.id),
      check_ms: Math.round(ms * 10) / 10,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  },
};
export default bench;
