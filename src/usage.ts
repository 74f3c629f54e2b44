/**
 * What a usage error says: one line naming the problem and where the options are listed (the
 * whole help under every mistake buried the line that mattered).
 */
import { USAGE_CODE } from './exit-codes.js';

/** node:util parseArgs's messages, said plainly: its advice on positionals misleads here. */
export function argumentProblem(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1];
    return option ? `unknown option ${option}` : message;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /--[a-z-]+/.exec(message)?.[0];
    if (option && /argument missing/.test(message)) return `${option} needs a value`;
  }
  return message;
}

/** Prints `offprint[ command]: message` and where the help is; returns the usage exit code. */
export function usageError(command: string | undefined, message: string): number {
  const name = command ? `offprint ${command}` : 'offprint';
  process.stderr.write(`${name}: ${message}\n(\`${name} --help\` lists the options)\n`);
  return USAGE_CODE;
}
