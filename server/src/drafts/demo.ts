import { DEMO_DRAFT_ID, demoDraftSteps, type Actor } from '@plenum/shared';
import type { Logger } from '../log.ts';
import type { DraftDeps } from './routes.ts';

/**
 * The demo's bracket paper (TOP 7, two open brackets), applied through the draft stream by the
 * Länder and the office of the demo. Fixed idempotency keys: an interrupted first start completes
 * on the next one without duplicates; a draft that already has events is left alone.
 */
export async function seedDemoDraft(deps: Pick<DraftDeps, 'execute' | 'state'>, log: Logger) {
  if ((await deps.state('draft', DEMO_DRAFT_ID)).seq >= demoDraftSteps().length) return;
  let i = 0;
  for (const { actor, command } of demoDraftSteps()) {
    const outcome = await deps.execute('draft', DEMO_DRAFT_ID, command, actor as Actor, `demo-draft-${String(i++).padStart(3, '0')}`);
    if ('error' in outcome) log.warn({ command: command.type, error: outcome.error }, 'demo draft command refused');
  }
}
