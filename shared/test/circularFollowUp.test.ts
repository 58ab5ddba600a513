import { describe, expect, it } from 'vitest';
import {
  decideFollowUp, evolveFollowUp, implementationStatus, initialFollowUpState, workingGroupOverdue, type FollowUpState,
} from '../src/followUp/index.ts';
import type { CircularRosterEntry } from '../src/circular/index.ts';
import type { Actor } from '../src/context.ts';
import { DMK_PROFILE } from '../src/profile.ts';
import { accepted } from './support/refusal.ts';

// (This file is named circularFollowUp so that it sits with the between-sessions tests.)
const roster: CircularRosterEntry[] = DMK_PROFILE.lands.map((l) => ({ participantId: `p-${l.code}-member`, name: l.code, land: l.code, kind: 'member' }));
const office: Actor = { role: 'office', participantId: 'p-office' };
const system: Actor = { role: 'system', participantId: null };
const member = (land: string): Actor => ({ role: 'delegate', participantId: `p-${land}-member` });
let n = 0;
const ctx = (actor: Actor, now = '2024-05-01T10:00:00Z') => ({ now, actor, newId: (p: string) => `${p}-${++n}`, profile: DMK_PROFILE, roster });
function apply(s: FollowUpState, command: unknown, actor: Actor, now?: string) {
  return accepted(decideFollowUp(s, command, ctx(actor, now))).reduce(evolveFollowUp, s);
}
const registered = () => apply(initialFollowUpState(), {
  type: 'registerAdoptedResolution', resolutionId: 'dmk-2024-1:top-6', title: 'Pilotstudie', proposingLands: ['SN'], adoptedAt: '2024-04-19T10:00:00Z', source: '1. DMK, TOP 6',
}, system);

describe('follow-up (R-FUP-1) and working groups (R-FUP-2)', () => {
  it('R-FUP-1: the proposing Land records the implementation status of its adopted resolution', () => {
    let s = registered();
    expect(implementationStatus(s, 'dmk-2024-1:top-6')).toBe('open');
    s = apply(s, { type: 'recordImplementation', resolutionId: 'dmk-2024-1:top-6', status: 'inProgress', note: 'Ausschreibung läuft' }, member('SN'));
    expect(implementationStatus(s, 'dmk-2024-1:top-6')).toBe('inProgress');
  });

  it('R-FUP-1: another Land cannot, and an unregistered resolution has no follow-up', () => {
    expect(decideFollowUp(registered(), { type: 'recordImplementation', resolutionId: 'dmk-2024-1:top-6', status: 'done' }, ctx(member('BY')))).toMatchObject({ code: 'followUp.notLeadLand' });
    expect(decideFollowUp(registered(), { type: 'recordImplementation', resolutionId: 'nope', status: 'done' }, ctx(member('SN')))).toMatchObject({ code: 'followUp.notAdopted' });
  });

  it('R-FUP-1 / R-AGD-1: of several proposing Länder only the lead Land tracks the implementation', () => {
    const joint = apply(initialFollowUpState(), {
      type: 'registerAdoptedResolution', resolutionId: 'dmk-2024-1:top-5', title: 'TOP 5: Digitale Ressourcennutzung', proposingLands: ['BB', 'BE'], leadLand: 'BB',
      adoptedAt: '2024-04-19T10:00:00Z', source: '1. DMK',
    }, system);
    expect(joint.resolutions['dmk-2024-1:top-5'].leadLand).toBe('BB');
    expect(decideFollowUp(joint, { type: 'recordImplementation', resolutionId: 'dmk-2024-1:top-5', status: 'done' }, ctx(member('BE'))))
      .toMatchObject({ ok: false, code: 'followUp.notLeadLand', rule: 'R-FUP-1', details: { land: 'BE', leadLand: 'BB' } });
    expect(apply(joint, { type: 'recordImplementation', resolutionId: 'dmk-2024-1:top-5', status: 'done' }, member('BB')).resolutions['dmk-2024-1:top-5'].implementation[0].land).toBe('BB');
    // A lead Land outside the proposing Länder is refused; a registration without one reads the first as lead.
    expect(decideFollowUp(initialFollowUpState(), {
      type: 'registerAdoptedResolution', resolutionId: 'x', title: 'x', proposingLands: ['BB'], leadLand: 'HH', adoptedAt: '2024-04-19T10:00:00Z', source: 'x',
    }, ctx(system))).toMatchObject({ ok: false, code: 'followUp.notProposingLand' });
    expect(registered().resolutions['dmk-2024-1:top-6'].leadLand).toBe('SN');
  });

  it('R-FUP-2: a working group has a chair Land, assignment and deadline; overdue until closed when done', () => {
    let s = apply(initialFollowUpState(), {
      type: 'setUpWorkingGroup', groupId: 'wg-ki', name: 'AG KI in der Arbeitswelt', chairLand: 'RP', assignment: 'Bericht zur 2. DMK', deadline: '2024-10-31', decision: '1. DMK, TOP 9',
    }, office);
    const g = s.workingGroups['wg-ki'];
    expect(g).toMatchObject({ chairLand: 'RP', deadline: '2024-10-31', closedAt: null });
    expect(workingGroupOverdue(g, '2024-10-31T22:00:00Z')).toBe(false);
    expect(workingGroupOverdue(g, '2024-10-31T23:00:00Z')).toBe(true);
    s = apply(s, { type: 'closeWorkingGroup', groupId: 'wg-ki', report: 'Bericht vorgelegt' }, office);
    expect(workingGroupOverdue(s.workingGroups['wg-ki'], '2025-01-01T00:00:00Z')).toBe(false);
    expect(decideFollowUp(s, { type: 'closeWorkingGroup', groupId: 'wg-ki' }, ctx(office))).toMatchObject({ code: 'workingGroup.closed' });
    expect(decideFollowUp(s, { type: 'setUpWorkingGroup', name: 'x', chairLand: 'RP', assignment: 'y', deadline: '2025-01-01', decision: 'z' }, ctx(member('RP')))).toMatchObject({ code: 'auth.forbidden' });
  });
});
