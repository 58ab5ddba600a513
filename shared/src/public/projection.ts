import type { Choice, Explanation, Motion, OralMode } from '../model.ts';
import type { LandCode, RulesProfile } from '../profile.ts';
import type { MeetingState, VoteRound } from '../meeting/state.ts';
import { quorumStatus } from '../meeting/derive.ts';

/**
 * What a public follower (R-SES-4) is sent: the picture the public view shows, not the events.
 * The server computes it once per change, serializes it once and sends the same bytes to every
 * follower; invited roles keep the full event stream.
 *
 * R-SES-4 by construction: the projection is built from the whitelisted fields below only, and
 * only from what belongs to the public part of the session:
 * - votes opened after the decision that made the session public (never earlier rounds, never a
 *   running yes/no count while a round is open: only which Länder have voted);
 * - attendance as a summary of now (counts and quorum), never who checked in when;
 * - no declarations, no transfers, no ballots' authors, no history (of each Land's vote only
 *   whether it came from a device or was declared orally, R-VOT-7).
 * A state that is not public has no projection at all (null).
 */
export interface PublicVote {
  id: string;
  motion: Motion;
  /** The item the motion concerns (number and title), for its label. */
  item: { number: string; title: string } | null;
  status: VoteRound['status'];
  /** The Länder in the electorate (frozen at the open, R-VOT-5). */
  electorate: LandCode[];
  /** Land → the Land that casts its vote (R-MEM-4), only where that is another Land. */
  castBy: Partial<Record<LandCode, LandCode>>;
  /** Open round: which Länder have voted (the turnout), never how. */
  voted: LandCode[];
  /** Closed round: every Land's final choice and the explanation of the outcome. */
  choices: Partial<Record<LandCode, Choice | null>> | null;
  explanation: Explanation | null;
  /**
   * R-VOT-7: per Land that has a vote, where its (counting) entry came from: a device, or declared
   * orally and recorded by the chair. Never who cast or recorded it (R-PRT-3: no names in public).
   */
  source: Partial<Record<LandCode, 'device' | OralMode>>;
}

/** A closed round of the public part, in short. */
export interface PublicOutcome {
  id: string;
  motion: Motion;
  item: { number: string; title: string } | null;
  outcome: Explanation['outcome'] | 'cancelled';
  yes: number;
  no: number;
  abstain: number;
}

export interface PublicSpeaker { name: string; land: LandCode | null }

export interface PublicProjection {
  meetingId: string | null;
  /** The seq of the state it was computed from: a follower keeps the highest it has seen. */
  seq: number;
  session: Pick<NonNullable<MeetingState['session']>, 'title' | 'date' | 'place' | 'status'>;
  currentItem: { id: string; number: string; title: string } | null;
  /** The open round, or else the latest closed or cancelled round of the public part. */
  vote: PublicVote | null;
  /** The latest closed rounds of the public part, newest first (at most MAX_OUTCOMES). */
  outcomes: PublicOutcome[];
  speakers: { current: PublicSpeaker | null; queue: PublicSpeaker[] };
  /** R-VOT-3 now: Länder present and required; people present in the room and remotely. */
  attendance: { presentLands: number; required: number; quorate: boolean; room: number; remote: number };
}

/** Bounds the projection's size however long the session runs. */
export const MAX_OUTCOMES = 10;

/**
 * The rounds of the public part, in the order they were opened. `state.votes` keeps insertion
 * order (evolve adds a round when it opens, and a snapshot is plain JSON with non-numeric keys),
 * and only one round is open at a time, so the rounds after the last adopted setPublic(true)
 * round are exactly those opened after the session became public. That round itself and every
 * round before it stay non-public.
 */
export function publicRounds(state: MeetingState): VoteRound[] {
  const rounds = Object.values(state.votes);
  let since = -1;
  rounds.forEach((v, i) => {
    if (v.motion.kind === 'setPublic' && v.motion.public && v.status === 'closed' && v.explanation?.outcome === 'adopted') since = i;
  });
  // Public without a recorded switch (not reachable through decide): nothing of the past is shown.
  return since < 0 ? [] : rounds.slice(since + 1);
}

export function publicProjection(state: MeetingState, profile: RulesProfile): PublicProjection | null {
  const session = state.session;
  if (!session?.public) return null;
  const itemOf = (motion: Motion) => {
    if (motion.kind === 'setPublic') return null;
    const item = state.agenda.find((i) => i.id === motion.itemId);
    return item ? { number: item.number, title: item.title } : null;
  };
  const current = state.agenda.find((i) => i.id === state.currentItemId) ?? null;
  const rounds = publicRounds(state);
  const open = rounds.find((v) => v.id === state.openVoteId) ?? null;
  const shown = open ?? rounds.at(-1) ?? null;
  const speaker = (participantId: string): PublicSpeaker => {
    const p = state.participants[participantId];
    return { name: p?.name ?? '', land: p?.land ?? null };
  };
  const q = quorumStatus(state, profile);
  let room = 0;
  let remote = 0;
  for (const p of Object.values(state.participants)) {
    if (p.presence?.mode === 'room') room += 1;
    else if (p.presence?.mode === 'remote') remote += 1;
  }
  return {
    meetingId: state.meetingId,
    seq: state.seq,
    session: { title: session.title, date: session.date, place: session.place, status: session.status },
    currentItem: current ? { id: current.id, number: current.number, title: current.title } : null,
    vote: shown ? publicVote(shown, itemOf(shown.motion)) : null,
    outcomes: rounds.filter((v) => v.status !== 'open').slice(-MAX_OUTCOMES).reverse().map((v) => ({
      id: v.id,
      motion: v.motion,
      item: itemOf(v.motion),
      outcome: v.status === 'cancelled' || !v.explanation ? 'cancelled' : v.explanation.outcome,
      yes: v.explanation?.yes ?? 0,
      no: v.explanation?.no ?? 0,
      abstain: v.explanation?.abstain ?? 0,
    })),
    speakers: {
      current: state.speakers.current ? speaker(state.speakers.current.participantId) : null,
      queue: state.speakers.queue.map((s) => speaker(s.participantId)),
    },
    attendance: { presentLands: q.present, required: q.required, quorate: q.met, room, remote },
  };
}

function publicVote(v: VoteRound, item: PublicVote['item']): PublicVote {
  const electorate = Object.keys(v.electorate);
  const castBy: PublicVote['castBy'] = {};
  for (const [land, slot] of Object.entries(v.electorate)) if (slot.castBy !== land) castBy[land] = slot.castBy;
  const closed = v.status === 'closed';
  const source: PublicVote['source'] = {};
  if (v.status !== 'cancelled') for (const land of electorate) if (v.ballots[land]) source[land] = v.ballots[land].oral ?? 'device';
  return {
    id: v.id,
    motion: v.motion,
    item,
    status: v.status,
    electorate,
    castBy,
    // Only WHETHER a Land voted: its choice may still change (R-MEM-2) and is not public until the close.
    voted: v.status === 'open' ? electorate.filter((land) => land in v.ballots) : [],
    choices: closed && v.choices ? { ...v.choices } : null,
    explanation: closed ? v.explanation : null,
    source,
  };
}
