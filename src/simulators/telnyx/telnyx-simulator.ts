import { SIM_CREDENTIALS } from "../credentials.js";
import { Simulator, type FaultSwitches, type SimRequest, type SimResponse } from "../harness.js";
import { seedTelnyxNumbers, TELNYX_STATUSES, type TelnyxWirePhoneNumber } from "./telnyx-data.js";

export interface TelnyxSimulatorOptions {
  numbers?: number;
  faults?: Partial<FaultSwitches>;
}

const RATE_LIMIT = 200;

function errors(status: number, code: string, title: string, detail: string, parameter?: string): SimResponse {
  return {
    status,
    body: { errors: [{ code, title, detail, ...(parameter ? { source: { parameter } } : {}), meta: { url: `https://developers.telnyx.com/docs/overview/errors/${code}` } }] },
  };
}

const badParameter = (parameter: string, detail: string) => errors(400, "10015", "Bad Request", detail, parameter);

const SORTS: Record<string, (a: TelnyxWirePhoneNumber, b: TelnyxWirePhoneNumber) => number> = {
  purchased_at: (a, b) => a.purchased_at.localeCompare(b.purchased_at),
  phone_number: (a, b) => a.phone_number.localeCompare(b.phone_number),
  connection_name: (a, b) => (a.connection_name ?? "").localeCompare(b.connection_name ?? ""),
  usage_payment_method: (a, b) => a.usage_payment_method.localeCompare(b.usage_payment_method),
};
const NUMBER_TYPES = ["local", "national", "toll_free", "mobile", "shared_cost"];
const FILTERS = new Set([
  "tag",
  "without_tags",
  "phone_number",
  "status",
  "country_iso_alpha2",
  "connection_id",
  "voice.connection_name",
  "voice.usage_payment_method",
  "billing_group_id",
  "emergency_address_id",
  "customer_reference",
  "number_type",
  "source",
]);

/**
 * Telnyx v2 `GET /phone_numbers`: bearer API key, deepObject `page[number]`/`page[size]` with
 * `meta`, deepObject `filter[...]`, `sort`, `{errors: [...]}` bodies and `x-ratelimit-*` headers.
 */
export class TelnyxSimulator extends Simulator {
  readonly numbers: readonly TelnyxWirePhoneNumber[];
  private remaining = RATE_LIMIT;

