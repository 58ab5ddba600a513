import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, CommandResult, EventOf } from '@plenum/shared';
import type { MeetingRuntime } from '../src/meeting/kind.ts';
import {
  closeAll, delegateLinks, landOf, linkFor, login, MEETING, must, newKey, openAndCheckIn, startTestServer, type Client, type TestServer,
} from './helpers.ts';

/** 30,000 nested arrays: about 60 KB, under the message size limit, far beyond any recursion's stack. */
const DEEP = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;

/**
 * Send a command as a raw Socket.IO packet (the client library itself would overflow its stack
 * serialising such a value) and resolve with the server's ack, read off the wire.
 */
function sendRaw(socket: Client, payloadJson: string, ackId: number): Promise<Ack<CommandResult>> {
  const engine = socket.io.engine;
  return new Promise((resolve) => {
    const onMessage = (data: unknown) => {
      const text = String(data);
      if (!text.startsWith(`3${ackId}[`)) return;
      engine.off('message', onMessage);
      resolve((JSON.parse(text.slice(String(ackId).length + 1)) as [Ack<CommandResult>])[0]);
    };
    engine.on('message', onMessage);
    engine.write(`2${ackId}["meeting:command",${payloadJson}]`);
  });
}

describe('hostile input: validated before any other work, refused alone', () => {
  let server: TestServer;
  let chair: Client;
  let screen: Client;
  let delegates: Client[];
  let lands: string[];
  let runtime: MeetingRuntime;
  let voteId: string;

  beforeAll(async () => {
    server = await startTestServer({ rateLimit: { perSecond: 1000, burst: 1000 } });
    chair = await login(server, linkFor(server.links, 'chair'));
    screen = await login(server, linkFor(server.links, 'screen'));
    delegates = await Promise.all(delegateLinks(server.links).map((l) => login(server, l)));
    lands = delegateLinks(server.links).map(landOf);
    await openAndCheckIn(chair, delegates);
    runtime = (await server.registry.get(MEETING))!;
    const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-2a', paragraph: null } });
    voteId = (opened.events[0]!.event as EventOf<'VoteOpened'>).voteId;
  });
  afterAll(async () => {
    closeAll([chair, screen, ...delegates]);
    await server.stop();
  });

  it('R-VOT-2: a 30,000-level nested command from the room screen among 16 genuine votes → the votes are acked and counted, the bad one refused command.invalid', async () => {
    const before = runtime.seq;
    const bad = sendRaw(screen, `{"meetingId":"${MEETING}","key":"${newKey()}","command":${DEEP}}`, 901);
    const badInside = sendRaw(screen, `{"meetingId":"${MEETING}","key":"${newKey()}","command":{"type":"castVote","voteId":${DEEP}}}`, 902);
    const votes = delegates.map((d, i) => d.timeout(20_000).emitWithAck('meeting:command', {
      meetingId: MEETING, key: newKey(), command: { type: 'castVote', voteId, land: lands[i]!, choice: 'yes' },
    }));
    const [badAck, badInsideAck, ...voteAcks] = await Promise.all([bad, badInside, ...votes]);
    expect(badAck).toMatchObject({ error: { code: 'command.invalid', details: { reason: 'tooDeep' } } });
    expect(badInsideAck).toMatchObject({ error: { code: 'command.invalid' } });
    expect(voteAcks.every((a) => 'data' in a)).toBe(true);
    expect(runtime.seq).toBe(before + 16);
    const cast = (await runtime.read(before)).filter((e) => e.event.type === 'VoteCast');
    expect(cast.map((e) => (e.event as EventOf<'VoteCast'>).land).sort()).toEqual([...lands].sort());
  });

  it('inside one group-commit batch, a command too deep to hash refuses only itself', async () => {
    const before = runtime.seq;
    const deep: unknown[] = [];
    let inner = deep;
    for (let i = 0; i < 30_000; i++) { const next: unknown[] = []; inner.push(next); inner = next; }
    const delegate = (land: string) => ({ role: 'delegate' as const, participantId: `p-${land}-member` });
    const outcomes = await Promise.all([
      runtime.execute({ key: newKey(), command: { type: 'castVote', voteId, land: lands[0]!, choice: 'no' }, actor: delegate(lands[0]!), context: {} }),
      runtime.execute({ key: newKey(), command: deep, actor: delegate(lands[1]!), context: {} }),
      runtime.execute({ key: newKey(), command: { type: 'castVote', voteId, land: lands[2]!, choice: 'no' }, actor: delegate(lands[2]!), context: {} }),
    ]);
    expect(outcomes.map((o) => ('data' in o.ack ? 'ok' : o.ack.error.code))).toEqual(['ok', 'command.invalid', 'ok']);
    expect(runtime.seq).toBe(before + 2);
  });

  it('every shape of meeting:command gets an answer: an extra argument, no payload, no ack; nothing is appended', async () => {
    const d = delegates[3]!;
    const before = runtime.seq;
    const command = { meetingId: MEETING, key: newKey(), command: { type: 'castVote', voteId, land: lands[3]!, choice: 'abstain' } };
    const extra = await new Promise<Ack<CommandResult>>((resolve) => {
      (d as unknown as { emit: (...args: unknown[]) => void }).emit('meeting:command', command, 'extra', resolve);
    });
    expect(extra).toMatchObject({ error: { code: 'command.invalid', details: { reason: 'arguments' } } });
    const missing = await new Promise<Ack<CommandResult>>((resolve) => {
      (d as unknown as { emit: (...args: unknown[]) => void }).emit('meeting:command', resolve);
    });
    expect(missing).toMatchObject({ error: { code: 'command.invalid', details: { reason: 'arguments' } } });
    const noAck = new Promise((resolve) => d.once('meeting:error', resolve));
    d.emit('meeting:command', command, undefined as never);
    expect(await noAck).toMatchObject({ code: 'command.invalid' });
    const noAckAtAll = new Promise((resolve) => d.once('meeting:error', resolve));
    (d as unknown as { emit: (...args: unknown[]) => void }).emit('meeting:command', command);
    expect(await noAckAtAll).toMatchObject({ code: 'command.invalid', details: { reason: 'ack' } });
    expect(runtime.seq).toBe(before);
    // The same command, well formed, is accepted: the refusals were about the shape only.
    const ok = await d.timeout(20_000).emitWithAck('meeting:command', command);
    expect('data' in ok).toBe(true);
  });
});
