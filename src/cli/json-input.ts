/** Commands that read one JSON document from `--input FILE` (or `-`) or from standard input. */
import { readFile } from 'node:fs/promises';
import { UsageError } from './command.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The file named by --input, or null for standard input; any other option is a usage error. */
export function inputFile(args: readonly string[], command: string): string | null {
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
        `unknown option "${arg}". Usage: goldthread ${command} [--input FILE] (or the JSON on standard input)`,
      );
    }
  }
  return file === '-' ? null : file;
}

/** Reads and parses the JSON input; unreadable or malformed input is a usage error (exit 2). */
export async function readJsonInput(args: readonly string[], command: string): Promise<unknown> {
  const file = inputFile(args, command);
  let text: string;
  try {
    text = file === null ? await readStdin() : await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`input: cannot read ${file ?? 'standard input'} (${(err as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new UsageError(`input: not valid JSON (${(err as Error).message})`);
  }
}
