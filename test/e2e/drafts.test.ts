import type { Browser, Page } from 'playwright-core';
import type { ConferenceHome, DraftState } from '@plenum/shared';
import { chromiumAvailability, launchChromium } from './support/chromium.ts';
import { buildClientIfStale } from './support/build.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { arrive, type Person } from './support/people.ts';
import { switchLanguage, until } from './support/actions.ts';
import { checkAccessibility, formatAxeReport, type AxeSummary } from './support/axe.ts';
import { screenshot } from './support/artifacts.ts';

/**
 * The Arbeitsgremium's bracket paper in real browsers (R-AGR-1..3): the office and the officers of
 * Bavaria and North Rhine-Westphalia work on the demo's TOP 7 paper at the same time and each
 * sees every change; a bracket held by one Land is visible to all; once the brackets are resolved
 * the office puts the agreed version on the agenda of the next DMK session of the conference. No timing is
 * asserted: each step waits for the change to appear.
 */
const availability = chromiumAvailability();
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const DRAFT = '/drafts/draft-top-7';

if (availability.kind === 'fail') {
  describe('drafts in the browser', () => {
    it('needs Chromium in CI', () => { throw new Error(availability.message); });
  });
}

describe.skipIf(availability.kind !== 'found')('bracket paper edited live by the office and two Länder (R-AGR-1..3)', () => {
  let server: RunningServer;
  let browser: Browser;
  let office: Person;
  let by: Person;
  let nw: Person;
  const axe: AxeSummary[] = [];
  const everyone = () => [office, by, nw];
  const linkFor = (role: string, participantId: string | null = null) =>
    server.links.find((l) => l.role === role && (participantId === null || l.participantId === participantId))!.url;
  /** Waits until every page shows `text` in the element with `testId`. */
  const allSee = async (testId: string, text: string) => {
    for (const p of everyone()) await p.page.getByTestId(testId).filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 20_000 });
  };
  const bracketCard = (page: Page, id: string) => page.getByTestId(`bracket-${id}`);
  const draftState = async (): Promise<DraftState> => {
    const res = await office.context.request.get(`${server.baseUrl}/api/between/draft/draft-top-7`);
    return ((await res.json()) as { state: DraftState }).state;
  };

  beforeAll(async () => {
    if (availability.kind !== 'found') return;
    buildClientIfStale();
    [server, browser] = await Promise.all([startServer({ expectedLinks: 19 }), launchChromium(availability.path)]);
    office = await arrive(browser, 'office', linkFor('office'), DESKTOP);
    by = await arrive(browser, 'BY', linkFor('delegate', 'p-BY-member'), PHONE);
    nw = await arrive(browser, 'NW', linkFor('delegate', 'p-NW-member'), DESKTOP);
    for (const p of everyone()) {
      await until(`${p.name} signed in`, async () => new URL(p.page.url()).pathname, (path) => path !== '/' && !path.startsWith('/i/'));
      await p.page.goto(`${server.baseUrl}${DRAFT}`);
      await p.page.getByTestId('draft-title').waitFor();
      await p.page.getByTestId('drafts-live').filter({ hasText: /^Live$/ }).waitFor();
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (axe.length) console.log(formatAxeReport(axe));
  }, 60_000);

  it('R-AGR-2: everyone sees the demo paper; the bracket Hesse holds alone is visible to all', async () => {
    for (const p of everyone()) {
      await until(`${p.name} sees HE's bracket`, () => p.page.getByTestId('holders-b2').innerText(), (t) => t.includes('HE') && !t.includes(','));
      expect(await p.page.getByTestId('mark-b1').innerText()).toContain('BY, NW');
    }
    await screenshot(office.page, 'drafts-editor-office-1440');
    await screenshot(by.page, 'drafts-editor-by-390');
    axe.push(await checkAccessibility(office.page, 'drafts-office', 'de'));
    axe.push(await checkAccessibility(by.page, 'drafts-by', 'de'));
    await switchLanguage(office.page, 'en');
    await office.page.getByTestId('holders-b2').filter({ hasText: 'held by HE' }).waitFor();
    axe.push(await checkAccessibility(office.page, 'drafts-office', 'en'));
    await screenshot(office.page, 'drafts-editor-office-1440-en');
    await switchLanguage(office.page, 'de');
    expect(axe.filter((a) => a.total > 0).map((a) => a.findings)).toEqual([]);
   }, 120_000);

  it('R-AGR-1: the office and two Länder change the paper at the same time; every page shows every change', async () => {
    const nwBrackets = async () => {
      const p1 = nw.page.getByTestId('paragraph-p1');
      await p1.locator('summary', { hasText: 'Textstelle einklammern' }).click();
      await p1.getByLabel('Textstelle').fill('möglichst niemanden zurückzulassen');
      await p1.getByLabel('Eigene Fassung (optional)').fill('niemanden zurückzulassen');
      await p1.getByRole('button', { name: 'Einklammern' }).click();
    };
    const byProposes = async () => {
      const card = bracketCard(by.page, 'b2');
      await card.getByLabel('Alternative vorschlagen').fill('Sie sehen dies als Aufgabe aller staatlichen Ebenen an.');
      await card.getByRole('button', { name: 'Alternative einbringen' }).click();
    };
    const officeEdits = async () => {
      const p7 = office.page.getByTestId('paragraph-p7');
      await p7.locator('summary', { hasText: 'Absatz bearbeiten' }).click();
      await p7.getByRole('textbox').last().fill('Die Digitalministerinnen und -minister bekräftigen, dass die Bedarfe der Beschäftigten an einem barrierefreien Arbeitsplatz beachtet werden müssen.');
      await p7.getByRole('button', { name: 'Speichern' }).click();
    };
    await Promise.all([nwBrackets(), byProposes(), officeEdits()]);
    // NW's new bracket, held by NW alone, on every page.
    await allSee('mark-b3', 'NW');
    await allSee('holders-b3', 'gehalten von NW');
    await allSee('bracket-b2', 'Alternative BY: „Sie sehen dies als Aufgabe aller staatlichen Ebenen an.“');
    await allSee('paragraph-p7', 'dass die Bedarfe der Beschäftigten an einem barrierefreien Arbeitsplatz');
    await screenshot(nw.page, 'drafts-after-concurrent-edits-nw-1440');
  });

  it('R-AGR-2: resolve is refused while a Land holds out; once the Länder give way the paper is agreed', async () => {
    // K3 (NW's own wording, NW holds it): the office resolves with NW's alternative.
    const b3 = bracketCard(office.page, 'b3');
    await b3.getByLabel('Klammer auflösen mit').selectOption({ label: 'Alternative NW' });
    await b3.getByRole('button', { name: 'Auflösen' }).click();
    for (const p of everyone()) await p.page.getByTestId('mark-b3').waitFor({ state: 'detached' });
    await allSee('paragraph-p1', 'niemanden zurückzulassen');

    // K1: BY and NW hold BY's wording a1; Bavaria now also stands for nothing else, so a1 resolves — but first the
    // office tries the original text, which both hold out against.
    const b1 = bracketCard(office.page, 'b1');
    await b1.getByLabel('Klammer auflösen mit').selectOption({ label: 'Ursprünglicher Text' });
    await b1.getByRole('button', { name: 'Auflösen' }).click();
    await office.page.getByTestId('draft-error').filter({ hasText: 'BY,NW' }).waitFor();
    await b1.getByLabel('Klammer auflösen mit').selectOption({ label: 'Alternative BY' });
    await b1.getByRole('button', { name: 'Auflösen' }).click();
    for (const p of everyone()) await p.page.getByTestId('mark-b1').waitFor({ state: 'detached' });

    // K2: Hesse (alone) and Bavaria (its own proposal) hold it. The office calls it live: Bavaria is told
    // (a bracket it holds is called) and answers "einverstanden"; Hesse's officer gives way over HTTP.
    await bracketCard(office.page, 'b2').getByRole('button', { name: 'Klammer aufrufen' }).click();
    await allSee('bracket-call', 'Aufgerufen: Klammer K2');
    await by.page.getByTestId('draft-notices').filter({ hasText: 'Klammer K2 in „Digitale Teilhabe“, die Ihr Land hält, ist aufgerufen.' }).waitFor();
    await screenshot(by.page, 'drafts-call-by-390');
    await by.page.getByTestId('bracket-call').getByRole('button', { name: 'einverstanden' }).click();
    await allSee('holders-b2', 'gehalten von HE');
    await office.page.getByTestId('bracket-call').locator('[data-answer="agree"]', { hasText: 'BY' }).waitFor();
    await screenshot(office.page, 'drafts-call-office-1440');
    const he = await browser.newContext();
    // Redeem Hesse's link as its page does: GET shows the page, POST sets the session cookie.
    await he.request.post(linkFor('delegate', 'p-HE-member'), { headers: { origin: server.baseUrl }, maxRedirects: 0 });
    const left = await he.request.post(`${server.baseUrl}/api/between/draft/draft-top-7`, { data: { command: { type: 'leaveBracket', bracketId: 'b2' } }, headers: { origin: server.baseUrl } });
    expect(left.status()).toBe(200);
    await he.close();
    await allSee('holders-b2', 'von keinem Land gehalten');
    const b2 = bracketCard(office.page, 'b2');
    await b2.getByLabel('Klammer auflösen mit').selectOption({ label: 'Alternative HE' });
    await b2.getByRole('button', { name: 'Auflösen' }).click();
    await allSee('draft-kind', 'Vollständig geeinte Fassung');
    const state = await draftState();
    expect(state.brackets.b2!.resolution!.agreed.sort()).toEqual(['BY', 'HE']);
  });

  it('R-AGR-3: the office cuts the agreed version and puts it on the next DMK session\'s agenda; versions compared', async () => {
    await office.page.getByRole('button', { name: 'Neue Fassung schneiden' }).click();
    for (const p of everyone()) await p.page.getByRole('heading', { name: /Vergleich v2 → v3/ }).waitFor();
    // The comparison v2 → v3 marks the resolved passage as inserted.
    await office.page.getByTestId('version-diff').locator('ins', { hasText: 'schrittweise' }).first().waitFor();
    await office.page.getByTestId('version-diff').locator('ins', { hasText: 'Kommunen' }).first().waitFor();
    await office.page.getByTestId('version-diff').locator('del', { hasText: 'zeitnah' }).first().waitFor();
    // R-AGR-3: the office picks the session from the conference's upcoming DMK sessions; the next one is preselected.
    const home = async () => (await (await office.context.request.get(`${server.baseUrl}/api/conference`)).json()) as ConferenceHome;
    const next = (await home()).sessions.find((x) => x.kind !== 'arbeitsgremium' && x.phase === 'upcoming')!;
    const target = office.page.getByLabel('Sitzung (die nächste DMK zuerst)');
    expect(await target.inputValue()).toBe(next.id);
    await office.page.getByLabel('Tagesordnungspunkt (Kennung)').fill('top-teilhabe');
    await office.page.getByRole('button', { name: /Fassung auf die Tagesordnung setzen/ }).click();
    await office.page.getByText(`auf der Tagesordnung von ${next.title} (top-teilhabe, v3)`).first().waitFor();
    for (const p of [by, nw]) await p.page.getByText(`auf der Tagesordnung von ${next.id} (top-teilhabe, v3)`).first().waitFor();
    // The next session's agenda now carries the agreed version as a proposal of the lead Land.
    await until('the next session lists the item', async () => (await home()).sessions.find((x) => x.id === next.id)?.meeting?.items.map((i) => i.title) ?? [],
      (titles) => titles.includes('Digitale Teilhabe'));
    const v3 = (await draftState()).versions.at(-1)!;
    expect(v3.openBrackets).toEqual([]);
    await screenshot(office.page, 'drafts-agreed-on-agenda-office-1440');
    await by.page.goto(`${server.baseUrl}/drafts`);
    await by.page.getByRole('heading', { name: 'Entwürfe mit Beteiligung Ihres Landes' }).waitFor();
    await screenshot(by.page, 'drafts-overview-by-390');
    await office.page.goto(`${server.baseUrl}/drafts`);
    await office.page.getByRole('heading', { name: 'Alle Entwürfe nach Stand' }).waitFor();
    await screenshot(office.page, 'drafts-overview-office-1440');
    axe.push(await checkAccessibility(office.page, 'drafts-overview-office', 'de'));
    axe.push(await checkAccessibility(by.page, 'drafts-overview-by', 'de'));
    expect(axe.filter((a) => a.total > 0).map((a) => a.findings)).toEqual([]);
   }, 120_000);
});
