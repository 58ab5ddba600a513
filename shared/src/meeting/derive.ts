import type { LandCode, RulesProfile } from '../profile.ts';
import { own } from '../record.ts';
import type { Motion } from '../model.ts';
import type { Electorate } from './schema.ts';
import type { MeetingState, Participant, Transfer, VoteRound } from './state.ts';

/**
 * Read-only facts derived from the state: who represents a Land, who is present, quorum,
 * transfers and the electorate of a round. Used by `decide`, the server views and the client.
 */

const VOTING_KINDS = new Set(['member', 'permanentDeputy', 'temporaryDeputy']);

/**
 * R-MEM-1, R-MEM-3: a participant may act for `land` when it is that Land's member or permanent
 * deputy of the session's chair period, or the temporary deputy named for this session (one per
 * Land: a deputy replaced by a later naming no longer represents it).
 */
export function isEntitledRepresentative(state: MeetingState, p: Participant | undefined, land?: LandCode): p is Participant {
  if (!p || !p.land || !VOTING_KINDS.has(p.kind)) return false;
  if (land !== undefined && p.land !== land) return false;
  if (p.kind === 'temporaryDeputy') return !p.replacedBy;
  return state.session !== null && p.chairPeriod === state.session.chairPeriod;
}

export function entitledRepresentatives(state: MeetingState, land: LandCode): Participant[] {
  return Object.values(state.participants).filter((p) => isEntitledRepresentative(state, p, land));
}

/** R-VOT-3: Länder with an entitled representative checked in (guests and staff never count: R-GST-1). */
export function presentLands(state: MeetingState): LandCode[] {
  const lands = new Set<LandCode>();
  for (const p of Object.values(state.participants)) {
    if (p.presence !== null && isEntitledRepresentative(state, p)) lands.add(p.land as LandCode);
  }
  return [...lands].sort();
}

export function activeTransfers(state: MeetingState): Transfer[] {
  return state.transfers.filter((t) => t.revokedAt === null);
}

/** R-MEM-4: does a transfer's scope cover this item? `untilRevoked` covers everything, also motions without an item. */
export function scopeCovers(t: Pick<Transfer, 'scope'>, itemId: string | null): boolean {
  if (t.scope.kind === 'untilRevoked') return true;
  return itemId !== null && t.scope.itemIds.includes(itemId);
}

/** Two scopes overlap when one item (or "everything") is covered by both. */
export function scopesOverlap(a: Pick<Transfer, 'scope'>, b: Pick<Transfer, 'scope'>): boolean {
  if (a.scope.kind === 'untilRevoked' || b.scope.kind === 'untilRevoked') return true;
  const other = b.scope.itemIds;
  return a.scope.itemIds.some((id) => other.includes(id));
}

/** The active transfer of `land`'s vote that covers the item (null: the Land casts its own vote). */
export function transferCovering(state: MeetingState, land: LandCode, itemId: string | null): Transfer | null {
  return activeTransfers(state).find((t) => t.from === land && scopeCovers(t, itemId)) ?? null;
}

export function motionItemId(motion: Motion): string | null {
  return motion.kind === 'setPublic' ? null : motion.itemId;
}

/**
 * Who casts `land`'s vote for an item: the Land itself, or the holder of a transfer. With chains
 * allowed (setting transferChainsAllowed) the chain is followed. Returns null when the vote cannot
 * be cast: the holder is absent and so is the Land itself.
 */
function resolveCaster(
  state: MeetingState, land: LandCode, itemId: string | null, present: Set<LandCode>, profile: RulesProfile,
): { castBy: LandCode; transferId: string | null } | null {
  const first = transferCovering(state, land, itemId);
  if (!first) return present.has(land) ? { castBy: land, transferId: null } : null;
  let holder = first.to;
  if (profile.interpretations.transferChainsAllowed) {
    const seen = new Set<LandCode>([land]);
    let cycle = false;
    for (let next = transferCovering(state, holder, itemId); next && !cycle; next = transferCovering(state, holder, itemId)) {
      seen.add(holder);
      holder = next.to;
      cycle = seen.has(holder);
    }
    // A ring of transfers (refused by decide, but possible in an imported log) leaves the vote with its Land.
    if (cycle) return present.has(land) ? { castBy: land, transferId: null } : null;
  }
  if (present.has(holder)) return { castBy: holder, transferId: first.id };
  // Reading: a transfer to an absent Land cannot be cast; the transferring Land, if present, keeps its vote.
  return present.has(land) ? { castBy: land, transferId: null } : null;
}

/**
 * R-VOT-2 base, frozen at open (R-VOT-5): every Land whose vote can be cast in this round, and
 * who casts it. Each Land appears once, in the profile's order.
 */
export function electorateFor(state: MeetingState, motion: Motion, profile: RulesProfile): Electorate {
  const present = new Set(presentLands(state));
  const itemId = motionItemId(motion);
  const electorate: Electorate = {};
  for (const { code } of profile.lands) {
    const caster = resolveCaster(state, code, itemId, present, profile);
    if (caster) electorate[code] = caster;
  }
  return electorate;
}

export interface QuorumStatus { present: number; required: number; met: boolean }

/**
 * R-VOT-3 (GO 5.3: Länder with *voting* members present), for `itemId` (default the current item;
 * null: a motion without an item, covered only by untilRevoked transfers).
 * transferredCountsForQuorum off (DMK): a present Land counts unless its vote is held by another
 * Land through a transfer covering the item. On: every present Land counts, and so does an absent
 * Land whose vote is held by a present Land.
 */
export function quorumStatus(state: MeetingState, profile: RulesProfile, itemId: string | null = state.currentItemId): QuorumStatus {
  const present = new Set(presentLands(state).filter((l) => profile.lands.some((x) => x.code === l)));
  const counting = profile.interpretations.transferredCountsForQuorum;
  const lands = new Set<LandCode>();
  for (const { code } of profile.lands) {
    // Who casts this Land's vote for the item (a transfer to an absent holder leaves it with the Land).
    const caster = resolveCaster(state, code, itemId, present, profile);
    if (counting ? present.has(code) || caster?.transferId != null : present.has(code) && caster?.castBy === code) lands.add(code);
  }
  const size = lands.size;
  return { present: size, required: profile.quorum, met: size >= profile.quorum };
}

/** R-MEM-2, R-MEM-4: the Länder whose slot this participant may set in this round (own Land and votes held). */
export function landsParticipantMayCast(state: MeetingState, vote: VoteRound, participantId: string): LandCode[] {
  const p = own(state.participants, participantId);
  if (!isEntitledRepresentative(state, p) || p.presence === null || vote.status !== 'open') return [];
  return Object.entries(vote.electorate).filter(([, e]) => e.castBy === p.land).map(([land]) => land);
}
