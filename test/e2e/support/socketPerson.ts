import { io, type Socket } from 'socket.io-client';
import type { RunningServer } from './server.ts';

type Ack = { data?: any; error?: { code: string } };
let keyCounter = 0;

export interface SocketPerson {
  socket: Socket;
  meetingId: string;
  /** Sends one command and throws on a refusal. */
  send: (command: object) => Promise<Ack>;
  close: () => void;
}

/**
 * A person at the session without a browser (a delegate whose phone is not under test): redeems the
 * invitation like the link's page does (POST with our Origin → session cookie), joins over a real
 * Socket.IO connection and sends commands as that person. `session`: one of the sessions a conference
 * invitation opens, instead of where it lands.
 */
export async function socketPerson(server: RunningServer, inviteUrl: string, session?: string): Promise<SocketPerson> {
  const res = await fetch(inviteUrl, { method: 'POST', redirect: 'manual', headers: { origin: server.baseUrl } });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const me = await (await fetch(`${server.baseUrl}/api/me`, { headers: { cookie } })).json() as { meetingId: string };
  // Where the link lands (the live or next session), or the given session of the person's conference invitation.
  const meetingId = session ?? me.meetingId;
  const socket = io(server.baseUrl, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie, origin: server.baseUrl } });
  await new Promise<void>((ok, fail) => { socket.once('connect', ok); socket.once('connect_error', fail); });
  const joined = await socket.emitWithAck('meeting:join', { protocol: 1, meetingId, lastSeq: null }) as Ack;
  if (!joined.data) throw new Error(`join refused: ${JSON.stringify(joined.error)}`);
  const send = async (command: object) => {
    const ack = await socket.emitWithAck('meeting:command', { meetingId, key: `person-${process.pid}-${Date.now().toString(36)}-${keyCounter++}`, command }) as Ack;
    if (!ack.data) throw new Error(`${JSON.stringify(command)} refused: ${JSON.stringify(ack.error)}`);
    return ack;
  };
  return { socket, meetingId, send, close: () => socket.close() };
}
