import {
  CallRequest, CommandRequest, cursorRefusal, errorPayload, JoinRequest, PROTOCOL_VERSION, ResyncRequest, type Ack, type ErrorPayload,
} from '@plenum/shared';
import type { Invitations } from '../auth/invitations.ts';
import type { MeetingRegistry } from '../meeting/registry.ts';
import type { MeetingRuntime } from '../meeting/kind.ts';
import { catchUp } from '../meeting/catch-up.ts';
import { followersRoom, guestItems, guestRoom, liveRoom } from '../meeting/state-view.ts';
import { inputBoundsProblem } from '../pipeline/input-bounds.ts';
import type { Metrics } from '../http/metrics.ts';
import type { Logger } from '../log.ts';
import { invitationRoom, sessionRoom, type PlenumServer, type PlenumSocket } from './types.ts';
import { RollCallRelay } from './roll-call-relay.ts';

const KNOWN_EVENTS = new Set(['meeting:join', 'meeting:command', 'meeting:resync', 'meeting:call']);

interface Deps {
  registry: MeetingRegistry;
  invitations: Invitations;
  metrics: Metrics;
  log: Logger;
  /** R-VOT-7: the roll-call cursor (one per server; tests may pass their own). */
  relay?: RollCallRelay;
}

type Reply<T> = (res: Ack<T>) => void;

/** The ack callback if the client gave one; otherwise refusals go out as 'meeting:error'. */
function replier<T>(socket: PlenumSocket, ack: unknown): Reply<T> {
  if (typeof ack === 'function') return ack as Reply<T>;
  return (res) => { if ('error' in res) socket.emit('meeting:error', res.error); };
}
const fail = (code: ErrorPayload['code'], extra: Omit<ErrorPayload, 'code'> = {}) => ({ error: { code, ...extra } });

/**
 * What is wrong with a message's shape before any handler sees it: every event takes exactly one
 * payload and, for a command, an ack (so its answer has somewhere to go); the payload must be
 * shallow and small before zod or anything else walks it.
 */
function shapeProblem(event: string, payloads: unknown[], hasAck: boolean): string | null {
  if (payloads.length !== 1) return 'arguments';
  if (event === 'meeting:command' && !hasAck) return 'ack';
  return inputBoundsProblem(payloads[0]);
}

/**
 * A socket acts in one meeting. A meeting invitation's socket has it from the handshake; a
 * conference invitation's socket takes the first of its sessions it joins (or acts in), and keeps it.
 */
async function mayEnter(socket: PlenumSocket, meetingId: string): Promise<boolean> {
  if (socket.data.meetingId !== null) return socket.data.meetingId === meetingId;
  const allowed = (await socket.data.meetings?.())?.has(meetingId) ?? false;
  if (!allowed) return false;
  // Two joins racing on one socket: the first one to get here holds it.
  socket.data.meetingId ??= meetingId;
  return socket.data.meetingId === meetingId;
}

/**
 * Who acts, checked again on every command and call: a public follower has no session to act
 * with, and a revoked invitation or a logged-out session stops acting at once even if its socket
 * is still closing. The meeting's runtime, or the refusal.
 */
async function actingIn(socket: PlenumSocket, invitations: Invitations, registry: MeetingRegistry, meetingId: string): Promise<MeetingRuntime | ErrorPayload> {
  const { actor, sessionHash } = socket.data;
  if (actor.role === 'public' || !sessionHash) return { code: 'auth.required' };
  const session = await invitations.checkHash(sessionHash);
  if (!session.ok) return { code: 'auth.revoked' };
  if (!(await mayEnter(socket, meetingId))) return { code: 'auth.forbidden' };
  return (await registry.get(meetingId)) ?? { code: 'auth.forbidden' };
}

