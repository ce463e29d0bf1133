import { Directive, Field, ObjectType } from "type-graphql";
import type { Provider } from "../../model/index.js";
import { ProviderEnum } from "../common/enums.js";
import { Node } from "../node/node.type.js";

/** HighLevel number pools and Zoom emergency number pools; `numbers` is a field resolver. */
@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true, implements: Node, description: "A pool of numbers: a HighLevel number pool or a Zoom emergency number pool." })
export class NumberPool extends Node {
  @Field(() => ProviderEnum, { description: "HIGHLEVEL for a number pool, ZOOM for an emergency number pool." })
  provider!: Provider;

  @Field(() => String, { description: "The provider's own pool id: HighLevel pool id, or the Zoom emergency number pool's assignee id." })
  providerId!: string;

  @Field(() => String, { description: "The account the pool was listed in: HighLevel location id or Zoom account id." })
  accountId!: string;

  @Field(() => String, { description: "The pool's name (HighLevel name; for Zoom the name its member numbers' assignee carries), or its id when it has none." })
  name!: string;

  @Field(() => String, { nullable: true, description: "HighLevel forwardingNumber, normalised to E.164 where it parses: where the pool's calls are forwarded; null when none or for Zoom pools." })
  forwardingNumber!: string | null;

  @Field(() => Boolean, { nullable: true, description: "HighLevel callRecording: whether the pool's calls are recorded; null when not said or for Zoom pools." })
  callRecording!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "HighLevel whisper: whether a message is played to the answerer before the call connects; null when not said or for Zoom pools." })
  whisper!: boolean | null;

  @Field(() => String, { nullable: true, description: "HighLevel whisperMessage: the text played when whisper is on; null when none or for Zoom pools." })
  whisperMessage!: string | null;

  @Field(() => Boolean, { nullable: true, description: "HighLevel isActive: whether the pool is in use; null when not said or for Zoom pools." })
  isActive!: boolean | null;
}
