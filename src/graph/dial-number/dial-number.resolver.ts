import parsePhoneNumber from "libphonenumber-js/max";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { NumberRecord } from "../../model/index.js";
import { BadUserInputError } from "../../errors/gateway-errors.js";
import { typically } from "../common/complexity.js";
import type { GraphContext } from "../context.js";
import { PhoneNumber } from "../phone-number/phone-number.type.js";
import { holdersOf } from "../phone-number/phone-number.service.js";
import { DialNumber, type DialNumberRecord } from "./dial-number.type.js";

@Resolver(() => DialNumber)
export class DialNumberResolver {
  @Query(() => DialNumber, { description: 'Everything known about one phone number, by its number ("+1 415 555 2671" or E.164).' })
  dialNumber(@Arg("e164", () => String, { description: 'A phone number in E.164 or as dialled internationally ("+1 415 555 2671"); spaces, dashes and brackets are ignored.' }) e164: string): DialNumberRecord {
    const normalised = normaliseDialString(e164);
    if (!normalised) throw new BadUserInputError(`e164 ${JSON.stringify(e164)} is not a phone number; give it in international form, e.g. "+14155552671".`, "e164");
    return { e164: normalised };
  }

  @FieldResolver(() => [PhoneNumber], { complexity: typically(4), description: "Every account's record of this number, in the graph's stable order; empty when nobody holds it." })
  async holdings(@Root() dial: DialNumberRecord, @Ctx() { snapshots }: GraphContext): Promise<NumberRecord[]> {
    return holdersOf(snapshots, dial.e164);
  }
}

/** Accept any international spelling of a number; null when it is none. */
export function normaliseDialString(text: string): string | null {
  try {
    return parsePhoneNumber(text.trim())?.number ?? null;
  } catch {
    return null;
  }
}
