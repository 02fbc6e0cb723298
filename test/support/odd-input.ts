import fc from 'fast-check';

/**
 * Odd input for the fuzz test (input-fuzz.ts): what a browser, a script or an attacker may put
 * in a parameter or a field. Values are generated as decoded text; `percentEncoded` writes them
 * into a URL or a form body, and `rawEscapes` adds byte sequences no text decodes to.
 */

/** Characters that broke things elsewhere or might: controls, surrogate halves, noncharacters, bidi and zero-width marks, syntax of URLs, HTML, SQL and JSON. */
const oddCharacters = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u009F',
  '\u00A0',
  '\u00AD',
  '\u034F',
  '\u061C',
  '\u200B',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202E',
  '\u2066',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\uFFFD',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\u{10FFFF}',
  '\u{E0041}',
  '\u{1F3D9}\uFE0F',
  '\u{1F469}\u{1F3FD}\u200D\u{1F527}',
  'e\u0301',
  '\u0301',
  'ß',
  'İ',
  'ﬃ',
  'Å',
  '١',
  '１',
  '字',
  'ﷺ',
  '%',
  '%00',
  '%ZZ',
  '+',
  '&',
  '=',
  '#',
  '?',
  '/',
  '\\',
  '..',
  "'",
  '"',
  '<',
  '>',
  '`',
  '$',
  '{',
  '}',
  '[',
  ']',
  ';',
  ',',
  '*',
  ':',
  '@',
  '\t',
  '\n',
  '\r',
  ' ',
  '--',
  '/*',
  '\\u0000',
  '${',
  '{{',
  '<!--',
  ']]>',
  '&#0;',
];

/** Numbers out of every range a parameter has: negatives, zero, floats, huge, not numbers, digits of other scripts. */
const oddNumbers = [
  '-1',
  '0',
  '-0',
  '0.5',
  '1.5',
  '1e3',
  '1e309',
  '-1e309',
  '1e-309',
  '9'.repeat(40),
  '2147483648',
  '-2147483649',
  '9007199254740993',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x1F',
  '0b1',
  '1_000',
  '١٢٣',
  '１２',
  ' 1 ',
  '+1',
  '00001',
  '1,5',
  '',
  ' ',
  '99999-12-31',
  '2024-02-30',
  '0000-00-00',
];

/** Lengths just past each limit the app has (80, 100, 120, 200, 254, 300, 500, 2,000, 5,000, 50,000) and far beyond. */
const overLong = [81, 101, 121, 201, 255, 301, 501, 1001, 2001, 5001, 50_001, 100_000];

/** Any text: odd characters, strings of any code points, numbers, over-long runs, and valid samples with an odd character inside. */
export function oddText(samples: readonly string[] = []): fc.Arbitrary<string> {
  const odd = fc.constantFrom(...oddCharacters);
  const arbitraries: fc.Arbitrary<string>[] = [
    fc.array(fc.oneof(odd, fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.constantFrom(...oddNumbers),
    fc.tuple(fc.constantFrom(...overLong), fc.constantFrom('a', 'é', '字', '\u{1F3D9}', '\u0000', ' ')).map(([n, c]) => c.repeat(n)),
  ];
  if (samples.length) {
    const sample = fc.constantFrom(...samples);
    arbitraries.push(sample);
    arbitraries.push(fc.tuple(sample, odd, fc.nat()).map(([s, c, at]) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1))));
  }
  return fc.oneof(...arbitraries);
}

/** Byte sequences that are not UTF-8 (a lone surrogate, an overlong NUL, a cut sequence) and malformed escapes, as they appear in a URL. */
const rawEscapes = ['%ED%A0%80', '%ED%BF%BF', '%C0%80', '%E0%80%80', '%FF', '%FE%FF', '%E2%82', '%F4%90%80%80', '%', '%G0', '%0', '%%00', '%u0000'];

/**
 * Text written the way a URL or an urlencoded body carries it, UTF-8 percent-encoded; a lone
 * surrogate becomes EF BF BD as a browser writes it.
 * @example percentEncoded('a b\u0000') // 'a%20b%00'
 */
export function percentEncoded(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A parameter or field value on the wire: mostly odd text, sometimes with raw bytes or malformed escapes around it. */
export function oddEncodedValue(samples: readonly string[] = []): fc.Arbitrary<string> {
  const text = oddText(samples).map(percentEncoded);
  return fc.oneof(
    { weight: 5, arbitrary: text },
    { weight: 1, arbitrary: fc.tuple(text, fc.constantFrom(...rawEscapes), text).map(([a, raw, b]) => `${a}${raw}${b}`) },
  );
}

/** One or several values for a name: arrays where a scalar is expected, and the other way round. */
export function oddValues(samples: readonly string[] = []): fc.Arbitrary<string[]> {
  return fc.oneof(
    { weight: 4, arbitrary: oddEncodedValue(samples).map((v) => [v]) },
    { weight: 1, arbitrary: fc.array(oddEncodedValue(samples), { minLength: 2, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constant<string[]>([]) },
  );
}

/** Encoded name=value pairs joined as a query string or an urlencoded body. */
export function joinPairs(pairs: [name: string, encodedValue: string][]): string {
  return pairs.map(([name, value]) => `${percentEncoded(name)}=${value}`).join('&');
}
