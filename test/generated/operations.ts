/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What answers a number: a person, a queue, an agent, a pool … */
export type AssigneeType =
  /** A Butter AI voice agent. */
  | 'AGENT'
  /** A Zoom auto receptionist. */
  | 'AUTO_RECEPTIONIST'
  /** A Zoom call queue. */
  | 'CALL_QUEUE'
  /** A Zoom common-area phone. */
  | 'COMMON_AREA'
  /** A Zoom company location. */
  | 'COMPANY_LOCATION'
  /** A Telnyx voice connection or call-control application that routes the number's calls. */
  | 'CONNECTION'
  /** A Zoom Contact Center use of the number (a flow, queue, default caller ID or outgoing SMS), which Zoom lists without a type. */
  | 'CONTACT_CENTER'
  /** A Zoom distribution group (DistributionGroup; Number Management). */
  | 'DISTRIBUTION_GROUP'
  /** A Zoom emergency number pool, or local-survivability emergency number pool (also served as a NumberPool). */
  | 'EMERGENCY_NUMBER_POOL'
  /** HighLevel call forwarding (inbound call service forward). */
  | 'FORWARD'
  /** A Zoom group call pickup (GroupCallPickup; Number Management). */
  | 'GROUP_CALL_PICKUP'
  /** A HighLevel IVR (inbound call service ivr). */
  | 'IVR'
  /** A Zoom local survivability target (LocalSurvivability; Number Management). */
  | 'LOCAL_SURVIVABILITY'
  /** A Zoom meeting service. */
  | 'MEETING_SERVICE'
  /** A Zoom personal location (PersonalLocation; Number Management). */
  | 'PERSONAL_LOCATION'
  /** A Zoom Rooms Cisco or Polycom room device (CiscoPolycomRoom; Number Management). */
  | 'ROOM'
  /** A Zoom shared line group (SharedLineGroup, sharedLineGroup). */
  | 'SHARED_LINE_GROUP'
  /** A Microsoft Teams resource account in Zoom (MicrosoftTeamsResourceAccount; Number Management). */
  | 'TEAMS_RESOURCE_ACCOUNT'
  /** The provider named an assignee type that has no mapping. */
  | 'UNKNOWN'
  /** A person: a HighLevel linked user or a Zoom user. */
  | 'USER'
  /** A HighLevel Voice AI agent (inbound call service voice_ai). */
  | 'VOICE_AI';

/** One field of Capabilities, for filters. */
export type Capability =
  /** Capabilities.fax. */
  | 'FAX'
  /** Capabilities.inbound. */
  | 'INBOUND'
  /** Capabilities.mms. */
  | 'MMS'
  /** Capabilities.outbound. */
  | 'OUTBOUND'
  /** Capabilities.sms. */
  | 'SMS'
  /** Capabilities.voice. */
  | 'VOICE';

/** Every given condition must hold. */
export type NumberPoolFilter = {
  /** Account ids (HighLevel location, Zoom account …). */
  accountIds: Array<string> | null | undefined;
  /** Only pools whose isActive is this value (a pool whose provider does not say never matches). */
  isActive: boolean | null | undefined;
  /** Case-insensitive text anywhere in the pool's name. */
  nameContains: string | null | undefined;
  /** Only pools at these providers (HIGHLEVEL, ZOOM). */
  providers: Array<Provider> | null | undefined;
};

/** Normalised status; the provider's raw value is in `details`. */
export type NumberStatus =
  /** In service (every number HighLevel lists, Telnyx active, Zoom available / Normal, Butter free or assigned). */
  | 'ACTIVE'
  /** Out of service: failed purchase or port, deleted, ported out, or emergency-only (Telnyx). */
  | 'INACTIVE'
  /** Being bought, ported or provisioned (Telnyx *-pending, Zoom pending / Pending). */
  | 'PENDING'
  /** The provider's status has no mapping or it gave none. */
  | 'UNKNOWN';

/** Normalised number type; UNKNOWN where the provider's value has no mapping. The raw value is in `details`. */
export type NumberType =
  /** A geographic number (HighLevel local, Telnyx local/landline/longcode, Zoom toll / Toll, fixed-line at Butter). */
  | 'LOCAL'
  /** A mobile number (HighLevel and Telnyx mobile, Zoom Mobile, mobile ranges at Butter). */
  | 'MOBILE'
  /** A non-geographic national number (HighLevel and Telnyx national, Zoom National and VirtualService). */
  | 'NATIONAL'
  /** A shared-cost number (Telnyx shared_cost, Zoom SharedCost). */
  | 'SHARED_COST'
  /** A toll-free number (HighLevel toll-free, Telnyx toll_free/tollfree, Zoom tollfree / TollFree and ITFS, international toll-free). */
  | 'TOLL_FREE'
  /** The provider's type has no unified meaning (e.g. a Telnyx shortcode) or it gave none. */
  | 'UNKNOWN';

