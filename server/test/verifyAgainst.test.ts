import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headFingerprint, receiptsFile, type EventOf, type ReceiptsFile } from '@plenum/shared';
import { dbFile } from '../src/app.ts';
import { openSqliteStores } from '../src/store/sqlite-store.ts';
import { verifyAgainst, type AgainstReport } from '../src/verify/against.ts';
import {
  api, closeAll, delegateLinks, landOf, linkFor, login, MEETING, must, newKey, openAndCheckIn, redeem, rehashInFile, rowsInFile, send,
  startTestServer, tmpDataDir, tokenOf, type Client,
} from './helpers.ts';

/**
 * F4: a published protocol and a delegate's receipts carry the fingerprint of the log as they were
 * made; `npm run verify -- --against` checks them against the log as it is now.
 */
let recorded: string;
let protocol: { record: { seq: number; fingerprint: string }; items: { id: string; votes: { voteId: string; explanation: { yes: number; no: number }; lands: { land: string; choice: string | null }[] }[] }[] } & Record<string, unknown>;
let protocolMd: string;
let receipts: ReceiptsFile;

beforeAll(async () => {
  const server = await startTestServer();
  const chair = await login(server, linkFor(server.links, 'chair'));
  const links = delegateLinks(server.links).slice(0, 12);
  const delegates = await Promise.all(links.map((l) => login(server, l)));
  await openAndCheckIn(chair, delegates);
  const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-2a', paragraph: null } });
  const voteId = (opened.events[0]!.event as EventOf<'VoteOpened'>).voteId;
  // Bayern's device keeps its receipts as the client does: the ack's VoteCast envelope and the key it sent.
  const byKey = newKey();
  const acks = await Promise.all(delegates.map((d, i) => send(d, { type: 'castVote', voteId, land: landOf(links[i]!), choice: i < 9 ? 'yes' : 'no' }, i === 0 ? byKey : newKey())));
  const first = acks[0]!;
  if (!('data' in first)) throw new Error('vote refused');
  const cast = first.data.events.filter((e) => e.event.type === 'VoteCast').map((e) => {
    const v = e.event as EventOf<'VoteCast'>;
    return { key: byKey, voteId: v.voteId, land: v.land, choice: v.choice, seq: e.seq, hash: e.hash, at: e.at };
  });
  receipts = receiptsFile(MEETING, links[0]!.participantId ?? null, cast, new Date().toISOString());
  await must(chair, { type: 'closeVote', voteId });
  closeAll([chair, ...delegates] as Client[]);
  const office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
  protocol = (await api(server, `/api/meetings/${MEETING}/protocol.json`, office)).body;
  protocolMd = await (await fetch(`${server.url}/api/meetings/${MEETING}/protocol.md`, { headers: { cookie: office } })).text();
  recorded = server.dataDir;
  await server.stop(false);
}, 120_000);
afterAll(() => rmSync(recorded, { recursive: true, force: true }));

