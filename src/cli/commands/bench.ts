import { readdirSync } from 'node:fs';
import { UsageError, type Command } from '../command.ts';

/** A benchmark: a module in src/cli/bench/ named after it. Its last printed line is one JSON object of figures. */
export interface Benchmark {
  readonly description: string;
  run(args: string[]): Promise<void>;
}

const benchDir = new URL('../bench/', import.meta.url);

const command: Command = {
  description: 'Run a benchmark: goldthread bench NAME [options] (see docs/benchmarks.md)',
  async run(args) {
    const [name, ...rest] = args;
    const names = readdirSync(benchDir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -3));
    if (!name || !names.includes(name)) {
      throw new UsageError(`name a benchmark: ${names.sort().join(', ')}`);
    }
    const bench = ((await import(new URL(`${name}.ts`, benchDir).href)) as { default: Benchmark }).default;
    await bench.run(rest);
    return 0;
  },
};
export default command;
