import parsePhoneNumber from "libphonenumber-js/max";
import { numberRecord, type DetailsOf, type NumberRecord, type NumberStatus, type NumberType } from "../../model/index.js";
import { toDate, type RecordMapper } from "../shared/mapping.js";
import type { ButterNumberDetails } from "./butter-details.type.js";
import type { ButterPhoneNumber } from "./butter-wire.js";

export type ButterDetails = DetailsOf<ButterNumberDetails, "BUTTER">;

/**
 * Butter lists no number type; libphonenumber-js's type of the number is the best evidence there is.
 * PREMIUM_RATE, VOIP, PAGER, VOICEMAIL have no unified type and fall to UNKNOWN (logged once).
 */
const NUMBER_TYPE_BY_LIBPHONENUMBER: Record<string, NumberType> = {
  FIXED_LINE: "LOCAL",
  FIXED_LINE_OR_MOBILE: "LOCAL",
  MOBILE: "MOBILE",
  TOLL_FREE: "TOLL_FREE",
  SHARED_COST: "SHARED_COST",
  UAN: "NATIONAL",
  PERSONAL_NUMBER: "NATIONAL",
};

const ASSIGNED_BY_STATUS: Record<string, "true" | "false"> = { assigned: "true", free: "false" };

/** Free and assigned numbers are both configured, working numbers; the raw status is in details. */
const NUMBER_STATUS_BY_STATUS: Record<string, NumberStatus> = { assigned: "ACTIVE", free: "ACTIVE" };

/** One number of the organization `map` maps for. */
export function mapButterNumber(wire: ButterPhoneNumber, map: RecordMapper): NumberRecord<ButterDetails> {
  const parsed = map.e164(wire.phone_number, wire.phone_number_id);
  const libType = parsePhoneNumber(parsed.e164)?.getType();
  // An unknown status still says whether an agent answers: the agent id does.
  const assigned = map.byTable("status", ASSIGNED_BY_STATUS, wire.status, wire.assigned_agent_id ? "true" : "false") === "true";
  return numberRecord<ButterDetails>({
    provider: "BUTTER",
    providerId: wire.phone_number_id,
    accountId: map.accountId,
    e164: parsed.e164,
    displayName: null,
    countryCode: parsed.countryCode,
    numberType: map.byTable<NumberType>("numberType (libphonenumber)", NUMBER_TYPE_BY_LIBPHONENUMBER, libType, "UNKNOWN"),
    status: map.byTable<NumberStatus>("status", NUMBER_STATUS_BY_STATUS, wire.status, "UNKNOWN"),
    capabilities: { voice: true, sms: null, mms: null, fax: null, inbound: wire.supports_inbound ?? null, outbound: wire.supports_outbound ?? null },
    assigned,
    assignee: wire.assigned_agent_id ? { id: wire.assigned_agent_id, name: null, type: "AGENT", extensionNumber: null } : null,
    createdAt: toDate(wire.created_at),
    updatedAt: null,
    details: {
      provider: "BUTTER",
      phoneNumberId: wire.phone_number_id,
      phoneNumber: wire.phone_number,
      carrier: wire.provider ?? null,
      status: wire.status,
      supportsInbound: wire.supports_inbound ?? null,
      supportsOutbound: wire.supports_outbound ?? null,
      assignedAgentId: wire.assigned_agent_id ?? null,
      createdAt: wire.created_at ?? null,
    },
  });
}
