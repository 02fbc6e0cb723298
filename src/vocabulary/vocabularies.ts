/** Controlled vocabularies of the exchange format (see shared BRIEF.md). Labels live in the message catalogue. */
export const themes = [
  'housing',
  'employment',
  'health',
  'education',
  'language',
  'religion-and-belief',
  'political-participation',
  'policing-and-safety',
  'public-space-and-urban-planning',
  'culture-and-arts',
  'anti-discrimination',
  'reception-and-welcoming',
  'children-and-youth',
  'women-and-gender',
  'undocumented-migrants',
  'data-and-research',
  'governance-and-coordination',
  'social-cohesion',
] as const;

export const actorTypes = [
  'local-government',
  'regional-government',
  'national-government',
  'civil-society',
  'private-sector',
  'academia',
  'international-organization',
  'un-agency',
  'faith-community',
  'migrant-association',
  'police',
] as const;

export const levels = ['local', 'regional', 'national', 'transnational'] as const;
export const statuses = ['ongoing', 'ended', 'mainstreamed', 'unknown'] as const;
export const supportKinds = ['administrative', 'financial', 'political', 'technical', 'other'] as const;
export const evidenceLevels = [1, 2, 3, 4, 5] as const;

export type Theme = (typeof themes)[number];
export type ActorType = (typeof actorTypes)[number];
export type Status = (typeof statuses)[number];
