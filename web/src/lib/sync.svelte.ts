import { getContext, setContext } from 'svelte';
import { Connectivity, originProbe, UNREACHABLE_EVENT } from './connectivity';

/**
 * What is waiting to reach the server, for the indicator every page shows. Firestore keeps writes
 * made without signal in its persistent cache and sends them when the network returns; a write's
 * promise settles only once the server has it. Writes made on this page are counted as they are
 * tracked; writes left from an earlier visit (the page was closed or reloaded offline) are found
 * with `waitForPendingWrites`, which settles only when the queue is empty.
 */
export class SyncStatus {
  /** Whether the server can be reached: the browser's word checked by a probe (connectivity.ts). */
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  /** Writes of this visit not yet confirmed by the server. */
  pending = $state(0);
  /** Writes from an earlier visit still queued on this device. */
  carriedOver = $state(false);
  /**
   * Writes the server refused (they will not be retried): what the person must know. Kept as the
   * errors came; the indicator words them in the chosen language.
   */
  failures = $state<unknown[]>([]);
  /** When the last write reached the server in this visit. */
  lastSyncedAt = $state<Date | null>(null);

  constructor() {
    if (typeof window === 'undefined') return;
    const connectivity = new Connectivity({
      probe: originProbe(),
      browserOnline: () => navigator.onLine,
      onChange: (online) => (this.online = online),
    });
    window.addEventListener('online', () => void connectivity.browserWentOnline());
    window.addEventListener(UNREACHABLE_EVENT, () => void connectivity.requestFailed());
    window.addEventListener('offline', () => connectivity.browserWentOffline());
    $effect.root(() => {
      $effect(() => connectivity.setWaiting(this.waiting));
    });
    void connectivity.start();
  }

  get waiting(): boolean {
    return this.pending > 0 || this.carriedOver;
  }

  /** Counts a write until the server confirms it; a refusal is kept for the indicator to show. */
  track(write: Promise<unknown>): void {
    this.pending += 1;
    write
      .then(
        () => {
          this.lastSyncedAt = new Date();
        },
        (err: unknown) => {
          this.failures = [...this.failures, err];
        },
      )
      .finally(() => {
        this.pending -= 1;
      });
  }

  /** Looks for writes queued by an earlier visit; shown only if the queue does not empty at once. */
  async checkQueue(waitForPendingWrites: () => Promise<void>): Promise<void> {
    const timer = setTimeout(() => (this.carriedOver = true), 1000);
    try {
      await waitForPendingWrites();
      if (this.carriedOver) this.lastSyncedAt = new Date();
    } catch {
      // Signed out meanwhile: nothing of this person's is waiting any more.
    } finally {
      clearTimeout(timer);
      this.carriedOver = false;
    }
  }

  dismissFailures(): void {
    this.failures = [];
  }
}

const KEY = Symbol('sync');

export function provideSync(): SyncStatus {
  return setContext(KEY, new SyncStatus());
}

export function useSync(): SyncStatus {
  return getContext<SyncStatus>(KEY);
}