  constructor(options: TelnyxSimulatorOptions = {}) {
    super(
      {
        name: "telnyx",
        handle: (request) => this.route(request),
        serverError: () => errors(500, "10007", "Unexpected error", "An unexpected error occured."),
        rateLimited: (retryAfter) => ({
          ...errors(429, "10011", "Too many requests", "You have exceeded the maximum number of requests allowed; retry after the period in Retry-After."),
          headers: { "retry-after": String(retryAfter), "x-ratelimit-limit": String(RATE_LIMIT), "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(retryAfter) },
        }),
      },
      options.faults,
    );
    this.numbers = seedTelnyxNumbers(options.numbers);
  }

  private route(request: SimRequest): SimResponse {
    const response = this.answer(request);
    this.remaining = this.remaining > 0 ? this.remaining - 1 : RATE_LIMIT;
    return { ...response, headers: { "x-ratelimit-limit": String(RATE_LIMIT), "x-ratelimit-remaining": String(this.remaining), "x-ratelimit-reset": "1", ...response.headers } };
  }

  private answer(request: SimRequest): SimResponse {
    if (request.method !== "GET" || request.path !== "/v2/phone_numbers") return errors(404, "10005", "Resource not found", "The requested resource or URL could not be found.");
    const auth = request.headers.authorization;
    if (auth !== `Bearer ${SIM_CREDENTIALS.telnyx.apiKey}`) return errors(401, "10009", "Authentication failed", "Could not understand the provided credentials.");

    const q = request.query;
    const size = q.get("page[size]") === null ? 20 : Number(q.get("page[size]"));
    if (!Number.isInteger(size) || size < 1 || size > 250) return badParameter("page[size]", "page[size] must be an integer between 1 and 250.");
    const pageNumber = q.get("page[number]") === null ? 1 : Number(q.get("page[number]"));
    if (!Number.isInteger(pageNumber) || pageNumber < 1) return badParameter("page[number]", "page[number] must be an integer of at least 1.");
    const sort = q.get("sort");
    if (sort !== null && !SORTS[sort]) return badParameter("sort", `sort must be one of ${Object.keys(SORTS).join(", ")}.`);

    const filtered = this.filter(q);
    if ("status" in filtered) return filtered;
    const ordered = [...filtered.rows].sort((a, b) => (sort ? SORTS[sort]!(a, b) : b.created_at.localeCompare(a.created_at)) || a.id.localeCompare(b.id));
    const totalPages = Math.ceil(ordered.length / size);
    const data = ordered.slice((pageNumber - 1) * size, pageNumber * size).map(({ usage_payment_method: _, ...wire }) => wire);
    return { status: 200, body: { data, meta: { total_pages: totalPages, total_results: ordered.length, page_number: pageNumber, page_size: size } } };
  }

  /** Apply every `filter[...]` key, or answer the 400 Telnyx gives for a bad one. */
  private filter(q: URLSearchParams): { rows: TelnyxWirePhoneNumber[] } | SimResponse {
    let rows = [...this.numbers];
    for (const key of new Set(q.keys())) {
      const match = /^filter\[([^\]]+)\](?:\[([^\]]+)\])?(\[\])?$/.exec(key);
      if (!match) {
        if (key.startsWith("filter")) return badParameter(key, `${key} is not a valid filter.`);
        continue;
      }
      const [, field, operator] = match as unknown as [string, string, string | undefined];
      const values = q.getAll(key);
      const value = values[0]!;
      if (!FILTERS.has(field)) return badParameter(key, `filter[${field}] is not a supported filter.`);
      switch (field) {
        case "status":
          if (!(TELNYX_STATUSES as readonly string[]).includes(value)) return badParameter(key, `filter[status] must be one of ${TELNYX_STATUSES.join(", ")}.`);
          rows = rows.filter((r) => r.status === value);
          break;
        case "country_iso_alpha2": {
          const codes = new Set(values.flatMap((v) => v.split(",")).map((v) => v.trim().toUpperCase()));
          rows = rows.filter((r) => codes.has(r.country_iso_alpha2));
          break;
        }
        case "phone_number": {
          const digits = value.replace(/^\+/, "");
          if (digits.replace(/\D/g, "").length < 3) return badParameter(key, "filter[phone_number] requires at least three digits.");
          rows = /^\d+$/.test(digits) ? rows.filter((r) => r.phone_number.includes(digits)) : [];
          break;
        }
        case "number_type":
          if (operator !== "eq" || !NUMBER_TYPES.includes(value)) return badParameter(key, `filter[number_type][eq] must be one of ${NUMBER_TYPES.join(", ")}.`);
          rows = rows.filter((r) => r.phone_number_type === value);
          break;
        case "voice.connection_name": {
          if (!operator || !["contains", "starts_with", "ends_with", "eq"].includes(operator)) return badParameter(key, "filter[voice.connection_name] takes [contains], [starts_with], [ends_with] or [eq].");
          if (operator !== "eq" && value.length < 3) return badParameter(key, `filter[voice.connection_name][${operator}] requires at least three characters.`);
          const test = { contains: (n: string) => n.includes(value), starts_with: (n: string) => n.startsWith(value), ends_with: (n: string) => n.endsWith(value), eq: (n: string) => n === value }[operator]!;
          rows = rows.filter((r) => r.connection_name !== null && test(r.connection_name));
          break;
        }
        case "source":
          if (value !== "ported" && value !== "purchased") return badParameter(key, "filter[source] must be ported or purchased.");
          rows = rows.filter((r) => r.source_type === (value === "ported" ? "port_request" : "number_order"));
          break;
        case "tag":
          rows = rows.filter((r) => r.tags.includes(value));
          break;
        case "without_tags":
          if (value === "true") rows = rows.filter((r) => r.tags.length === 0);
          break;
        case "voice.usage_payment_method":
          rows = rows.filter((r) => r.usage_payment_method === value);
          break;
        default: {
          const column = field as "connection_id" | "billing_group_id" | "emergency_address_id" | "customer_reference";
          rows = rows.filter((r) => (value === "null" ? r[column] === null : r[column] === value));
        }
      }
    }
    return { rows };
  }
}
