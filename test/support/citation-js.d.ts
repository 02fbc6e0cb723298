/** The little of citation-js the tests use to parse citations back (the package ships no types). */
declare module '@citation-js/core' {
  /** CSL-JSON items, loosely typed: the tests check the fields they read. */
  // biome-ignore lint/suspicious/noExplicitAny: parsed CSL is whatever the parser made of the input; the tests check it field by field.
  type CslData = Record<string, any>;
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: CslData[];
  }
}
