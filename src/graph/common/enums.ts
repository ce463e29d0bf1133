import { registerEnumType } from "type-graphql";
import { ASSIGNEE_TYPES, CAPABILITIES, NUMBER_STATUSES, NUMBER_TYPES, PROVIDER_ENUM, PROVIDERS } from "../../model/index.js";

/** type-graphql wants enum objects; the model keeps its enums as const arrays. */
function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const ProviderEnum = enumObject(PROVIDERS);
export const NumberTypeEnum = enumObject(NUMBER_TYPES);
export const NumberStatusEnum = enumObject(NUMBER_STATUSES);
export const CapabilityEnum = enumObject(CAPABILITIES);
export const AssigneeTypeEnum = enumObject(ASSIGNEE_TYPES);

registerEnumType(ProviderEnum, {
  name: "Provider",
  description: "An upstream that holds phone numbers.",
  valuesConfig: Object.fromEntries(PROVIDERS.map((p) => [p, { description: PROVIDER_ENUM[p].description }])),
});
registerEnumType(NumberTypeEnum, {
  name: "NumberType",
  description: "Normalised number type; UNKNOWN where the provider's value has no mapping. The raw value is in `details`.",
  valuesConfig: {
    LOCAL: { description: "A geographic number (HighLevel local, Telnyx local/landline/longcode, Zoom toll / Toll, fixed-line at Butter)." },
    TOLL_FREE: { description: "A toll-free number (HighLevel toll-free, Telnyx toll_free/tollfree, Zoom tollfree / TollFree and ITFS, international toll-free)." },
    MOBILE: { description: "A mobile number (HighLevel and Telnyx mobile, Zoom Mobile, mobile ranges at Butter)." },
    NATIONAL: { description: "A non-geographic national number (HighLevel and Telnyx national, Zoom National and VirtualService)." },
    SHARED_COST: { description: "A shared-cost number (Telnyx shared_cost, Zoom SharedCost)." },
    UNKNOWN: { description: "The provider's type has no unified meaning (e.g. a Telnyx shortcode) or it gave none." },
  },
});
registerEnumType(NumberStatusEnum, {
  name: "NumberStatus",
  description: "Normalised status; the provider's raw value is in `details`.",
  valuesConfig: {
    ACTIVE: { description: "In service (every number HighLevel lists, Telnyx active, Zoom available / Normal, Butter free or assigned)." },
    PENDING: { description: "Being bought, ported or provisioned (Telnyx *-pending, Zoom pending / Pending)." },
    INACTIVE: { description: "Out of service: failed purchase or port, deleted, ported out, or emergency-only (Telnyx)." },
    UNKNOWN: { description: "The provider's status has no mapping or it gave none." },
  },
});
registerEnumType(CapabilityEnum, {
  name: "Capability",
  description: "One field of Capabilities, for filters.",
  valuesConfig: {
    VOICE: { description: "Capabilities.voice." },
    SMS: { description: "Capabilities.sms." },
    MMS: { description: "Capabilities.mms." },
    FAX: { description: "Capabilities.fax." },
    INBOUND: { description: "Capabilities.inbound." },
    OUTBOUND: { description: "Capabilities.outbound." },
  },
});
registerEnumType(AssigneeTypeEnum, {
  name: "AssigneeType",
  description: "What answers a number: a person, a queue, an agent, a pool …",
  valuesConfig: {
    USER: { description: "A person: a HighLevel linked user or a Zoom user." },
    CALL_QUEUE: { description: "A Zoom call queue." },
    AUTO_RECEPTIONIST: { description: "A Zoom auto receptionist." },
    COMMON_AREA: { description: "A Zoom common-area phone." },
    EMERGENCY_NUMBER_POOL: { description: "A Zoom emergency number pool, or local-survivability emergency number pool (also served as a NumberPool)." },
    COMPANY_LOCATION: { description: "A Zoom company location." },
    MEETING_SERVICE: { description: "A Zoom meeting service." },
    SHARED_LINE_GROUP: { description: "A Zoom shared line group (SharedLineGroup, sharedLineGroup)." },
    GROUP_CALL_PICKUP: { description: "A Zoom group call pickup (GroupCallPickup; Number Management)." },
    ROOM: { description: "A Zoom Rooms Cisco or Polycom room device (CiscoPolycomRoom; Number Management)." },
    PERSONAL_LOCATION: { description: "A Zoom personal location (PersonalLocation; Number Management)." },
    LOCAL_SURVIVABILITY: { description: "A Zoom local survivability target (LocalSurvivability; Number Management)." },
    TEAMS_RESOURCE_ACCOUNT: { description: "A Microsoft Teams resource account in Zoom (MicrosoftTeamsResourceAccount; Number Management)." },
    DISTRIBUTION_GROUP: { description: "A Zoom distribution group (DistributionGroup; Number Management)." },
    CONTACT_CENTER: { description: "A Zoom Contact Center use of the number (a flow, queue, default caller ID or outgoing SMS), which Zoom lists without a type." },
    AGENT: { description: "A Butter AI voice agent." },
    VOICE_AI: { description: "A HighLevel Voice AI agent (inbound call service voice_ai)." },
    IVR: { description: "A HighLevel IVR (inbound call service ivr)." },
    FORWARD: { description: "HighLevel call forwarding (inbound call service forward)." },
    CONNECTION: { description: "A Telnyx voice connection or call-control application that routes the number's calls." },
    UNKNOWN: { description: "The provider named an assignee type that has no mapping." },
  },
});
