/** Runs a command (such as `astro build`) and collects what it prints. */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Astro's command-line entry in the repo's packages. */
export const ASTRO_BIN = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** How a command ended and what it printed: each stream, and both as they came. */
export interface CommandOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/**
 * Runs `file` with `args`; `onStart` sees the child as it starts (e.g. to sample its memory).
 * What it printed comes back without colour codes: with FORCE_COLOR set, as on CI,
 * Astro colours its log lines, and callers match on their words.
 */
export function runCommand(
  file: string,
  args: readonly string[],
  options: SpawnOptions = {},
  onStart?: (child: ChildProcess) => void,
): Promise<CommandOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: 'pipe' });
    // Decoded as a stream, so a character split across two chunks stays whole.
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: stripVTControlCharacters(stdout),
        stderr: stripVTControlCharacters(stderr),
        output: stripVTControlCharacters(output),
      }),
    );
    onStart?.(child);
  });
}
