import type { Translate } from '../i18n';
import type { ContentProtocol, sendMessage } from '../messaging';
import type { InPagePrompt } from './prompt';

/** What every content-script feature is given: the page, the protocol, the words, the one card. */
export interface ContentContext {
  doc: Document;
  win: Window;
  send: typeof sendMessage;
  onMessage: <K extends keyof ContentProtocol>(
    type: K,
    handler: (data: Parameters<ContentProtocol[K]>[0]) => ReturnType<ContentProtocol[K]>,
  ) => () => void;
  t: Translate;
  /** Twofold's one card in this page, shared by the features. */
  prompt: InPagePrompt;
}