export function registerHandlers(io: PlenumServer, deps: Deps) {
  const { registry, invitations, metrics, log } = deps;
  const relay = deps.relay ?? new RollCallRelay(() => io);

  io.on('connection', (socket) => {
    metrics.sockets += 1;
    socket.on('disconnect', () => { metrics.sockets -= 1; });
    if (socket.data.invitationId) void socket.join(invitationRoom(socket.data.invitationId));
    if (socket.data.sessionHash) void socket.join(sessionRoom(socket.data.sessionHash));

    // Every incoming message: rate limit first, then unknown events and malformed shapes are
    // answered (by the ack, or by 'meeting:error' when there is none), never ignored.
    socket.use(([event, ...args], next) => {
      const hasAck = typeof args.at(-1) === 'function';
      const reply = replier(socket, hasAck ? args.at(-1) : undefined);
      if (!socket.data.bucket.take()) {
        metrics.command(true);
        return reply(fail('rate.limited'));
      }
      if (!KNOWN_EVENTS.has(event)) {
        metrics.command(true);
        return reply(fail('command.unknown', { details: { event: String(event).slice(0, 64) } }));
      }
      const problem = shapeProblem(event, hasAck ? args.slice(0, -1) : args, hasAck);
      if (problem) {
        metrics.command(true);
        return reply(fail('command.invalid', { details: { reason: problem } }));
      }
      next();
    });

    socket.on('meeting:join', async (raw, ack) => {
      const reply = replier(socket, ack);
      try {
        const protocol = typeof raw === 'object' && raw !== null ? (raw as { protocol?: unknown }).protocol : undefined;
        if (typeof protocol === 'number' && protocol !== PROTOCOL_VERSION) {
          return reply(fail('protocol.version', { details: { expected: PROTOCOL_VERSION } }));
        }
        const req = JoinRequest.safeParse(raw);
        if (!req.success) return reply(fail('command.invalid'));
        const { actor } = socket.data;
        const isPublic = actor.role === 'public';
        if (!isPublic && !(await mayEnter(socket, req.data.meetingId))) return reply(fail('auth.forbidden'));
        const runtime = await registry.get(req.data.meetingId);
        if (!runtime) return reply(fail(isPublic ? 'session.notPublic' : 'auth.forbidden', isPublic ? { rule: 'R-SES-4' } : {}));
        // Joining the room happens inside the meeting's queue, so no broadcast falls between the
        // catch-up and the membership. Broadcasts may still reach the client before this ack:
        // clients apply envelopes by seq and ignore those they already have.
        const caughtUp = await catchUp(runtime, req.data.lastSeq, actor, () => {
          const partialGuest = actor.role === 'guest' && actor.participantId && guestItems(runtime.current, actor.participantId);
          void socket.join(isPublic ? followersRoom(runtime.id) : partialGuest ? guestRoom(runtime.id, actor.participantId!) : liveRoom(runtime.id));
        });
        if (!caughtUp) return reply(fail('session.notPublic', { rule: 'R-SES-4' }));
        reply({
          data: {
            meetingId: runtime.id, role: actor.role, participantId: actor.participantId, profile: runtime.profile,
            serverTime: new Date().toISOString(), catchUp: caughtUp,
          },
        });
        // After the ack: a roll call running now (the client clears its cursor when it joins).
        relay.sendOnJoin(socket, runtime.id, runtime.current);
      } catch (err) {
        log.error({ err }, 'meeting:join failed');
        reply(fail('internal.error'));
      }
    });

    socket.on('meeting:resync', async (raw, ack) => {
      const reply = replier(socket, ack);
      try {
        const req = ResyncRequest.safeParse(raw);
        if (!req.success) return reply(fail('command.invalid'));
        const { actor } = socket.data;
        if (actor.role !== 'public' && !(await mayEnter(socket, req.data.meetingId))) return reply(fail('auth.forbidden'));
        const runtime = await registry.get(req.data.meetingId);
        const caughtUp = runtime ? await catchUp(runtime, req.data.lastSeq, actor) : null;
        if (!caughtUp) return reply(fail(actor.role === 'public' ? 'session.notPublic' : 'auth.forbidden'));
        reply({ data: { catchUp: caughtUp, serverTime: new Date().toISOString() } });
      } catch (err) {
        log.error({ err }, 'meeting:resync failed');
        reply(fail('internal.error'));
      }
    });

    socket.on('meeting:command', async (raw, ack) => {
      const reply = replier(socket, ack);
      let refused = true;
      try {
        const req = CommandRequest.safeParse(raw);
        if (!req.success) return reply(fail('command.invalid'));
        const runtime = await actingIn(socket, invitations, registry, req.data.meetingId);
        if ('code' in runtime) return reply({ error: runtime });
        const outcome = await runtime.execute({ key: req.data.key, command: req.data.command, actor: socket.data.actor, context: {} });
        refused = 'error' in outcome.ack;
        metrics.eventsAppended += outcome.appended.length;
        reply(outcome.ack);
      } catch (err) {
        log.error({ err }, 'meeting:command failed');
        reply(fail('internal.error'));
      } finally {
        metrics.command(refused);
      }
    });

    /**
     * R-VOT-7 / R-SES-2: the chair points the room at the Land called now. Parsed, authenticated
     * and allowed like a command (cursorRefusal: chair only, session open, the round open and the
     * Land in it), but relayed, not logged; the socket's and the person's message limits bound it,
     * and the relay sends at most one per CALL_RELAY_MS per meeting.
     */
    socket.on('meeting:call', async (raw, ack) => {
      const reply = replier(socket, ack);
      try {
        const req = CallRequest.safeParse(raw);
        if (!req.success) return reply(fail('command.invalid'));
        const runtime = await actingIn(socket, invitations, registry, req.data.meetingId);
        if ('code' in runtime) return reply({ error: runtime });
        const state = runtime.current;
        const refusal = cursorRefusal(state, runtime.profile, socket.data.actor.role, req.data.cursor);
        if (refusal) return reply({ error: errorPayload(refusal) });
        const at = new Date().toISOString();
        relay.set(runtime.id, req.data.cursor && { ...req.data.cursor, at }, () => runtime.current);
        reply({ data: { at } });
      } catch (err) {
        log.error({ err }, 'meeting:call failed');
        reply(fail('internal.error'));
      }
    });
  });
}
