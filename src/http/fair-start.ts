import type { MiddlewareHandler } from 'hono';

/** Turns of the event loop left to the listener between two starts: each accepts one waiting connection, in microseconds. */
const acceptTurnsBetweenStarts = 3;

/**
 * Starts requests in the order they arrived, one per turn of the event loop, with a few turns
 * between starts in which the server accepts new connections.
 *
 * Node (libuv) accepts one new connection per turn of the event loop, and a turn runs every
 * request that arrived meanwhile on the connections already open. Under load a turn grows to
 * (open connections × time per request) — 100 clients × 3 ms is 300 ms — so the clients that
 * connected first are served turn after turn while the others wait, one accepted every 300 ms,
 * in the kernel's queue of connections not yet accepted. Right after a start, when the first
 * requests are slow and everyone connects at once, that makes the first instant's requests
 * wait seconds (3–30 s measured in docs/operations.md). Short turns let new connections in between requests, and the
 * queue serves everyone in arrival order. An idle server loses nothing: turns come at once.
 * @example app.use(fairStart());
 */
export function fairStart(): MiddlewareHandler {
  const waiting: (() => void)[] = [];
  let head = 0;
  let scheduled = false;
  let rest = 0;
  const turn = () => {
    scheduled = false;
    if (head === waiting.length) return;
    if (rest > 0) {
      rest--;
      schedule();
      return;
    }
    rest = acceptTurnsBetweenStarts;
    const start = waiting[head++];
    // Drop the started part of the queue now and then, not on every request.
    if (head === waiting.length || head > 1024) {
      waiting.splice(0, head);
      head = 0;
    }
    if (head < waiting.length) schedule();
    start();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(turn);
  };
  return async (_c, next) => {
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      schedule();
    });
    await next();
  };
}
