import type { Locator } from '@playwright/test';
import jsQR from 'jsqr';
import { TOTP, URI } from 'otpauth';
import { PNG } from 'pngjs';

/** Reads every <canvas> in `scope` pixel by pixel and decodes the QR codes, as a camera would. */
export async function readCanvasQrs(scope: Locator): Promise<string[]> {
  const images = await scope.locator('canvas').evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0) return null;
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      return { width: image.width, height: image.height, data: Array.from(image.data) };
    }),
  );
  return images.flatMap((image) => {
    if (!image) return [];
    const found = jsQR(Uint8ClampedArray.from(image.data), image.width, image.height);
    return found ? [found.data] : [];
  });
}

/** Decodes what is visible on screen (for images a page cannot read back, e.g. tainted canvases). */
export async function readQrFromScreenshot(element: Locator): Promise<string | null> {
  const png = PNG.sync.read(await element.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** The authenticator app's side: the code for this otpauth URI at a given instant. */
export function codeAt(uri: string, timestamp: number): string {
  const totp = URI.parse(uri);
  if (!(totp instanceof TOTP)) throw new Error(`not a TOTP URI: ${uri}`);
  return totp.generate({ timestamp });
}
