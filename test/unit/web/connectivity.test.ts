import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Connectivity, type Probe } from '../../../web/src/lib/connectivity.js';

/**
 * The sync indicator's "Daring"/"Luring" must tell the truth also when the browser does not: after
 * a reload without network some Chromium versions say `navigator.onLine === true`. The rule
 * combines the browser's word with a reachability probe and with what the app sees.
 */
interface Harness {
  conn: Connectivity;
  changes: boolean[];
  probes: number;
  setNetwork(up: boolean): void;
}

function harness(opts: { browser: boolean; network: boolean; probeDelayMs?: number }): Harness {
  let network = opts.network;
  const h: Harness = {
    conn: undefined as unknown as Connectivity,
    changes: [],
    probes: 0,
    setNetwork: (up) => (network = up),
  };
  const probe: Probe = (signal) =>
    new Promise((resolve, reject) => {
      h.probes += 1;
      const answer = network;
      const t = setTimeout(() => (answer ? resolve(true) : reject(new TypeError('Failed to fetch'))), opts.probeDelayMs ?? 10);
      signal.addEventListener('abort', () => {
        clearTimeout(t);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  h.conn = new Connectivity({ probe, browserOnline: () => opts.browser, onChange: (o) => h.changes.push(o), recheckMs: 15_000, probeTimeoutMs: 5_000 });
  return h;
}

describe('Connectivity', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says offline after a reload without network although the browser claims to be online', async () => {
    const h = harness({ browser: true, network: false });
    expect(h.conn.online).toBe(true); // the browser's word, until the probe answers
    const started = h.conn.start();
    await vi.advanceTimersByTimeAsync(20);
    await started;
    expect(h.conn.online).toBe(false);
    expect(h.changes).toEqual([false]);
  });

  it('stays online when the browser is online and the server answers', async () => {
    const h = harness({ browser: true, network: true });
    const started = h.conn.start();
    await vi.advanceTimersByTimeAsync(20);
    await started;
    expect(h.conn.online).toBe(true);
    expect(h.changes).toEqual([]);
  });

  it('notices the signal coming back by probing again while offline, even without an online event', async () => {
    const h = harness({ browser: true, network: false });
    void h.conn.start();
    await vi.advanceTimersByTimeAsync(20);
    expect(h.conn.online).toBe(false);
    h.setNetwork(true);
    await vi.advanceTimersByTimeAsync(14_000);
    expect(h.conn.online).toBe(false); // not yet re-checked
    await vi.advanceTimersByTimeAsync(1_100);
    expect(h.conn.online).toBe(true);
    expect(h.changes).toEqual([false, true]);
    // Online with nothing waiting: no more probes.
    const probes = h.probes;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.probes).toBe(probes);
  });

  it('believes the offline event at once and re-checks on the online event', async () => {
    const h = harness({ browser: true, network: true });
    void h.conn.start();
    await vi.advanceTimersByTimeAsync(20);
    h.setNetwork(false);
    h.conn.browserWentOffline();
    expect(h.conn.online).toBe(false);
    h.setNetwork(true);
    void h.conn.browserWentOnline();
    expect(h.conn.online).toBe(false); // until the probe answers
    await vi.advanceTimersByTimeAsync(20);
    expect(h.conn.online).toBe(true);
    expect(h.changes).toEqual([false, true]);
  });

  it('an online event on a dead network does not make it say online', async () => {
    const h = harness({ browser: false, network: false });
    expect(h.conn.online).toBe(false);
    void h.conn.browserWentOnline();
    await vi.advanceTimersByTimeAsync(20);
    expect(h.conn.online).toBe(false);
    expect(h.changes).toEqual([]);
  });

  it('writes that keep waiting while "online" make it probe, and a failed probe says offline', async () => {
    const h = harness({ browser: true, network: true });
    void h.conn.start();
    await vi.advanceTimersByTimeAsync(20);
    h.setNetwork(false); // the signal dies without any browser event
    h.conn.setWaiting(true);
    await vi.advanceTimersByTimeAsync(15_020);
    expect(h.conn.online).toBe(false);
    h.conn.setWaiting(false);
    h.setNetwork(true);
    await vi.advanceTimersByTimeAsync(15_020); // still re-checking while offline
    expect(h.conn.online).toBe(true);
  });

  it('a probe slower than the timeout counts as no signal', async () => {
    const h = harness({ browser: true, network: true, probeDelayMs: 8_000 });
    void h.conn.start();
    await vi.advanceTimersByTimeAsync(5_010);
    expect(h.conn.online).toBe(false);
  });

  it('a failed request makes it check at once; an older probe answering late does not win', async () => {
    const h = harness({ browser: true, network: true, probeDelayMs: 100 });
    void h.conn.start(); // answers "reachable" at t=100 — but is superseded
    await vi.advanceTimersByTimeAsync(50);
    h.setNetwork(false);
    void h.conn.requestFailed();
    await vi.advanceTimersByTimeAsync(200);
    expect(h.conn.online).toBe(false);
    expect(h.changes).toEqual([false]);
  });

  it('stop() ends every timer', async () => {
    const h = harness({ browser: true, network: false });
    void h.conn.start();
    await vi.advanceTimersByTimeAsync(20);
    h.conn.stop();
    const probes = h.probes;
    await vi.advanceTimersByTimeAsync(100_000);
    expect(h.probes).toBe(probes);
  });
});
