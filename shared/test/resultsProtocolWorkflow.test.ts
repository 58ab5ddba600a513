import { describe, expect, it } from 'vitest';
import {
  decideProtocolWorkflow, evolveProtocolWorkflow, initialProtocolWorkflowState, type ProtocolWorkflowState,
} from '../src/resultsProtocol/index.ts';
import type { CircularRosterEntry } from '../src/circular/index.ts';
import type { Actor } from '../src/context.ts';
import { DMK_PROFILE } from '../src/profile.ts';
import { accepted } from './support/refusal.ts';

const roster: CircularRosterEntry[] = DMK_PROFILE.lands.map((l) => ({ participantId: `p-${l.code}-member`, name: l.code, land: l.code, kind: 'member' }));
const office: Actor = { role: 'office', participantId: 'p-office' };
const system: Actor = { role: 'system', participantId: null };
const member = (land: string): Actor => ({ role: 'delegate', participantId: `p-${land}-member` });
let n = 0;
const ctx = (now: string, actor: Actor) => ({ now, actor, newId: (p: string) => `${p}-${++n}`, profile: DMK_PROFILE, roster });
function apply(s: ProtocolWorkflowState, command: unknown, now: string, actor: Actor) {
  return accepted(decideProtocolWorkflow(s, command, ctx(now, actor))).reduce(evolveProtocolWorkflow, s);
}
// Session Fri 19 Apr 2024; draft due end of Fri 3 May; sent Tue 30 Apr → objections until end of Tue 14 May.
const SENT = '2024-04-30T09:00:00+02:00';
const sent = () => apply(initialProtocolWorkflowState(), { type: 'sendProtocolDraft', meetingId: 'dmk-2024-1', sessionDay: '2024-04-19' }, SENT, office);

describe('protocol workflow (R-PRT-2, R-PRT-3)', () => {
  it('R-PRT-2: sent in time; without objections the scheduler approves it when the period ends — not before', () => {
    const s = sent();
    expect(s).toMatchObject({ status: 'sent', sentLate: false, draftDue: '2024-05-03T21:59:59.999Z', objectionsEnd: '2024-05-14T21:59:59.999Z' });
    expect(decideProtocolWorkflow(s, { type: 'approveProtocol' }, ctx('2024-05-14T21:00:00Z', system))).toMatchObject({ code: 'protocol.objectionPeriodRunning' });
    const approved = apply(s, { type: 'approveProtocol' }, '2024-05-14T22:00:00Z', system);
    expect(approved).toMatchObject({ status: 'approved', approvedAutomatically: true });
  });

  it('R-PRT-2: a draft sent after two weeks is recorded as late', () => {
    const s = apply(initialProtocolWorkflowState(), { type: 'sendProtocolDraft', meetingId: 'm', sessionDay: '2024-04-19' }, '2024-05-06T09:00:00+02:00', office);
    expect(s.sentLate).toBe(true);
  });

  it('R-PRT-2: an objection within the period blocks automatic approval; the office approves once it is dealt with', () => {
    let s = apply(sent(), { type: 'objectToProtocol', text: 'TOP 5: Zählung prüfen' }, '2024-05-10T10:00:00Z', member('NI'));
    expect(decideProtocolWorkflow(s, { type: 'approveProtocol' }, ctx('2024-05-15T10:00:00Z', system))).toMatchObject({ code: 'protocol.objectionsOpen' });
    expect(decideProtocolWorkflow(s, { type: 'approveProtocol' }, ctx('2024-05-15T10:00:00Z', office))).toMatchObject({ code: 'protocol.objectionsOpen' });
    s = apply(s, { type: 'resolveProtocolObjection', objectionId: s.objections[0].id, resolution: 'Zählung korrigiert' }, '2024-05-15T11:00:00Z', office);
    s = apply(s, { type: 'approveProtocol' }, '2024-05-15T12:00:00Z', office);
    expect(s).toMatchObject({ status: 'approved', approvedAutomatically: false });
  });

  it('R-PRT-2: objections after the period are refused; only members and permanent deputies may object', () => {
    expect(decideProtocolWorkflow(sent(), { type: 'objectToProtocol', text: 'x' }, ctx('2024-05-14T22:00:00Z', member('NI')))).toMatchObject({ code: 'protocol.objectionPeriodEnded' });
    expect(decideProtocolWorkflow(sent(), { type: 'objectToProtocol', text: 'x' }, ctx('2024-05-10T10:00:00Z', { role: 'guest', participantId: 'p-guest' }))).toMatchObject({ code: 'circular.notMemberOrPermanentDeputy' });
  });

  it('R-PRT-3: published only once approved', () => {
    const s = sent();
    expect(decideProtocolWorkflow(s, { type: 'publishProtocol' }, ctx('2024-05-10T10:00:00Z', office))).toMatchObject({ code: 'protocol.notApproved' });
    const published = apply(apply(s, { type: 'approveProtocol' }, '2024-05-15T00:00:00Z', system), { type: 'publishProtocol' }, '2024-05-15T00:00:01Z', system);
    expect(published.status).toBe('published');
  });
});
