import { DMK_PROFILE, demoCommands, demoParticipantId, type Command } from '../../shared/src/index.ts';
import { ActorClient } from '../lib/actor.ts';
import type { Redeemed } from './plenum.ts';

export interface OfficeSession {
  meetingId: string;
  /** Invitation tokens the office created for this session (redeemed over HTTP by the bench, as a browser would). */
  chair: string;
  delegates: { land: string; token: string }[];
}

/** The item every bench session votes on: the demo's proposal TOP 2 a, added by the office under the same id. */
const BENCH_ITEM_ID = 'top-2a';

/** Runs `f` over `items` with at most `limit` at a time. */
export async function mapLimit<T, R>(items: T[], limit: number, f: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) { const i = next++; out[i] = await f(items[i]!, i); }
  }));
  return out;
}

/**
 * Many sessions as the office creates them, through the running server's conference API:
 * `createSession` (POST /api/between/conference/dmk: a regular session, one a week through 2027,
 * so each gets its chair from its date, its roster carried over and its two standing items, R-AGD-5),
 * the proposal the bench votes on added to its agenda over the office's socket (`addAgendaItem`),
 * and an invitation for its chair and each Land's member (POST /api/meetings/:id/invitations,
 * 17 per session). `office` is the conference office's redeemed link (the demo prints it).
 */
export async function createSessionsAsOffice(url: string, office: Redeemed, count: number): Promise<OfficeSession[]> {
  const headers = { cookie: office.cookie, origin: url, 'content-type': 'application/json' };
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const json = await res.json().catch(() => null) as T & { error?: { code: string } };
    if (!res.ok || json?.error) throw new Error(`office ${path}: ${res.status} ${JSON.stringify(json?.error ?? json)}`);
    return json;
  };
  const item = demoCommands().find((c): c is Extract<Command, { type: 'addAgendaItem' }> => c.type === 'addAgendaItem' && c.itemId === BENCH_ITEM_ID);
  if (!item) throw new Error(`the demo has no item ${BENCH_ITEM_ID}`);
  const ids = Array.from({ length: count }, (_, k) => `bench-${String(k + 1).padStart(3, '0')}`);
  // One conference stream: created one after another, as an office would.
  for (const [k, sessionId] of ids.entries()) {
    const date = new Date(Date.UTC(2027, 0, 4 + 7 * k)).toISOString().slice(0, 10);
    await post('/api/between/conference/dmk', {
      command: { type: 'createSession', sessionId, kind: 'regular', basis: 'schedule', title: `${k + 1}. Lastprobe`, date, startTime: '10:00', place: 'Berlin', format: 'room' },
      key: `bench-create-${sessionId}`,
    });
  }
  return mapLimit(ids, 4, async (meetingId) => {
    const desk = await ActorClient.connect({ url, meetingId, headers: { cookie: office.cookie, origin: url }, label: `office-${meetingId}` });
    try {
      await desk.must({ ...item, item: { ...item.item, number: 'TOP 3' } });
    } finally {
      desk.close();
    }
    const invite = (role: string, participantId: string, label: string) =>
      post<{ token: string }>(`/api/meetings/${meetingId}/invitations`, { role, participantId, label }).then((r) => r.token);
    const chair = await invite('chair', demoParticipantId.chair, 'Vorsitz');
    const delegates = [];
    for (const { code } of DMK_PROFILE.lands) delegates.push({ land: code, token: await invite('delegate', demoParticipantId.member(code), code) });
    return { meetingId, chair, delegates };
  });
}
