import { fileURLToPath } from 'node:url';
import { ActorClient } from '../lib/actor.ts';
import { ServerProcess } from '../lib/server-process.ts';
import type { CastSample, Live, Target } from './target.ts';

const ENTRY = fileURLToPath(new URL('../bare/server.ts', import.meta.url));
const MEETING = 'dmk-2024-1';
const LANDS = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'];

/** Plain Socket.IO: same wire names, same payload sizes (staff and followers), no rules, no store. */
export const bareTarget: Target = {
  name: 'bare',
  followerNote: 'plain Socket.IO room "followers"',
  async start({ payloadBytes, followerBytes }) {
    const server = await ServerProcess.start({
      entry: ENTRY, ready: /BARE_READY port=(\d+)/,
      env: { BARE_PAYLOAD_BYTES: String(payloadBytes ?? 0), BARE_FOLLOWER_BYTES: String(followerBytes ?? 0), BARE_MEETING_ID: MEETING },
    });
    const url = `http://127.0.0.1:${server.port}`;
    const staff = (label: string) => ActorClient.connect({ url, meetingId: MEETING, auth: { role: 'staff' }, label });
    const chair = await staff('chair');
    const screen = await staff('screen');
    const delegates = await Promise.all(LANDS.map((l) => staff(`delegate-${l}`)));
    const cast = async (k: number): Promise<CastSample> => {
      const land = LANDS[k % LANDS.length]!;
      const { t0, tAck, res } = await delegates[k % LANDS.length]!.command({ type: 'castVote', voteId: 'vote-1', land, choice: k % 2 ? 'no' : 'yes' });
      return { seq: res.data?.seq ?? -1, t0, tAck, ok: !!res.data, error: res.error?.code };
    };
    return {
      server, chair, screen, cast,
      follower: { url, meetingId: MEETING, auth: { role: 'public' } },
      broadcastBytes: () => screen.voteCastBytes,
      async close() {
        for (const a of [chair, screen, ...delegates]) a.close();
        await server.stop();
      },
    };
  },
};
