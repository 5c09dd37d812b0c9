/**
 * The loader's few messages, in the wire format of lib/messaging (`{ id, type, data, timestamp }`,
 * answered `{ res }` or `{ err }`) but on the bare runtime API: the messaging library and the
 * browser polyfill would weigh more than the whole loader.
 */
import type { BackgroundProtocol, ContentProtocol } from '../messaging';

type Answer = { res?: unknown; err?: { message?: string } } | undefined;

/** The part of `chrome.runtime` the loader uses (Chromium and Firefox alike). */
export interface LoaderRuntime {
  sendMessage(message: unknown, callback: (answer: Answer) => void): void;
  lastError?: { message?: string } | undefined | null;
  onMessage: {
    addListener(listener: RawListener): void;
    removeListener(listener: RawListener): void;
  };
}

type RawListener = (message: unknown, sender: unknown, sendResponse: (answer: Answer) => void) => boolean;

let nextId = 0;

/** Sends `type` to the background and gives its answer (or throws its error). */
export function request<K extends keyof BackgroundProtocol>(
  runtime: LoaderRuntime,
  type: K,
  ...data: Parameters<BackgroundProtocol[K]>
): Promise<Awaited<ReturnType<BackgroundProtocol[K]>>> {
  const message = { id: ++nextId, type, data: data[0], timestamp: Date.now() };
  return new Promise((resolve, reject) =>
    runtime.sendMessage(message, (answer) => {
      const failure = runtime.lastError?.message ?? answer?.err?.message;
      if (failure !== undefined || !answer) reject(new Error(failure ?? 'No response'));
      else resolve(answer.res as Awaited<ReturnType<BackgroundProtocol[K]>>);
    }),
  );
}

export type LoaderHandlers = Partial<
  Record<keyof ContentProtocol, (data: unknown) => Promise<unknown> | undefined>
>;

/**
 * Answers the background's messages of `handlers`; a handler returning undefined leaves the
 * message to other frames (or to the part loaded later). Returns a function that stops answering.
 */
export function answer(runtime: LoaderRuntime, handlers: LoaderHandlers): () => void {
  const listener: RawListener = (message, _sender, sendResponse) => {
    if (typeof message !== 'object' || message === null) return false;
    const { type, data } = message as { type?: unknown; data?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return false;
    const handler = handlers[type as keyof ContentProtocol] as (
      data: unknown,
    ) => Promise<unknown> | undefined;
    const reply = handler(data);
    if (!reply) return false;
    reply.then(
      (res) => sendResponse({ res }),
      (error: unknown) =>
        sendResponse({ err: { message: error instanceof Error ? error.message : String(error) } }),
    );
    return true;
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}
