import { butterSimulator } from "./butter/index.js";
import { highLevelSimulator } from "./highlevel/index.js";
import { telnyxSimulator } from "./telnyx/index.js";
import { zoomSimulator } from "./zoom/index.js";

/** Every provider's simulator: the simulators' one list (docs/adding-a-provider.md). */
export const SIMULATORS = [highLevelSimulator, telnyxSimulator, zoomSimulator, butterSimulator] as const;

export type SimulatorDescriptors = (typeof SIMULATORS)[number];
