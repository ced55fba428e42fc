// Dispatches `review-coach <command> [args]` through a table of commands. To add a command
// write a CliCommand and add it to CLI_COMMANDS.

import { EXIT_OK, EXIT_USAGE, writeText, type CliCommand, type CliIo } from "./cli-io.js";
import { classifyCommand } from "./run-classify-command.js";
import { createConfigCommand } from "./run-config-command.js";
import { createDigestCommand } from "./run-digest-command.js";
import { createPreviewCommand } from "./run-preview-command.js";
import { riskCommand } from "./run-risk-command.js";

export const CLI_COMMANDS: readonly CliCommand[] = [classifyCommand, riskCommand, createDigestCommand(), createConfigCommand(), createPreviewCommand()];

export function renderUsage(commands: readonly CliCommand[] = CLI_COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: review-coach <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `review-coach <command> --help` for a command's options.",
    "",
  ].join("\n");
}

/** Runs the CLI; resolves to the exit code. `--help` prints usage on stdout; a wrong call prints it on stderr (exit 2). */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = CLI_COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? commands.find((c) => c.name === args[0]) : undefined;
    await writeText(io.stdout, topic ? topic.usage : renderUsage(commands));
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const problem = name === undefined ? "no command given" : `unknown command "${name}"`;
    await writeText(io.stderr, `review-coach: ${problem}\n\n${renderUsage(commands)}`);
    return EXIT_USAGE;
  }
  return command.run(args, io);
}
