/**
 * `goldthread bench plan-quality [--verbose]`: scores the specificity checks against the project's labelled set
 * (src/domain/plan-quality/labelled-set.json) and, separately, the public set of real plan wording
 * (public-set.json: whole, and its held-out part). Prints each set's confusion matrix and misclassified statements
 * with their findings, and, as its last line, one JSON object of figures. With --verbose, also the findings for
 * every statement.
 */
import { UsageError } from '../command.ts';
import type { Benchmark } from '../commands/bench.ts';
import {
  isHeldOut,
  isPublicHeldOut,
  loadLabelledSet,
  loadPublicSet,
  score,
  type Score,
  type Scored,
  type Statement,
} from '../../domain/plan-quality/evaluate.ts';
import { checkSpecificity } from '../../domain/plan-quality/specificity.ts';

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

function describeItem(s: Scored<Statement & { note?: string; reason?: string }>): string {
  const { statement: st } = s;
  const codes = s.findings.map((f) =>
    f.start === 0 && f.end === st.text.length ? f.code : `${f.code}@${f.start}-${f.end}`,
  );
  const why = st.note ?? st.reason ?? '';
  return `  ${st.id} [${st.section}${s.kind ? `, ${s.kind}` : ''}, labelled ${st.label}, checks say ${s.predicted}] ${st.text}\n    why: ${why}\n    findings: ${codes.join(', ') || 'none'}`;
}

function matrix(name: string, count: number, all: Score): string[] {
  return [
    `${name}: ${count} statements (${all.vague} vague, ${all.specific} specific)`,
    '',
    '                     checks: vague   checks: specific',
    `  labelled vague     ${String(all.vagueCaught).padStart(13)}   ${String(all.vague - all.vagueCaught).padStart(16)}`,
    `  labelled specific  ${String(all.specificFlagged).padStart(13)}   ${String(all.specific - all.specificFlagged).padStart(16)}`,
    '',
    `Vague caught: ${all.vagueCaught}/${all.vague} (${pct(all.vagueCaught, all.vague)}%, target at least 95%)`,
    `Specific flagged: ${all.specificFlagged}/${all.specific} (${pct(all.specificFlagged, all.specific)}%, target at most 5%)`,
  ];
}

const bench: Benchmark = {
  description:
    "Plan quality: specificity checks scored against the project's labelled set and the public set of real plan wording",
  // eslint-disable-next-line @typescript-eslint/require-await
  async run(args) {
    const verbose = args.includes('--verbose');
    const unknown = args.filter((a) => a !== '--verbose');
    if (unknown.length > 0)
      throw new UsageError(`unknown option "${unknown[0]}". Usage: bench plan-quality [--verbose]`);
    const set = loadLabelledSet();
    const pub = loadPublicSet();
    const t0 = process.hrtime.bigint();
    const all = score(set);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const held = score(set.filter(isHeldOut));
    const pubAll = score(pub);
    const pubHeld = score(pub.filter(isPublicHeldOut));
    const lines = [
      ...matrix("The project's labelled set", set.length, all),
      `Held-out statements: vague caught ${held.vagueCaught}/${held.vague}, specific flagged ${held.specificFlagged}/${held.specific}`,
      '',
      `Misclassified (${all.misclassified.length}):`,
      ...all.misclassified.map(describeItem),
      '',
      ...matrix('The public set (real plan wording)', pub.length, pubAll),
      `Held-out part (${pubHeld.vague + pubHeld.specific} statements): vague caught ${pubHeld.vagueCaught}/${pubHeld.vague}, specific flagged ${pubHeld.specificFlagged}/${pubHeld.specific}`,
      '',
      `Misclassified (${pubAll.misclassified.length}):`,
      ...pubAll.misclassified.map(describeItem),
    ];
    if (verbose) {
      lines.push('', 'All statements:');
      for (const s of [...set, ...pub]) {
        const r = checkSpecificity(s.section, s.text);
        lines.push(
          `  ${s.id} ${r.specific ? 'specific' : 'vague'}${r.kind ? ` (${r.kind})` : ''}: ${r.findings.map((f) => f.code).join(', ')}`,
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
      misclassified: all.misclassified.map((s) => s.statement.id),
      public_statements: pub.length,
      public_vague: pubAll.vague,
      public_vague_caught: pubAll.vagueCaught,
      public_specific: pubAll.specific,
      public_specific_flagged: pubAll.specificFlagged,
      public_held_out_vague: pubHeld.vague,
      public_held_out_vague_caught: pubHeld.vagueCaught,
      public_held_out_specific: pubHeld.specific,
      public_held_out_specific_flagged: pubHeld.specificFlagged,
      public_misclassified: pubAll.misclassified.map((s) => s.statement.id),
      check_ms: Math.round(ms * 10) / 10,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  },
};
export default bench;
