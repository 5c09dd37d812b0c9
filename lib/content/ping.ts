import { onMessage, sendMessage } from '../messaging';

/**
 * Answer the background's "are you there?" with a round trip to it: the popup uses
 * it to know whether Twofold already runs in a tab before injecting anything.
 */
export function answerPings(location: Location): () => void {
  return onMessage('content:ping', async () => ({
    origin: location.origin,
    hello: await sendMessage('content:hello'),
  }));
}
