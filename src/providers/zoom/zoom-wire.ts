import { z } from "zod";

const address = z.object({
  address_line1: z.string().nullish(),
  address_line2: z.string().nullish(),
  city: z.string().nullish(),
  country: z.string().nullish(),
  state_code: z.string().nullish(),
  zip: z.string().nullish(),
});

/** A number in Zoom's `GET /phone/numbers` (zoom-list-phone-numbers.md). BYOC-only parts are optional. */
export const zoomPhoneNumberSchema = z.object({
  id: z.string(),
  number: z.string(),
  display_name: z.string().nullish(),
  assignee: z.object({ id: z.string(), name: z.string().nullish(), extension_number: z.union([z.number(), z.string()]).nullish(), type: z.string().nullish() }).nullish(),
  capability: z.array(z.string()).nullish(),
  carrier: z.object({ code: z.union([z.number(), z.string()]).nullish(), name: z.string().nullish() }).nullish(),
  emergency_address: address.nullish(),
  emergency_address_status: z.number().nullish(),
  emergency_address_update_time: z.string().nullish(),
  location: z.string().nullish(),
  number_type: z.string().nullish(),
  sip_group: z.object({ display_name: z.string().nullish(), id: z.string() }).nullish(),
  site: z.object({ id: z.string(), name: z.string().nullish() }).nullish(),
  source: z.string().nullish(),
  status: z.string().nullish(),
});
export type ZoomPhoneNumber = z.infer<typeof zoomPhoneNumberSchema>;

export const zoomListResponseSchema = z.object({
  next_page_token: z.string().nullish(),
  page_size: z.union([z.number(), z.string()]).nullish(),
  phone_numbers: z.array(zoomPhoneNumberSchema).nullish(),
  total_records: z.union([z.number(), z.string()]).nullish(),
});

/** Server-to-Server OAuth token response; there is no refresh token. */
export const zoomTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
});

/** API errors `{code, message, errors?}` and OAuth errors `{reason, error}`. */
export const zoomErrorSchema = z.object({
  code: z.union([z.number(), z.string()]).optional(),
  message: z.string().optional(),
  errors: z.array(z.object({ field: z.string().optional(), message: z.string().optional() })).optional(),
  reason: z.string().optional(),
  error: z.string().optional(),
});
