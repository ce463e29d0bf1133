import { z } from "zod";

/**
 * Zoom Number Management `GET /number_management/numbers` (zoom-number-management-list-numbers.md §4).
 * Zoom marks no field required, so every field but the number itself may be missing; enums stay
 * strings here (a value Zoom adds later is mapped to UNKNOWN and logged, not a failed listing).
 */
const assignment = z.object({
  assigned_to_id: z.string().nullish(),
  assigned_to_name: z.string().nullish(),
  assigned_to_type: z.string().nullish(),
  source_channel: z.string().nullish(),
  extension_number: z.union([z.string(), z.number()]).nullish(),
});
export type ZoomNmAssignment = z.infer<typeof assignment>;

export const zoomNmNumberSchema = z.object({
  id: z.string().nullish(),
  number: z.string(),
  allocated_product: z.string().nullish(),
  number_type: z.string().nullish(),
  display_name: z.string().nullish(),
  caller_id_name: z.string().nullish(),
  carrier: z.object({ code: z.union([z.number(), z.string()]).nullish(), name: z.string().nullish() }).nullish(),
  capability: z.array(z.string()).nullish(),
  source: z.string().nullish(),
  status: z.string().nullish(),
  emergency_address: z
    .object({
      address_line1: z.string().nullish(),
      address_line2: z.string().nullish(),
      city: z.string().nullish(),
      county: z.string().nullish(),
      state_code: z.string().nullish(),
      country: z.string().nullish(),
      zip: z.string().nullish(),
    })
    .nullish(),
  address_update_required: z.boolean().nullish(),
  emergency_address_update_time: z.string().nullish(),
  site: z.object({ site_id: z.string().nullish(), name: z.string().nullish() }).nullish(),
  assigned_list: z.array(assignment).nullish(),
  sip_group: z.object({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
  location: z.object({ country: z.string().nullish(), state: z.string().nullish(), city: z.string().nullish() }).nullish(),
});
export type ZoomNmNumber = z.infer<typeof zoomNmNumberSchema>;

export const zoomNmListResponseSchema = z.object({
  next_page_token: z.string().nullish(),
  page_size: z.union([z.number(), z.string()]).nullish(),
  numbers: z.array(zoomNmNumberSchema).nullish(),
});
