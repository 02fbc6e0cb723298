/** The kinds of events the network holds. Labels live in the message catalogue (`event.type.*`). */
export const eventTypes = ['conference', 'roundtable', 'webinar', 'study-visit', 'training'] as const;

export type EventType = (typeof eventTypes)[number];
