import type { GetDataType, GetReturnType, MaybePromise } from '@webext-core/messaging';
import { onMessage, type BackgroundProtocol } from '../messaging';
import { POLICY } from './policy';
import { classifySender, type ClassifiedSender } from './sender';

export type ContentSender = Extract<ClassifiedSender, { kind: 'content-script' }>;
export type PageSender = Extract<ClassifiedSender, { kind: 'extension-page' }>;

type SenderFor<K extends keyof BackgroundProtocol> = (typeof POLICY)[K] extends 'content-script'
  ? ContentSender
  : PageSender;

export type Handler<K extends keyof BackgroundProtocol> = (
  data: GetDataType<BackgroundProtocol[K]>,
  sender: SenderFor<K>,
) => MaybePromise<GetReturnType<BackgroundProtocol[K]>>;

export class RefusedSenderError extends Error {
  constructor(type: string, reason: string) {
    super(`Twofold refused "${type}": ${reason}`);
    this.name = 'RefusedSenderError';
  }
}

export interface RouterOptions {
  /** This extension, as the browser names it in `sender`. */
  self: { id: string; /** runtime.getURL('/') */ baseUrl: string };
  /** Puts an error in the user's language before it crosses to a page. */
  localize?: (error: unknown) => unknown;
  /** Called for every message accepted from Twofold's own pages (a person using Twofold). */
  onPageMessage?: () => void;
  /** Where messages are received (the messenger's `onMessage`; tests inject their own). */
  listen?: typeof onMessage;
}

export interface Router {
  /**
   * Registers the handler of one message behind the sender check of POLICY: it only runs for
   * the kind of sender the policy names; anything else is refused with an error.
   */
  handle<K extends keyof BackgroundProtocol>(this: void, type: K, handler: Handler<K>): void;
}

/** The background's one router: created once, with what it needs to judge senders. */
export function createRouter({ self, localize, onPageMessage, listen = onMessage }: RouterOptions): Router {
  function handle<K extends keyof BackgroundProtocol>(type: K, handler: Handler<K>): void {
    listen(type, async (message) => {
      const sender = classifySender(message.sender, self);
      if (sender.kind === 'refused') throw new RefusedSenderError(type, sender.reason);
      if (sender.kind !== POLICY[type]) {
        throw new RefusedSenderError(type, `not allowed from a ${sender.kind}`);
      }
      if (sender.kind === 'extension-page') onPageMessage?.();
      try {
        return await handler(message.data, sender as SenderFor<K>);
      } catch (error) {
        // Errors reach people: in their language where a translation exists.
        throw localize ? localize(error) : error;
      }
    });
  }
  return { handle };
}
