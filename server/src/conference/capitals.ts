/** The seat of each Land's government: the default place of a session the Land chairs (demo). */
const CAPITALS: Record<string, string> = {
  BW: 'Stuttgart', BY: 'München', BE: 'Berlin', BB: 'Potsdam', HB: 'Bremen', HH: 'Hamburg', HE: 'Wiesbaden', MV: 'Schwerin',
  NI: 'Hannover', NW: 'Düsseldorf', RP: 'Mainz', SL: 'Saarbrücken', SN: 'Dresden', ST: 'Magdeburg', SH: 'Kiel', TH: 'Erfurt',
};

export const capitalOf = (land: string | undefined): string => (land && CAPITALS[land]) || 'Berlin';
