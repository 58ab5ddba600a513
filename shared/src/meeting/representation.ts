import type { LandCode } from '../profile.ts';
import { violation, isViolation, type RuleViolation } from '../violations.ts';
import { MAX_DECLARATIONS_PER_LAND_AND_ITEM } from '../limits.ts';
import type { CommandOf } from './schema.ts';
import { activeTransfers, scopesOverlap } from './derive.ts';
import {
  ev, findItem, knownLand, needNotClosed, ownParticipant, refuseIfOpenRoundCovered, type MeetingContext, type Result,
} from './guards.ts';

/** How a Land is represented: transfers of its vote (R-MEM-4) and its protocol declarations (R-VOT-4). */

/** The Land a delegate acts for; office/system name it explicitly. */
function actingLand(c: MeetingContext, given: LandCode | undefined): LandCode | RuleViolation {
  if (given) return given;
  return ownParticipant(c)?.land ?? violation('land.unknown', 'R-MEM-4');
}

/** Would a transfer from → to close a ring of transfers (to → … → from)? */
function closesCycle(active: { from: LandCode; to: LandCode }[], from: LandCode, to: LandCode): boolean {
  const seen = new Set<LandCode>();
  const stack = [to];
  for (let land = stack.pop(); land !== undefined; land = stack.pop()) {
    if (land === from) return true;
    if (seen.has(land)) continue;
    seen.add(land);
    for (const t of active) if (t.from === land) stack.push(t.to);
  }
  return false;
}

/** R-MEM-4: transfers for named items or until revoked; no self, no second transfer, no chains (setting). */
export function transferVote(c: MeetingContext, cmd: CommandOf<'transferVote'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  const from = actingLand(c, cmd.from);
  if (isViolation(from)) return from;
  for (const land of [from, cmd.to]) if (!knownLand(c.profile, land)) return violation('land.unknown', 'R-MEM-4', { land });
  if (from === cmd.to) return violation('proxy.self', 'R-MEM-4', { land: from });
  if (cmd.scope.kind === 'items') {
    const missing = cmd.scope.itemIds.find((id) => !c.state.agenda.some((i) => i.id === id));
    if (missing) return violation('proxy.itemUnknown', 'R-MEM-4', { itemId: missing });
  }
  const candidate = { scope: cmd.scope };
  const covered = refuseIfOpenRoundCovered(c.state, candidate);
  if (covered) return covered;
  const active = activeTransfers(c.state).filter((t) => scopesOverlap(t, candidate));
  const already = active.find((t) => t.from === from);
  if (already) return violation('proxy.alreadyTransferred', 'R-MEM-4', { land: from, transferId: already.id });
  if (!c.profile.interpretations.transferChainsAllowed) {
    // A vote held by transfer cannot be passed on: neither to a Land that gave its own vote away,
    // nor by a Land that holds another Land's vote.
    const chain = active.find((t) => t.from === cmd.to || t.to === from);
    if (chain) return violation('proxy.chainForbidden', 'R-MEM-4', { transferId: chain.id });
  } else if (closesCycle(active, from, cmd.to)) {
    // Chains allowed, but a ring would leave every Land in it without anyone to cast its vote.
    return violation('proxy.chainForbidden', 'R-MEM-4', { reason: 'cycle' });
  }
  return [ev(c, 'VoteTransferred', { transferId: c.newId('transfer'), from, to: cmd.to, scope: cmd.scope })];
}

/** R-MEM-4: revocable at any time while no vote is open on an item the transfer covers. */
export function revokeTransfer(c: MeetingContext, cmd: CommandOf<'revokeTransfer'>): Result {
  const t = c.state.transfers.find((x) => x.id === cmd.transferId);
  if (!t) return violation('proxy.unknown', 'R-MEM-4', { transferId: cmd.transferId });
  if (t.revokedAt !== null) return violation('proxy.revoked', 'R-MEM-4', { transferId: t.id });
  const covered = refuseIfOpenRoundCovered(c.state, t);
  if (covered) return covered;
  return [ev(c, 'TransferRevoked', { transferId: t.id })];
}

/**
 * R-VOT-4: a protocol declaration of a member or permanent deputy on a resolution proposal. Who
 * may declare (entitled, not a temporary deputy) is checked by authorize.
 */
export function addDeclaration(c: MeetingContext, cmd: CommandOf<'addDeclaration'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  const item = findItem(c.state, cmd.itemId);
  if (isViolation(item)) return item;
  if (item.kind === 'report') return violation('item.reportNoVote', 'R-VOT-4', { itemId: item.id });
  const me = ownParticipant(c);
  if (!me || !me.land) return violation('participant.unknown', 'R-VOT-4');
  const already = c.state.declarations.filter((d) => d.itemId === item.id && d.land === me.land).length;
  if (already >= MAX_DECLARATIONS_PER_LAND_AND_ITEM) return violation('declaration.tooMany', 'R-VOT-4', { max: MAX_DECLARATIONS_PER_LAND_AND_ITEM });
  return [ev(c, 'DeclarationAdded', { declarationId: c.newId('decl'), itemId: item.id, land: me.land, participantId: me.id, text: cmd.text })];
}
