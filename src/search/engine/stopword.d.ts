/** The stopword package's lists used here (it ships no types): one array of words per language. */
declare module 'stopword' {
  export const eng: string[];
  export const fra: string[];
  export const spa: string[];
  export const ara: string[];
  export const zho: string[];
  export const rus: string[];
  export const deu: string[];
  export const ita: string[];
  export const por: string[];
}
