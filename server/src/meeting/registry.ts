import type { RulesProfile } from '@plenum/shared';
import type { EventStore } from '../store/event-store.ts';
import type { Logger } from '../log.ts';
import { MeetingRuntime, type AppendedListener } from './runtime.ts';

/** The live meetings of this process, each loaded from the log on first use. */
export class MeetingRegistry {
  private readonly loading = new Map<string, Promise<MeetingRuntime>>();
  private known: Set<string> | null = null;
  private knownLoading: Promise<Set<string>> | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly profile: RulesProfile,
    private readonly log: Logger,
    private readonly onAppended: AppendedListener,
  ) {}

  /**
   * The runtime of a meeting that exists in the store, or null. Not `async`: the loading promise is
   * recorded before anything is awaited, so calls in the same tick share one runtime (one queue).
   */
  get(meetingId: string): Promise<MeetingRuntime | null> {
    const loading = this.loading.get(meetingId);
    if (loading) return loading;
    if (!this.known) return this.knownIds().then(() => this.get(meetingId));
    if (!this.known.has(meetingId)) return Promise.resolve(null);
    const p = MeetingRuntime.load(meetingId, this.store, this.profile, this.log, this.onAppended);
    this.loading.set(meetingId, p);
    p.catch(() => this.loading.delete(meetingId));
    return p;
  }

  /** The meeting ids in the store, read once (create() adds to the set). */
  private knownIds(): Promise<Set<string>> {
    this.knownLoading ??= this.store.meetings().then(
      (ids) => (this.known = new Set(ids)),
      (err: unknown) => { this.knownLoading = null; throw err; },
    );
    return this.knownLoading;
  }

  /** Register a new meeting (the demo, or later an office action) and return its runtime. */
  async create(meetingId: string): Promise<MeetingRuntime> {
    await this.store.createMeeting(meetingId, new Date().toISOString());
    (await this.knownIds()).add(meetingId);
    const rt = await this.get(meetingId);
    if (!rt) throw new Error(`meeting ${meetingId} not created`);
    return rt;
  }
}
