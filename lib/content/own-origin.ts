import { webOriginOf } from '../origins';

/**
 * The origin this frame really has, or undefined when it has none Twofold may serve.
 *
 * `self.origin` is the document's security origin: "null" for a sandboxed frame or a
 * document served with `Content-Security-Policy: sandbox`, even though its URL (and so
 * `location.origin`) still names the site. Only http(s) origins count.
 */
export function ownOrigin(win: Pick<Window, 'origin'>): string | undefined {
  const origin = win.origin;
  // webOriginOf round-trips through URL: "null" and non-web schemes give undefined.
  return origin && origin !== 'null' && webOriginOf(origin) === origin ? origin : undefined;
}

/** Is `origin` (what the background says a code or capture is for) this frame's own origin? */
export function isOwnOrigin(win: Pick<Window, 'origin'>, origin: string | undefined): boolean {
  const own = ownOrigin(win);
  return own !== undefined && origin === own;
}
