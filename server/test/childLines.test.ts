import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { onChildLines } from '../src/cli/child-lines.ts';

describe('onChildLines (the cluster CLI and the test harness read their nodes by line)', () => {
  it('a line split across chunks arrives whole; CRLF is cut; the last line without a newline arrives at the end', async () => {
    // A real child that writes "PLENUM_RE" and "ADY port=41\r\n…" in separate writes, a pause between.
    const script = `
      const w = (s) => new Promise((r) => process.stdout.write(s, r));
      (async () => {
        await w('PLENUM_INVITE role=chair'); await new Promise((r) => setTimeout(r, 30));
        await w(' participant=p1\\r\\nPLENUM_RE'); await new Promise((r) => setTimeout(r, 30));
        await w('ADY port=41\\nlast line without newline');
      })();`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    onChildLines(child.stdout!, (line) => lines.push(line));
    await new Promise<void>((r) => child.stdout!.once('close', () => r()));
    expect(lines).toEqual(['PLENUM_INVITE role=chair participant=p1', 'PLENUM_READY port=41', 'last line without newline']);
  });
});
