import { Field, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "Relay page information." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when more items follow this page: ask again with after: endCursor." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when items precede this page (when after was given and skipped some)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the first item on this page; null when the page is empty." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The cursor of the last item on this page, to pass as after for the next page; null when the page is empty." })
  endCursor!: string | null;
}
