import type { Choice, OralMode } from '../model.ts';
import type { LandCode } from '../profile.ts';
import { own } from '../record.ts';
import { violation, isViolation, type RuleViolation } from '../violations.ts';
import type { CommandOf } from './schema.ts';
import type { Participant, VoteRound } from './state.ts';
import { entitledRepresentatives, landsParticipantMayCast, presentLands } from './derive.ts';
import { ev, needOpenVote, ownParticipant, type MeetingContext, type Result } from './guards.ts';

/**
 * A Land's slot in an open round (R-MEM-2): set from a representative's device (castVote) or
 * recorded by the chair as declared orally (recordVote, R-VOT-7). The last entry counts.
 */

/**
 * Why `me` may not set `land`'s slot (landsParticipantMayCast said no). Entitlement itself is
 * checked by authorize before any handler runs.
 */
function castRefusal(me: Participant, land: string, castBy: string): RuleViolation {
  if (me.presence === null) return violation('participant.notPresent', 'R-VOT-3', { participantId: me.id });
  if (me.land === land) return violation('vote.heldByTransfer', 'R-MEM-4', { land, heldBy: castBy });
  return violation('vote.notYourLand', 'R-MEM-2', { land });
}

/** Who made an entry, for the conflict: each person, and the chair's record of oral votes as one voice. */
const voice = (entry: { participantId: string; oral: OralMode | null }) => (entry.oral ? 'oral' : `device:${entry.participantId}`);

/**
 * R-MEM-2 / R-VOT-7 conflict, recomputed on every entry: another voice's latest choice for this
 * slot in this round differs from this one. Representatives differing among themselves count by
 * setting (recordRepresentativeConflicts); a device against the chair's record always does.
 * It clears when they converge; the history keeps every entry.
 */
function conflictWith(c: MeetingContext, vote: VoteRound, land: LandCode, entry: { participantId: string; oral: OralMode | null; choice: Choice }): boolean {
  const mine = voice(entry);
  const latest = new Map<string, Choice>();
  for (const h of own(vote.ballots, land)?.history ?? []) if (voice(h) !== mine) latest.set(voice(h), h.choice);
  return [...latest].some(([other, choice]) => choice !== entry.choice
    && (other === 'oral' || entry.oral !== null || c.profile.interpretations.recordRepresentativeConflicts));
}

function entry(c: MeetingContext, vote: VoteRound, land: LandCode, castBy: LandCode, participantId: string, choice: Choice, oral: OralMode | null): Result {
  const conflict = conflictWith(c, vote, land, { participantId, oral, choice });
  return [ev(c, 'VoteCast', { voteId: vote.id, land, choice, castBy, participantId, conflict, oral })];
}

/**
 * R-MEM-2: one slot per Land, last choice counts, every change logged with the person.
 * R-MEM-4: a transferred vote is cast by the holder with `land: from`, never by the giver.
 */
export function castVote(c: MeetingContext, cmd: CommandOf<'castVote'>): Result {
  const vote = needOpenVote(c.state, cmd.voteId);
  if (isViolation(vote)) return vote;
  const slot = own(vote.electorate, cmd.land);
  if (!slot) return violation('vote.notInElectorate', 'R-VOT-2', { land: cmd.land });
  const me = ownParticipant(c);
  if (c.actor.role === 'system') {
    // The system (demo loader) casts for a named representative of the casting Land.
    const rep = me ?? entitledRepresentatives(c.state, slot.castBy)[0];
    if (!rep) return violation('participant.unknown', 'R-MEM-2', { land: slot.castBy });
    return entry(c, vote, cmd.land, slot.castBy, rep.id, cmd.choice, null);
  }
  if (!me) return violation('participant.unknown');
  if (!landsParticipantMayCast(c.state, vote, me.id).includes(cmd.land)) return castRefusal(me, cmd.land, slot.castBy);
  return entry(c, vote, cmd.land, slot.castBy, me.id, cmd.choice, null);
}

/**
 * R-VOT-7: the chair (or the office at the chair's side; authorize) records a vote declared
 * orally, by show of hands or roll call, in `land`'s slot: the same slot as a device vote. A
 * transferred vote is declared by the holding Land, which must be present, as must a Land voting
 * for itself. The entry names who recorded it (`participantId`, else the role) and how it was given.
 */
export function recordVote(c: MeetingContext, cmd: CommandOf<'recordVote'>): Result {
  const vote = needOpenVote(c.state, cmd.voteId);
  if (isViolation(vote)) return vote;
  const slot = own(vote.electorate, cmd.land);
  if (!slot || !presentLands(c.state).includes(slot.castBy)) {
    return violation('vote.landAbsent', 'R-VOT-7', { land: cmd.land, castBy: slot?.castBy ?? null });
  }
  const recorder = c.actor.participantId ?? c.actor.role;
  return entry(c, vote, cmd.land, slot.castBy, recorder, cmd.choice, cmd.mode);
}
