import {
  DMK_PROFILE, decide, evolveAll, evolve, initialState,
  type Actor, type AgendaItemInput, type DecideResult, type LandCode, type MeetingEvent, type MeetingState, type RulesProfile, type ViolationCode,
} from '../../src/index.ts';
import { accepted, expectRefusal } from './refusal.ts';

/** Actors used across the tests. */
export const office: Actor = { role: 'office', participantId: null };
export const chair: Actor = { role: 'chair', participantId: 'chair' };
export const system: Actor = { role: 'system', participantId: null };
export const delegate = (participantId: string): Actor => ({ role: 'delegate', participantId });
/** Member and permanent deputy of a Land in the fixture. */
export const member = (land: LandCode): Actor => delegate(`m-${land}`);
export const deputy = (land: LandCode): Actor => delegate(`d-${land}`);

export const SESSION_DATE = '2024-04-19';
const T0 = Date.parse('2024-04-19T09:00:00.000Z');

/**
 * A meeting driven through `decide` and `evolve` only, as the server would: every step is a
 * command by an actor; a refused step fails the test at once (use `attempt` to expect a refusal).
 */
export class Scenario {
  events: MeetingEvent[] = [];
  state: MeetingState = initialState();
  private tick = 0;
  private ids = 0;
  constructor(public profile: RulesProfile = DMK_PROFILE) {}

  get now(): string {
    return new Date(T0 + this.tick * 1000).toISOString();
  }

  attempt(command: unknown, actor: Actor): DecideResult {
    this.tick += 1;
    return decide(this.state, command, { now: this.now, actor, newId: (p) => `${p}-${++this.ids}`, profile: this.profile });
  }

  /** Runs a command that must be accepted, applies its events and returns them. */
  run(command: unknown, actor: Actor): MeetingEvent[] {
    const events = accepted(this.attempt(command, actor));
    this.apply(events);
    return events;
  }

  apply(events: MeetingEvent[]): void {
    for (const e of events) {
      this.events.push(e);
      this.state = evolve(this.state, e);
    }
  }

  /** Expects a refusal with this code (and rule, if given). */
  refuse(command: unknown, actor: Actor, code: ViolationCode, rule?: string) {
    return expectRefusal(this.attempt(command, actor), code, rule);
  }

  /** A copy that continues independently (states are immutable, so sharing them is safe). */
  fork(): Scenario {
    const f = new Scenario(this.profile);
    f.events = [...this.events];
    f.state = this.state;
    f.tick = this.tick;
    f.ids = this.ids;
    return f;
  }

  // ── conveniences ──
  checkIn(actors: Actor[] | string[], mode: 'room' | 'remote' = 'room'): this {
    for (const a of actors) {
      const actor = typeof a === 'string' ? delegate(a) : a;
      this.run({ type: 'checkIn', mode }, actor);
    }
    return this;
  }
  checkInLands(lands: readonly LandCode[], who: 'm' | 'd' = 'm'): this {
    return this.checkIn(lands.map((l) => `${who}-${l}`));
  }
  openSession(): this {
    this.run({ type: 'openSession' }, chair);
    return this;
  }
  openVote(motion: unknown): string {
    const e = this.run({ type: 'openVote', motion }, chair).find((x) => x.type === 'VoteOpened');
    if (!e || e.type !== 'VoteOpened') throw new Error('no VoteOpened');
    return e.voteId;
  }
  cast(voteId: string, land: LandCode, choice: 'yes' | 'no' | 'abstain', actor: Actor = member(land)): MeetingEvent[] {
    return this.run({ type: 'castVote', voteId, land, choice }, actor);
  }
  closeVote(voteId: string) {
    const events = this.run({ type: 'closeVote', voteId }, chair);
    const closed = events.find((x) => x.type === 'VoteClosed');
    if (!closed || closed.type !== 'VoteClosed') throw new Error('no VoteClosed');
    return { events, explanation: closed.explanation, choices: closed.choices };
  }
  /** Opens a whole-item resolution vote, casts the given choices by the Länder' members, closes it. */
  voteOn(itemId: string, ballots: Partial<Record<LandCode, 'yes' | 'no' | 'abstain'>>, motion: unknown = { kind: 'resolution', itemId, paragraph: null }) {
    const voteId = this.openVote(motion);
    for (const [land, choice] of Object.entries(ballots)) this.cast(voteId, land, choice!);
    return { voteId, ...this.closeVote(voteId) };
  }
}

