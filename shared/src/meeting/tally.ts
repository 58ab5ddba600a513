import type { LandCode, RulesProfile } from '../profile.ts';
import { own } from '../record.ts';
import type { Choice, DecisionRule, Explanation, OralMode } from '../model.ts';
import type { Electorate } from './schema.ts';
import type { VoteRound } from './state.ts';
import { yesNeeded } from '../threshold.ts';

/**
 * Counting a round. Pure: used by `decide` on close, by the server's independent verifier and by
 * the client's live view. Only Länder of the frozen electorate count, each once (R-MEM-2).
 */

export interface Tally { yes: number; no: number; abstain: number; notVoted: number; base: number }

type BallotLike = Choice | null | undefined | { choice: Choice };
const choiceOf = (b: BallotLike): Choice | null => (b == null ? null : typeof b === 'string' ? b : b.choice);

/** Each Land of the electorate once; ballots of Länder outside it are ignored. */
export function countChoices(electorate: Electorate, ballots: Record<LandCode, BallotLike>): Tally {
  const t: Tally = { yes: 0, no: 0, abstain: 0, notVoted: 0, base: 0 };
  for (const land of Object.keys(electorate)) {
    t.base += 1;
    const c = choiceOf(own(ballots, land));
    if (c === null) t.notVoted += 1;
    else t[c] += 1;
  }
  return t;
}

/** R-VOT-7: the Länder of the electorate whose counting entry was declared orally, and how. */
export function oralEntries(electorate: Electorate, ballots: Record<LandCode, { oral?: OralMode | null }>): Record<LandCode, OralMode> {
  const oral: Record<LandCode, OralMode> = {};
  for (const land of Object.keys(electorate)) {
    const mode = own(ballots, land)?.oral;
    if (mode) oral[land] = mode;
  }
  return oral;
}

export function liveTally(vote: Pick<VoteRound, 'electorate' | 'ballots'>): Tally {
  return countChoices(vote.electorate, vote.ballots);
}

export interface OutcomeInput {
  decisionRule: DecisionRule;
  electorate: Electorate;
  ballots: Record<LandCode, BallotLike>;
  quorum: { present: number; required: number; met: boolean };
  profile: RulesProfile;
  /** The rule the round was opened under; named in the explanation of a simple-majority round. */
  ruleId?: string;
}

export interface OutcomeResult {
  explanation: Explanation;
  /** Every Land of the electorate with its final choice (null: did not answer), for the protocol (R-PRT-1). */
  choices: Record<LandCode, Choice | null>;
}

/** R-AGD-2: the simple majority, by setting shortNoticeMajority. */
function simpleNeeded(t: Tally, profile: RulesProfile): number {
  return profile.interpretations.shortNoticeMajority === 'moreYesThanNo' ? t.no + 1 : Math.floor(t.base / 2) + 1;
}

/**
 * R-VOT-1: no represented Land votes no (abstentions block only by setting; an all-abstain round is
 * no consensus by setting). With silenceBlocksConsensus every Land of the electorate must have
 * answered: otherwise one yes and thirteen silent Länder would be "consensus".
 */
function isConsensus(t: Tally, profile: RulesProfile): boolean {
  const i = profile.interpretations;
  if (t.no > 0) return false;
  if (i.silenceBlocksConsensus && t.notVoted > 0) return false;
  if (i.abstentionBlocksConsensus && t.abstain > 0) return false;
  if (i.consensusRequiresYes && t.yes === 0) return false;
  return true;
}

export function decideOutcome(input: OutcomeInput): OutcomeResult {
  const { decisionRule, electorate, ballots, quorum, profile } = input;
  const t = countChoices(electorate, ballots);
  const choices: Record<LandCode, Choice | null> = {};
  for (const land of Object.keys(electorate)) {
    choices[land] = choiceOf(own(ballots, land));
  }
  const base = { decisionRule, base: t.base, yes: t.yes, no: t.no, abstain: t.abstain, notVoted: t.notVoted, quorum: { ...quorum } };
  const qualifiedNeeded = yesNeeded(t.base, profile);

  // R-VOT-3: a round that is not quorate at the close is no decision.
  if (!quorum.met) {
    const needed = decisionRule === 'simpleMajority' ? simpleNeeded(t, profile) : qualifiedNeeded;
    return { choices, explanation: { ...base, rule: 'R-VOT-3', method: 'none', needed, outcome: 'notDecided' } };
  }
  if (decisionRule === 'simpleMajority') {
    const needed = simpleNeeded(t, profile);
    const outcome = t.yes > 0 && t.yes >= needed ? 'adopted' : 'rejected';
    return { choices, explanation: { ...base, rule: input.ruleId ?? 'R-AGD-2', method: 'simpleMajority', needed, outcome } };
  }
  if (decisionRule === 'consensusOrQualified' && isConsensus(t, profile)) {
    return { choices, explanation: { ...base, rule: 'R-VOT-1', method: 'consensus', needed: qualifiedNeeded, outcome: 'adopted' } };
  }
  // R-VOT-2: abstentions and Länder that do not answer stay in the base and so count against.
  const outcome = t.yes > 0 && t.yes >= qualifiedNeeded ? 'adopted' : 'rejected';
  return { choices, explanation: { ...base, rule: 'R-VOT-2', method: 'qualified', needed: qualifiedNeeded, outcome } };
}
