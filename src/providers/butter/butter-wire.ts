import { z } from "zod";

/** Butter's phone number summary (butter-list-phone-numbers.md). Extra fields are tolerated. */
export const butterPhoneNumberSchema = z.object({
  phone_number_id: z.string(),
  phone_number: z.string(),
  provider: z.string().nullish(),
  status: z.string(),
  supports_inbound: z.boolean().nullish(),
  supports_outbound: z.boolean().nullish(),
  assigned_agent_id: z.string().nullish(),
  created_at: z.string().nullish(),
});
export type ButterPhoneNumber = z.infer<typeof butterPhoneNumberSchema>;

export const butterListResponseSchema = z.object({
  success: z.literal(true),
  data: z.array(butterPhoneNumberSchema),
  pagination: z.object({
    next_cursor: z.string().nullish(),
    has_more: z.boolean(),
    page_size: z.number().optional(),
    total_count: z.number().optional(),
  }),
});

/** `{success: false, error: {...}}`; the docs give no inner shape, so every part is optional. */
export const butterErrorSchema = z.object({
  success: z.literal(false),
  error: z.union([z.string(), z.object({ code: z.string().optional(), message: z.string().optional(), field: z.string().optional() }).loose()]),
});
