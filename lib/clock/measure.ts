/**
 * One measure of a site's clock: a HEAD request to its origin, no cookies, no redirect
 * followed (a redirect could lead elsewhere), and its `Date` header.
 */
import { estimateOffset } from './offset';

export type FetchLike = (url: string, init: RequestInit) => Promise<Pick<Response, 'headers' | 'type'>>;

export const MEASURE_TIMEOUT_MS = 3_000;

/** server minus local, ms; undefined when the site did not answer with a usable `Date`. */
export async function measureOffset(
  origin: string,
  fetchFn: FetchLike,
  now: () => number,
  timeoutMs = MEASURE_TIMEOUT_MS,
): Promise<number | undefined> {
  const url = new URL('/', origin);
  if (url.origin !== origin) return undefined;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const sentAt = now();
    const response = await fetchFn(url.href, {
      method: 'HEAD',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    const receivedAt = now();
    if (response.type === 'opaqueredirect') return undefined;
    return estimateOffset(response.headers.get('date'), sentAt, receivedAt);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
