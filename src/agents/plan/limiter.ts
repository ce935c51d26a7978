/** Releases a slot taken from a `Limiter`; calling it twice releases once. */
export type Release = () => void;

/** A FIFO counting semaphore. `close()` turns every waiting and later `acquire` into `undefined`. */
export interface Limiter {
  acquire(): Promise<Release | undefined>;
  close(): void;
}

export function createLimiter(max: number): Limiter {
  let active = 0;
  let closed = false;
  const waiting: ((release: Release | undefined) => void)[] = [];

  const grant = (): Release => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = closed ? undefined : waiting.shift();
      if (next) next(grant());
      else active--;
    };
  };

  return {
    acquire() {
      if (closed) return Promise.resolve(undefined);
      if (active < max) {
        active++;
        return Promise.resolve(grant());
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    close() {
      closed = true;
      for (const resolve of waiting.splice(0)) resolve(undefined);
    },
  };
}