/** A copy of the recorded data folder, changed behind the server's back. */
function copy(change: (db: Database.Database) => void = () => {}): string {
  const dir = tmpDataDir();
  cpSync(recorded, dir, { recursive: true });
  const db = new Database(dbFile(dir));
  try { change(db); } finally { db.close(); }
  return dir;
}
async function against(dir: string, doc: unknown): Promise<AgainstReport> {
  const stores = openSqliteStores(dbFile(dir));
  try { return await verifyAgainst(stores.events, doc); } finally { await stores.close(); }
}
function cli(dir: string, doc: unknown) {
  const file = join(dir, 'document.json');
  writeFileSync(file, JSON.stringify(doc));
  return spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', dir, '--against', file], { encoding: 'utf8' });
}
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('F4: npm run verify -- --against <protocol.json | receipts.json>', () => {
  it('the protocol (JSON and Markdown) and the receipt carry the head fingerprint: "Prüfsumme des Protokolls"', () => {
    expect(protocol.record.fingerprint).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
    expect(protocolMd).toContain(`**Prüfsumme des Protokolls:** ${protocol.record.fingerprint} (Stand Nr. ${protocol.record.seq} des Sitzungsverlaufs)`);
    expect(receipts.receipts).toHaveLength(1);
    expect(receipts.receipts[0]).toMatchObject({ land: 'BW', choice: 'yes', fingerprint: headFingerprint(receipts.receipts[0]!.hash) });
    expect(receipts.receipts[0]!.key).toMatch(/^k-/);
  });

  it('a matching protocol and matching receipts pass; the CLI says so and exits 0', async () => {
    const dir = copy();
    expect(await against(dir, protocol)).toMatchObject({ kind: 'protocol', checked: 1, mismatches: [] });
    expect(await against(dir, receipts)).toMatchObject({ kind: 'receipts', checked: 1, mismatches: [] });
    const run = cli(dir, protocol);
    expect(run.stdout).toContain(`ok: the protocol of ${MEETING} (made at seq ${protocol.record.seq}, fingerprint ${protocol.record.fingerprint}): 1 vote(s) compared match the log`);
    expect(run.status).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('an altered protocol (a count and a Land\'s choice) fails, naming item, vote and what differs', async () => {
    const dir = copy();
    const forged = clone(protocol);
    const vote = forged.items.find((i) => i.id === 'top-2a')!.votes[0]!;
    vote.explanation.yes += 1; vote.explanation.no -= 1;
    vote.lands.find((l) => l.choice === 'no')!.choice = 'yes';
    const report = await against(dir, forged);
    expect(report.mismatches).toContainEqual({ where: `TOP 2 a (top-2a), vote ${vote.voteId}`, reason: expect.stringMatching(/^yes: 10 in the protocol, 9 in the log$/) });
    expect(report.mismatches).toContainEqual({ where: `TOP 2 a (top-2a), vote ${vote.voteId}`, reason: expect.stringMatching(/: yes in the protocol, no in the log$/) });
    const run = cli(dir, forged);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`MISMATCH: TOP 2 a (top-2a), vote ${vote.voteId}: yes: 10 in the protocol, 9 in the log`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a re-hashed log (a vote flipped, every later hash rewritten) no longer has the fingerprints the protocol and the receipt carry', async () => {
    const dir = copy((db) => {
      const cast = rowsInFile(db, MEETING).find((r) => r.type === 'VoteCast')!;
      rehashInFile(db, MEETING, cast.seq, (r) => (r.seq === cast.seq ? r.json.replace('"choice":"yes"', '"choice":"no"') : r.json));
    });
    const p = await against(dir, protocol);
    expect(p.mismatches[0]).toEqual({ where: `record (seq ${protocol.record.seq})`, reason: expect.stringContaining('(the log was rewritten and re-hashed)') });
    const r = await against(dir, receipts);
    expect(r.mismatches).toEqual([{ where: `receipt 1 (seq ${receipts.receipts[0]!.seq}, key ${receipts.receipts[0]!.key})`, reason: expect.stringContaining('re-hashed') }]);
    const run = cli(dir, receipts);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`MISMATCH: receipt 1 (seq ${receipts.receipts[0]!.seq}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a truncated log (the rows from the receipt on deleted) fails, naming where the log ends', async () => {
    const seq = receipts.receipts[0]!.seq;
    const dir = copy((db) => { db.prepare('DELETE FROM events WHERE stream = ? AND seq >= ?').run(MEETING, seq); });
    expect((await against(dir, receipts)).mismatches).toEqual([
      { where: expect.stringContaining(`receipt 1 (seq ${seq}`), reason: `the log ends at seq ${seq - 1}, but this was made at seq ${seq} (rows were deleted)` },
    ]);
    expect((await against(dir, protocol)).mismatches[0]).toMatchObject({ where: `record (seq ${protocol.record.seq})`, reason: expect.stringContaining('rows were deleted') });
    rmSync(dir, { recursive: true, force: true });
  });

  it('a receipt altered (another choice), or its key unknown to the log, fails naming the receipt', async () => {
    const dir = copy();
    const forged = clone(receipts);
    forged.receipts[0]!.choice = 'no';
    expect((await against(dir, forged)).mismatches[0]!.reason).toContain(`the receipt says BW no in vote ${receipts.receipts[0]!.voteId}; the log has BW yes`);
    const unknownKey = clone(receipts);
    unknownKey.receipts[0]!.key = 'k-never-sent';
    expect((await against(dir, unknownKey)).mismatches[0]!.reason).toContain('chained to another command key');
    rmSync(dir, { recursive: true, force: true });
  });

  it('a file that is neither is refused by name', async () => {
    const dir = copy();
    await expect(against(dir, { schema: 'something/1' })).rejects.toThrow(/not a Plenum protocol .* or receipts file/);
    const run = cli(dir, { hello: 1 });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('CANNOT CHECK');
    rmSync(dir, { recursive: true, force: true });
  });
});
