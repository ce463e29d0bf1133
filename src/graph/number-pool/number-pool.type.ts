import { Directive, Field, ObjectType } from "type-graphql";
import type { Provider } from "../../model/index.js";
import { ProviderEnum } from "../common/enums.js";
import { Node } from "../node/node.type.js";

/** HighLevel number pools and Zoom emergency number pools; `numbers` is a field resolver. */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: "A pool of numbers: a HighLevel number pool or a Zoom emergency number pool." })
export class NumberPool extends Node {
  @Field(() => ProviderEnum)
  provider!: Provider;

  @Field(() => String)
  providerId!: string;

  @Field(() => String)
  accountId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  forwardingNumber!: string | null;

  @Field(() => Boolean, { nullable: true })
  callRecording!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  whisper!: boolean | null;

  @Field(() => String, { nullable: true })
  whisperMessage!: string | null;

  @Field(() => Boolean, { nullable: true })
  isActive!: boolean | null;
}