/** Every given condition must hold; a list matches any of its values. */
export type PhoneNumberFilter = {
  /** Only numbers of these accounts (PhoneNumber.accountId: HighLevel location id, Telnyx account name, Zoom account id, Butter organization id). */
  accountIds: Array<string> | null | undefined;
  /** true: only numbers something answers; false: only unassigned ones. */
  assigned: boolean | null | undefined;
  /** Every listed capability must be true: [SMS] matches numbers whose provider says SMS is true. A capability the provider says is false, or does not say (null), does not match; ask for those with unknownCapabilities, or compare with numberStats totals. */
  capabilities: Array<Capability> | null | undefined;
  /** ISO 3166-1 alpha-2 codes, e.g. US, GB. */
  countryCodes: Array<string> | null | undefined;
  /** true: only numbers in at least one pool (PhoneNumber.pools is not empty); false: only numbers in no pool. */
  inPool: boolean | null | undefined;
  /** Only numbers of these normalised types. */
  numberTypes: Array<NumberType> | null | undefined;
  /** Only numbers at these providers. */
  providers: Array<Provider> | null | undefined;
  /** Digits anywhere in the E.164 number ("+1415", "5552671"). */
  search: string | null | undefined;
  /** Only numbers in these normalised statuses. */
  statuses: Array<NumberStatus> | null | undefined;
  /** Every listed capability must be unknown: [SMS] matches numbers whose provider does not say whether they do SMS (Capabilities.sms is null). Known true or false does not match. */
  unknownCapabilities: Array<Capability> | null | undefined;
};

/** An upstream that holds phone numbers. */
export type Provider =
  /** Butter AI voice agents; one account per organization. */
  | 'BUTTER'
  /** HighLevel (LeadConnector) phone system; one account per location. */
  | 'HIGHLEVEL'
  /** Telnyx; one account per API key (named in the config file, `default` from env). */
  | 'TELNYX'
  /** Zoom Phone; one account per Zoom account. */
  | 'ZOOM';

export type PoolsWithMembersQueryVariables = Exact<{
  first: number | null | undefined;
  after: string | null | undefined;
  filter: NumberPoolFilter | null | undefined;
}>;


export type PoolsWithMembersQuery = { numberPools: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, provider: Provider, providerId: string, accountId: string, name: string, forwardingNumber: string | null, callRecording: boolean | null, whisper: boolean | null, whisperMessage: string | null, isActive: boolean | null, numbers: Array<{ id: string, e164: string, provider: Provider, status: NumberStatus, assignee: { type: AssigneeType, name: string | null } | null }> } }> } };

export type NumberAcrossProvidersQueryVariables = Exact<{
  filter: PhoneNumberFilter | null | undefined;
  first: number | null | undefined;
  after: string | null | undefined;
}>;


export type NumberAcrossProvidersQuery = { phoneNumbers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, e164: string, provider: Provider, accountId: string, alsoHeldAt: Array<{ id: string, provider: Provider, accountId: string }> }> } };

export type UnassignedSmsByProviderAndCountryQueryVariables = Exact<{ [key: string]: never; }>;


export type UnassignedSmsByProviderAndCountryQuery = { numberStats: { total: number, groups: Array<{ count: number, provider: Provider | null, countryCode: string | null }> } };

export type InventoryOverviewQueryVariables = Exact<{
  filter: PhoneNumberFilter | null | undefined;
}>;


export type InventoryOverviewQuery = { numberStats: { total: number, groups: Array<{ count: number, provider: Provider | null, accountId: string | null, status: NumberStatus | null, inPool: boolean | null }> } };

export type NumbersInNoPoolQueryVariables = Exact<{
  first: number | null | undefined;
  after: string | null | undefined;
}>;


export type NumbersInNoPoolQuery = { phoneNumbers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, e164: string, provider: Provider, accountId: string, assigned: boolean, assignee: { type: AssigneeType, name: string | null } | null }> } };

export type UnknownSmsCapabilityQueryVariables = Exact<{ [key: string]: never; }>;


