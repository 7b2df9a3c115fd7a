/**
 * Whether this device can reach Tepat right now, told truthfully. `navigator.onLine` alone is not a
 * truthful signal: after a reload without network some Chromium versions report `true` until the
 * first request fails, and a phone on a dead cell still "has" a network. So the answer combines
 * what the browser says with what the app itself sees:
 *
 * - a cheap reachability probe decides: at start, whenever the browser says the network came
 *   back, whenever the app sees a request fail, and every `recheckMs` while the device is offline
 *   or writes are waiting to sync (writes that do not drain are themselves a sign of no signal);
 * - the browser's `offline` event is believed at once, until a probe says otherwise;
 * - until the first probe answers, the browser's word stands.
 *
 * Plain TypeScript with its clock and probe injected, so the rule is unit-tested without a browser;
 * `SyncStatus` (sync.svelte.ts) wraps it for the indicator.
 */

/** Resolves true when the server answered at all (any HTTP status), false on a network failure. */
export type Probe = (signal: AbortSignal) => Promise<boolean>;

export interface ConnectivityOptions {
  probe: Probe;
  /** What the browser says now (`navigator.onLine`). */
  browserOnline: () => boolean;
  /** Told whenever `online` changes. */
  onChange: (online: boolean) => void;
  /** How often to probe again while offline or while writes wait; default 15 s. */
  recheckMs?: number;
  /** A probe slower than this counts as unreachable (a weak signal is no signal); default 5 s. */
  probeTimeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class Connectivity {
  private browser: boolean;
  /** The last probe's answer; null before the first one. */
  private reachable: boolean | null = null;
  private waiting = false;
  private probeSeq = 0;
  private inFlight: AbortController | null = null;
  private recheck: unknown = null;
  private stopped = false;
  private last: boolean;
  private readonly recheckMs: number;
  private readonly probeTimeoutMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly opts: ConnectivityOptions) {
    this.browser = opts.browserOnline();
    this.last = this.online;
    this.recheckMs = opts.recheckMs ?? 15_000;
    this.probeTimeoutMs = opts.probeTimeoutMs ?? 5_000;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get online(): boolean {
    return this.reachable ?? this.browser;
  }

  /** Probes once now; call when the page starts. */
  start(): Promise<void> {
    return this.check();
  }

  /** The browser's `online` event. */
  browserWentOnline(): Promise<void> {
    this.browser = true;
    return this.check();
  }

  /** The browser's `offline` event: believed at once. */
  browserWentOffline(): void {
    this.browser = false;
    this.cancelProbe();
    this.reachable = false;
    this.emit();
    this.schedule();
  }

  /** A request of the app failed for want of network (Firestore `unavailable`, a fetch error). */
  requestFailed(): Promise<void> {
    return this.check();
  }

  /** Whether writes are waiting to reach the server; while they are, reachability is re-checked. */
  setWaiting(waiting: boolean): void {
    if (waiting === this.waiting) return;
    this.waiting = waiting;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancelProbe();
    if (this.recheck !== null) this.clearTimer(this.recheck);
    this.recheck = null;
  }

  /** Probes now; a newer probe supersedes an older one still under way. */
  async check(): Promise<void> {
    if (this.stopped) return;
    this.cancelProbe();
    const seq = ++this.probeSeq;
    const controller = new AbortController();
    this.inFlight = controller;
    const timeout = this.setTimer(() => controller.abort(), this.probeTimeoutMs);
    let ok: boolean;
    try {
      ok = await this.opts.probe(controller.signal);
    } catch {
      ok = false;
    } finally {
      this.clearTimer(timeout);
    }
    if (seq !== this.probeSeq || this.stopped) return;
    this.inFlight = null;
    this.reachable = ok && !controller.signal.aborted;
    this.emit();
    this.schedule();
  }

  private cancelProbe(): void {
    if (this.inFlight) {
      this.probeSeq += 1;
      this.inFlight.abort();
      this.inFlight = null;
    }
  }

  private schedule(): void {
    if (this.recheck !== null) this.clearTimer(this.recheck);
    this.recheck = null;
    if (this.stopped || (this.online && !this.waiting)) return;
    this.recheck = this.setTimer(() => {
      this.recheck = null;
      void this.check();
    }, this.recheckMs);
  }

  private emit(): void {
    const now = this.online;
    if (now === this.last) return;
    this.last = now;
    this.opts.onChange(now);
  }
}

/**
 * The browser's probe: a HEAD request for a small file of the portal's own origin, never from a
 * cache. The service worker passes every non-GET request through to the network, so the answer
 * is the network's, not the cache's.
 */
export function originProbe(path = '/_app/version.json'): Probe {
  return async (signal) => {
    try {
      await fetch(`${path}?reach=${Date.now()}`, { method: 'HEAD', cache: 'no-store', signal });
      return true;
    } catch {
      return false;
    }
  };
}

/** Dispatched on `window` by any part of the app that saw a request fail for want of network. */
export const UNREACHABLE_EVENT = 'tepat:unreachable';

/** Says a request failed for want of network (Firestore's `unavailable`), so reachability is checked at once. */
export function reportUnreachable(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(UNREACHABLE_EVENT));
}
