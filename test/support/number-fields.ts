import type { NumberRecord } from "../../src/model/index.js";

/**
 * A mapped number's fields as the graph reads them, own or derived (a record derives its id and
 * dates on read), as a plain object for `toEqual`. Typed so a field added to NumberRecord must be
 * added here.
 */
export function numberFields(n: NumberRecord): { [K in keyof Required<NumberRecord>]: NumberRecord[K] } {
  return {
    id: n.id,
    key: n.key,
    provider: n.provider,
    providerId: n.providerId,
    accountId: n.accountId,
    e164: n.e164,
    displayName: n.displayName,
    countryCode: n.countryCode,
    numberType: n.numberType,
    status: n.status,
    capabilities: n.capabilities,
    assigned: n.assigned,
    assignee: n.assignee,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    details: n.details,
  };
}
