import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { MEETING_STATE_VERSION, type EventOf } from '@plenum/shared';
import { CONFERENCE_ID } from '../src/conference/sessions.ts';
import { SNAPSHOT_SCHEMA_VERSION } from '../src/pipeline/snapshots.ts';
import { dbFile, startServer } from '../src/app.ts';
import { TamperedLogError } from '../src/verify/start-check.ts';
import { verifyDatabase } from '../src/verify/verify-log.ts';
import {
  closeAll, delegateLinks, joinMeeting, rehashInFile, landOf, linkFor, login, MEETING, must, openAndCheckIn, send, startTestServer, tmpDataDir, type Client,
} from './helpers.ts';

interface Row { rowid: number; stream: string; seq: number; at: string; actor_role: string; actor_participant: string | null; type: string; json: string; prev_hash: string; hash: string }

let recorded: string;
const NO_OP_KEY = 'k-no-op-recorded';
/** A data folder with a closed vote (12 yes, 0 no) and a snapshot, its log checkpointed by the server that wrote it. */
beforeAll(async () => {
  const server = await startTestServer();
  const chair = await login(server, linkFor(server.links, 'chair'));
  const delegates = await Promise.all(delegateLinks(server.links).slice(0, 12).map((l) => login(server, l)));
  await openAndCheckIn(chair, delegates);
  const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-2a', paragraph: null } });
  const voteId = (opened.events[0].event as EventOf<'VoteOpened'>).voteId;
  const links = delegateLinks(server.links);
  await Promise.all(delegates.map((d, i) => send(d, { type: 'castVote', voteId, land: landOf(links[i]), choice: 'yes' })));
  await must(chair, { type: 'closeVote', voteId });
  closeAll([chair, ...delegates] as Client[]);
  // A genuine snapshot (the server writes one every 500 events): what the log's fold is.
  const rt = (await server.registry.get(MEETING))!;
  await server.stores.events.saveSnapshot(MEETING, { seq: rt.seq, stateVersion: MEETING_STATE_VERSION, schemaVersion: SNAPSHOT_SCHEMA_VERSION, stateJson: JSON.stringify(rt.current) });
  // A keyed command that appended nothing (the session is already recorded as open): its key has no row to be chained to.
  const noOp = await server.between.service.execute('conference', CONFERENCE_ID, { type: 'recordSessionOpened', sessionId: MEETING }, { role: 'system', participantId: null }, NO_OP_KEY);
  expect(noOp).toMatchObject({ data: { events: [] } });
  // A revoked invitation: un-revoking it must not go unnoticed.
  const guest = await server.invitations.create(MEETING, { role: 'guest', label: 'Gast, widerrufen' });
  await server.invitations.revoke(guest.id);
  recorded = server.dataDir;
  await server.stop(false);
}, 120_000);
afterAll(() => rmSync(recorded, { recursive: true, force: true }));

/** A copy of the recorded data folder, changed behind the server's back. */
function tamperedCopy(change: (db: Database.Database) => void): string {
  const dir = tmpDataDir();
  cpSync(recorded, dir, { recursive: true });
  const db = new Database(dbFile(dir));
  try { change(db); } finally { db.close(); }
  return dir;
}
const start = (dataDir: string, readOnlyOnTamper = false) =>
  startServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', printDemoLinks: false, dataDir, readOnlyOnTamper });

async function refusal(dataDir: string): Promise<TamperedLogError> {
  try {
    const s = await start(dataDir);
    await s.close();
  } catch (err) {
    if (err instanceof TamperedLogError) return err;
    throw err;
  }
  throw new Error('the server started on a tampered log');
}
const rows = (db: Database.Database) => db.prepare('SELECT rowid, * FROM events WHERE stream = ? ORDER BY seq').all(MEETING) as Row[];

const rehash = (db: Database.Database, fromSeq: number) => rehashInFile(db, MEETING, fromSeq);

