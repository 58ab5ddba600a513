import { runFuzz } from '../../test/fuzz/harness.ts';

/**
 * The fuzzer (test/fuzz) in CI: every command type of the meeting and of every between-sessions
 * stream, from every role's socket and over REST; deep nesting, prototype keys, huge strings,
 * wrong types, missing and extra fields. 3,000 messages; `npm run fuzz -- --messages 100000` on demand.
 * A fixed seed keeps CI reproducible; FUZZ_SEED picks another.
 */
describe('fuzz: every command type, every role, the REST routes', () => {
  it('3,000 hostile messages: 0 accepted when invalid, 0 crashes or unanswered, 0 events appended by refusals', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20261201);
    const report = await runFuzz({ messages: 3_000, seed });
    if (report.examples.length) console.log(report.examples.join('\n'));
    expect(report.socketMessages + report.restRequests).toBe(3_000);
    expect(report.acceptedWhenInvalid).toBe(0);
    expect(report.crashes).toBe(0);
    expect(report.unanswered).toBe(0);
    expect(report.appendedByRefused).toBe(0);
    // The run reached the deciders, not only the parsers.
    expect(report.codes['command.invalid']).toBeGreaterThan(100);
    expect(Object.keys(report.codes).filter((c) => !c.startsWith('HTTP') && !c.startsWith('command.') && !c.startsWith('auth.')).length).toBeGreaterThan(3);
  }, 300_000);
});
