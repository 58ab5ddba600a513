import type { EventEnvelope, MeetingState, RulesProfile } from '@plenum/shared';
import type { EventLog, MeetingDirectory } from '../store/event-log.ts';
import type { Logger } from '../log.ts';
import { StreamRegistry } from '../pipeline/stream-registry.ts';
import { broadcastSegments } from './broadcast-segments.ts';
import { isMeetingId, MEETING_KIND, type MeetingRuntime, type NoContext } from './kind.ts';
import type { CommandResult, MeetingEvent } from '@plenum/shared';

export type AppendedListener = (meetingId: string, events: EventEnvelope[], state: MeetingState) => void;

/** The live meetings of this process: those in the meeting directory, loaded on first use. */
export class MeetingRegistry {
  private readonly streams: StreamRegistry<MeetingState, MeetingEvent, NoContext, CommandResult>;
  private known: Set<string> | null = null;
  private knownLoading: Promise<Set<string>> | null = null;

  constructor(
    private readonly directory: MeetingDirectory,
    log: EventLog,
    profile: RulesProfile,
    logger: Logger,
    onAppended: AppendedListener,
    /** Events another node committed, as this node takes them in (cluster): its own sockets get them from here. */
    onFollowed: AppendedListener = () => {},
  ) {
    this.streams = new StreamRegistry(MEETING_KIND, log, profile, logger, (rt) => {
      rt.onCommitted((commit) => {
        for (const segment of broadcastSegments(commit)) onAppended(commit.id, segment.events, segment.state);
      });
      rt.onFollowed((commit) => {
        for (const segment of broadcastSegments(commit)) onFollowed(commit.id, segment.events, segment.state);
      });
    });
  }

  /** The meetings' streams, for the cluster (notices out and in, sweeps). */
  get streamRegistry(): StreamRegistry<MeetingState, MeetingEvent, NoContext, CommandResult> { return this.streams; }

  /** The runtime of a meeting that exists, or null. Not `async`: see StreamRegistry.get. */
  get(meetingId: string): Promise<MeetingRuntime | null> {
    if (!this.known) return this.knownIds().then(() => this.get(meetingId));
    if (!this.known.has(meetingId)) return Promise.resolve(null);
    return this.streams.get(meetingId);
  }

  /** The meeting ids, read once (create() adds to the set). */
  knownIds(): Promise<Set<string>> {
    this.knownLoading ??= this.directory.meetings().then(
      (ids) => (this.known = new Set(ids)),
      (err: unknown) => { this.knownLoading = null; throw err; },
    );
    return this.knownLoading;
  }

  /** Register a new meeting (the demo, or an office action) and return its runtime. */
  async create(meetingId: string): Promise<MeetingRuntime> {
    if (!isMeetingId(meetingId)) throw new Error(`not a meeting id: ${meetingId}`);
    await this.directory.createMeeting(meetingId, new Date().toISOString());
    (await this.knownIds()).add(meetingId);
    return this.streams.get(meetingId);
  }
}
