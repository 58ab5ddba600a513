import { DEMO_MEETING_ID, DMK_PROFILE, publicProjection, type Actor, type Command, type ErrorPayload } from '@plenum/shared';
import { connectMeeting, setSocketFactory } from '../../src/store/index.ts';
import { FakeSocket } from './fakeSocket.ts';
import { hashOf, type Meeting } from './meeting.ts';

/**
 * Serves a Meeting through a FakeSocket the way the server does: join answers with a snapshot
 * (a public follower: with the public projection, R-SES-4),
 * commands run through the shared `decide` as `actor`, the ack carries the new envelopes and the
 * same envelopes are broadcast. `refuse` makes the next commands fail with a code instead.
 */
export function serve(m: Meeting, actor: Actor, options: { answers?: Map<string, unknown> } = {}) {
  const socket = new FakeSocket();
  const commands: { key: string; command: Command }[] = [];
  /** `loseAcks`: the command is applied but its ack never arrives (connection lost, page reloaded). */
  const control = { refuse: null as ErrorPayload | null, loseAcks: false };
  // The server keeps the first answer per idempotency key and repeats it (pass one map to several serves = one server).
  const answers = options.answers ?? new Map<string, unknown>();
  socket.handlers['meeting:join'] = (_req, ack) =>
    ack({
      data: {
        meetingId: DEMO_MEETING_ID, role: actor.role, participantId: actor.participantId, profile: DMK_PROFILE,
        serverTime: new Date().toISOString(),
        catchUp: actor.role === 'public'
          ? { kind: 'public', projection: publicProjection(m.state, DMK_PROFILE) }
          : { kind: 'snapshot', seq: m.seq, hash: hashOf(m.seq), state: m.state },
      },
    });
  socket.handlers['meeting:command'] = (req, ack) => {
    commands.push({ key: req.key, command: req.command });
    const first = answers.get(req.key) as { data: object } | undefined;
    if (first) return ack({ data: { ...first.data, duplicate: true } });
    if (control.refuse) return ack({ error: control.refuse });
    let events;
    try {
      events = m.run(req.command, actor);
    } catch (err) {
      const v = (err as { violation?: ErrorPayload }).violation;
      return ack({ error: v ? { code: v.code, ...(v.rule ? { rule: v.rule } : {}), ...(v.details ? { details: v.details } : {}) } : { code: 'internal.error' } });
    }
    answers.set(req.key, { data: { seq: m.seq, events, duplicate: false } });
    if (control.loseAcks) return;
    ack({ data: { seq: m.seq, events, duplicate: false } });
    socket.fire('meeting:events', { meetingId: DEMO_MEETING_ID, events, serverTime: new Date().toISOString() });
  };
  setSocketFactory(() => socket);
  connectMeeting(DEMO_MEETING_ID);
  socket.serverConnect();
  return { socket, commands, control, answers };
}
