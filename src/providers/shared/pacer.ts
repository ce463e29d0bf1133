import type { IncomingHttpHeaders } from "node:http";
import { UpstreamError, type Provider } from "../../model/index.js";
import { budgetLeftMs, pastTheBudget, stoppedBefore, waitEndsInTime, type CallBounds } from "./call-bounds.js";
import { reportRateLimitWait } from "./rate-limit-waits.js";

/** What one answer's rate-limit headers say about the account's current window. */
export interface RateWindow {
  /** Calls left in the window after the answered one. */
  remaining: number;
  /** When the window resets, epoch ms; `Infinity` while unknown. */
  resetAt: number;
  /** Calls a fresh window allows, when the provider says. */
  limit?: number;
}

/** Reads a provider's rate-limit headers (`undefined` when an answer carries none). */
export type RateWindowReader = (answer: { headers: IncomingHttpHeaders; status: number; sentAt: number; receivedAt: number }) => RateWindow | undefined;

export interface PacerOptions {
  provider: Provider;
  accountId: string;
  readWindow: RateWindowReader;
  now?: () => number;
}

/** One call's place in the window: report its answer (or that none came) exactly once. */
export interface Permit {
  readonly sentAt: number;
  answered(headers: IncomingHttpHeaders, status: number): void;
  /**
   * The call got no answer (network error, timeout, its listing stopped): it no longer holds a place,
   * and counts as spent in the window, since the provider may well have counted it.
   */
  release(): void;
}

/**
 * Paces one account by what the provider's own headers say: a call is sent only while the window
 * it reported has calls left (counting the calls still in flight), otherwise it waits for the
 * reported reset. So a spent budget costs a wait, not a 429; and after a 429 (which reports
 * remaining 0) the next call waits for the reset whether or not the answer had a Retry-After.
 * A wait is sat out only when the reset comes before the listing's time budget is spent (`CallBounds`);
 * otherwise the call fails at once as UPSTREAM_RATE_LIMITED, saying when the window resets. A wait
 * ends early when the listing's signal aborts.
 */
export class Pacer {
  private window: RateWindow | undefined;
  /** Calls sent under the current window whose answers have not come back. */
  private inFlight = 0;
  private wake: (() => void)[] = [];
  private readonly now: () => number;

  constructor(private readonly options: PacerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Wait until a call fits the window, then hold a place in it. */
  async acquire(bounds?: CallBounds): Promise<Permit> {
    const signal = bounds?.signal;
    /** Monotonic ms when this call first had to wait (metrics: one wait per call, however many wake-ups). */
    let waitingSince: number | undefined;
    try {
      for (;;) {
        signal?.throwIfAborted();
        const now = this.now();
        const window = this.window;
        if (window && now >= window.resetAt) {
          // The window is over. A provider that told its limit starts a fresh one at that limit (its
          // reset time unknown until the next answer); one that did not is not paced until it says.
          this.window = window.limit !== undefined ? { remaining: window.limit, resetAt: Infinity, limit: window.limit } : undefined;
          continue;
        }
        if (!window || window.remaining - this.inFlight > 0) return this.hold(now);
        const wait = this.waitFor(window.resetAt - now, bounds);
        waitingSince ??= performance.now();
        await wait;
      }
    } finally {
      if (waitingSince !== undefined) {
        reportRateLimitWait({ provider: this.options.provider, accountId: this.options.accountId, source: "headers", seconds: (performance.now() - waitingSince) / 1000 });
      }
    }
  }

  /** The window as last reported, for logs and tests. */
  get current(): Readonly<RateWindow> | undefined {
    return this.window;
  }

  private hold(sentAt: number): Permit {
    this.inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return false;
      done = true;
      this.inFlight = Math.max(0, this.inFlight - 1);
      return true;
    };
    return {
      sentAt,
      answered: (headers, status) => {
        if (!finish()) return;
        const receivedAt = this.now();
        let reported = this.options.readWindow({ headers, status, sentAt, receivedAt });
        // A Retry-After, where a provider sends one, is its most precise word on when to call again.
        const retryAfter = status === 429 ? numericHeader(headers, "retry-after") : undefined;
        if (retryAfter !== undefined) reported = { ...reported, remaining: 0, resetAt: receivedAt + retryAfter * 1000 };
        if (reported) this.window = reported;
        this.notify();
      },
      release: () => {
        if (!finish()) return;
        if (this.window) this.window = { ...this.window, remaining: Math.max(0, this.window.remaining - 1) };
        this.notify();
      },
    };
  }

  private notify(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const resolve of waiting) resolve();
  }

  /**
   * Sleep until `ms` has passed or an answer changes the window. A reset that comes after the
   * listing's time budget is spent fails at once; an unknown one (a fresh window not yet reported)
   * waits, within the budget, for the calls in flight to report it.
   */
  private waitFor(ms: number, bounds: CallBounds | undefined): Promise<void> {
    const { provider, accountId } = this.options;
    const signal = bounds?.signal;
    const now = this.now();
    // `why` ends with what to do: when to retry, and how.
    const refuse = (why: string, retryMs: number | undefined) =>
      new UpstreamError(provider, "UPSTREAM_RATE_LIMITED", `${label(provider)}'s rate limit for account ${accountId} is spent; ${why}.`, {
        accountId,
        status: 429,
        retryAfterMs: retryMs === undefined || !Number.isFinite(retryMs) ? undefined : Math.ceil(retryMs / 1000) * 1000,
      });
    if (Number.isFinite(ms) && !waitEndsInTime(bounds, ms, now)) throw refuse(`its window resets in ${Math.ceil(ms / 1000)} s${pastTheBudget(bounds, ms, now)}`, ms);
    if (!Number.isFinite(ms) && this.inFlight === 0) throw refuse("it did not say when its window resets. Retry later", undefined);
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: UpstreamError) => {
        clearTimeout(timer);
        this.wake = this.wake.filter((w) => w !== wake);
        signal?.removeEventListener("abort", aborted);
        if (error) reject(error);
        else resolve();
      };
      const wake = () => settle();
      const aborted = () => settle(refuse(stoppedBefore("its window reset"), (this.window?.resetAt ?? Infinity) - this.now()));
      const timer = Number.isFinite(ms) ? setTimeout(wake, Math.max(0, ms)) : setTimeout(() => settle(refuse("no call reported its new window before this listing's time budget ran out. Retry later", undefined)), budgetLeftMs(bounds, now));
      this.wake.push(wake);
      signal?.addEventListener("abort", aborted, { once: true });
    });
  }
}

const label = (provider: Provider) => ({ HIGHLEVEL: "HighLevel", TELNYX: "Telnyx", ZOOM: "Zoom", BUTTER: "Butter" })[provider];

/** A header as one number, or undefined when absent or not a number. */
export function numericHeader(headers: IncomingHttpHeaders, name: string): number | undefined {
  const raw = headers[name];
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
