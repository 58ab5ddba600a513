import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { MAX_MESSAGE_BYTES } from '../../shared/src/protocol.ts';

/**
 * The baseline: plain Socket.IO 4.8 with default options, no store, no rules, no auth. It answers
 * the same wire names as Plenum (meeting:join, meeting:command → ack, meeting:events broadcast)
 * and broadcasts an envelope shaped like Plenum's VoteCast broadcast, padded to the same size
 * (BARE_PAYLOAD_BYTES), first to the staff room (chair, screen, delegates), then to followers.
 */
const meetingId = process.env.BARE_MEETING_ID ?? 'dmk-2024-1';
const targetBytes = Number(process.env.BARE_PAYLOAD_BYTES ?? 0);
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
  return { envelope, msg };
}

io.on('connection', (socket) => {
  const role = (socket.handshake.auth as { role?: string })?.role === 'staff' ? 'staff' : 'followers';
  socket.on('meeting:join', (_req: unknown, ack: (r: unknown) => void) => {
    void socket.join(role);
    if (typeof ack === 'function') {
      ack({ data: { meetingId, role: role === 'staff' ? 'delegate' : 'public', participantId: null, serverTime: new Date().toISOString(), catchUp: { kind: 'events', events: [] } } });
    }
  });
  socket.on('meeting:command', (req: { command?: Record<string, string> }, ack: (r: unknown) => void) => {
    const { envelope, msg } = broadcastFor(req?.command ?? {});
    if (typeof ack === 'function') ack({ data: { seq: envelope.seq, events: [envelope], duplicate: false } });
    io.to('staff').emit('meeting:events', msg);
    io.to('followers').emit('meeting:events', msg);
  });
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`BARE_READY port=${port}`);
});

for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => { io.close(); process.exit(0); });
