import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { textFrame, writeFollowerFrame } from '../../server/src/socket/follower-fanout.ts';

/**
 * What one follower write costs the server, by how the frame is written (the fan-out's inner
 * loop, server/src/socket/follower-fanout.ts). N Socket.IO clients in a child process; the server
 * writes one ~0.8 KB picture to each of them, rounds alternating between the ways, and the
 * server's own CPU time (user + system, the write completions included: a round ends when the
 * child has received every picture) is divided by N.
 *
 * `node --import tsx bench/micro/fanout-write.ts [followers] [rounds]`
 */
const followers = Number(process.argv[2] ?? 4000);
const rounds = Number(process.argv[3] ?? 12);

if (process.argv[2] === '--child') {
  const [url, n] = [process.argv[3]!, Number(process.argv[4])];
  let got = 0;
  let connected = 0;
  for (let i = 0; i < n; i++) {
    const s = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    s.on('connect', () => { if (++connected === n) process.send!({ ready: true }); });
    s.on('meeting:public', () => { if (++got % n === 0) process.send!({ round: got / n }); });
  }
} else {
  const http = createServer();
  const server = new Server(http, { transports: ['websocket'] });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const port = (http.address() as { port: number }).port;
  const child = fork(new URL(import.meta.url).pathname, ['--child', `http://127.0.0.1:${port}`, String(followers)], { execArgv: ['--import', 'tsx'] });
  const next = () => new Promise<void>((r) => child.once('message', () => r()));
  await next();
  const sockets = [...server.of('/').sockets.values()];
  const picture = { meetingId: 'm', projection: { seq: 0, text: 'x'.repeat(780) } };

  type Way = (s: Socket, packet: string, frame: Buffer[], single: Buffer[]) => void;
  const ways: Record<string, Way> = {
    'engine.io write, frame as [header, payload]': (s, packet, frame) => s.conn.write(packet, { wsPreEncodedFrame: frame } as never),
    'engine.io write, frame as one buffer': (s, packet, _f, single) => s.conn.write(packet, { wsPreEncodedFrame: single } as never),
    'writeFollowerFrame (the fan-out)': (s, packet, _f, single) => writeFollowerFrame(s, packet, single),
  };
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, write] of Object.entries(ways)) {
      picture.projection.seq += 1;
      const packet = server.encoder.encode({ type: 2, nsp: '/', data: ['meeting:public', picture] })[0] as string;
      const frame = textFrame(`4${packet}`);
      const single = [Buffer.concat(frame)];
      const done = next();
      const c0 = process.cpuUsage();
      for (const s of sockets) write(s, packet, frame, single);
      await done;
      const c = process.cpuUsage(c0);
      cpu[name]!.push((c.user + c.system) / followers);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${followers} followers, ${rounds} rounds, server CPU per follower write (median, µs):`);
  for (const [name, xs] of Object.entries(cpu)) console.log(`  ${median(xs).toFixed(2).padStart(6)}  ${name}`);
  child.kill();
  server.close();
}
