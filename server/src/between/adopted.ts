import type { LandCode, MeetingState } from '@plenum/shared';

/**
 * R-FUP-1: the follow-up registrations for resolutions adopted in a session: every closed round
 * with outcome 'adopted' on a resolution motion (whole item or a paragraph, R-VOT-6: one entry
 * per item) → registerAdoptedResolution with the item's rapporteur Länder as proposing Länder and
 * its lead Land (R-AGD-1: the item's `leadLand`, else the first rapporteur Land) as the one that
 * tracks the implementation. The title is the item's number as it stands ("TOP 5: …").
 * Items reported by the Bund alone have no proposing Land and are not tracked. `voteIds` limits
 * the look to the rounds just closed; without it every round of the meeting is considered.
 */
export function adoptedResolutionsIn(meetingId: string, state: MeetingState, voteIds?: ReadonlySet<string>) {
  const commands = new Map<string, Record<string, unknown>>();
  for (const vote of Object.values(state.votes)) {
    if (voteIds && !voteIds.has(vote.id)) continue;
    if (vote.status !== 'closed' || vote.explanation?.outcome !== 'adopted' || vote.motion.kind !== 'resolution') continue;
    const itemId = vote.motion.itemId;
    const item = state.agenda.find((i) => i.id === itemId);
    const lands = (item?.rapporteurs ?? []).filter((r): r is LandCode => r !== 'BUND');
    if (!item || lands.length === 0) continue;
    const resolutionId = `${meetingId}.${item.id}`.slice(0, 64);
    if (commands.has(resolutionId)) continue;
    commands.set(resolutionId, {
      type: 'registerAdoptedResolution', resolutionId, title: `${item.number}: ${item.title}`.slice(0, 300),
      proposingLands: lands, leadLand: leadLandOf(item, lands), adoptedAt: vote.closedAt ?? new Date().toISOString(), source: (state.session?.title ?? meetingId).slice(0, 300),
    });
  }
  return [...commands.values()];
}

function leadLandOf(item: object, lands: LandCode[]): LandCode {
  const lead = 'leadLand' in item && typeof item.leadLand === 'string' ? item.leadLand : null;
  return lead && lands.includes(lead) ? lead : lands[0];
}
