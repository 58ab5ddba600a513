import { describe, expect, it } from 'vitest';
import {
  decideExtraordinary, evolveExtraordinary, initialExtraordinaryState, type CircularRosterEntry, type ExtraordinaryState,
} from '../src/circular/index.ts';
import type { Actor } from '../src/context.ts';
import { DMK_PROFILE } from '../src/profile.ts';
import { accepted } from './support/refusal.ts';

const LANDS = DMK_PROFILE.lands.map((l) => l.code);
const roster: CircularRosterEntry[] = LANDS.map((land) => ({ participantId: `p-${land}-member`, name: land, land, kind: 'member' }));
const member = (land: string): Actor => ({ role: 'delegate', participantId: `p-${land}-member` });
let n = 0;
const ctx = (actor: Actor) => ({ now: '2024-06-03T10:00:00Z', actor, newId: (p: string) => `${p}-${++n}`, profile: DMK_PROFILE, roster });
function apply(s: ExtraordinaryState, command: unknown, actor: Actor) {
  const events = accepted(decideExtraordinary(s, command, ctx(actor)));
  return { state: events.reduce(evolveExtraordinary, s), events };
}

describe('extraordinary session requests (R-SES-1)', () => {
  it('R-SES-1: the office is told when the 11th Land joins, not before', () => {
    let s = apply(initialExtraordinaryState(), { type: 'requestExtraordinarySession', reason: 'Cybersicherheitslage' }, member('NW')).state;
    for (const land of LANDS.filter((l) => l !== 'NW').slice(0, 9)) {
      const r = apply(s, { type: 'joinExtraordinaryRequest' }, member(land));
      expect(r.events.map((e) => e.type)).toEqual(['ExtraordinaryRequestJoined']);
      s = r.state;
    }
    expect(Object.keys(s.lands)).toHaveLength(10);
    const eleventh = apply(s, { type: 'joinExtraordinaryRequest' }, member('TH'));
    expect(eleventh.events.map((e) => e.type)).toEqual(['ExtraordinaryRequestJoined', 'ExtraordinaryThresholdReached']);
    expect(eleventh.state.status).toBe('reached');
    expect(eleventh.events[1]).toMatchObject({ needed: 11 });
  });

  it('R-SES-1: a Land joins once; a withdrawal lowers the count; non-members are refused', () => {
    let s = apply(initialExtraordinaryState(), { type: 'requestExtraordinarySession', reason: 'x' }, member('BY')).state;
    expect(decideExtraordinary(s, { type: 'joinExtraordinaryRequest' }, ctx(member('BY')))).toMatchObject({ code: 'extraordinary.alreadyJoined' });
    s = apply(s, { type: 'joinExtraordinaryRequest' }, member('HE')).state;
    s = apply(s, { type: 'withdrawFromExtraordinaryRequest' }, member('HE')).state;
    expect(Object.keys(s.lands)).toEqual(['BY']);
    expect(decideExtraordinary(s, { type: 'joinExtraordinaryRequest' }, ctx({ role: 'delegate', participantId: 'p-temp' })))
      .toMatchObject({ code: 'circular.notMemberOrPermanentDeputy' });
  });
});
