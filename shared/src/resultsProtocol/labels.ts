/** Words of the results protocol, German first (R-PRT-1), English on request. */
export type ProtocolLang = 'de' | 'en';

export const PROTOCOL_LABELS = {
  de: {
    heading: 'Ergebnisprotokoll',
    publishedHeading: 'Ergebnisprotokoll (veröffentlichte Fassung)',
    date: 'Datum', place: 'Ort', chair: 'Vorsitz', format: 'Format', kind: 'Art der Sitzung', openedClosed: 'Beginn / Ende',
    formats: { room: 'Präsenz', telephone: 'Telefonkonferenz', video: 'Videokonferenz', web: 'Webkonferenz', hybrid: 'hybrid' },
    kinds: { regular: 'ordentliche Sitzung', extraordinary: 'außerordentliche Sitzung', arbeitsgremium: 'Sitzung des DMK-Arbeitsgremiums' },
    participants: 'Teilnehmende', land: 'Land', representatives: 'Vertretung', mode: 'Teilnahme', absent: 'nicht vertreten',
    modes: { room: 'im Raum', remote: 'zugeschaltet' },
    via: { video: 'per Video', telephone: 'per Telefon' },
    kindsOfPerson: {
      member: 'Mitglied', permanentDeputy: 'ständige Stellvertretung', temporaryDeputy: 'Stellvertretung für diese Sitzung',
      guest: 'Gast', staff: 'Begleitung', chair: 'Vorsitz', office: 'Geschäftsstelle', unknown: '',
    } as Record<string, string>,
    guests: 'Gäste', staff: 'Begleitpersonen', announcedLate: 'nach Sitzungsbeginn angemeldet',
    quorum: 'Beschlussfähigkeit im Verlauf', time: 'Zeit', present: 'anwesend', required: 'erforderlich', met: 'beschlussfähig',
    yesWord: 'ja', noWord: 'nein',
    transfers: 'Stimmrechtsübertragungen', from: 'von', to: 'an', scope: 'Umfang', untilRevoked: 'bis auf Widerruf',
    revoked: 'widerrufen', items: 'Tagesordnungspunkte',
    deputies: 'Stellvertretungen für diese Sitzung (R-MEM-3)', namedBy: 'benannt von', at: 'am',
    conflicts: 'Abweichende Stimmabgaben eines Landes bei Abstimmungsschluss (R-MEM-2, R-VOT-7)',
    agenda: 'Ergebnisse',
    rapporteur: 'Berichterstattung', outcome: 'Ergebnis',
    outcomes: {
      adopted: 'angenommen', rejected: 'abgelehnt', partlyAdopted: 'teilweise angenommen', notDecided: 'keine Entscheidung',
      noted: 'zur Kenntnis genommen', discussed: 'erörtert', notVoted: 'nicht abgestimmt', cancelled: 'abgebrochen',
    } as Record<string, string>,
    shortNotice: 'kurzfristig aufgenommen (R-AGD-2)', bundesrat: 'Gegenstand eines Bundesratsverfahrens (R-AGD-3)',
    vote: 'Abstimmung', whole: 'Gesamtabstimmung', paragraph: 'Ziffer', procedural: 'Verfahrensabstimmung',
    motions: {
      admitShortNotice: 'Aufnahme in die Tagesordnung (R-AGD-2)', bundesratProcedure: 'Verfahrensbeschluss Bundesrat (R-AGD-3)',
      setPublic: 'Öffentlichkeit der Sitzung (R-SES-4)', resolution: 'Beschluss',
    } as Record<string, string>,
    counts: 'Stimmen', yes: 'Ja', no: 'Nein', abstain: 'Enthaltung', notVoted: 'keine Stimme',
    note: 'Hinweis', choice: 'Stimme', castBy: 'abgegeben von', viaTransfer: 'durch Übertragung', conflict: 'abweichende Stimmen bei Abstimmungsschluss',
    // R-VOT-7: where a Land's vote came from
    device: 'am Gerät', oral: { showOfHands: 'Handzeichen', rollCall: 'Namentlicher Aufruf' }, recordedBy: 'erfasst von',
    counted: 'gezählt', notCounted: 'nicht gezählt', lastCounts: 'es zählt die letzte Eingabe',
    declarations: 'Protokollerklärungen', explanation: 'Begründung',
    sessionVotes: 'Verfahrensbeschlüsse der Sitzung', withheld: (n: number) => `${n} Tagesordnungspunkt(e) von der Veröffentlichung ausgenommen (R-PRT-3).`,
    none: 'keine',
    notAdoptedParagraphs: (numbers: string) => `Nicht angenommen und daher nicht veröffentlicht: Ziffer ${numbers} (R-PRT-3).`,
    attachments: 'Anlagen', attachmentFor: (numbers: string) => `zu Ziffer ${numbers}`,
    timeZone: 'Zeitangaben', timeZoneValue: 'Europe/Berlin (MEZ/MESZ)',
    fingerprint: 'Prüfsumme des Protokolls', fingerprintValue: (fp: string, seq: number) => `${fp} (Stand Nr. ${seq} des Sitzungsverlaufs)`,
  },
  en: {
    fingerprint: 'Record checksum', fingerprintValue: (fp: string, seq: number) => `${fp} (as of no. ${seq} of the session log)`,
    heading: 'Results protocol',
    publishedHeading: 'Results protocol (published version)',
    date: 'Date', place: 'Place', chair: 'Chair', format: 'Format', kind: 'Kind of session', openedClosed: 'Opened / closed',
    formats: { room: 'in the room', telephone: 'telephone conference', video: 'video conference', web: 'web conference', hybrid: 'hybrid' },
    kinds: { regular: 'regular session', extraordinary: 'extraordinary session', arbeitsgremium: 'meeting of the DMK working body (Arbeitsgremium)' },
    participants: 'Participants', land: 'Land', representatives: 'Represented by', mode: 'Attendance', absent: 'not represented',
    modes: { room: 'in the room', remote: 'remote' },
    via: { video: 'by video', telephone: 'by telephone' },
    kindsOfPerson: {
      member: 'member', permanentDeputy: 'permanent deputy', temporaryDeputy: 'deputy for this session',
      guest: 'guest', staff: 'staff', chair: 'chair', office: 'office', unknown: '',
    } as Record<string, string>,
    guests: 'Guests', staff: 'Accompanying persons', announcedLate: 'announced after the session started',
    quorum: 'Quorum over time', time: 'Time', present: 'present', required: 'required', met: 'quorate',
    yesWord: 'yes', noWord: 'no',
    transfers: 'Vote transfers', from: 'from', to: 'to', scope: 'Scope', untilRevoked: 'until revoked',
    revoked: 'revoked', items: 'items',
    deputies: 'Deputies for this session (R-MEM-3)', namedBy: 'named by', at: 'at',
    conflicts: "Differing entries in a Land's slot at the close (R-MEM-2, R-VOT-7)",
    agenda: 'Results',
    rapporteur: 'Rapporteur', outcome: 'Outcome',
    outcomes: {
      adopted: 'adopted', rejected: 'rejected', partlyAdopted: 'partly adopted', notDecided: 'no decision',
      noted: 'taken note of', discussed: 'discussed', notVoted: 'not voted on', cancelled: 'cancelled',
    } as Record<string, string>,
    shortNotice: 'short-notice addition (R-AGD-2)', bundesrat: 'subject of Bundesrat proceedings (R-AGD-3)',
    vote: 'Vote', whole: 'vote on the whole', paragraph: 'paragraph', procedural: 'procedural vote',
    motions: {
      admitShortNotice: 'admission to the agenda (R-AGD-2)', bundesratProcedure: 'Bundesrat procedural decision (R-AGD-3)',
      setPublic: 'public session (R-SES-4)', resolution: 'resolution',
    } as Record<string, string>,
    counts: 'Votes', yes: 'Yes', no: 'No', abstain: 'Abstain', notVoted: 'no vote',
    note: 'Note', choice: 'Vote', castBy: 'cast by', viaTransfer: 'by transfer', conflict: 'differing choices at the close',
    device: 'on a device', oral: { showOfHands: 'show of hands', rollCall: 'roll call' }, recordedBy: 'recorded by',
    counted: 'counted', notCounted: 'not counted', lastCounts: 'the last entry counts',
    declarations: 'Protocol declarations', explanation: 'Explanation',
    sessionVotes: 'Procedural decisions of the session', withheld: (n: number) => `${n} item(s) withheld from publication (R-PRT-3).`,
    none: 'none',
    notAdoptedParagraphs: (numbers: string) => `Not adopted and therefore not published: paragraph ${numbers} (R-PRT-3).`,
    attachments: 'Attachments', attachmentFor: (numbers: string) => `re paragraph ${numbers}`,
    timeZone: 'Times', timeZoneValue: 'Europe/Berlin (CET/CEST)',
  },
} as const;

export type ProtocolLabels = (typeof PROTOCOL_LABELS)[ProtocolLang];

/** Local date and time in Berlin, e.g. "19.04.2024, 10:05". */
export function formatBerlin(iso: string | null, lang: ProtocolLang): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(new Date(iso));
}

export function formatTime(iso: string, lang: ProtocolLang): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatDate(date: string, lang: ProtocolLang): string {
  const [y, m, d] = date.split('-');
  return lang === 'de' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}
