import type { SessionFormat } from '@plenum/shared';

/** R-SES-2 (GO 3.1.3): the formats a session is held in, in the order the forms offer them (SessionFormat in shared/src/model.ts, without zod in the bundle). */
export const SESSION_FORMATS: readonly SessionFormat[] = ['room', 'telephone', 'video', 'web', 'hybrid'];
