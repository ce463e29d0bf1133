import { Field, Int, ObjectType } from "type-graphql";
import { typically } from "../../graph/common/complexity.js";

@ObjectType("ZoomSite", { simpleResolvers: true, description: "The Zoom Phone site a number belongs to (site)." })
export class ZoomSite {
  @Field(() => String, { description: "site.id (Number Management: site.site_id)." }) id!: string;
  @Field(() => String, { nullable: true, description: "site.name; null when absent." }) name!: string | null;
}

@ObjectType("ZoomAssignee", { simpleResolvers: true, description: "Who the number is assigned to, as Zoom lists it." })
export class ZoomAssignee {
  @Field(() => String, {
    description: "assignee.id, or Number Management's assigned_to_id: Zoom's id of the user, queue, auto receptionist, common area, location or meeting service; for an emergency number pool its site's id.",
  })
  id!: string;
  @Field(() => String, { nullable: true, description: "assignee.name / assigned_to_name; null when Zoom sends none." }) name!: string | null;
  @Field(() => String, { nullable: true, description: "Zoom's extension_number (a long in /phone/numbers, text in Number Management), as text; null when none." }) extensionNumber!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Raw type: /phone/numbers' user, callQueue, autoReceptionist, …; or Number Management's User, CallQueue, SharedLineGroup, …; null for Contact Center targets.",
  })
  type!: string | null;
  @Field(() => String, { nullable: true, description: "source_channel: Voice or SMS, for Contact Center targets; null otherwise." }) sourceChannel!: string | null;
}

@ObjectType("ZoomLocation", { simpleResolvers: true, description: "Number Management's location of the number, by name." })
export class ZoomLocation {
  @Field(() => String, { nullable: true, description: 'location.country, e.g. "United States"; null when absent.' }) country!: string | null;
  @Field(() => String, { nullable: true, description: 'location.state, e.g. "California"; null when absent.' }) state!: string | null;
  @Field(() => String, { nullable: true, description: 'location.city, e.g. "San Jose"; null when absent.' }) city!: string | null;
}

@ObjectType("ZoomCarrier", { simpleResolvers: true, description: "BYOC and Provider Exchange numbers only." })
export class ZoomCarrier {
  @Field(() => Int, { nullable: true, description: "carrier.code: Zoom's code of the carrier." }) code!: number | null;
  @Field(() => String, { nullable: true, description: "carrier.name; null when absent." }) name!: string | null;
}

@ObjectType("ZoomSipGroup", { simpleResolvers: true, description: "BYOC numbers only." })
export class ZoomSipGroup {
  @Field(() => String, { description: "sip_group.id." }) id!: string;
  @Field(() => String, { nullable: true, description: "sip_group.display_name (Number Management: sip_group.name); null when absent." }) displayName!: string | null;
}

@ObjectType("ZoomEmergencyAddress", { simpleResolvers: true, description: "BYOC numbers only." })
export class ZoomEmergencyAddress {
  @Field(() => String, { nullable: true, description: "emergency_address.address_line1." }) addressLine1!: string | null;
  @Field(() => String, { nullable: true, description: "emergency_address.address_line2; null when none." }) addressLine2!: string | null;
  @Field(() => String, { nullable: true, description: "emergency_address.city." }) city!: string | null;
  @Field(() => String, { nullable: true, description: "emergency_address.country, as sent." }) country!: string | null;
  @Field(() => String, { nullable: true, description: "emergency_address.state_code." }) stateCode!: string | null;
  @Field(() => String, { nullable: true, description: "emergency_address.zip." }) zip!: string | null;
  @Field(() => String, { nullable: true, description: "emergency_address.county (Irish addresses, Number Management only); null otherwise." }) county!: string | null;
}

@ObjectType("ZoomNumberDetails", { simpleResolvers: true, description: "Zoom's own record of the number, from Number Management or the deprecated /phone/numbers." })
export class ZoomNumberDetails {
  @Field(() => String, { description: "Which Zoom API listed the number: number_management or phone." }) api!: string;
  @Field(() => String, { description: "id: Zoom's id of the number in that API (Zoom does not promise both APIs share ids)." }) id!: string;
  @Field(() => String, { description: "number as Zoom lists it." }) number!: string;
  @Field(() => String, { nullable: true, description: "display_name: the label set in Zoom Phone; null when none." }) displayName!: string | null;
  @Field(() => String, { nullable: true, description: "caller_id_name: a Contact Center number's caller-ID name (Number Management); null otherwise." }) callerIdName!: string | null;
  @Field(() => String, { nullable: true, description: "allocated_product: UNALLOCATED, ZOOM_PHONE or ZOOM_CONTACT_CENTER (Number Management); null from /phone/numbers." }) allocatedProduct!: string | null;
  @Field(() => String, { nullable: true, description: "Raw type: toll or tollfree; or Toll, TollFree, VirtualService, Mobile, SharedCost, National, ITFS." }) numberType!: string | null;
  @Field(() => String, { nullable: true, description: "Raw status: available or pending; or Normal or Pending." }) status!: string | null;
  @Field(() => String, { nullable: true, description: "Raw source: internal (Zoom) or external (BYOC); or Zoom, ZoomPorted, ZoomReserved, ThirdPartyNumber, BYOCCloud, BYOCPremises." }) source!: string | null;
  @Field(() => String, { nullable: true, description: "location: the number's region as Zoom words it (e.g. \"United States\"; Number Management's parts joined); null when absent." }) location!: string | null;
  @Field(() => ZoomLocation, { nullable: true, description: "Number Management's location parts; null from /phone/numbers." }) locationDetail!: ZoomLocation | null;
  @Field(() => [String], { description: "Raw capabilities: incoming and/or outgoing; or Incoming, Outgoing, Messaging, PCIPal, EmergencyCalls." }) capability!: string[];
  @Field(() => ZoomAssignee, { nullable: true, description: "The first assignee (the graph's assignee); null when unassigned." }) assignee!: ZoomAssignee | null;
  @Field(() => [ZoomAssignee], {
    description: "Every assignee: Number Management's assigned_list, or /phone/numbers' one assignee; empty when unassigned.",
    // Zoom numbers have one assignee, now and then two (a shared line group besides the user).
    complexity: typically(2),
  })
  assignedList!: ZoomAssignee[];
  @Field(() => ZoomSite, { nullable: true, description: "site: the Zoom Phone site the number belongs to; null without sites." }) site!: ZoomSite | null;
  @Field(() => ZoomCarrier, { nullable: true, description: "carrier: the carrier of a BYOC or Provider Exchange number; null for numbers Zoom provides." }) carrier!: ZoomCarrier | null;
  @Field(() => ZoomSipGroup, { nullable: true, description: "sip_group: the SIP group of a BYOC number; null otherwise." }) sipGroup!: ZoomSipGroup | null;
  @Field(() => ZoomEmergencyAddress, { nullable: true, description: "emergency_address: the registered emergency address of a BYOC number; null otherwise." }) emergencyAddress!: ZoomEmergencyAddress | null;
  @Field(() => Int, { nullable: true, description: "emergency_address_status (/phone/numbers): 1 = a carrier update is required, 2 = confirmed; null when absent." }) emergencyAddressStatus!: number | null;
  @Field(() => Boolean, { nullable: true, description: "address_update_required (Number Management): the BYOC-Premises number's address must be updated; null when absent." }) addressUpdateRequired!: boolean | null;
  @Field(() => String, { nullable: true, description: "emergency_address_update_time, as sent; null when absent." }) emergencyAddressUpdateTime!: string | null;
}
