/**
 * Long forms whose input survives a session that ended while they were being filled in: the
 * submission steps (and sending), and the translation form. The app hands them to
 * security/form-carry.ts when it is built.
 */
export const carriedForms: readonly RegExp[] = [/^\/submit$/, /^\/submit\/\d+\/(step\/[1-5]|send)$/, /^\/practices\/[a-z0-9]+(-[a-z0-9]+)*\/translate$/];
