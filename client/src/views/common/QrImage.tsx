import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** An SVG QR code as an image: no canvas needed, sharp in print and on a projector. */
export function QrImage({ url, label, testId, size = 200 }: { url: string; label: string; testId?: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then((svg) => {
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => { live = false; };
  }, [url]);
  return src ? <img className="qr" src={src} alt={label} width={size} height={size} data-testid={testId} /> : null;
}
