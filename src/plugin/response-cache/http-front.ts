import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { ProviderAccount } from "../../model/index.js";
import { freshnessNeed } from "../../snapshots/freshness-need.js";
import { cacheScope } from "./cache-key.js";
import type { ResponseCache } from "./response-cache.js";

/** The exact-request key the front looked up and missed, handed to the plugin to store the answer under. */
export interface RequestCacheKey {
  key: string;
  /**
   * Set by the plugin when the answer is to be kept; the front calls it with the body it sent. The
   * stored data is cut from that body rather than serialised a second time.
   */
  sent?: (body: string) => void;
}

/** Bodies the front reads itself: a dashboard's poll is a few hundred bytes; anything larger goes the usual way. */
const MAX_FRONT_BODY = 64 * 1024;
/** What every answer the front splices starts with; the stored data and its freshness follow. */
const DATA_OPEN = Buffer.from(`{"data":`);

const READ_ERROR = Symbol("numbergraph.requestReadError");

type FrontRequest = IncomingMessage & { body?: unknown; [READ_ERROR]?: Error };

export interface ResponseCacheFrontOptions {
  cache: ResponseCache;
  /** The GraphQL endpoint's path. */
  path: string;
  /** The accounts the request's gateway key may read; undefined when it has none or a wrong one (the full pipeline answers that). */
  scopeOf(req: IncomingMessage): readonly ProviderAccount[] | undefined;
  /** Headers every GraphQL answer carries besides its content type (CORS). */
  headers: Readonly<Record<string, string>>;
  /** The request's id: a caller's sane `x-request-id`, or a new one. */
  requestIdOf(req: IncomingMessage): string;
  /** What the full pipeline does for every answer: the access-log line and the request metrics. */
  answered(event: { req: IncomingMessage; res: ServerResponse; requestId: string; operationName: string | null; durationMs: number }): void;
  /**
   * Runs a request the front read and did not find, with its parsed body and the key to store its
   * answer under, as the pipeline would (Apollo without express's routing and body parsing).
   */
  execute(req: IncomingMessage, res: ServerResponse, body: unknown, key: RequestCacheKey, started: number): void;
}

/**
 * The response cache's front door, in front of express and Apollo: a POST whose exact bytes (body,
 * Accept, the caller's scope) were answered before, from snapshots that still have the versions
 * that answer was computed from, is answered here — the stored data spliced with freshness as of
 * now, byte for byte what Apollo would send — without routing, body parsing, Apollo's pipeline or a
 * `JSON.stringify` of the data. That is what a polled dashboard sends, so the polls cost little more
 * than the HTTP exchange.
 *
 * Everything else goes on to `next` unchanged; a body the front read and could not parse goes on
 * with its parse error (`frontReadError`), as `express.json()` would have failed it.
 */
export function responseCacheFront(options: ResponseCacheFrontOptions, next: RequestListener): RequestListener {
  const { cache } = options;
  return (req, res) => {
    const started = performance.now();
    if (!cache.enabled || req.method !== "POST" || !readable(req) || !isPath(req.url, options.path)) return next(req, res);
    const need = freshnessNeed(header(req, "cache-control"));
    if (need.maxAgeMs === 0) return next(req, res);
    const accounts = options.scopeOf(req);
    if (!accounts) return next(req, res);
    readBody(req, (error, text) => {
      if (error) return void res.destroy(error);
      const key = `${cacheScope(accounts).key}\u0000${header(req, "accept") ?? ""}\u0000${text}`;
      const now = cache.snapshots.now();
      const hit = cache.requestAnswer(key, need, now);
      if (!hit) {
        // Counted by the plugin, which may yet find the operation under other bytes.
        const front = req as FrontRequest;
        handOn(front, text!);
        // A body that is not a JSON request goes on to express, which answers it as it answers every unreadable body.
        if (front[READ_ERROR]) return next(req, res);
        return options.execute(req, res, front.body, { key }, started);
      }
      cache.count("hits");
      const freshness = cache.servedFrom(hit.read, now);
      const body = Buffer.concat([DATA_OPEN, hit.answer.dataJson, Buffer.from(freshness.length ? `,"extensions":{"freshness":${JSON.stringify(freshness)}}}\n` : "}\n")]);
      const requestId = options.requestIdOf(req);
      res.writeHead(200, { ...options.headers, "x-request-id": requestId, "content-type": hit.answer.contentType, "content-length": body.length });
      res.end(body);
      options.answered({ req, res, requestId, operationName: hit.answer.operationName, durationMs: performance.now() - started });
    });
  };
}

/** After `express.json()`: a body the front read and could not parse fails as express.json() would have failed it. */
export function frontReadError(req: IncomingMessage, _res: ServerResponse, next: (error?: unknown) => void): void {
  next((req as FrontRequest)[READ_ERROR]);
}

/** A small, plain JSON body of known length: the only kind the front reads (no compression, no other charset, no chunked upload). */
function readable(req: IncomingMessage): boolean {
  const type = header(req, "content-type");
  if (!type || !/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type)) return false;
  const encoding = header(req, "content-encoding");
  if (encoding && encoding.toLowerCase() !== "identity") return false;
  const length = Number(header(req, "content-length"));
  return Number.isInteger(length) && length > 0 && length <= MAX_FRONT_BODY;
}

function readBody(req: IncomingMessage, done: (error: Error | undefined, text?: string) => void): void {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.once("end", () => done(undefined, chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8")));
  req.once("error", (error) => done(error));
}

/** What `express.json()` (strict) would have made of the body: an object or array, or a 400 `entity.parse.failed`. */
function handOn(req: FrontRequest, text: string): void {
  try {
    const first = /\S/.exec(text)?.[0];
    if (first !== "{" && first !== "[") throw new SyntaxError(`Unexpected token '${first ?? ""}': a GraphQL request is a JSON object`);
    req.body = JSON.parse(text);
  } catch (error) {
    req.body = undefined;
    req[READ_ERROR] = Object.assign(error as Error, { status: 400, type: "entity.parse.failed" });
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

function isPath(url: string | undefined, path: string): boolean {
  if (!url?.startsWith(path)) return false;
  const rest = url.charCodeAt(path.length);
  return Number.isNaN(rest) || rest === 63; /* ? */
}
