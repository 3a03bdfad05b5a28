import QRCode from 'qrcode';

/**
 * A QR code as an SVG string (no canvas, so it runs in the worker). Error correction M survives a
 * creased or slightly smudged letter; the quiet zone of four modules is what scanners expect. With a
 * label it is an image with that accessible name.
 */
export async function qrSvg(text: string, label?: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return label ? svg.replace('<svg ', `<svg role="img" aria-label="${label.replace(/[&<>"]/g, '')}" `) : svg;
}
