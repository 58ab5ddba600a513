/**
 * Screenshots of an item's attachments (R-PRT-3) on a delegate's phone (390×844, 320×568): TOP 2 a
 * with "Anlage 1: Geschäftsordnung" (paragraph 1 refers to it), the chair has called it, one opened;
 * and the office's attachments of TOP 2 a in its agenda editor (1440×900, 390×844). Run:
 *   node --import tsx test/screenshots/attachmentShots.ts [outDir]
 */
import { resolve } from 'node:path';
import { socketPerson } from '../e2e/support/socketPerson.ts';
import { openPage, screenshotRun, shootTo } from './pages.ts';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
const GO = 'Präambel\n\nDie DMK versteht Digitalisierung und digitale Transformation als übergreifenden gesellschaftspolitischen Veränderungsprozess.\n\n1. Teilnehmerkreis\n\n1.1 Die Länder benennen zu Beginn jeder Vorsitzperiode ein ordentliches DMK-Mitglied.';

async function main() {
  await screenshotRun(outDir, async ({ browser, server, link }) => {
    const office = await socketPerson(server, link('office'));
    const chair = await socketPerson(server, link('chair'));
    await office.send({ type: 'editAgendaItem', itemId: 'top-2a', item: { attachments: [{ label: 'Anlage 1', title: 'Geschäftsordnung der Digitalministerkonferenz', text: GO, paragraphs: ['1'] }] } });
    await chair.send({ type: 'openSession' });
    await chair.send({ type: 'setCurrentItem', itemId: 'top-2a' });
    for (const [width, height] of [[390, 844], [320, 568]]) {
      const phone = await openPage(browser, link('delegate', 'p-BE-member'), { width, height });
      const list = phone.getByTestId('item-attachments');
      await list.locator('summary').first().click();
      await list.scrollIntoViewIfNeeded();
      await shootTo(outDir, phone, `item-attachment-phone-${width}x${height}`);
      await phone.close();
    }
    for (const [width, height] of [[1440, 900], [390, 844]]) {
      const page = await openPage(browser, link('office'), { width, height });
      const editor = page.getByTestId('attachments-top-2a');
      await editor.locator('summary').click();
      await editor.scrollIntoViewIfNeeded();
      await shootTo(outDir, page, `office-attachments-${width}x${height}`);
      await page.close();
    }
  });
}

main().catch((err) => { console.error(err); process.exit(1); });
