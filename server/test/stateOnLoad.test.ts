import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_MEETING_ID, DMK_PROFILE, MEETING_STATE_VERSION, type MeetingState } from '@plenum/shared';
import { createLogger } from '../src/log.ts';
import { MEETING_KIND } from '../src/meeting/kind.ts';
import { SNAPSHOT_SCHEMA_VERSION } from '../src/pipeline/snapshots.ts';
import { CorruptEventError } from '../src/pipeline/stored-events.ts';
import { StreamRuntime } from '../src/pipeline/stream-runtime.ts';
import { openSqliteStores } from '../src/store/sqlite-store.ts';
import { startTestServer } from './helpers.ts';

/** Load the demo meeting from the data folder as the server does on start. */
async function load(file: string) {
  const stores = openSqliteStores(file);
  try {
    return await StreamRuntime.load(MEETING_KIND, DEMO_MEETING_ID, stores.events, DMK_PROFILE, createLogger('silent'));
  } finally {
    await stores.close();
  }
}

describe('state on load: snapshots are versioned, events are parsed', () => {
  let dir: string;
  let file: string;
  let truth: MeetingState;

  beforeAll(async () => {
    const server = await startTestServer();
    dir = server.dataDir;
    file = join(dir, 'plenum.sqlite');
    truth = (await server.registry.get(DEMO_MEETING_ID))!.current;
    await server.stop(false);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const writeSnapshot = (stateJson: string, stateVersion: number, schemaVersion = SNAPSHOT_SCHEMA_VERSION) => {
    const db = new Database(file);
    db.prepare('INSERT OR REPLACE INTO snapshots (stream, seq, state_json, state_version, schema_version) VALUES (?, ?, ?, ?, ?)')
      .run(DEMO_MEETING_ID, truth.seq, stateJson, stateVersion, schemaVersion);
    db.close();
  };
  const marked = () => JSON.stringify({ ...truth, session: { ...truth.session!, title: 'from the snapshot' } });

  it('a snapshot with the current state and schema version is used (no replay before its seq)', async () => {
    writeSnapshot(marked(), MEETING_STATE_VERSION);
    expect((await load(file)).current.session?.title).toBe('from the snapshot');
  });

  it('a snapshot with another state version is discarded and the state rebuilt by replay', async () => {
    writeSnapshot(marked(), MEETING_STATE_VERSION + 1);
    const rt = await load(file);
    expect(rt.current).toEqual(truth);
    writeSnapshot(marked(), 0);
    expect((await load(file)).current).toEqual(truth);
  });

  it('a snapshot with another record format is discarded', async () => {
    writeSnapshot(marked(), MEETING_STATE_VERSION, SNAPSHOT_SCHEMA_VERSION + 1);
    expect((await load(file)).current).toEqual(truth);
  });

  it('an unparseable snapshot is discarded, not a crash', async () => {
    writeSnapshot('{"seq": 3, "participa', MEETING_STATE_VERSION);
    expect((await load(file)).current).toEqual(truth);
    writeSnapshot('42', MEETING_STATE_VERSION);
    expect((await load(file)).current).toEqual(truth);
  });

  it('an event row that is not JSON, or not a valid event, stops the load with an error naming stream and seq', async () => {
    writeSnapshot('null', 0);
    const db = new Database(file);
    const original = (db.prepare('SELECT json FROM events WHERE stream = ? AND seq = 5').get(DEMO_MEETING_ID) as { json: string }).json;
    db.prepare('UPDATE events SET json = ? WHERE stream = ? AND seq = 5').run('{"type":"SessionScheduled",', DEMO_MEETING_ID);
    db.close();
    await expect(load(file)).rejects.toThrow(CorruptEventError);
    await expect(load(file)).rejects.toThrow(`stream ${DEMO_MEETING_ID}, seq 5: event json does not parse`);

    const again = new Database(file);
    again.prepare('UPDATE events SET json = ? WHERE stream = ? AND seq = 5').run(original.replace('"type":"', '"type":"Forged'), DEMO_MEETING_ID);
    again.close();
    await expect(load(file)).rejects.toThrow(`stream ${DEMO_MEETING_ID}, seq 5: event does not match the meeting event schema`);
  });
});
