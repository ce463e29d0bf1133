import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("ZoomSite")
export class ZoomSite {
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
}

@ObjectType("ZoomAssignee", { description: "Who the number is assigned to, as Zoom lists it." })
export class ZoomAssignee {
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true, description: "Zoom's extension_number (a long), as text." }) extensionNumber!: string | null;
  @Field(() => String, { nullable: true, description: "user, callQueue, autoReceptionist, commonArea, emergencyNumberPool, companyLocation or meetingService." }) type!: string | null;
}

@ObjectType("ZoomCarrier", { description: "BYOC numbers only." })
export class ZoomCarrier {
  @Field(() => Int, { nullable: true }) code!: number | null;
  @Field(() => String, { nullable: true }) name!: string | null;
}

@ObjectType("ZoomSipGroup", { description: "BYOC numbers only." })
export class ZoomSipGroup {
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
}

@ObjectType("ZoomEmergencyAddress", { description: "BYOC numbers only." })
export class ZoomEmergencyAddress {
  @Field(() => String, { nullable: true }) addressLine1!: string | null;
  @Field(() => String, { nullable: true }) addressLine2!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => String, { nullable: true }) stateCode!: string | null;
  @Field(() => String, { nullable: true }) zip!: string | null;
}

@ObjectType("ZoomNumberDetails", { description: "Zoom Phone's own record of the number." })
export class ZoomNumberDetails {
  @Field(() => String) id!: string;
  @Field(() => String, { description: "number as Zoom lists it." }) number!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field(() => String, { nullable: true, description: "toll or tollfree." }) numberType!: string | null;
  @Field(() => String, { nullable: true, description: "Raw status: available, pending." }) status!: string | null;
  @Field(() => String, { nullable: true, description: "internal (Zoom) or external (BYOC)." }) source!: string | null;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => [String], { description: "incoming and/or outgoing." }) capability!: string[];
  @Field(() => ZoomAssignee, { nullable: true }) assignee!: ZoomAssignee | null;
  @Field(() => ZoomSite, { nullable: true }) site!: ZoomSite | null;
  @Field(() => ZoomCarrier, { nullable: true }) carrier!: ZoomCarrier | null;
  @Field(() => ZoomSipGroup, { nullable: true }) sipGroup!: ZoomSipGroup | null;
  @Field(() => ZoomEmergencyAddress, { nullable: true }) emergencyAddress!: ZoomEmergencyAddress | null;
  @Field(() => Int, { nullable: true }) emergencyAddressStatus!: number | null;
  @Field(() => String, { nullable: true }) emergencyAddressUpdateTime!: string | null;
}
