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

/**
 * Register one handler behind the sender check of POLICY. The handler only runs
 * for the kind of sender the policy names; anything else is refused with an error.
 */
export function handle<K extends keyof BackgroundProtocol>(
  type: K,
  handler: Handler<K>,
  self: { id: string; baseUrl: string; localize?: (error: unknown) => unknown },
): void {
  onMessage(type, async (message) => {
    const sender = classifySender(message.sender, self);
    if (sender.kind === 'refused') throw new RefusedSenderError(type, sender.reason);
    if (sender.kind !== POLICY[type]) {
      throw new RefusedSenderError(type, `not allowed from a ${sender.kind}`);
    }
    try {
      return await handler(message.data, sender as SenderFor<K>);
    } catch (error) {
      // Errors reach people: in their language where a translation exists.
      throw self.localize ? self.localize(error) : error;
    }
  });
}
