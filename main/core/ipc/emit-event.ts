// The shape of "send an event to the renderer", shared by the container and the factories it
// calls, so none of them has to import the container (which imports them).
import type { EventMap, EventName } from '../../../preload/api';

export type EmitEvent = <E extends EventName>(event: E, payload: EventMap[E]) => void;
