/**
 * `goldthread clock [--input FILE]`: the statutory clock as a command (section 5 of the statutory clock document).
 * Reads one case as JSON from FILE or standard input, prints its timeline as one JSON document and exits 0; on
 * invalid input prints one line per problem, each naming the field at fault, to standard error and exits 2.
 * The output has exactly the contract's fields; every recorded exception is treated as confirmed, as the contract's
 * example output does (the library's `confirmed` flag is not part of the contract: see docs/clock.md).
 */
import { UsageError, type Command } from '../command.ts';
import { readJsonInput } from '../json-input.ts';
import { computeContractTimeline, formatIssues, parseClockInput } from '../../domain/clock/index.ts';

const command: Command = {
  description: "Compute a case's statutory time limits: goldthread clock [--input FILE] (JSON in, JSON out)",
  async run(args) {
    const raw = await readJsonInput(args, 'clock');
    const parsed = parseClockInput(raw);
    if (!parsed.ok) throw new UsageError(formatIssues(parsed.issues));
    process.stdout.write(`${JSON.stringify(computeContractTimeline(parsed.input), null, 2)}\n`);
    return 0;
  },
};
export default command;
