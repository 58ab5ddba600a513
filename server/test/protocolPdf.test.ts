import { describe, expect, it } from 'vitest';
import { buildResultsProtocol } from '@plenum/shared';
import { renderProtocolPdf } from '../src/protocol-pdf/index.ts';
import { runDemoSession } from '../../shared/test/resultsProtocolFixture.ts';
import { oralSession } from '../../shared/test/support/oralSession.ts';
import { pdfText } from '../../test/e2e/support/pdfText.ts';


const record = runDemoSession();
const model = buildResultsProtocol(record.state, record.events);

describe('results protocol PDF (R-PRT-1)', () => {
  it('R-PRT-1: the German PDF contains the items, outcomes, counts, explanations, Land votes and a declaration, umlauts intact', async () => {
    const pdf = await renderProtocolPdf(model, 'de');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Ergebnisprotokoll');
    expect(flat).toContain('TOP 2 a: Geschäftsordnung der Digitalministerkonferenz');
    expect(flat).toContain('TOP 5: Ressourcennutzung digital optimieren');
    expect(flat).toContain('Ja 12, Nein 2, Enthaltung 1 – angenommen');
    expect(flat).toContain('R-VOT-2: Basis 15, erforderlich 10');
    expect(flat).toContain('teilweise angenommen');
    expect(flat).toContain('Thüringen');
    expect(flat).toContain('Baden-Württemberg');
    expect(flat).toContain('Bayern weist auf die Zuständigkeit der Länder für Rechenzentren hin');
    expect(flat).toContain('durch Übertragung: Brandenburg');
    expect(flat).toContain('Mecklenburg-Vorpommern an Brandenburg');
    expect(flat).not.toContain('→');
    expect(flat).toMatch(/Seite 1 von \d+/);
  });

  it('English on request', async () => {
    const flat = pdfText(await renderProtocolPdf(model, 'en')).replace(/\s+/g, ' ');
    expect(flat).toContain('Results protocol');
    expect(flat).toContain('Yes 12, No 2, Abstain 1 – adopted');
    expect(flat).toContain('Lower Saxony');
  });

  it('R-VOT-7: per Land, device or declared orally (Namentlicher Aufruf), the conflict and what counted; attendance by video or telephone', async () => {
    const { s: session } = oralSession();
    const flat = pdfText(await renderProtocolPdf(buildResultsProtocol(session.state, session.events), 'de')).replace(/\s+/g, ' ');
    expect(flat).toContain('Berlin Ja Namentlicher Aufruf, erfasst von Vorsitz');
    expect(flat).toContain('Hessen Ja Namentlicher Aufruf, erfasst von Vorsitz, abweichende Stimmen bei Abstimmungsschluss: nicht gezählt Nein (am Gerät, abgegeben von Mitglied HE)');
    expect(flat).toContain('Bayern Enthaltung am Gerät, abgegeben von Mitglied BY, abweichende Stimmen bei Abstimmungsschluss: nicht gezählt Ja (Namentlicher Aufruf, erfasst von Vorsitz)');
    expect(flat).toContain('5: Hessen – gezählt Ja (Namentlicher Aufruf, erfasst von Vorsitz); nicht gezählt Nein (am Gerät, abgegeben von Mitglied HE)');
    expect(flat).toContain('zugeschaltet per Telefon');
    expect(flat).toContain('zugeschaltet per Video');
  });
});
