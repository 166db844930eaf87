import { describe, expect, test } from 'vitest';
import { runCommand } from './run.ts';

describe('runCommand', () => {
  test('returns what the command printed without colour codes, stream by stream', async () => {
    const script = [
      "process.stdout.write('/a/index.html \\u001b[32m(restored)\\u001b[39m\\n');",
      "process.stderr.write('\\u001b[31merror\\u001b[39m: bad\\n');",
      'process.exitCode = 3;',
    ].join('');
    const outcome = await runCommand(process.execPath, ['-e', script]);
    expect(outcome.code).toBe(3);
    expect(outcome.stdout).toBe('/a/index.html (restored)\n');
    expect(outcome.stderr).toBe('error: bad\n');
    expect(outcome.output).toContain('/a/index.html (restored)\n');
    expect(outcome.output).toContain('error: bad\n');
  });
});