describe('F4: a tampered log is not served; the message names the row', () => {
  it('the untouched log starts, and keeps serving; its genuine snapshot matches the replay and is kept', async () => {
    const dir = tamperedCopy(() => {});
    const s = await start(dir);
    expect(s.discardedSnapshots).toEqual([]);
    expect(await s.stores.events.latestSnapshot(MEETING)).not.toBeNull();
    await s.close();
    expect((await verifyDatabase(dbFile(dir)))).toMatchObject({ ok: true, snapshotsChecked: 1, snapshots: [] });
    rmSync(dir, { recursive: true, force: true });
  });

  it('a vote flipped, VoteClosed counts adjusted and the chain re-hashed: the row no longer matches the signed checkpoint', async () => {
    const dir = tamperedCopy((db) => {
      const all = rows(db);
      const cast = all.find((r) => r.type === 'VoteCast')!;
      db.prepare('UPDATE events SET json = ? WHERE rowid = ?').run(cast.json.replace('"choice":"yes"', '"choice":"no"'), cast.rowid);
      const land = (JSON.parse(cast.json) as { land: string }).land;
      const closed = all.find((r) => r.type === 'VoteClosed')!;
      const e = JSON.parse(closed.json) as { explanation: { yes: number; no: number }; choices: Record<string, string> };
      e.explanation.yes -= 1; e.explanation.no += 1; e.choices[land] = 'no';
      db.prepare('UPDATE events SET json = ? WHERE rowid = ?').run(JSON.stringify(e), closed.rowid);
      rehash(db, cast.seq);
    });
    const err = await refusal(dir);
    expect(err.problems).toContainEqual(expect.objectContaining({ stream: MEETING, reason: expect.stringContaining('re-hashed') }));
    expect(err.message).toMatch(new RegExp(`${MEETING}, seq \\d+: row hash`));
    // npm run verify says the same, from the data folder's signed checkpoints.
    const cli = spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', dir], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(new RegExp(`BROKEN: ${MEETING}, seq \\d+: row hash .* \\(the chain was re-hashed\\)`));
    rmSync(dir, { recursive: true, force: true });
  });

  it('the last rows deleted (the vote reopened): truncation against the signed checkpoint, naming where the log ends', async () => {
    const dir = tamperedCopy((db) => {
      const closed = rows(db).find((r) => r.type === 'VoteClosed')!;
      db.prepare('DELETE FROM events WHERE stream = ? AND seq >= ?').run(MEETING, closed.seq);
      db.prepare('DELETE FROM snapshots').run();
    });
    const err = await refusal(dir);
    expect(err.problems[0]!.reason).toMatch(/the log ends at seq \d+, a signed checkpoint says \d+ \(rows were deleted\)/);
    const cli = spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', dir], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(new RegExp(`BROKEN: ${MEETING}, seq \\d+: the log ends at seq \\d+`));
    rmSync(dir, { recursive: true, force: true });
  });

  it('every event of the meeting deleted → refused, naming the meeting', async () => {
    const dir = tamperedCopy((db) => {
      db.prepare('DELETE FROM events WHERE stream = ?').run(MEETING);
      db.prepare('DELETE FROM snapshots').run();
    });
    const err = await refusal(dir);
    expect(err.problems.map((p) => p.stream)).toContain(MEETING);
    expect(err.message).toMatch(/deleted/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('F12: a time that goes backwards in the stored log (VoteClosed 2 days before the vote opened, re-hashed) → verify names stream and seq', async () => {
    let closedSeq = 0;
    const dir = tamperedCopy((db) => {
      const closed = rows(db).find((r) => r.type === 'VoteClosed')!;
      closedSeq = closed.seq;
      const at = new Date(Date.parse(closed.at) - 2 * 86_400_000).toISOString();
      db.prepare('UPDATE events SET at = ?, json = ? WHERE rowid = ?').run(at, closed.json.replace(`"at":"${closed.at}"`, `"at":"${at}"`), closed.rowid);
      rehash(db, closed.seq);
    });
    const report = await verifyDatabase(dbFile(dir));
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ stream: MEETING, seq: closedSeq, reason: expect.stringContaining('earlier than the previous event') });
    rmSync(dir, { recursive: true, force: true });
  });

  it('command_keys: a stored payload hash edited → refused, naming the row its key is chained to', async () => {
    let seq = 0;
    const dir = tamperedCopy((db) => {
      const k = db.prepare('SELECT key, seq FROM command_keys WHERE stream = ? AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1').get(MEETING) as { key: string; seq: number };
      seq = k.seq;
      db.prepare('UPDATE command_keys SET payload_hash = ? WHERE stream = ? AND key = ?').run('0'.repeat(64), MEETING, k.key);
    });
    const err = await refusal(dir);
    expect(err.problems[0]).toMatchObject({ stream: MEETING, seq, reason: expect.stringContaining('command key') });
    expect((await verifyDatabase(dbFile(dir))).failure).toMatchObject({ stream: MEETING, seq });
    rmSync(dir, { recursive: true, force: true });
  });

  it('command_keys: a chained key deleted (so a retry would count again) → verify names the row', async () => {
    let seq = 0;
    const dir = tamperedCopy((db) => {
      const k = db.prepare("SELECT key, seq FROM command_keys WHERE stream = ? AND seq IS NOT NULL AND response_json LIKE '%VoteCast%' LIMIT 1").get(MEETING) as { key: string; seq: number };
      seq = k.seq;
      db.prepare('DELETE FROM command_keys WHERE stream = ? AND key = ?').run(MEETING, k.key);
    });
    const report = await verifyDatabase(dbFile(dir));
    expect(report.failure).toMatchObject({ stream: MEETING, seq, reason: expect.stringContaining('command key') });
    rmSync(dir, { recursive: true, force: true });
  });

  it('snapshots.state_json edited (an item\'s title forged, the version kept): discarded at start, the true title served, verify names stream and seq', async () => {
    let seq = 0;
    const dir = tamperedCopy((db) => {
      const snap = db.prepare('SELECT seq, state_json FROM snapshots WHERE stream = ?').get(MEETING) as { seq: number; state_json: string };
      seq = snap.seq;
      const state = JSON.parse(snap.state_json) as { agenda: { id: string; title: string }[] };
      state.agenda.find((i) => i.id === 'top-2a')!.title = 'Gefälschter Titel';
      db.prepare('UPDATE snapshots SET state_json = ? WHERE stream = ?').run(JSON.stringify(state), MEETING);
    });
    const report = await verifyDatabase(dbFile(dir));
    expect(report.ok).toBe(true); // the log itself is intact
    expect(report.snapshots).toEqual([{ stream: MEETING, seq, reason: expect.stringMatching(/state\.agenda\[\d+\]\.title/) }]);
    const cli = spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', dir], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`BROKEN: snapshot of ${MEETING} at seq ${seq}`);

    const s = await start(dir);
    try {
      expect(s.discardedSnapshots).toEqual([expect.objectContaining({ stream: MEETING, seq })]);
      expect(await s.stores.events.latestSnapshot(MEETING)).toBeNull();
      // What a participant joining gets is the log's title, not the forged one.
      const inv = await s.invitations.create(MEETING, { role: 'chair', participantId: 'p-chair', label: 'Vorsitz' });
      const chair = await login(s, inv);
      const joined = await joinMeeting(chair);
      const served = JSON.stringify(joined);
      expect(served).not.toContain('Gefälschter Titel');
      expect((await s.registry.get(MEETING))!.current.agenda.find((i) => i.id === 'top-2a')!.title).not.toBe('Gefälschter Titel');
      chair.disconnect();
    } finally { await s.close(); }
    rmSync(dir, { recursive: true, force: true });
  });

  it('unparseable event JSON → a clear message naming the row, not a bare SyntaxError', async () => {
    const dir = tamperedCopy((db) => {
      const r = rows(db)[3]!;
      db.prepare('UPDATE events SET json = ? WHERE rowid = ?').run('{"type": "CheckedIn", ', r.rowid);
    });
    const err = await refusal(dir);
    expect(err.name).toBe('TamperedLogError');
    expect(err.problems[0]).toMatchObject({ stream: MEETING, seq: 4 });
    rmSync(dir, { recursive: true, force: true });
  });

  it('READ_ONLY_ON_TAMPER=1: the meeting is served read-only: joins work, every command → log.tampered', async () => {
    const dir = tamperedCopy((db) => {
      const last = rows(db).at(-1)!;
      db.prepare('DELETE FROM events WHERE rowid = ?').run(last.rowid);
      db.prepare('DELETE FROM snapshots').run();
    });
    const s = await start(dir, true);
    try {
      const chair = await login(s, s.demoLinks?.find((l) => l.role === 'chair') ?? { url: '' }).catch(() => null);
      // The demo links were printed on the first start only; a new invitation for the chair:
      const inv = await s.invitations.create(MEETING, { role: 'chair', participantId: 'p-chair', label: 'Vorsitz' });
      const c = chair ?? await login(s, inv);
      const res = await send(c, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-5', paragraph: null } });
      expect(res).toEqual({ error: { code: 'log.tampered' } });
      c.disconnect();
    } finally { await s.close(); }
    rmSync(dir, { recursive: true, force: true });
  });
});

interface InvitationRow { rowid: number; id: string; role: string; participant_id: string | null; label: string; revoked_at: string | null }
const invitationWhere = (db: Database.Database, where: string) => db.prepare(`SELECT rowid, * FROM invitations WHERE ${where} ORDER BY rowid LIMIT 1`).get() as InvitationRow;
const verifyCli = (dir: string) => spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', dir], { encoding: 'utf8' });

describe('F4: invitations and sessions are chained: an edited, deleted or inserted row is not served; verify names the invitation', () => {
  it('a delegate\'s invitation made the office\'s → refused at start, naming the invitation, the column and both values', async () => {
    let inv!: InvitationRow;
    const dir = tamperedCopy((db) => {
      inv = invitationWhere(db, "role = 'delegate'");
      db.prepare("UPDATE invitations SET role = 'office' WHERE id = ?").run(inv.id);
    });
    const err = await refusal(dir);
    expect(err.problems).toEqual([expect.objectContaining({
      stream: 'invitations:all', reason: expect.stringMatching(new RegExp(`invitation ${inv.id} \\(delegate .*: role is "office" in the invitations table, "delegate" in the chain \\(edited\\)`)),
    })]);
    expect(err.problems[0]!.seq).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('npm run verify names each: a Land moved (participant), a revoked invitation un-revoked, one deleted, one inserted, a session inserted', async () => {
    let moved!: InvitationRow; let unrevoked!: InvitationRow; let deleted!: InvitationRow;
    const dir = tamperedCopy((db) => {
      moved = invitationWhere(db, "role = 'delegate'");
      unrevoked = invitationWhere(db, 'revoked_at IS NOT NULL');
      deleted = invitationWhere(db, "role = 'delegate' AND id <> '" + moved.id + "'");
      db.prepare('UPDATE invitations SET participant_id = ? WHERE id = ?').run('p-BY-member', moved.id);
      db.prepare('UPDATE invitations SET revoked_at = NULL WHERE id = ?').run(unrevoked.id);
      db.prepare('DELETE FROM sessions WHERE invitation_id = ?').run(deleted.id);
      db.prepare('DELETE FROM invitations WHERE id = ?').run(deleted.id);
      // An office invitation whose secret the attacker knows, and a session for it.
      db.prepare("INSERT INTO invitations (id, meeting_id, role, participant_id, label, token_hash, created_at, scope) VALUES ('inv-forged', ?, 'office', NULL, 'Geschäftsstelle', ?, ?, 'meeting')")
        .run(MEETING, 'f'.repeat(64), new Date().toISOString());
      db.prepare("INSERT INTO sessions (id_hash, invitation_id, created_at) VALUES (?, 'inv-forged', ?)").run('e'.repeat(64), new Date().toISOString());
    });
    const cli = verifyCli(dir);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(new RegExp(`BROKEN: invitations:all, seq \\d+: invitation ${moved.id} .*: participantId is "p-BY-member" in the invitations table, "${moved.participant_id}" in the chain \\(edited\\)`));
    expect(cli.stdout).toMatch(new RegExp(`BROKEN: invitations:all, seq \\d+: invitation ${unrevoked.id} .*: revokedAt is none in the invitations table, "${unrevoked.revoked_at}" in the chain \\(edited\\)`));
    expect(cli.stdout).toMatch(new RegExp(`BROKEN: invitations:all, seq \\d+: invitation ${deleted.id} .* is in the chain but not in the invitations table \\(deleted\\)`));
    expect(cli.stdout).toContain('BROKEN: invitations:all, seq 0: invitation inv-forged (office, "Geschäftsstelle") is in the invitations table but not in the chain (inserted)');
    expect(cli.stdout).toContain('BROKEN: invitations:all, seq 0: session eeeeeeeeeeee… of invitation inv-forged is in the sessions table but not among the chain\'s open sessions');
    rmSync(dir, { recursive: true, force: true });
  });

  it('a session moved to the office\'s invitation → refused, naming the session and the invitation the chain has it for', async () => {
    let from = '';
    const dir = tamperedCopy((db) => {
      const session = db.prepare("SELECT s.id_hash, s.invitation_id FROM sessions s JOIN invitations i ON i.id = s.invitation_id WHERE i.role = 'delegate' LIMIT 1").get() as { id_hash: string; invitation_id: string };
      from = session.invitation_id;
      const office = invitationWhere(db, "role = 'office'");
      db.prepare('UPDATE sessions SET invitation_id = ? WHERE id_hash = ?').run(office.id, session.id_hash);
    });
    const err = await refusal(dir);
    expect(err.message).toMatch(new RegExp(`invitations:all, seq \\d+: session .* the chain has it for invitation ${from} since .* \\(edited\\)`));
    rmSync(dir, { recursive: true, force: true });
  });

  it('the last invitation changes deleted with their chained rows (table and chain agree again) → the signed checkpoint of invitations:all', async () => {
    const dir = tamperedCopy((db) => {
      // Undo the revocation in both places: the table and the chain's last row.
      const last = db.prepare("SELECT seq, json FROM events WHERE stream = 'invitations:all' ORDER BY seq DESC LIMIT 1").get() as { seq: number; json: string };
      expect(JSON.parse(last.json)).toMatchObject({ type: 'InvitationRevoked' });
      const { id } = JSON.parse(last.json) as { id: string };
      db.prepare("DELETE FROM events WHERE stream = 'invitations:all' AND seq = ?").run(last.seq);
      db.prepare('UPDATE invitations SET revoked_at = NULL WHERE id = ?').run(id);
    });
    const err = await refusal(dir);
    expect(err.problems).toEqual([expect.objectContaining({ stream: 'invitations:all', reason: expect.stringMatching(/the log ends at seq \d+, a signed checkpoint says \d+ \(rows were deleted\)/) })]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('READ_ONLY_ON_TAMPER=1 with an edited invitation: every meeting is served read-only (who may act is in doubt)', async () => {
    const dir = tamperedCopy((db) => {
      db.prepare("UPDATE invitations SET label = 'Umbenannt' WHERE id = ?").run(invitationWhere(db, "role = 'guest'").id);
    });
    const s = await start(dir, true);
    try {
      const c = await login(s, await s.invitations.create(MEETING, { role: 'chair', participantId: 'p-chair', label: 'Vorsitz' }));
      const res = await send(c, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-5', paragraph: null } });
      expect(res).toEqual({ error: { code: 'log.tampered' } });
      c.disconnect();
    } finally { await s.close(); }
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('F4: the key of a command that appended nothing is signed into the checkpoints (it has no row to be chained to)', () => {
  const noOpKey = (db: Database.Database) => db.prepare('SELECT stream, seq, response_json FROM command_keys WHERE key = ?').get(NO_OP_KEY) as { stream: string; seq: number | null; response_json: string };

  it('deleted (a retry would be decided again) → refused at start, naming stream and key; npm run verify says the same', async () => {
    const dir = tamperedCopy((db) => {
      expect(noOpKey(db)).toMatchObject({ stream: `conference:${CONFERENCE_ID}`, seq: null });
      db.prepare('DELETE FROM command_keys WHERE key = ?').run(NO_OP_KEY);
    });
    const err = await refusal(dir);
    expect(err.problems).toEqual([expect.objectContaining({
      stream: `conference:${CONFERENCE_ID}`, reason: `command key ${NO_OP_KEY} (a command answered at seq ${err.problems[0]!.seq} that appended nothing) is signed but not in command_keys (deleted)`,
    })]);
    const cli = verifyCli(dir);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`BROKEN: conference:${CONFERENCE_ID}, seq ${err.problems[0]!.seq}: command key ${NO_OP_KEY}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('its stored answer edited (a retry would get a forged receipt) → refused at start, naming stream and key', async () => {
    const dir = tamperedCopy((db) => {
      const answer = JSON.parse(noOpKey(db).response_json) as { seq: number };
      db.prepare('UPDATE command_keys SET response_json = ? WHERE key = ?').run(JSON.stringify({ ...answer, seq: answer.seq + 1 }), NO_OP_KEY);
    });
    const err = await refusal(dir);
    expect(err.problems).toEqual([expect.objectContaining({ stream: `conference:${CONFERENCE_ID}`, reason: expect.stringMatching(new RegExp(`command key ${NO_OP_KEY} .*\\(edited\\)`)) })]);
    rmSync(dir, { recursive: true, force: true });
  });
});

