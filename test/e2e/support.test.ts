import { chromiumAvailability, findChromium } from './support/chromium.ts';
import { parsePrintedLinks } from './support/server.ts';

// The e2e harness's own pieces, so that a failing session test points at the product, not at them.
describe('e2e harness', () => {
  it('reads the invitation links the server prints, with their labels', () => {
    const printed = [
      'PLENUM_READY port=41234',
      'Geschäftsstelle (office): http://localhost:41234/i/AbC_123-xyz',
      '  BW  Mitglied Baden-Württemberg → http://localhost:41234/i/t0k3n',
      'no link here: http://localhost:41234/delegate',
    ].join('\n');
    expect(parsePrintedLinks(printed)).toEqual([
      { label: 'Geschäftsstelle (office)', url: 'http://localhost:41234/i/AbC_123-xyz' },
      { label: 'BW  Mitglied Baden-Württemberg', url: 'http://localhost:41234/i/t0k3n' },
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
