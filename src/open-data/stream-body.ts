/**
 * A web stream of UTF-8 bytes pulled from text chunks: the next chunk (and so the next
 * database batch) is produced only when the client has taken the previous one, and a client
 * that goes away stops the export.
 * @example return c.body(textStream(chunks));
 */
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
