import type { ResultsProtocolModel, ProtocolItem, ProtocolPerson, ProtocolVote } from './model.ts';

type NameOf = (participantId: string | null, name: string) => string;
const withoutNames = (v: ProtocolVote, nameOf: NameOf): ProtocolVote => ({
  ...v,
  lands: v.lands.map((l) => ({
    ...l,
    participantName: l.participantName ? nameOf(l.participantId, l.participantName) || null : null,
    differing: l.differing.map((d) => ({ ...d, participantName: nameOf(d.participantId, d.participantName) })),
  })),
});

/**
 * R-PRT-3: the published version of an approved results protocol.
 * - Items barred from publication are left out (and counted).
 * - The resolution text is what was adopted: a proposal keeps only its adopted paragraphs; the
 *   others are listed in `notAdoptedParagraphs` and the text of the rounds on them is not shown.
 * - No personal names by default: people appear as their office (member, deputy, guest, …) of
 *   their Land; a name is kept only when the office marked that participant's name as public.
 *   A withheld name is the empty string; the renderers then print the office (see text.ts).
 * - The attachments of a resolution go with it (publishedAttachments).
 */
export interface PublicationOptions {
  /** Participants whose names the office marked as public. */
  publicNames?: Iterable<string>;
}

export function publicationOf(model: ResultsProtocolModel, options: PublicationOptions = {}): ResultsProtocolModel {
  const publicNames = new Set(options.publicNames ?? []);
  const nameOf: NameOf = (participantId, name) => (participantId && publicNames.has(participantId) ? name : '');
  const person = <P extends ProtocolPerson>(p: P): P => ({ ...p, name: nameOf(p.participantId, p.name) });

  const kept = model.items.filter((i) => !i.barredFromPublication).map((item) => publishedItem(item, nameOf));
  const keptIds = new Set(kept.map((i) => i.number));
  return {
    ...model,
    lands: model.lands.map((l) => ({ ...l, representatives: l.representatives.map(person) })),
    guests: model.guests.map(person),
    staff: model.staff.map(person),
    deputies: model.deputies.map((d) => ({
      ...d, name: nameOf(d.participantId, d.name), namedBy: d.namedByParticipantId ? nameOf(d.namedByParticipantId, d.namedBy) : d.namedBy,
    })),
    items: kept,
    sessionVotes: model.sessionVotes.map((v) => withoutNames(v, nameOf)),
    conflicts: model.conflicts.filter((c) => c.itemNumber === null || keptIds.has(c.itemNumber)),
    withheldItems: model.items.length - kept.length,
    published: true,
  };
}

function publishedItem(item: ProtocolItem, nameOf: NameOf): ProtocolItem {
  const adopted = new Set(item.paragraphOutcomes.filter((p) => p.outcome === 'adopted').map((p) => p.number));
  const isProposal = item.kind === 'proposal';
  const notAdopted = isProposal ? item.paragraphs.filter((p) => !adopted.has(p.number)).map((p) => p.number) : [];
  const hidden = new Set(notAdopted);
  const votes = item.votes.map((v) => ({
    ...withoutNames(v, nameOf),
    // The frozen text of a round on a paragraph that was not adopted is not published.
    text: (v.paragraph !== null ? hidden.has(v.paragraph) : v.outcome !== 'adopted') && isProposal ? '' : v.text,
  }));
  return {
    ...item,
    paragraphs: isProposal ? item.paragraphs.filter((p) => adopted.has(p.number)) : item.paragraphs,
    notAdoptedParagraphs: notAdopted,
    votes,
    proceduralVotes: item.proceduralVotes.map((v) => withoutNames(v, nameOf)),
    declarations: item.declarations.map((d) => ({ ...d, participantName: nameOf(d.participantId, d.participantName) })),
    attachments: publishedAttachments(item, adopted),
  };
}

/**
 * R-PRT-3: the documents a resolution refers to are published with it: those of an adopted (or
 * partly adopted) proposal, or of a report taken note of, unless barred; one that only
 * not-adopted paragraphs refer to is left out with them. A rejected proposal publishes none.
 */
function publishedAttachments(item: ProtocolItem, adopted: ReadonlySet<string>): ProtocolItem['attachments'] {
  const resolved = item.outcome === 'adopted' || item.outcome === 'partlyAdopted' || item.outcome === 'noted';
  if (!resolved) return [];
  return item.attachments.filter((a) => !a.barredFromPublication
    && (a.paragraphs.length === 0 || item.kind !== 'proposal' || a.paragraphs.some((n) => adopted.has(n))));
}
