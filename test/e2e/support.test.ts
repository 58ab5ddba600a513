import { chromiumAvailability, findChromium } from './support/chromium.ts';
import { parsePrintedLinks } from './support/server.ts';

// The e2e harness's own pieces, so that a failing session test points at the product, not at them.
describe('e2e harness', () => {
  it('reads the invitation links the server prints, with role, participant and label', () => {
    const printed = [
      'Plenum demo: personal invitation links (keep them private):',
      'PLENUM_INVITE role=office participant=p-office url=http://localhost:41234/i/AbC_123-xyzAbC_123-xyz label=Geschäftsstelle',
      'PLENUM_INVITE role=delegate participant=p-BW-member url=http://localhost:41234/i/t0k3nt0k3nt0k3nt0k3n label=Baden-Württemberg — Mitglied',
      'PLENUM_INVITE role=screen participant=- url=http://localhost:41234/i/scr33nscr33nscr33n label=Saalbildschirm',
      'PLENUM_READY port=41234',
      'Plenum läuft auf http://localhost:41234/delegate',
    ].join('\n');
    expect(parsePrintedLinks(printed)).toEqual([
      { role: 'office', participantId: 'p-office', url: 'http://localhost:41234/i/AbC_123-xyzAbC_123-xyz', label: 'Geschäftsstelle' },
      { role: 'delegate', participantId: 'p-BW-member', url: 'http://localhost:41234/i/t0k3nt0k3nt0k3nt0k3n', label: 'Baden-Württemberg — Mitglied' },
      { role: 'screen', participantId: null, url: 'http://localhost:41234/i/scr33nscr33nscr33n', label: 'Saalbildschirm' },
    ]);
  });

  it('a missing Chromium is a skip on a developer box and a failure in CI', () => {
    const none = { CHROME_PATH: '/nonexistent/chromium' };
    const nowhere = ['/nonexistent/usr/bin/chromium'];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(chromiumAvailability({ ...none }, nowhere).kind).toBe('skip');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('apt-get install -y chromium'));
    expect(chromiumAvailability({ ...none, CI: 'true' }, nowhere)).toMatchObject({ kind: 'fail' });
    warn.mockRestore();
  });

  it('CHROME_PATH wins when it points at a file', () => {
    expect(findChromium({ CHROME_PATH: process.execPath }, [])).toBe(process.execPath);
    expect(findChromium({}, [])).toBeNull();
  });
});
