import type {
  Ack, CalledBroadcast, CatchUp, Command, CommandResult, ErrorPayload, EventEnvelope, EventsBroadcast, JoinResult, PublicUpdate, RollCallCursor,
} from '@plenum/shared';
import { PROTOCOL_VERSION } from '@plenum/shared/src/protocolVersion.ts';
import { applyCatchUp, applyEnvelopes, type ApplyResult } from './apply.ts';
import { newIdempotencyKey } from './key.ts';
import { emptyMeetingStoreState, itemCalledAtAfter, meetingStore, receiptKey, receiptsFrom, type PendingCommand, type VoteReceipt } from './meetingStore.ts';
import { clearPersisted, loadPersisted, sameIdentity, savePersisted, type Identity } from './persist.ts';
import type { SocketFactory, SocketLike } from './socketLike.ts';

export type SendResult = { data: CommandResult } | { error: ErrorPayload };

export interface MeetingClient {
  /** Sends a command; it stays queued until the server answers, across reconnects. */
  send(command: Command): Promise<SendResult>;
  /** Asks the server for what is missing after lastSeq. */
  resync(): void;
  /**
   * R-VOT-7 (chair): points the room at the Land called now (null: the call ended). Ephemeral:
   * not queued like a command, but the latest one is sent again after every join.
   */
  call(cursor: RollCallCursor | null): void;
  dispose(): void;
}

export interface MeetingClientOptions {
  meetingId: string;
  socketFactory: SocketFactory;
  anonymous?: boolean;
  /** Client clock, injectable for tests. */
  now?: () => Date;
}

/**
 * Owns the socket of one meeting and feeds the store. Join on every (re)connect with the last seq
 * the store has; apply catch-up, broadcasts and acks in sequence order; resend unacknowledged
 * commands with their original keys once joined again (the server answers a repeated key with its
 * first answer, so nothing is applied twice).
 */
