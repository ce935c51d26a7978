/**
 * A check that runs on news, without two runs at once: a call while it runs asks for exactly one
 * more run after it, however many calls came meanwhile (the news they bring is read by that run).
 * `stop` ends the repeats early (the caller is done, or closed). The run's error reaches whoever
 * started it.
 */
export function coalesced(run: () => Promise<void>, stop: () => boolean = () => false): () => Promise<void> {
  let running = false;
  let again = false;
  return async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await run();
      } while (again && !stop());
    } finally {
      running = false;
    }
  };
}
