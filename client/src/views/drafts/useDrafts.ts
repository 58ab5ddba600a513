import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { DraftState, ErrorPayload } from '@plenum/shared';
import { postBetween } from '../../betweenApi.ts';

export interface DraftRow { id: string; seq: number; state: DraftState }
interface DraftChanged { kind: string; id: string; seq: number; state: unknown; types: string[] }

/**
 * All drafts, kept live: loaded once over HTTP, then every 'draft:changed' from the server replaces
 * the draft it names (a newer seq only, so a late reply never overwrites a newer state).
 * `onChange` hears each change (the Land's notifications).
 */
export function useDrafts(onChange?: (row: DraftRow, previous: DraftRow | undefined, types: string[]) => void) {
  const [rows, setRows] = useState<Record<string, DraftRow>>({});
  const [live, setLive] = useState(false);
  const latest = useRef(rows);
  latest.current = rows;
  const changed = useRef(onChange);
  changed.current = onChange;

  const put = useCallback((row: DraftRow, types: string[] = []) => {
    const previous = latest.current[row.id];
    if (previous && previous.seq >= row.seq) return;
    latest.current = { ...latest.current, [row.id]: row };
    setRows(latest.current);
    if (types.length) changed.current?.(row, previous, types);
  }, []);

  useEffect(() => {
    let active = true;
    void fetch('/api/between/draft', { credentials: 'same-origin' })
      .then((res) => (res.ok ? res.json() : []))
      .then((body: unknown) => {
        if (!active || !Array.isArray(body)) return;
        for (const r of body as DraftRow[]) if (typeof r?.id === 'string' && r.state?.draftId) put(r);
      })
      .catch(() => undefined);
    const socket: Socket = io({ withCredentials: true, transports: ['websocket', 'polling'], reconnectionDelay: 500, reconnectionDelayMax: 5000 });
    socket.on('connect', () => setLive(true));
    socket.on('disconnect', () => setLive(false));
    socket.on('draft:changed', (c: DraftChanged) => {
      if (c.kind === 'draft' && typeof c.id === 'string') put({ id: c.id, seq: c.seq, state: c.state as DraftState }, c.types);
    });
    return () => { active = false; socket.disconnect(); };
  }, [put]);

  /** Send a draft command; the answer's state is applied at once (the broadcast may come later). */
  const act = useCallback(async (id: string, command: unknown): Promise<ErrorPayload | null> => {
    const answer = await postBetween<DraftState>('draft', id, command);
    if ('error' in answer) return answer.error;
    const seq = (answer.data as { seq?: number }).seq;
    if (typeof seq === 'number') put({ id, seq, state: answer.data.state });
    return null;
  }, [put]);

  return { rows: Object.values(rows).sort((a, b) => a.state.title.localeCompare(b.state.title, 'de')), byId: rows, live, act };
}
