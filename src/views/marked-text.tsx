import type { FC } from 'hono/jsx';

/** Runs of text, some marked: a search's matched words. */
export type MarkedRuns = readonly { text: string; mark?: boolean }[];

/**
 * Text with its marked runs in <mark> (escaped like any JSX text).
 * @example <MarkedText runs={[{ text: 'Housing', mark: true }, { text: ' first' }]} />
 */
export const MarkedText: FC<{ runs: MarkedRuns }> = ({ runs }) => <>{runs.map((r) => (r.mark ? <mark>{r.text}</mark> : r.text))}</>;
