import {
  DEMO_MEETING_ID, DMK_PROFILE, decide, demoCommands, demoParticipantId, evolve, initialState,
  type Actor, type Command, type EventEnvelope, type LandCode, type MeetingState,
} from '@plenum/shared';
import { seedMeetingStore, type MeetingStoreState } from '../../src/store/index.ts';
import { itemCalledAtAfter } from '../../src/store/meetingStore.ts';

export const system: Actor = { role: 'system', participantId: null };
export const chair: Actor = { role: 'chair', participantId: demoParticipantId.chair };
export const office: Actor = { role: 'office', participantId: null };
export const memberOf = (land: LandCode): Actor => ({ role: 'delegate', participantId: demoParticipantId.member(land) });
export const deputyOf = (land: LandCode): Actor => ({ role: 'delegate', participantId: demoParticipantId.permanentDeputy(land) });

/** A made-up but stable row hash for an envelope (the server's is a SHA-256 chain). */
export const hashOf = (seq: number) => `${seq.toString(16).padStart(4, '0')}c0ffee${'ab'.repeat(27)}`;

/**
 * The demo meeting driven through the shared `decide` and `evolve`, as the server would: every
 * step is a command by an actor, its events get sequence numbers. The UI tests seed the store
 * with its state, or serve its envelopes through the fake socket.
 */
export class Meeting {
  state: MeetingState = initialState();
  envelopes: EventEnvelope[] = [];
  private tick = 0;
  private ids = 0;

  get seq() {
    return this.envelopes.length;
  }

  run(command: Command, actor: Actor): EventEnvelope[] {
    this.tick += 1;
    const now = new Date(Date.parse('2024-04-19T09:00:00.000Z') + this.tick * 1000).toISOString();
    const result = decide(this.state, command, { now, actor, newId: (p) => `${p}-${++this.ids}`, profile: DMK_PROFILE });
    if (!result.ok) {
      throw Object.assign(new Error(`refused ${command.type}: ${result.code} ${JSON.stringify(result.details ?? {})}`), { violation: result });
    }
    const out: EventEnvelope[] = [];
    for (const event of result.events) {
      const seq = this.envelopes.length + 1;
      const envelope: EventEnvelope = { seq, at: event.at, hash: hashOf(seq), event };
      this.state = { ...evolve(this.state, event), seq };
      this.envelopes.push(envelope);
      out.push(envelope);
    }
    return out;
  }

  checkIn(lands: LandCode[], mode: 'room' | 'remote' = 'room') {
    for (const land of lands) this.run({ type: 'checkIn', mode }, memberOf(land));
    return this;
  }

  openResolution(itemId = 'top-5') {
    this.run({ type: 'setCurrentItem', itemId }, chair);
    this.run({ type: 'openVote', motion: { kind: 'resolution', itemId, paragraph: null } }, chair);
    return this.state.openVoteId!;
  }

  cast(land: LandCode, choice: 'yes' | 'no' | 'abstain', actor: Actor = memberOf(land)) {
    return this.run({ type: 'castVote', voteId: this.state.openVoteId!, land, choice }, actor);
  }

  close() {
    const voteId = this.state.openVoteId!;
    this.run({ type: 'closeVote', voteId }, chair);
    return this.state.votes[voteId];
  }
}

export const ALL_LANDS: LandCode[] = DMK_PROFILE.lands.map((l) => l.code);

/** The demo data once had a paragraph with empty text (TOP 2 b, 1), which the schema refuses; drop such. */
function withoutEmptyParagraphs(command: Command): Command {
  if (command.type !== 'addAgendaItem') return command;
  return { ...command, item: { ...command.item, paragraphs: command.item.paragraphs.filter((p) => p.text.trim() !== '') } };
}

/** The demo session, prepared by the system and opened by the chair. */
export function demoMeeting(): Meeting {
  const m = new Meeting();
  for (const command of demoCommands()) m.run(withoutEmptyParagraphs(command), system);
  m.run({ type: 'openSession' }, chair);
  return m;
}

/** Puts a meeting's state into the store, as if joined and online and every event seen live. */
export function seed(m: Meeting, who: Pick<MeetingStoreState, 'role' | 'participantId'>, extra: Partial<MeetingStoreState> = {}) {
  seedMeetingStore({
    meetingId: DEMO_MEETING_ID, state: m.state, seq: m.seq, connection: 'online', lastUpdateAt: '2024-04-19T09:30:00.000Z',
    profile: DMK_PROFILE, itemCalledAt: itemCalledAtAfter(m.envelopes, null), ...who, ...extra,
  });
}