export const PROPOSAL: AgendaItemInput = {
  number: '5', title: 'Digitaler Ressourcenverbrauch', kind: 'proposal', rapporteurs: ['BB', 'BE'],
  paragraphs: [{ number: '1', text: 'Die DMK nimmt den Bericht zur Kenntnis.' }, { number: '2', text: 'Die DMK bittet die Länder um Mitwirkung.' }],
  bundesrat: false, itPlr: 'none', standing: 'none', barredFromPublication: false,
};
export const REPORT: AgendaItemInput = {
  number: '4', title: 'Bericht des Bundes', kind: 'report', rapporteurs: ['BUND'], paragraphs: [],
  bundesrat: false, itPlr: 'none', standing: 'bundReport', barredFromPublication: false,
};
export const BUNDESRAT: AgendaItemInput = { ...PROPOSAL, number: '8', title: 'Arbeitsbedingungen im Breitbandausbau', rapporteurs: ['RP'], bundesrat: true };

export interface SessionOptions { profile?: RulesProfile; date?: string; items?: boolean }

/**
 * A scheduled session of the conference, built from commands: the chair, every Land's member
 * (m-XX) and permanent deputy (d-XX) of the chair period, and three items:
 * item-proposal (TOP 5), item-report (TOP 4, Bund report), item-bundesrat (TOP 8).
 */
export function scheduledSession(opts: SessionOptions = {}): Scenario {
  const s = new Scenario(opts.profile ?? DMK_PROFILE);
  s.run({ type: 'scheduleSession', title: '1. DMK', date: opts.date ?? SESSION_DATE, place: 'Potsdam', kind: 'regular', format: 'hybrid' }, office);
  s.run({ type: 'nameChair', name: 'Vorsitz', participantId: 'chair' }, office);
  for (const { code } of s.profile.lands) {
    s.run({ type: 'nameRepresentative', land: code, kind: 'member', name: `Mitglied ${code}`, participantId: `m-${code}` }, office);
    s.run({ type: 'nameRepresentative', land: code, kind: 'permanentDeputy', name: `Stellvertretung ${code}`, participantId: `d-${code}` }, office);
  }
  if (opts.items !== false) {
    // Rapporteurs must be Länder of the profile (R-AGD-1); another profile reports through its first Land.
    const own = (item: AgendaItemInput): AgendaItemInput =>
      s.profile === DMK_PROFILE ? item : { ...item, rapporteurs: item.rapporteurs.map((r) => (r === 'BUND' ? r : s.profile.lands[0].code)) };
    s.run({ type: 'addAgendaItem', item: own(PROPOSAL), itemId: 'item-proposal' }, office);
    s.run({ type: 'addAgendaItem', item: own(REPORT), itemId: 'item-report' }, office);
    s.run({ type: 'addAgendaItem', item: own(BUNDESRAT), itemId: 'item-bundesrat' }, office);
  }
  return s;
}

export const landCodes = (profile: RulesProfile = DMK_PROFILE): LandCode[] => profile.lands.map((l) => l.code);

/** An open session with the first `n` Länder's members checked in. */
export function openSessionWith(n: number, opts: SessionOptions = {}): Scenario {
  const s = scheduledSession(opts);
  s.checkInLands(landCodes(s.profile).slice(0, n));
  s.openSession();
  return s;
}

export { evolveAll };