export function createMeetingClient(options: MeetingClientOptions): MeetingClient {
  const { meetingId, socketFactory } = options;
  const now = options.now ?? (() => new Date());
  const socket: SocketLike = socketFactory({ anonymous: options.anonymous ?? false });
  const resolvers = new Map<string, (result: SendResult) => void>();
  let joined = false;
  let resyncInFlight = false;
  let disposed = false;
  /** The chair's latest roll-call cursor (undefined: she never set one here). */
  let wantedCursor: RollCallCursor | null | undefined;

  const set = meetingStore.setState;
  const stamp = () => now().toISOString();

  // After a reload: the queue (same keys) and the receipts come back from sessionStorage, tagged
  // with the identity they were made under; the join checks that identity before anything is sent.
  const held = meetingStore.getState();
  const sameMeeting = held.meetingId === null || held.meetingId === meetingId;
  // The store outlives a client within a page: a join earlier in this page is the freshest word.
  const heldIdentity: Identity | null = sameMeeting && held.role !== null ? { role: held.role, participantId: held.participantId } : null;
  const loaded = loadPersisted(meetingId);
  const saved = loaded && (heldIdentity === null || sameIdentity(heldIdentity, loaded.identity)) ? loaded : null;
  /**
   * Whose queue this is. Null until a join has succeeded in this tab: a queue of unknown identity
   * stays in memory and is never persisted, so no later page can send it as somebody else.
   */
  let identity: Identity | null = heldIdentity ?? saved?.identity ?? null;
  const heldPending = sameMeeting ? held.pending : [];
  const restored = (saved?.pending ?? []).filter((p) => !heldPending.some((h) => h.key === p.key));
  set({
    // Another meeting (the session switcher): nothing of the last one's state may stand in for
    // this one's, or its seq would ask the server for the wrong events.
    ...(sameMeeting ? {} : { ...emptyMeetingStoreState(), role: held.role, participantId: held.participantId }),
    meetingId, connection: 'reconnecting', joinError: null,
    pending: [...restored, ...heldPending],
    receipts: { ...(saved?.receipts ?? {}), ...(sameMeeting ? held.receipts : {}) },
  });
  const persist = () => {
    if (identity === null) return;
    const { pending, receipts } = meetingStore.getState();
    savePersisted(meetingId, { identity, pending, receipts });
  };
  if (identity === null) clearPersisted(meetingId);
  else persist();
  const unsubscribe = meetingStore.subscribe((next, prev) => {
    if (next.pending !== prev.pending || next.receipts !== prev.receipts) persist();
  });

  /** Drops the queue and the receipts; whoever still waits on a dropped command hears why. */
  function dropQueue(error: ErrorPayload) {
    const { pending } = meetingStore.getState();
    set({ pending: [], receipts: {} });
    for (const entry of pending) {
      resolvers.get(entry.key)?.({ error });
      resolvers.delete(entry.key);
    }
  }

  /** The server no longer knows this tab's person (signed out, invitation revoked): forget their queue. */
  function forgetOnAuthRefusal(code: ErrorPayload['code'] | undefined) {
    if (code !== 'auth.required' && code !== 'auth.revoked') return;
    identity = null;
    dropQueue({ code });
    clearPersisted(meetingId);
  }

  /** `key`: the envelopes are the ack of the command sent with it (the receipt keeps the key). */
  function withReceipts(envelopes: readonly EventEnvelope[], key?: string): Record<string, VoteReceipt> {
    const { participantId, receipts } = meetingStore.getState();
    const fresh = receiptsFrom(envelopes, participantId, key);
    if (fresh.length === 0) return receipts;
    const next = { ...receipts };
    for (const r of fresh) {
      const known = next[receiptKey(r.voteId, r.land)];
      // The broadcast of an event and the ack of its command make the same receipt: keep the key.
      next[receiptKey(r.voteId, r.land)] = known?.seq === r.seq && known.key && !r.key ? { ...r, key: known.key } : r;
    }
    return next;
  }

  /** `snapshotHash`: the head hash a snapshot catch-up named (undefined: not a snapshot). */
  function take(result: ApplyResult, snapshot = false, snapshotHash?: string) {
    const before = meetingStore.getState();
    const itemCalledAt = snapshot ? null : itemCalledAtAfter(result.applied, before.itemCalledAt);
    const headHash = result.applied.at(-1)?.hash ?? snapshotHash ?? (result.seq === before.seq ? before.headHash : null);
    set({ state: result.state, seq: result.seq, receipts: withReceipts(result.applied), lastUpdateAt: stamp(), itemCalledAt, headHash });
    if (result.gap) requestResync();
  }

  function applyIncoming(envelopes: EventEnvelope[]) {
    const { state, seq } = meetingStore.getState();
    take(applyEnvelopes({ state, seq }, envelopes));
  }

  function applyCatch(catchUp: CatchUp) {
    // A public follower: the join's projection replaces what it held (the server is the truth).
    if (catchUp.kind === 'public') {
      set({ publicView: catchUp.projection, lastUpdateAt: stamp() });
      return;
    }
    const { state, seq } = meetingStore.getState();
    // A snapshot carries no event times: what was called when is unknown unless it is where we are.
    take(applyCatchUp({ state, seq }, catchUp), catchUp.kind === 'snapshot' && catchUp.seq !== seq, catchUp.kind === 'snapshot' ? catchUp.hash : undefined);
  }

  function requestResync() {
    if (resyncInFlight || !joined) return;
    resyncInFlight = true;
    const lastSeq = meetingStore.getState().seq;
    socket.emit('meeting:resync', { meetingId, lastSeq }, (res: Ack<{ catchUp: CatchUp; serverTime: string }>) => {
      resyncInFlight = false;
      if ('data' in res) applyCatch(res.data.catchUp);
    });
  }

  function emitCommand(entry: PendingCommand) {
    // An answer that arrives late (even from an older connection) still settles it: same key.
    socket.emit('meeting:command', { meetingId, key: entry.key, command: entry.command }, (res: Ack<CommandResult>) => settle(entry.key, res));
  }

  function settle(key: string, res: Ack<CommandResult>) {
    const { pending } = meetingStore.getState();
    const resolve = resolvers.get(key);
    // Neither waited for here nor restored from before a reload: answered already.
    if (!resolve && !pending.some((p) => p.key === key)) return;
    resolvers.delete(key);
    set({ pending: pending.filter((p) => p.key !== key) });
    if ('data' in res) {
      // A repeated key is answered with the first answer: its events may be older than the
      // snapshot we joined with, so the receipts are taken from the ack itself.
      set({ receipts: withReceipts(res.data.events, key) });
      applyIncoming(res.data.events);
      resolve?.({ data: res.data });
    } else {
      resolve?.({ error: res.error });
    }
  }

  function emitCall(cursor: RollCallCursor | null) {
    // A refusal (the round just closed, the session ended) changes nothing in the room: nothing to show.
    socket.emit('meeting:call', { meetingId, cursor }, () => {});
  }

  function join() {
    const lastSeq = meetingStore.getState().seq;
    socket.emit('meeting:join', { protocol: PROTOCOL_VERSION, meetingId, lastSeq: lastSeq > 0 ? lastSeq : null }, (res: Ack<JoinResult>) => {
      if (disposed) return;
      if ('error' in res) {
        joined = false;
        set({ connection: 'offline', joinError: res.error });
        forgetOnAuthRefusal(res.error?.code);
        return;
      }
      joined = true;
      const joinedAs: Identity = { role: res.data.role, participantId: res.data.participantId };
      const someoneElse = identity !== null && !sameIdentity(identity, joinedAs);
      identity = joinedAs;
      // Another person signed in in this tab (office and chair on one laptop): the queue and the
      // receipts are not theirs to send or see. Role AND participant must match: office and
      // screen invitations have no participant.
      if (someoneElse) dropQueue({ code: 'auth.forbidden' });
      persist();
      set({
        role: res.data.role,
        participantId: res.data.participantId,
        profile: res.data.profile,
        connection: 'online',
        joinError: null,
        // The server sends a running call right after this ack; an older one may be over.
        rollCallCursor: null,
      });
      applyCatch(res.data.catchUp);
      if (wantedCursor !== undefined && res.data.role === 'chair') emitCall(wantedCursor);
      for (const entry of meetingStore.getState().pending) emitCommand(entry);
    });
  }

  /**
   * Set only by an explicit word from the server that this view is over (session:revoked, or a
   * public follower told session.notPublic): a disconnect after it is final. Every other close,
   * whatever its reason — including the 'io server disconnect' of a server shutting down for a
   * restart — is followed by a reconnect, a join with lastSeq and the resend of the queue.
   */
  let ended = false;
  const onConnect = () => join();
  const onDisconnect = (reason: string) => {
    joined = false;
    resyncInFlight = false;
    if (ended || disposed || reason === 'io client disconnect') {
      set({ connection: 'offline' });
      return;
    }
    set({ connection: 'reconnecting' });
    // socket.io retries by itself after a transport loss, but not after the server closed the
    // socket; connect() hands it back to the manager's backoff (reconnectionDelay…Max).
    if (reason === 'io server disconnect') socket.connect();
  };
  /**
   * A refusal in the handshake (e.g. auth.origin) carries its code in err.data; socket.io does not
   * retry those (socket.active is false), so the view says offline and why.
   */
  const onConnectError = (err?: { data?: { code?: ErrorPayload['code'] } }) => {
    const code = err?.data?.code;
    const gaveUp = socket.active === false;
    set({ connection: gaveUp ? 'offline' : 'reconnecting', ...(code ? { joinError: { code } } : {}) });
    forgetOnAuthRefusal(code);
  };
  /** The server's word before it ends a follower's view (R-SES-4: the session stopped being public). */
  const onMeetingError = (error: ErrorPayload) => {
    if (!error?.code) return;
    if (error.code === 'session.notPublic') ended = true;
    set({ joinError: error });
  };
  const onEvents = (msg: EventsBroadcast) => {
    if (msg.meetingId !== meetingId || !joined) return;
    applyIncoming(msg.events);
  };
  /** R-VOT-7: the Land called now; the latest relay replaces what was held. */
  const onCalled = (msg: CalledBroadcast) => {
    if (msg?.meetingId !== meetingId || !joined) return;
    set({ rollCallCursor: msg.cursor ?? null });
  };
  /** Public followers: a newer projection replaces the picture; an older or repeated one is ignored. */
  const onPublic = (msg: PublicUpdate) => {
    if (msg.meetingId !== meetingId) return;
    const held = meetingStore.getState().publicView;
    if (held && msg.projection.seq <= held.seq) return;
    set({ publicView: msg.projection, lastUpdateAt: stamp() });
  };
  const onRevoked = () => {
    ended = true;
    joined = false;
    set({ connection: 'offline', joinError: { code: 'auth.revoked' } });
    forgetOnAuthRefusal('auth.revoked');
  };
  /** F10: the holder may not know: the notice stays until dismissed. */
  const onRedeemed = (msg: { at?: unknown }) => set({ redeemedElsewhereAt: typeof msg?.at === 'string' ? msg.at : stamp() });
  // The time is the client's own: each nudge is a new value, whatever the server sent.
  const onConferenceChanged = () => set({ conferenceChangedAt: stamp() });
  const onBrowserOffline = () => set({ connection: 'offline' });
  const onBrowserOnline = () => {
    if (ended) return;
    if (!socket.connected) {
      set({ connection: 'reconnecting' });
      socket.connect();
    } else if (joined) {
      // The socket survived a short network drop (a phone's Wi-Fi flickering): we are online
      // again, and a resync fetches anything broadcast while the browser thought it was offline.
      set({ connection: 'online' });
      requestResync();
    }
  };

  // Registered and removed from one list, so dispose can never miss one.
  const socketListeners: [string, (...args: any[]) => void][] = [
    ['connect', onConnect], ['disconnect', onDisconnect], ['connect_error', onConnectError],
    ['meeting:events', onEvents], ['meeting:public', onPublic], ['session:revoked', onRevoked], ['meeting:error', onMeetingError],
    ['invitation:redeemed', onRedeemed], ['meeting:called', onCalled], ['conference:changed', onConferenceChanged],
  ];
  const windowListeners: [string, () => void][] = [['offline', onBrowserOffline], ['online', onBrowserOnline]];
  const hasWindow = typeof window !== 'undefined';
  for (const [event, listener] of socketListeners) socket.on(event, listener);
  if (hasWindow) for (const [event, listener] of windowListeners) window.addEventListener(event, listener);
  socket.connect();

  return {
    send(command) {
      const entry: PendingCommand = { key: newIdempotencyKey(), command, createdAt: stamp() };
      const result = new Promise<SendResult>((resolve) => resolvers.set(entry.key, resolve));
      set({ pending: [...meetingStore.getState().pending, entry] });
      // Not joined: it waits in the queue and goes out after the next join.
      if (joined) emitCommand(entry);
      return result;
    },
    resync: requestResync,
    call(cursor) {
      wantedCursor = cursor;
      if (joined) emitCall(cursor);
    },
    dispose() {
      disposed = true;
      unsubscribe();
      for (const [event, listener] of socketListeners) socket.off(event, listener);
      if (hasWindow) for (const [event, listener] of windowListeners) window.removeEventListener(event, listener);
      socket.disconnect();
    },
  };
}
