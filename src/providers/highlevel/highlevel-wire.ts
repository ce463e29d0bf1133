import { z } from "zod";

const inboundCallService = z.object({ type: z.string().nullish(), value: z.string().nullish() }).nullish();

/** A number of `GET /phone-system/numbers/location/:locationId` (highlevel-list-active-numbers.md). */
export const highLevelNumberSchema = z.object({
  phoneNumber: z.string(),
  friendlyName: z.string().nullish(),
  sid: z.string(),
  countryCode: z.string().nullish(),
  capabilities: z.object({ voice: z.boolean().nullish(), sms: z.boolean().nullish(), mms: z.boolean().nullish(), fax: z.boolean().nullish() }).nullish(),
  type: z.string().nullish(),
  isDefaultNumber: z.boolean().nullish(),
  linkedUser: z.string().nullish(),
  linkedRingAllUsers: z.array(z.string()).nullish(),
  inboundCallService,
  forwardingNumber: z.string().nullish(),
  isGroupConversationEnabled: z.boolean().nullish(),
  addressSid: z.string().nullish(),
  bundleSid: z.string().nullish(),
  dateAdded: z.string().nullish(),
  dateUpdated: z.string().nullish(),
  origin: z.string().nullish(),
});
export type HighLevelNumber = z.infer<typeof highLevelNumberSchema>;

/** Both the normal page and the `{numbers: [], total: 0}` empty shape. */
export const highLevelNumbersPageSchema = z.object({ numbers: z.array(highLevelNumberSchema) }).loose();

export const highLevelPoolSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  locationId: z.string().nullish(),
  numbers: z.array(z.object({ phoneNumber: z.string(), friendlyName: z.string().nullish() })).nullish(),
  forwardingNumber: z.string().nullish(),
  whisper: z.boolean().nullish(),
  whisperMessage: z.string().nullish(),
  callRecording: z.boolean().nullish(),
  isActive: z.boolean().nullish(),
  inboundCallService,
});
export type HighLevelPool = z.infer<typeof highLevelPoolSchema>;

export const highLevelPoolsResponseSchema = z.object({ data: z.array(highLevelPoolSchema).nullish() }).loose();

/** `{message, error, statusCode}`, or `{msg, accountStatus}` on a 500. */
export const highLevelErrorSchema = z.object({
  message: z.union([z.string(), z.array(z.string())]).optional(),
  error: z.string().optional(),
  msg: z.string().optional(),
  accountStatus: z.string().optional(),
});
