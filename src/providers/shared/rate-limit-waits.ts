import type { Provider } from "../../model/index.js";

/** A call that was held back to stay inside a provider's rate limit, and for how long. */
export interface RateLimitWait {
  provider: Provider;
  accountId: string;
  /** What held it: `headers`, the window the provider's own rate-limit headers reported (`pacer.ts`); `budget`, a shared per-account budget. */
  source: "headers" | "budget";
  /** How long it waited, in seconds (a wait cut short by the request's deadline counts what it waited). */
  seconds: number;
}

type RateLimitWaitObserver = (wait: RateLimitWait) => void;

const observers = new Set<RateLimitWaitObserver>();

/** Watch every rate-limit wait this process makes (metrics); returns the function that stops watching. */
export function observeRateLimitWaits(observer: RateLimitWaitObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

/** Called by whatever holds a call back for a rate limit, once per call that waited. */
export function reportRateLimitWait(wait: RateLimitWait): void {
  for (const observer of observers) observer(wait);
}
