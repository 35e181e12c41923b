/** The shape of one `goldthread` command: a module in src/cli/commands/ named after the command. */
export interface Command {
  /** One line for `goldthread help`. */
  readonly description: string;
  /** Runs the command with the arguments after its name; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

/** Thrown for bad command-line input: the message is printed to standard error and the exit code is 2. */
export class UsageError extends Error {}
