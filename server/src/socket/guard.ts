import type { ErrorPayload } from '@plenum/shared';
import type { Metrics } from '../http/metrics.ts';
import type { PersonLimits } from './person-limits.ts';
import type { PlenumSocket } from './types.ts';

interface EnginePacket { type: string; data?: string | Buffer }

/** A refusal to the message's ack callback if it has one, else as 'meeting:error'. */
function refuse(socket: PlenumSocket, ack: unknown, code: ErrorPayload['code']) {
  if (typeof ack === 'function') (ack as (res: { error: ErrorPayload }) => void)({ error: { code } });
  else socket.emit('meeting:error', { code });
}

/**
 * The person's limits on one socket, registered before the message handlers:
 * - bytes are counted as each frame arrives, before Socket.IO parses it; a person over their byte
 *   budget is told `rate.bytes` and this socket is closed at once (closing removes the parser, so
 *   the frame that overran the budget is not parsed either);
 * - each message then draws on the person's shared allowance (and joins and resyncs on the
 *   snapshot allowance); a refused one is answered `rate.limited` and never reaches a handler.
 */
export function guardSocket(socket: PlenumSocket, limits: PersonLimits, metrics: Metrics, readOnly: (meetingId: string) => boolean = () => false) {
  const person = socket.data.personKey;
  socket.conn.on('packet', (packet: EnginePacket) => {
    if (packet.type !== 'message' || socket.disconnected) return;
    const size = typeof packet.data === 'string' ? packet.data.length : (packet.data?.byteLength ?? 0);
    if (limits.takeBytes(person, size)) return;
    metrics.command(true);
    socket.emit('meeting:error', { code: 'rate.bytes' });
    socket.disconnect(true);
  });
  socket.use(([event, ...args], next) => {
    // A log that did not verify at start and is served read-only (READ_ONLY_ON_TAMPER=1).
    const meetingId = (args[0] as { meetingId?: unknown } | undefined)?.meetingId;
    if (event === 'meeting:command' && typeof meetingId === 'string' && readOnly(meetingId)) {
      metrics.command(true);
      return refuse(socket, args.at(-1), 'log.tampered');
    }
    void limits.takeMessage(person, String(event)).then((refusal) => {
      if (!refusal) return next();
      metrics.command(true);
      refuse(socket, args.at(-1), refusal);
    });
  });
}
