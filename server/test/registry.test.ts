import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DMK_PROFILE } from '@plenum/shared';
import { openSqliteStores } from '../src/store/sqlite-store.ts';
import { MeetingRegistry } from '../src/meeting/registry.ts';
import { createLogger } from '../src/log.ts';
import { tmpDataDir } from './helpers.ts';

describe('meeting registry: one runtime (one command queue) per meeting', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => { for (const fn of cleanup.splice(0)) await fn(); });

  async function freshRegistry(...meetings: string[]) {
    const dir = tmpDataDir();
    const stores = openSqliteStores(join(dir, 'plenum.sqlite'));
    cleanup.push(async () => { await stores.close(); rmSync(dir, { recursive: true, force: true }); });
    for (const id of meetings) await stores.meetings.createMeeting(id, new Date().toISOString());
    return new MeetingRegistry(stores.meetings, stores.events, DMK_PROFILE, createLogger('silent'), () => {});
  }

  it('two get() in the same tick, before the meetings were read, share one runtime', async () => {
    const registry = await freshRegistry('m1');
    const [a, b, c] = await Promise.all([registry.get('m1'), registry.get('m1'), registry.get('m1')]);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(await registry.get('m1')).toBe(a);
  });

  it('an unknown meeting is null, and create() then makes it known with a single runtime', async () => {
    const registry = await freshRegistry('m1');
    const [none, created] = await Promise.all([registry.get('m2'), registry.create('m2')]);
    expect(none === null || none === created).toBe(true);
    expect(await registry.get('m2')).toBe(created);
  });
});
