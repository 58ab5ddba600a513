import type { RulesProfile } from '@plenum/shared';
import type { EventLog, EventRecord } from '../store/event-log.ts';
import type { Logger } from '../log.ts';
import type { Envelope, StreamKind } from './stream-kind.ts';
import { StreamRuntime, type ForeignEnvelope } from './stream-runtime.ts';

/** Told of every commit of every runtime of a registry (the cluster's notice to the other nodes). */
export type CommitTap = (stream: string, envelopes: Envelope<EventRecord>[]) => void;

/** What the cluster needs of a registry, whatever its kind: announce commits, take in others', sweep. */
export interface FollowableStreams {
  idOf(stream: string): string | null;
  follow(id: string, envelopes: ForeignEnvelope[]): boolean;
  sweep(): Promise<void>;
  tapCommits(tap: CommitTap): void;
}

/** The live streams of one kind in this process, each loaded from the log on first use. */
export class StreamRegistry<S, E extends EventRecord, X, R extends { duplicate: boolean }> implements FollowableStreams {
  private readonly loading = new Map<string, Promise<StreamRuntime<S, E, X, R>>>();
  private readonly taps: CommitTap[] = [];

  constructor(
    readonly kind: StreamKind<S, E, X, R>,
    private readonly log: EventLog,
    private readonly profile: RulesProfile,
    private readonly logger: Logger,
    /** Called once per runtime when it is loaded (to attach listeners). */
    private readonly onLoad: (rt: StreamRuntime<S, E, X, R>) => void = () => {},
    /** Another node committed to a stream of this kind that is not loaded here (e.g. one it just started). */
    private readonly onNoticeUnloaded: (id: string) => void = () => {},
  ) {}

  /**
   * Not `async`: the loading promise is recorded before anything is awaited, so calls in the same
   * tick share one runtime (one queue).
   */
  get(id: string): Promise<StreamRuntime<S, E, X, R>> {
    const loading = this.loading.get(id);
    if (loading) return loading;
    const p = StreamRuntime.load(this.kind, id, this.log, this.profile, this.logger).then((rt) => {
      this.onLoad(rt);
      rt.onCommitted((commit) => {
        const envelopes = commit.steps.flatMap((s) => s.envelopes);
        for (const tap of this.taps) tap(rt.stream, envelopes);
      });
      return rt;
    });
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

  /**
   * Another node committed `rows` to stream `id`: a runtime loaded here takes them in (one not
   * loaded reads the log when it is first used). False when the stream is not loaded.
   */
  follow(id: string, rows: ForeignEnvelope[]): boolean {
    const loading = this.loading.get(id);
    if (!loading) { this.onNoticeUnloaded(id); return false; }
    void loading.then((rt) => rt.follow(rows)).catch((err: unknown) => this.logger.error({ err, stream: this.kind.stream(id) }, 'could not follow another node\'s commit'));
    return true;
  }

  /** Every loaded runtime reads what the log holds beyond its seq (after a fan-out outage, and now and then). */
  async sweep(): Promise<void> {
    await Promise.all([...this.loading.values()].map((p) => p.then((rt) => rt.syncFromLog()).catch((err: unknown) => {
      this.logger.warn({ err, kind: this.kind.name }, 'sweep: a stream could not read the log');
    })));
  }

  /** Hear of every commit made here (set before streams are used). */
  tapCommits(tap: CommitTap) { this.taps.push(tap); }

  /** The id of `stream` if it is a stream of this kind, else null. */
  idOf(stream: string): string | null {
    const prefix = this.kind.stream('');
    if (!stream.startsWith(prefix)) return null;
    const id = stream.slice(prefix.length);
    // A kind named by the bare id (meetings) owns only names without a kind prefix.
    if (prefix === '' && id.includes(':')) return null;
    return id.length > 0 && this.kind.stream(id) === stream ? id : null;
  }

  /** The ids of the streams of this kind that have events. */
  async ids(): Promise<string[]> {
    const prefix = this.kind.stream('');
    return (await this.log.streams(prefix)).map((s) => s.slice(prefix.length));
  }
}
