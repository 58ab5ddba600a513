import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { MAX_MESSAGE_BYTES } from '../../shared/src/protocol.ts';

/**
 * The baseline: plain Socket.IO 4.8 with default options, no store, no rules, no auth. It answers
 * the same wire names as Plenum (meeting:join, meeting:command → ack) and sends, per command, what
 * Plenum sends for it: to the staff room (chair, screen, delegates) a 'meeting:events' envelope
 * shaped like Plenum's VoteCast broadcast, padded to its size (BARE_PAYLOAD_BYTES); to the
 * followers a 'meeting:public' picture with the seq, padded to the size of Plenum's public
 * projection (BARE_FOLLOWER_BYTES). One picture per command, each emitted to the whole room at
 * once: what a plain Socket.IO server does for the same delivered picture.
 */
const meetingId = process.env.BARE_MEETING_ID ?? 'dmk-2024-1';
const targetBytes = Number(process.env.BARE_PAYLOAD_BYTES ?? 0);
const followerBytes = Number(process.env.BARE_FOLLOWER_BYTES ?? 0);
const HASH = 'f'.repeat(64);

const http = createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'text/plain' }).end('ok');
});
const io = new Server(http, { maxHttpBufferSize: MAX_MESSAGE_BYTES });

let seq = 0;

function broadcastFor(command: { voteId?: string; land?: string; choice?: string }) {
  seq += 1;
  const at = new Date().toISOString();
  const envelope = {
    seq, at, hash: HASH,
    event: {
      type: 'VoteCast', at, by: { role: 'delegate', participantId: `rep-${command.land ?? 'BW'}-member` },
      voteId: command.voteId ?? 'vote-1', land: command.land ?? 'BW', choice: command.choice ?? 'yes',
      castBy: command.land ?? 'BW', participantId: `rep-${command.land ?? 'BW'}-member`, conflict: false,
    } as Record<string, unknown>,
  };
  const msg = { meetingId, events: [envelope], serverTime: at };
  const missing = targetBytes - Buffer.byteLength(JSON.stringify(msg));
  if (missing >= 10) envelope.event.pad = 'x'.repeat(missing - 10); // `,"pad":""` is 10 bytes
  else if (missing > 0) envelope.event.participantId = `${String(envelope.event.participantId)}${'x'.repeat(missing)}`;
  return { envelope, msg, picture: pictureFor(seq, at) };
}

/** The followers' picture: the seq and padding up to the byte size of Plenum's projection message. */
function pictureFor(pictureSeq: number, at: string) {
  const picture = { meetingId, projection: { meetingId, seq: pictureSeq, at, pad: '' } };
  // The Socket.IO packet as it travels: 2["meeting:public",<json>]
  const missing = followerBytes - Buffer.byteLength(JSON.stringify(['meeting:public', picture])) - 1;
  if (missing > 0) picture.projection.pad = 'x'.repeat(missing);
  return picture;
}

io.on('connection', (socket) => {
  const role = (socket.handshake.auth as { role?: string })?.role === 'staff' ? 'staff' : 'followers';
  socket.on('meeting:join', (_req: unknown, ack: (r: unknown) => void) => {
    void socket.join(role);
    if (typeof ack === 'function') {
      const catchUp = role === 'staff' ? { kind: 'events', events: [] } : { kind: 'public', projection: pictureFor(seq, new Date().toISOString()).projection };
      ack({ data: { meetingId, role: role === 'staff' ? 'delegate' : 'public', participantId: null, serverTime: new Date().toISOString(), catchUp } });
    }
  });
  socket.on('meeting:command', (req: { command?: Record<string, string> }, ack: (r: unknown) => void) => {
    const { envelope, msg, picture } = broadcastFor(req?.command ?? {});
    if (typeof ack === 'function') ack({ data: { seq: envelope.seq, events: [envelope], duplicate: false } });
    io.to('staff').emit('meeting:events', msg);
    io.to('followers').emit('meeting:public', picture);
  });
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`BARE_READY port=${port}`);
});

for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => { io.close(); process.exit(0); });