export type UnknownSmsCapabilityQuery = { numberStats: { total: number, groups: Array<{ count: number, provider: Provider | null }> } };

export type PoolSizesQueryVariables = Exact<{
  first: number | null | undefined;
  after: string | null | undefined;
}>;


export type PoolSizesQuery = { numberPools: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, provider: Provider, accountId: string, name: string, numberCount: number }> } };

export type PhoneNumbersByIdsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type PhoneNumbersByIdsQuery = { phoneNumbersByIds: Array<{ id: string, e164: string, provider: Provider, providerId: string } | null> };

export type NodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'NumberPool', name: string, provider: Provider, id: string }
    | { __typename: 'PhoneNumber', e164: string, provider: Provider, id: string }
   | null };

export type DashboardQueryVariables = Exact<{
  first: number | null | undefined;
  after: string | null | undefined;
  filter: PhoneNumberFilter | null | undefined;
}>;


export type DashboardQuery = { phoneNumbers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, e164: string, provider: Provider, providerId: string, accountId: string, displayName: string | null, countryCode: string | null, numberType: NumberType, status: NumberStatus, assigned: boolean, createdAt: string | null, updatedAt: string | null, capabilities: { voice: boolean | null, sms: boolean | null, mms: boolean | null, fax: boolean | null, inbound: boolean | null, outbound: boolean | null }, assignee: { id: string, name: string | null, type: AssigneeType, extensionNumber: string | null } | null, pools: Array<{ id: string, name: string }>, details:
        | { __typename: 'ButterNumberDetails', phoneNumberId: string }
        | { __typename: 'HighLevelNumberDetails', sid: string }
        | { __typename: 'TelnyxNumberDetails', id: string }
        | { __typename: 'ZoomNumberDetails', id: string }
       }> } };


export const PoolsWithMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoolsWithMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"NumberPoolFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numberPools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"forwardingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"callRecording"}},{"kind":"Field","name":{"kind":"Name","value":"whisper"}},{"kind":"Field","name":{"kind":"Name","value":"whisperMessage"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PoolsWithMembersQuery, PoolsWithMembersQueryVariables>;
export const NumberAcrossProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NumberAcrossProviders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumberFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"alsoHeldAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NumberAcrossProvidersQuery, NumberAcrossProvidersQueryVariables>;
export const UnassignedSmsByProviderAndCountryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnassignedSmsByProviderAndCountry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numberStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"assigned"},"value":{"kind":"BooleanValue","value":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"capabilities"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SMS"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PROVIDER"},{"kind":"EnumValue","value":"COUNTRY"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}}]}}]}}]} as unknown as DocumentNode<UnassignedSmsByProviderAndCountryQuery, UnassignedSmsByProviderAndCountryQueryVariables>;
export const InventoryOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InventoryOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumberFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numberStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PROVIDER"},{"kind":"EnumValue","value":"ACCOUNT"},{"kind":"EnumValue","value":"STATUS"},{"kind":"EnumValue","value":"IN_POOL"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"inPool"}}]}}]}}]}}]} as unknown as DocumentNode<InventoryOverviewQuery, InventoryOverviewQueryVariables>;
export const NumbersInNoPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NumbersInNoPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"inPool"},"value":{"kind":"BooleanValue","value":false}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"assigned"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NumbersInNoPoolQuery, NumbersInNoPoolQueryVariables>;
export const UnknownSmsCapabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnknownSmsCapability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numberStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"unknownCapabilities"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SMS"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PROVIDER"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]} as unknown as DocumentNode<UnknownSmsCapabilityQuery, UnknownSmsCapabilityQueryVariables>;
export const PoolSizesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoolSizes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numberPools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"numberCount"}}]}}]}}]}}]} as unknown as DocumentNode<PoolSizesQuery, PoolSizesQueryVariables>;
export const PhoneNumbersByIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PhoneNumbersByIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumbersByIds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}}]}}]}}]} as unknown as DocumentNode<PhoneNumbersByIdsQuery, PhoneNumbersByIdsQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberPool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumberFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"numberType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"assigned"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voice"}},{"kind":"Field","name":{"kind":"Name","value":"sms"}},{"kind":"Field","name":{"kind":"Name","value":"mms"}},{"kind":"Field","name":{"kind":"Name","value":"fax"}},{"kind":"Field","name":{"kind":"Name","value":"inbound"}},{"kind":"Field","name":{"kind":"Name","value":"outbound"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"extensionNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HighLevelNumberDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TelnyxNumberDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZoomNumberDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ButterNumberDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumberId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;