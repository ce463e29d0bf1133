import { z } from "zod";

/** PhoneNumberDetailed (telnyx-list-phone-numbers.md). `external_pin` is parsed only to be dropped. */
export const telnyxPhoneNumberSchema = z.object({
  id: z.string(),
  record_type: z.string().optional(),
  phone_number: z.string(),
  country_iso_alpha2: z.string().nullish(),
  status: z.string(),
  tags: z.array(z.string()).nullish(),
  external_pin: z.string().nullish(),
  connection_id: z.string().nullish(),
  connection_name: z.string().nullish(),
  customer_reference: z.string().nullish(),
  messaging_profile_id: z.string().nullish(),
  messaging_profile_name: z.string().nullish(),
  billing_group_id: z.string().nullish(),
  emergency_enabled: z.boolean().nullish(),
  emergency_address_id: z.string().nullish(),
  emergency_status: z.string().nullish(),
  call_forwarding_enabled: z.boolean().nullish(),
  cnam_listing_enabled: z.boolean().nullish(),
  caller_id_name_enabled: z.boolean().nullish(),
  call_recording_enabled: z.boolean().nullish(),
  t38_fax_gateway_enabled: z.boolean().nullish(),
  purchased_at: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  phone_number_type: z.string().nullish(),
  inbound_call_screening: z.string().nullish(),
  hd_voice_enabled: z.boolean().nullish(),
  source_type: z.string().nullish(),
  deletion_lock_enabled: z.boolean().nullish(),
});
export type TelnyxPhoneNumber = z.infer<typeof telnyxPhoneNumberSchema>;

export const telnyxListResponseSchema = z.object({
  data: z.array(telnyxPhoneNumberSchema),
  meta: z.object({
    total_pages: z.number().int().min(0),
    total_results: z.number().int().min(0).optional(),
    page_number: z.number().int().optional(),
    page_size: z.number().int().optional(),
  }),
});

export const telnyxErrorSchema = z.object({
  errors: z
    .array(
      z
        .object({
          code: z.union([z.string(), z.number()]).optional(),
          title: z.string().optional(),
          detail: z.string().optional(),
          source: z.object({ pointer: z.string().optional(), parameter: z.string().optional() }).loose().optional(),
        })
        .loose(),
    )
    .min(1),
});

/** The values `filter[status]` accepts (the doc's filter enum: fewer than a record's statuses). */
export const TELNYX_STATUS_FILTER_VALUES: readonly string[] = ["purchase-pending", "purchase-failed", "port-pending", "active", "deleted", "port-failed", "emergency-only", "ported-out", "port-out-pending"];
/** The values `filter[number_type][eq]` accepts (no legacy values). */
export const TELNYX_NUMBER_TYPE_FILTER_VALUES: readonly string[] = ["local", "national", "toll_free", "mobile", "shared_cost"];
