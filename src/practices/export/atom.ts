/** The Atom feed writer moved to src/shared/atom-feed.ts (the resource library's feed uses it too); kept here for the practices' imports. */
export { type AtomEntry, type AtomFeed, atomFeed } from '../../shared/atom-feed.ts';
