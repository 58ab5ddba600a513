import type { TFunction } from 'i18next';
import type { MeetingState, Motion } from '@plenum/shared';

/** What a round decides, in words: "TOP 5, Ziffer 2" or "Zulassung als Eilantrag: TOP 11". */
export function motionLabel(t: TFunction, state: MeetingState, motion: Motion): string {
  if (motion.kind === 'setPublic') return t(motion.public ? 'motion.setPublicOn' : 'motion.setPublicOff');
  const item = state.agenda.find((i) => i.id === motion.itemId);
  const name = item ? `${item.number} ${item.title}` : motion.itemId;
  if (motion.kind === 'resolution') {
    return motion.paragraph ? t('motion.resolutionParagraph', { item: name, paragraph: motion.paragraph }) : t('motion.resolution', { item: name });
  }
  return t(motion.kind === 'admitShortNotice' ? 'motion.admitShortNotice' : 'motion.bundesratProcedure', { item: name });
}
