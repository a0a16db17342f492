// Live updates by polling: run a refresh, wait, run it again, until it says it is done or the page closes.
// One request at a time per poller, so a slow endpoint is never flooded.

export interface Poller {
  stop(): void;
}

/** `refresh` returns true while there is more to come (e.g. the execution is still RUNNING). */
export function poll(refresh: () => Promise<boolean>, intervalMs: number, onError: (err: unknown) => void): Poller {
  let stopped = false;
  let timer: number | undefined;
  const tick = async () => {
    let again = false;
    try {
      again = await refresh();
    } catch (err) {
      onError(err);
      again = true;
    }
    setLive(true);
    if (again && !stopped) timer = window.setTimeout(() => void tick(), intervalMs);
  };
  void tick();
  return {
    stop() {
      stopped = true;
      window.clearTimeout(timer);
    },
  };
}

/** The header's "live" marker: when the page last refreshed. */
function setLive(ok: boolean): void {
  const el = document.getElementById('live');
  if (el) el.textContent = ok ? `updated ${new Date().toLocaleTimeString()}` : '';
}
