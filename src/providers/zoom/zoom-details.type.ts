import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("ZoomSite", { description: "The Zoom Phone site a number belongs to (site)." })
export class ZoomSite {
  @Field(() => String, { description: "site.id." }) id!: string;
  @Field(() => String, { nullable: true, description: "site.name; null when absent." }) name!: string | null;
}

@ObjectType("ZoomAssignee", { description: "Who the number is assigned to, as Zoom lists it." })
export class ZoomAssignee {
  @Field(() => String, { description: "assignee.id: Zoom's id of the user, queue, auto receptionist, common area, pool, location or meeting service." }) id!: string;
  @Field(() => String, { nullable: true, description: "assignee.name; null when Zoom sends none." }) name!: string | null;
  @Field(() => String, { nullable: true, description: "Zoom's extension_number (a long), as text." }) extensionNumber!: string | null;
  @Field(() => String, { nullable: true, description: "user, callQueue, autoReceptionist, commonArea, emergencyNumberPool, companyLocation or meetingService." }) type!: string | null;
}

@ObjectType("ZoomCarrier", { description: "BYOC numbers only." })
export class ZoomCarrier {
  @Field(() => Int, { nullable: true, description: "carrier.code: Zoom's code of the BYOC carrier." }) code!: number | null;
  @Field(() => String, { nullable: true, description: "carrier.name; null when absent." }) name!: string | null;
}

@ObjectType("ZoomSipGroup", { description: "BYOC numbers only." })
export class ZoomSipGroup {
  @Field(() => String, { description: "sip_group.id." }) id!: string;
  @Field(() => String, { nullable: true, description: "sip_group.display_name; null when absent." }) displayName!: string | null;
}

@ObjectType("ZoomEmergencyAddress", { description: "BYOC numbers only." })
export class ZoomEmergencyAddress {
  @Field(() => String, { nullable: true, description: "emergency_address.address_line1." }) addressLine1!: string | null;
  @Field(() => String, { nullable: true, description: "emergency_address.address_line2; null when none." }) addressLine2!: string | null;
  @Field(() => String, { nullable: true, description: "emergency_address.city." }) city!: string | null;
  @Field(() => String, { nullable: true, description: "emergency_address.country, as sent." }) country!: string | null;
  @Field(() => String, { nullable: true, description: "emergency_address.state_code." }) stateCode!: string | null;
  @Field(() => String, { nullable: true, description: "emergency_address.zip." }) zip!: string | null;
}

@ObjectType("ZoomNumberDetails", { description: "Zoom Phone's own record of the number." })
export class ZoomNumberDetails {
  @Field(() => String, { description: "id: Zoom's id of the number." }) id!: string;
  @Field(() => String, { description: "number as Zoom lists it." }) number!: string;
  @Field(() => String, { nullable: true, description: "display_name: the label set in Zoom; null when none." }) displayName!: string | null;
  @Field(() => String, { nullable: true, description: "toll or tollfree." }) numberType!: string | null;
  @Field(() => String, { nullable: true, description: "Raw status: available, pending." }) status!: string | null;
  @Field(() => String, { nullable: true, description: "internal (Zoom) or external (BYOC)." }) source!: string | null;
  @Field(() => String, { nullable: true, description: "location: the number's region as Zoom words it (e.g. \"United States\"); null when absent." }) location!: string | null;
  @Field(() => [String], { description: "incoming and/or outgoing." }) capability!: string[];
  @Field(() => ZoomAssignee, { nullable: true, description: "assignee as Zoom lists it; null when unassigned." }) assignee!: ZoomAssignee | null;
  @Field(() => ZoomSite, { nullable: true, description: "site: the Zoom Phone site the number belongs to; null without sites." }) site!: ZoomSite | null;
  @Field(() => ZoomCarrier, { nullable: true, description: "carrier: the carrier of a BYOC number; null for numbers Zoom provides." }) carrier!: ZoomCarrier | null;
  @Field(() => ZoomSipGroup, { nullable: true, description: "sip_group: the SIP group of a BYOC number; null otherwise." }) sipGroup!: ZoomSipGroup | null;
  @Field(() => ZoomEmergencyAddress, { nullable: true, description: "emergency_address: the registered emergency address of a BYOC number; null otherwise." }) emergencyAddress!: ZoomEmergencyAddress | null;
  @Field(() => Int, { nullable: true, description: "emergency_address_status: 1 = a carrier update is required, 2 = confirmed; null when absent." }) emergencyAddressStatus!: number | null;
  @Field(() => String, { nullable: true, description: "emergency_address_update_time, as sent; null when absent." }) emergencyAddressUpdateTime!: string | null;
}
