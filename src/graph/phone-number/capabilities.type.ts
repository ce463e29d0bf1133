import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "What a number can do. null = the provider does not say." })
export class Capabilities {
  @Field(() => Boolean, { nullable: true }) voice!: boolean | null;
  @Field(() => Boolean, { nullable: true }) sms!: boolean | null;
  @Field(() => Boolean, { nullable: true }) mms!: boolean | null;
  @Field(() => Boolean, { nullable: true }) fax!: boolean | null;
  @Field(() => Boolean, { nullable: true }) inbound!: boolean | null;
  @Field(() => Boolean, { nullable: true }) outbound!: boolean | null;
}
