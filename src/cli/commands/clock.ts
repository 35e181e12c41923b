/**
 * `goldthread clock [--input FILE]`: the statutory clock as a command (section 5 of the statutory clock document).
 * Reads one case as JSON from FILE or standard input, prints its timeline as one JSON document and exits 0; on
 * invalid input prints one line per problem, each naming the field at fault, to standard error and exits 2.
 */
import { readFile } from 'node:fs/promises';
import { UsageError, type Command } from '../command.ts';
import { computeTimeline, formatIssues, parseClockInput } from '../../domain/clock/index.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function inputFile(args: readonly string[]): string | null {
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--input') {
      const next = args[i + 1];
      if (next === undefined) throw new UsageError('--input needs a file name');
      file = next;
      i++;
    } else if (arg.startsWith('--input=')) {
      file = arg.slice('--input='.length);
    } else {
      throw new UsageError(
        `unknown option "${arg}". Usage: goldthread clock [--input FILE] (or the JSON on standard input)`,
      );
    }
  }
  return file === '-' ? null : file;
}

const command: Command = {
  description: "Compute a case's statutory time limits: goldthread clock [--input FILE] (JSON in, JSON out)",
  async run(args) {
    const file = inputFile(args);
    let text: string;
    try {
      text = file === null ? await readStdin() : await readFile(file, 'utf8');
    } catch (err) {
      throw new UsageError(`input: cannot read ${file ?? 'standard input'} (${(err as Error).message})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`input: not valid JSON (${(err as Error).message})`);
    }
    const parsed = parseClockInput(raw);
    if (!parsed.ok) throw new UsageError(formatIssues(parsed.issues));
    process.stdout.write(`${JSON.stringify(computeTimeline(parsed.input), null, 2)}\n`);
    return 0;
  },
};
export default command;
