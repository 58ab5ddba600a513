import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_MEETING_ID, DMK_PROFILE } from '@plenum/shared';
import { startServer } from '../../server/src/app.ts';

/**
 * `node --import tsx bench/probe/pdf-healthz.ts [--chars 4000] [--per-land 1]`
 *
 * /healthz latency while the worst-case protocol PDF renders: every Land adds declarations of
 * one unbreakable word to TOP 5 (the office then asks for the draft PDF) while a client polls
 * /healthz one request after another. Prints the PDF time and the /healthz latencies.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
// The default is the declaration cap (DECLARATION_MAX_CHARS); older code took 20,000.
const chars = arg('chars', 4_000);
const perLand = arg('per-land', 1);

const dataDir = mkdtempSync(join(tmpdir(), 'plenum-pdf-probe-'));
const server = await startServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', printDemoLinks: false, dataDir });
try {
  const runtime = (await server.registry.get(DEMO_MEETING_ID))!;
  const run = async (command: unknown, actor: { role: 'chair' | 'delegate' | 'office'; participantId: string | null }) => {
    const out = await runtime.execute({ key: `probe-${Math.random()}`, command, actor, context: {} });
    if ('error' in out.ack) throw new Error(`${JSON.stringify(command).slice(0, 80)}: ${out.ack.error.code}`);
  };
  const chair = { role: 'chair' as const, participantId: 'p-chair' };
  const lands = DMK_PROFILE.lands.map((l) => l.code);
  for (const land of lands) await run({ type: 'checkIn', mode: 'room' }, { role: 'delegate', participantId: `p-${land}-member` }).catch(() => {});
  await run({ type: 'openSession' }, chair).catch(() => {});
  for (const land of lands) {
    for (let i = 0; i < perLand; i++) {
      await run({ type: 'addDeclaration', itemId: 'top-5', text: 'a'.repeat(chars) }, { role: 'delegate', participantId: `p-${land}-member` });
    }
  }
  const office = server.demoLinks!.find((l) => l.role === 'office')!;
  const redeem = await fetch(office.url, { method: 'POST', redirect: 'manual', headers: { origin: new URL(server.url).origin } });
  const cookie = (redeem.headers.get('set-cookie') ?? '').split(';')[0];

  const started = performance.now();
  let done = false;
  const pdf = fetch(`${server.url}/api/meetings/${DEMO_MEETING_ID}/protocol.pdf`, { headers: { cookie } })
    .then(async (r) => { const size = (await r.arrayBuffer()).byteLength; done = true; return { status: r.status, size, ms: performance.now() - started }; });
  const latencies: number[] = [];
  while (!done) {
    const t = performance.now();
    await fetch(`${server.url}/healthz`).then((r) => r.arrayBuffer());
    latencies.push(performance.now() - t);
  }
  const p = await pdf;
  latencies.sort((a, b) => a - b);
  const q = (f: number) => latencies[Math.min(latencies.length - 1, Math.floor(f * latencies.length))].toFixed(1);
  console.log(`declarations: ${lands.length * perLand} × ${chars} chars (one word)`);
  console.log(`PDF: HTTP ${p.status}, ${p.size} bytes, ${(p.ms / 1000).toFixed(1)} s`);
  console.log(`/healthz during the rendering: ${latencies.length} answers, median ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`);
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
