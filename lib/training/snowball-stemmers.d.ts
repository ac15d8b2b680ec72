// Types for the untyped npm package snowball-stemmers (Snowball stemmers compiled to plain JS).
declare module "snowball-stemmers" {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowball: { newStemmer(language: string): Stemmer; algorithms(): string[] };
  export default snowball;
}
