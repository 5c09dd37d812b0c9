import type { ContentProtocol } from '../messaging';
import { request, type LoaderRuntime } from './loader-runtime';

/**
 * Answer the background's "are you there?" with a round trip to it: the popup uses it to know
 * whether Twofold already runs in a tab before injecting anything. The loader answers it, so it
 * holds whether or not capture and autofill were loaded in the frame.
 */
export function answerPing(
  runtime: LoaderRuntime,
  location: Pick<Location, 'origin'>,
): () => Promise<Awaited<ReturnType<ContentProtocol['content:ping']>>> {
  return async () => ({ origin: location.origin, hello: await request(runtime, 'content:hello') });
}
