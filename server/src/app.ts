import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { DMK_PROFILE, MAX_MESSAGE_BYTES } from '@plenum/shared';
import { resolveConfig, type Config, type ConfigInput } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import { dbFile, openStores } from './store/open-stores.ts';
import type { Stores } from './store/stores.ts';
import type Database from 'better-sqlite3';
import { MeetingRegistry } from './meeting/registry.ts';
import type { AppendedListener } from './meeting/registry.ts';
import { Invitations } from './auth/invitations.ts';
import { LinkSeal } from './auth/link-seal.ts';
import { Metrics } from './http/metrics.ts';
import { createHttpApp } from './http/routes.ts';
import { handshake } from './socket/handshake.ts';
import { PersonLimits } from './socket/person-limits.ts';
import { guardSocket } from './socket/guard.ts';
import { registerHandlers } from './socket/handlers.ts';
import { broadcaster } from './socket/broadcast.ts';
import { invitationRoom, sessionRoom, type PlenumServer } from './socket/types.ts';
import { printDemoLinks, seedDemo, type DemoLink } from './demo/seed-demo.ts';
import { createBetween } from './between/index.ts';
import { ProtocolPdfRenderer } from './protocol-pdf/pdf-renderer.ts';
import { loadOrCreateCheckpointKey } from './verify/checkpoint-key.ts';
import { CheckpointBook } from './verify/checkpoints.ts';
import { checkLogAtStart, TamperedLogError, type StartCheck } from './verify/start-check.ts';
import { SnapshotSeals } from './verify/snapshot-seals.ts';
import { sealingSnapshots } from './verify/sealing-log.ts';
import { checkpointedInvitationStores } from './verify/invitation-checkpoints.ts';
import { signingNoOpKeys } from './verify/key-checkpoints.ts';
import { INVITATION_STREAM } from './store/invitation-chain.ts';
import type { SnapshotProblem } from './verify/snapshot-check.ts';
import { joinDraftsRoom, mountDrafts, seedDemoDraft, type DraftDeps } from './drafts/index.ts';
import { announceConferenceChange, joinConferenceRoom } from './conference/live.ts';
import { SCHEDULER_LOCK_KEY, startAdvisoryLease } from './cluster/advisory-lease.ts';
import { startRedisFanout, type ClusterFanout, type FanoutHealth } from './cluster/redis-fanout.ts';

export interface RunningServer {
  url: string;
  port: number;
  config: Config;
  stores: Stores;
  /** The SQLite file's handle, for fault injection in tests and for the bench; never for the app's own reads or writes. Null with STORE=postgres. */
  sqliteDb: Database.Database | null;
  registry: MeetingRegistry;
  invitations: Invitations;
  io: PlenumServer;
  metrics: Metrics;
  log: Logger;
  /** The demo invitations created on this start (null when the demo already existed). */
  demoLinks: DemoLink[] | null;
  /** Between sessions: circular procedures, protocol workflow, scheduler (server/src/between). */
  between: ReturnType<typeof createBetween>;
  /** Protocol PDFs: rendered in a worker thread with a time limit, cached by content. */
  pdf: ProtocolPdfRenderer;
  /** Snapshots found at start not to match a replay of their log, and discarded (F4). */
  discardedSnapshots: SnapshotProblem[];
  /** The start check (VERIFY_ON_START): streams verified from their sealed snapshot on, and stored snapshots it did not trust (checked in full). */
  startCheck: Pick<StartCheck, 'sealed' | 'unsealed'>;
  /** Fan-out between nodes: 'off' without REDIS_URL. */
  fanoutHealth(): FanoutHealth;
  /** Whether this node runs the between-sessions scheduler (with PostgreSQL: holds its advisory lock). */
  schedulerHeld(): boolean;
  close(): Promise<void>;
}

export { dbFile };

