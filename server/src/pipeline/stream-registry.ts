import type { RulesProfile } from '@plenum/shared';
import type { EventLog, EventRecord } from '../store/event-log.ts';
import type { Logger } from '../log.ts';
import type { StreamKind } from './stream-kind.ts';
import { StreamRuntime } from './stream-runtime.ts';

/** The live streams of one kind in this process, each loaded from the log on first use. */
export class StreamRegistry<S, E extends EventRecord, X, R extends { duplicate: boolean }> {
  private readonly loading = new Map<string, Promise<StreamRuntime<S, E, X, R>>>();

  constructor(
    readonly kind: StreamKind<S, E, X, R>,
    private readonly log: EventLog,
    private readonly profile: RulesProfile,
    private readonly logger: Logger,
    /** Called once per runtime when it is loaded (to attach listeners). */
    private readonly onLoad: (rt: StreamRuntime<S, E, X, R>) => void = () => {},
  ) {}

  /**
   * Not `async`: the loading promise is recorded before anything is awaited, so calls in the same
   * tick share one runtime (one queue).
   */
  get(id: string): Promise<StreamRuntime<S, E, X, R>> {
    const loading = this.loading.get(id);
    if (loading) return loading;
    const p = StreamRuntime.load(this.kind, id, this.log, this.profile, this.logger).then((rt) => { this.onLoad(rt); return rt; });
    this.loading.set(id, p);
    p.catch(() => this.loading.delete(id));
    return p;
  }

  /** The runtime when the stream has events (or is loaded already); null without caching anything. */
  async getIfExists(id: string): Promise<StreamRuntime<S, E, X, R> | null> {
    if (this.loading.has(id)) return this.get(id);
    if ((await this.log.head(this.kind.stream(id))).seq === 0) return null;
    return this.get(id);
  }

  /** The ids of the streams of this kind that have events. */
  async ids(): Promise<string[]> {
    const prefix = this.kind.stream('');
    return (await this.log.streams(prefix)).map((s) => s.slice(prefix.length));
  }
}
