import type { NumberRecord } from "../../model/index.js";
import type { RequestLoaders } from "../loaders/request-loaders.js";
import { encodeGlobalId } from "../node/global-id.js";
import { matchesNumberFilter, pushdownQuery, type NumberFilter } from "./phone-number-filter.input.js";

/** Every number the caller may see that matches `filter`, from all selected accounts. */
export async function findPhoneNumbers(loaders: RequestLoaders, filter: NumberFilter): Promise<NumberRecord[]> {
  const numbers = await loaders.numbersOf(loaders.accountsOf(filter.providers), pushdownQuery(filter));
  return numbers.filter((n) => matchesNumberFilter(n, filter));
}

export function phoneNumberId(n: NumberRecord): string {
  return encodeGlobalId({ type: "PhoneNumber", provider: n.provider, accountId: n.accountId, providerId: n.providerId });
}

/** SPEC's stable order: by e164, then provider, then id. */
export function phoneNumberSortKey(n: NumberRecord): string[] {
  return [n.e164, n.provider, phoneNumberId(n)];
}

/** Sort by SPEC's stable order (for lists that are not connections: pool members, holdings). */
export function sortPhoneNumbers(numbers: readonly NumberRecord[]): NumberRecord[] {
  return numbers
    .map((n) => ({ n, key: phoneNumberSortKey(n).join("\u0000") }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ n }) => n);
}
