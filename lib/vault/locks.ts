/** Run `fn` while holding the named lock. */
export type WithLock = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/**
 * Web Locks are shared by the service worker and every extension page, so two
 * writers in different contexts never interleave. Where they are missing, a
 * promise chain serialises writers of this context only.
 */
export function webLock(locks: LockManagerLike | undefined = globalThis.navigator?.locks): WithLock {
  if (locks) return (name, fn) => locks.request(name, fn);
  const tails = new Map<string, Promise<unknown>>();
  return <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const previous = tails.get(name) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };
}
