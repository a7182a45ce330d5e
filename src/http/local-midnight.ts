import { msUntilLocalMidnight } from '../domain/time.ts';
import { log } from '../logger.ts';

export interface LocalMidnight {
  stop(): void;
}

/** How soon to try again when the site's zone cannot be read (the database is away). */
const RETRY_MS = 60_000;

/**
 * Runs `run` each time the site's local date turns. Cached pages are kept until content changes,
 * and a list shows `MM-DD HH:MM` only for the current year: on 1 January every page showing last
 * year's stories without their year would stay wrong until something was published. The zone is
 * read again for each day, so a change of it in the settings is followed. Nothing here keeps the
 * process alive.
 */
export function atLocalMidnight(timeZone: () => Promise<string>, run: () => void, now: () => number = Date.now): LocalMidnight {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const later = (ms: number, then: () => void) => {
    if (stopped) return;
    timer = setTimeout(then, ms);
    timer.unref();
  };
  const schedule = async () => {
    let zone: string;
    try {
      zone = await timeZone();
    } catch (e) {
      log.warn({ err: e instanceof Error ? e.message : String(e) }, 'local midnight: the site zone cannot be read; trying again');
      later(RETRY_MS, () => void schedule());
      return;
    }
    // A timer that fires early (Node allows a millisecond) finds the day not yet turned and runs
    // again when it has: a page rendered in between does not outlive the turn.
    later(msUntilLocalMidnight(now(), zone), () => {
      try {
        run();
      } finally {
        void schedule();
      }
    });
  };
  void schedule();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
