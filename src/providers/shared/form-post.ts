import got, { RequestError, TimeoutError } from "got";
import { providerLabel, UpstreamError, type Provider } from "../../model/index.js";
import { DEFAULT_TIMEOUT_MS } from "./upstream-http.js";

export interface FormAnswer {
  status: number;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: unknown;
}

/** POST a form to `path` under the base URL; answers below 500 come back to the caller to read. */
export type FormPoster = (path: string, form: URLSearchParams, headers: Record<string, string>, signal?: AbortSignal) => Promise<FormAnswer>;

export interface FormPosterOptions {
  provider: Provider;
  accountId: string;
  baseUrl: string;
  timeoutMs?: number;
}

/**
 * For OAuth endpoints whose 4xx bodies say what to do (a retired refresh token, a paused
 * location): the caller reads every answer below 500 itself. Timeouts, unreachable hosts and 5xx
 * become `UpstreamError`s. Never retried here: a refresh-token trade must not be sent twice.
 * Messages name the endpoint only, never the form (which carries secrets).
 */
export function createFormPoster(options: FormPosterOptions): FormPoster {
  const { provider, accountId } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const label = providerLabel[provider];
  return async (path, form, headers, signal) => {
    const url = `${options.baseUrl.replace(/\/+$/, "")}/${path.replace(/^\//, "")}`;
    let response;
    try {
      response = await got.post(url, {
        body: form.toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", "user-agent": "numbergraph", ...headers },
        responseType: "text",
        throwHttpErrors: false,
        retry: { limit: 0 },
        timeout: { request: timeoutMs },
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (error instanceof TimeoutError) throw new UpstreamError(provider, "UPSTREAM_TIMEOUT", `${label} did not answer POST /${path} within ${timeoutMs} ms; retry later.`, { accountId });
      const code = error instanceof RequestError ? error.code : undefined;
      throw new UpstreamError(provider, "UPSTREAM_UNAVAILABLE", `${label} could not be reached for POST /${path} at ${options.baseUrl} (${code ?? "network error"}); check the base URL and network.`, { accountId });
    }
    let body: unknown = response.body;
    try {
      body = JSON.parse(response.body);
    } catch {
      // not JSON: the caller sees the text
    }
    if (response.statusCode >= 500) throw new UpstreamError(provider, "UPSTREAM_UNAVAILABLE", `${label} failed POST /${path} with HTTP ${response.statusCode}; retry later.`, { accountId, status: response.statusCode });
    return { status: response.statusCode, body };
  };
}
