import type { DecisionRule, Motion } from '../model.ts';
import { own } from '../record.ts';
import { violation, isViolation, type RuleViolation } from '../violations.ts';
import type { CommandOf, MeetingEvent } from './schema.ts';
import type { AgendaItem, Participant, VoteRound } from './state.ts';
import { electorateFor, entitledRepresentatives, landsParticipantMayCast, motionItemId, quorumStatus } from './derive.ts';
import { decideOutcome, oralEntries } from './tally.ts';
import { noVoteInArbeitsgremium } from './arbeitsgremium.ts';
import { ev, findItem, needOpen, needOpenVote, ownParticipant, type MeetingContext, type Result } from './guards.ts';

/** A round: opened with its text, rule and electorate frozen (R-VOT-5), closed or cancelled. Its ballots: ballots.ts. */

interface MotionPlan { decisionRule: DecisionRule; ruleId: string; text: string }

function itemText(item: AgendaItem, paragraph: string | null): string {
  const paras = paragraph === null ? item.paragraphs : item.paragraphs.filter((p) => p.number === paragraph);
  const body = paras.map((p) => `${p.number}. ${p.text}`).join('\n');
  // item.number is the full label ("TOP 7"); no prefix of our own.
  return body ? `${item.number} ${item.title}\n${body}` : `${item.number} ${item.title}`;
}

/** The guards of each motion (R-AGD-2, R-AGD-3, R-AGD-5, R-VOT-6, R-SES-4) and the rule it is decided by. */
function planMotion(c: MeetingContext, motion: Motion): MotionPlan | RuleViolation {
  if (motion.kind === 'setPublic') {
    const text = motion.public ? 'Die Sitzung wird öffentlich verfolgt.' : 'Die Sitzung ist nicht öffentlich.';
    return { decisionRule: 'consensusOrQualified', ruleId: 'R-SES-4', text };
  }
  const item = findItem(c.state, motion.itemId);
  if (isViolation(item)) return item;
  switch (motion.kind) {
    case 'resolution':
      if (item.kind === 'report') return violation('item.reportNoVote', 'R-AGD-5', { itemId: item.id });
      if (item.shortNotice && !item.admitted) return violation('item.notAdmitted', 'R-AGD-2', { itemId: item.id });
      if (item.bundesrat && !item.bundesratCleared) return violation('agenda.bundesratProcedureRequired', 'R-AGD-3', { itemId: item.id });
      if (motion.paragraph !== null && !item.paragraphs.some((p) => p.number === motion.paragraph)) {
        return violation('paragraph.unknown', 'R-VOT-6', { itemId: item.id, paragraph: motion.paragraph });
      }
      return { decisionRule: 'consensusOrQualified', ruleId: 'R-VOT-1', text: itemText(item, motion.paragraph) };
    case 'admitShortNotice':
      if (!item.shortNotice) return violation('item.notShortNotice', 'R-AGD-2', { itemId: item.id });
      if (item.admitted) return violation('item.alreadyAdmitted', 'R-AGD-2', { itemId: item.id });
      return { decisionRule: 'simpleMajority', ruleId: 'R-AGD-2', text: `Zulassung des kurzfristig angemeldeten ${item.number} ${item.title}` };
    case 'bundesratProcedure':
      if (!item.bundesrat) return violation('item.notBundesrat', 'R-AGD-3', { itemId: item.id });
      if (item.bundesratCleared) return violation('item.alreadyCleared', 'R-AGD-3', { itemId: item.id });
      return {
        decisionRule: c.profile.interpretations.bundesratProcedureByQualifiedMajorityOnly ? 'qualifiedOnly' : 'consensusOrQualified',
        ruleId: 'R-AGD-3',
        text: `Verfahrensbeschluss zur Sachentscheidung über ${item.number} ${item.title} (Bundesratsverfahren)`,
      };
  }
}

/** R-VOT-3 (quorum to open), R-VOT-5 (text, rule and electorate frozen), one open vote at a time. */
export function openVote(c: MeetingContext, cmd: CommandOf<'openVote'>): Result {
  const session = needOpen(c.state);
  if (isViolation(session)) return session;
  const noVote = noVoteInArbeitsgremium(session);
  if (noVote) return noVote;
  if (c.state.openVoteId) return violation('vote.alreadyOpen', 'R-VOT-5', { voteId: c.state.openVoteId });
  const plan = planMotion(c, cmd.motion);
  if (isViolation(plan)) return plan;
  const q = quorumStatus(c.state, c.profile, motionItemId(cmd.motion));
  if (!q.met) return violation('quorum.notReached', 'R-VOT-3', { present: q.present, required: q.required });
  return [ev(c, 'VoteOpened', {
    voteId: c.newId('vote'), motion: cmd.motion, decisionRule: plan.decisionRule, ruleId: plan.ruleId, text: plan.text,
    electorate: electorateFor(c.state, cmd.motion, c.profile), quorumAtOpen: { present: q.present, required: q.required },
  })];
}

/** R-VOT-3: quorum recorded at the close; R-VOT-1/2, R-AGD-2/3: the outcome with its explanation; then the motion's effect. */
export function closeVote(c: MeetingContext, cmd: CommandOf<'closeVote'>): Result {
  const vote = needOpenVote(c.state, cmd.voteId);
  if (isViolation(vote)) return vote;
  const itemId = motionItemId(vote.motion);
  const quorum = quorumStatus(c.state, c.profile, itemId);
  const electorate = c.profile.interpretations.baseFrozenAtOpen ? vote.electorate : electorateFor(c.state, vote.motion, c.profile);
  const { explanation, choices } = decideOutcome({
    decisionRule: vote.decisionRule, electorate, ballots: vote.ballots, quorum, profile: c.profile, ruleId: vote.ruleId,
  });
  const oral = oralEntries(electorate, vote.ballots);
  const events: MeetingEvent[] = [ev(c, 'VoteClosed', { voteId: vote.id, explanation, choices, oral })];
  if (explanation.outcome === 'adopted') {
    const m = vote.motion;
    if (m.kind === 'admitShortNotice') events.push(ev(c, 'ShortNoticeItemAdmitted', { itemId: m.itemId, voteId: vote.id }));
    if (m.kind === 'bundesratProcedure') events.push(ev(c, 'BundesratProcedureCleared', { itemId: m.itemId, voteId: vote.id }));
    if (m.kind === 'setPublic') events.push(ev(c, 'PublicSwitched', { public: m.public, voteId: vote.id }));
  }
  return events;
}

/** R-VOT-5: a cancelled round is no decision. */
export function cancelVote(c: MeetingContext, cmd: CommandOf<'cancelVote'>): Result {
  const vote = needOpenVote(c.state, cmd.voteId);
  if (isViolation(vote)) return vote;
  return [ev(c, 'VoteCancelled', { voteId: vote.id })];
}
