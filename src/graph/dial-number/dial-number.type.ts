import { Directive, Field, ObjectType } from "type-graphql";

/**
 * A phone number by its E.164 identity alone, whichever providers hold it: the entity another
 * subgraph joins to when all it knows is a number string (`@key(fields: "e164")`).
 */
@Directive('@key(fields: "e164")')
@ObjectType({ simpleResolvers: true, description: "A phone number by its E.164 identity: every provider's record of it that the caller may see." })
export class DialNumber {
  @Field(() => String, { description: 'Normalised E.164, e.g. "+14155552671".' })
  e164!: string;
}

/** The root value of a DialNumber: just its normalised number. */
export interface DialNumberRecord {
  e164: string;
}
