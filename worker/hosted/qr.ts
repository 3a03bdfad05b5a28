import { create } from 'qrcode';

/** The quiet zone the QR standard asks for around the code, in modules. */
const QUIET_ZONE = 4;

/**
 * An SVG QR code for `url`: black on white, a four-module quiet zone, error correction level Q (a
 * quarter of the code may be lost to a crease or a stain), one path so it prints sharp at any size.
 * The encoding is the `qrcode` library's; only the drawing is done here, because its own SVG output
 * is asynchronous and this one is used while a page is written. `label` is its accessible name.
 */
export function qrSvg(url: string, label = 'QR-code'): string {
  const { modules } = create(url, { errorCorrectionLevel: 'Q' });
  const size = modules.size;
  const side = size + 2 * QUIET_ZONE;
  let d = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      d += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img">` +
    `<title>${label.replace(/[&<>"]/g, '')}</title><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
