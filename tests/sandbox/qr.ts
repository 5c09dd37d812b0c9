import * as QRCode from 'qrcode';

/** Module matrix as a '0'/'1' string, drawn onto a <canvas> by the page's own script. */
export function qrMatrix(text: string): { size: number; bits: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, bits: Array.from(modules.data, (bit) => (bit ? '1' : '0')).join('') };
}

/** A PNG of the QR code, for the variants that show it as an image from another origin. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
}

/** The QR code as an SVG document of its own, as a `qrcode/` view serves it (django-otp's). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, width: 290 });
}