/** Start the whole server: HTTP + Socket.IO on one port, the SQLite log in the data folder. */
/** `clock`: the time source of the scheduler (tests move it; production uses the system clock). */
export async function startServer(input: ConfigInput = {}, options: { clock?: () => Date } = {}): Promise<RunningServer> {
  const base = resolveConfig(input);
  const log = createLogger(base.logLevel);
  const stores = await openStores(base, (err) => log.error({ err }, 'database connection lost (idle)'));
  // Tamper evidence: signed checkpoints of every chain head, checked before anything is served.
  const checkpointKey = loadOrCreateCheckpointKey(base.checkpointKeyFile ?? join(base.dataDir, 'keys', 'checkpoint-ed25519.pem'));
  const checkpoints = new CheckpointBook(join(base.dataDir, 'checkpoints.jsonl'), checkpointKey, join(base.dataDir, 'checkpoints-index.json'));
  // Snapshots are sealed with the same key when written; a sealed one spares the start check the rows below it.
  const seals = new SnapshotSeals(join(base.dataDir, 'snapshot-seals.jsonl'), checkpointKey);
  const { problems: tampered, discardedSnapshots, sealed, unsealed } = await checkLogAtStart(stores.events, checkpoints, seals, stores, base.verifyOnStart);
  log.info({ mode: base.verifyOnStart, fromSealedSnapshot: sealed, unsealed }, 'log verified before serving');
  for (const s of discardedSnapshots) {
    log.error({ stream: s.stream, seq: s.seq, reason: s.reason }, `TAMPERED: the snapshot of ${s.stream} at seq ${s.seq} does not match a replay of its log; discarded, the state is rebuilt from the verified log`);
  }
  if (tampered.length > 0) {
    log.fatal({ problems: tampered }, 'TAMPERED: the event log does not verify');
    if (!base.readOnlyOnTamper) {
      await stores.close();
      throw new TamperedLogError(tampered);
    }
  }
  const metrics = new Metrics();
  let io: PlenumServer | null = null;
  let fanout: ClusterFanout | null = null;
  const broadcast = broadcaster(() => io, { intervalMs: base.publicIntervalMs, profile: DMK_PROFILE });
  // After-append listener for between sessions (R-FUP-1: adopted resolutions), set once it exists.
  let afterMeetingAppend: AppendedListener = () => {};
  // Every append goes through this: snapshots are sealed, and the keys of commands that appended nothing are signed.
  const liveLog = signingNoOpKeys(sealingSnapshots(stores.events, seals, log), checkpoints);
  const registry = new MeetingRegistry(stores.meetings, liveLog, DMK_PROFILE, log, (...args) => {
    const [meetingId, events] = args;
    const head = events.at(-1);
    if (head) checkpoints.record(meetingId, head.seq, head.hash);
    broadcast(...args);
    // Work that follows a commit (follow-up registration, the conference's record) runs on the committing node only.
    afterMeetingAppend(...args);
  }, (...args) => {
    // Another node's commit, taken in here: this node's sockets get it.
    const [meetingId, events] = args;
    const head = events.at(-1);
    if (head) checkpoints.record(meetingId, head.seq, head.hash);
    broadcast(...args);
  });

  const httpServer = createServer();
  await new Promise<void>((resolveListen, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(base.port, base.host, () => resolveListen());
  });
  const port = (httpServer.address() as AddressInfo).port;
  // Defaults for the public URL and origins depend on the port actually bound (port 0 in tests).
  const config = resolveConfig(input, port);
  // Every change to invitations and sessions is chained by the store; its head is signed here.
  const invitationStores = checkpointedInvitationStores(stores.invitations, stores.sessions, stores.events, checkpoints);
  const invitations = new Invitations(
    invitationStores.invitations, invitationStores.sessions, config.publicUrl,
    { idleMs: config.sessionIdleMinutes * 60_000, absoluteMs: config.sessionAbsoluteHours * 3_600_000 },
    options.clock ? () => options.clock!().getTime() : Date.now,
    // Conference invitations can be shown again: their secret is sealed with a key kept beside the checkpoint key, never in the database.
    LinkSeal.loadOrCreate(config.invitationKeyFile ?? join(config.dataDir, 'keys', 'invitation-links.key')),
  );
  const onRevoked = (invitationId: string) => {
    if (!io) return;
    io.to(invitationRoom(invitationId)).emit('session:revoked', { code: 'auth.revoked' });
    io.in(invitationRoom(invitationId)).disconnectSockets(true);
  };
  const pdf = new ProtocolPdfRenderer(config.pdf);
  const between = createBetween({
    events: liveLog, meetings: stores.meetings, registry, invitations: () => invitations, profile: DMK_PROFILE, log, pdf,
    clock: options.clock, maxOverdueMs: config.schedulerMaxOverdueMs, onRevoked,
  });
  afterMeetingAppend = between.onMeetingAppended;
  invitations.setCoverage(async (invitation) => (await between.conference.sessionsFor(invitation)).map((s) => s.id));

  const draftDeps: DraftDeps = {
    invitations, log, io: () => io as unknown as ReturnType<DraftDeps['io']>,
    execute: (kind, id, command, actor, key) => between.service.execute(kind, id, command, actor, key),
    state: async (kind, id) => between.service.state(kind, id),
    meetingState: async (meetingId) => (await registry.get(meetingId))?.current ?? null,
    conference: () => between.conference.state(),
    pdf,
    now: () => options.clock?.() ?? new Date(),
    meetingCommand: async (meetingId, command, actor, key) => {
      const rt = await registry.get(meetingId);
      return rt ? (await rt.execute({ key, command, actor, context: {} })).ack : { error: { code: 'session.notScheduled' } };
    },
  };
  const app = createHttpApp({
    config, invitations, metrics, log, ping: () => stores.ping(), fanout: () => fanout?.health() ?? 'off',
    meetingEvents: async (meetingId) => (await (await registry.get(meetingId))?.read(0)) ?? [],
    mount: (expressApp, api) => {
      // Before the generic between-sessions routes: draft commands broadcast and reach the agenda.
      mountDrafts(api, draftDeps);
      between.mount(expressApp, api);
    },
    onRevoked,
    sessionsOf: (invitation) => between.conference.sessionsOf(invitation),
    confirmClock: () => between.scheduler.confirmClock(),
    onRedeemed: (invitationId, at) => { io?.to(invitationRoom(invitationId)).emit('invitation:redeemed', { at }); },
    onLoggedOut: (sessionHash) => {
      if (!io) return;
      io.to(sessionRoom(sessionHash)).emit('session:revoked', { code: 'auth.revoked' });
      io.in(sessionRoom(sessionHash)).disconnectSockets(true);
    },
  });
  httpServer.on('request', app);

  io = new Server(httpServer, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    httpCompression: false,
    serveClient: false,
    cors: { origin: config.allowedOrigins, credentials: true },
  });
  // Several nodes: Socket.IO's Redis streams adapter, and commit notices between the nodes.
  fanout = config.redisUrl ? await startRedisFanout(io, {
    url: config.redisUrl, prefix: config.redisPrefix, log,
    registries: [registry.streamRegistry, ...between.service.streamRegistries],
  }) : null;
  const limits = new PersonLimits(config.limits, config.rateLimit);
  io.use(handshake(config, invitations, limits));
  // Before the handlers: a person's limits run first on every message.
  // Who may act rests on the invitations: when they do not verify, every meeting is read-only.
  const readOnly = new Set(tampered.map((p) => (p.stream === INVITATION_STREAM ? 'database' : p.stream)));
  io.on('connection', (socket) => guardSocket(socket, limits, metrics, (meetingId) => readOnly.has(meetingId) || readOnly.has('database')));
  registerHandlers(io, { registry, invitations, metrics, log });
  joinDraftsRoom(io as unknown as Parameters<typeof joinDraftsRoom>[0]);
  joinConferenceRoom(io as unknown as Parameters<typeof joinConferenceRoom>[0]);
  between.service.onStreamAppended(async (kind) => {
    if (kind === 'conference') announceConferenceChange(io as unknown as Parameters<typeof announceConferenceChange>[0], new Date().toISOString());
  });

  const demoLinks = config.demo ? await seedDemo(stores, registry, invitations, log) : null;
  // Every meeting in the data folder is a session of the conference; the demo adds the next one.
  await between.conference.recordExistingMeetings();
  if (demoLinks) await between.conference.seedNextRegularSession();
  if (demoLinks && config.printDemoLinks) printDemoLinks(demoLinks);
  else if (demoLinks) log.warn({ links: demoLinks.length }, 'demo meeting created; its invitation links are not printed (NODE_ENV=production); DEMO=0 starts without it');
  if (demoLinks) await seedDemoDraft(draftDeps, log);

  // Work that must happen once: with PostgreSQL (several nodes) the scheduler runs on the node that
  // holds its advisory lock; the others take over when that node or its connection goes.
  const schedulerLease = config.store === 'postgres' ? startAdvisoryLease(config.databaseUrl!, SCHEDULER_LOCK_KEY, {
    onAcquired: async () => { await between.scheduler.start(); },
    onLost: () => between.scheduler.stop(),
  }, log) : null;
  if (schedulerLease) await schedulerLease.firstAttempt;
  else await between.scheduler.start();
  const url = `http://127.0.0.1:${port}`;
  log.info({ port, dataDir: config.dataDir }, 'plenum listening');

  return {
    url, port, config, stores, sqliteDb: stores.db ?? null, registry, invitations, io, metrics, log, demoLinks,
    between, pdf, discardedSnapshots, startCheck: { sealed, unsealed },
    fanoutHealth: () => fanout?.health() ?? 'off',
    schedulerHeld: () => (schedulerLease ? schedulerLease.held() : true),
    async close() {
      between.scheduler.stop();
      await schedulerLease?.stop();
      io?.local.disconnectSockets(true);
      await new Promise<void>((r) => io!.close(() => r()));
      await fanout?.close();
      httpServer.closeAllConnections?.();
      metrics.close();
      await pdf.close();
      await stores.close();
    },
  };
}
