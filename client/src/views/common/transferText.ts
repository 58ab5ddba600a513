import type { MeetingState, Transfer } from '@plenum/shared';

/** R-MEM-4: a transfer's scope in words: "bis auf Widerruf" or "für TOP 5, TOP 6". */
export function transferScopeText(t: (k: string, o?: Record<string, unknown>) => string, state: MeetingState, tr: Transfer): string {
  if (tr.scope.kind === 'untilRevoked') return t('transfer.untilRevoked');
  const numbers = tr.scope.itemIds.map((id) => state.agenda.find((i) => i.id === id)?.number ?? id);
  return t('transfer.forItems', { items: numbers.join(', ') });
}
