/**
 * The `goldthread` command line. Each command is a module in ./commands/ named after it, loaded only when run,
 * so `goldthread clock` does not pay for the web server's imports.
 */
import { readdirSync } from 'node:fs';
import { UsageError, type Command } from './command.ts';

const commandsDir = new URL('./commands/', import.meta.url);

function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function load(name: string): Promise<Command> {
  return ((await import(new URL(`${name}.ts`, commandsDir).href)) as { default: Command }).default;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const names = commandNames();
  if (!name || name === 'help' || name === '--help') {
    const lines = await Promise.all(
      names.map(async (n) => `  ${n.padEnd(18)}${(await load(n)).description}`),
    );
    process.stdout.write(`Usage: goldthread <command> [options]\n\nCommands:\n${lines.join('\n')}\n`);
    return name ? 0 : 2;
  }
  if (!names.includes(name)) {
    process.stderr.write(`goldthread: unknown command "${name}". Run "goldthread help" for the list.\n`);
    return 2;
  }
  const command = await load(name);
  try {
    return await command.run(args);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`goldthread ${name}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
