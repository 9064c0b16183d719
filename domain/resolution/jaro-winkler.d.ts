// Types for the jaro-winkler package (it ships none): similarity of two strings, 0–1.
declare module 'jaro-winkler' {
  export default function jaroWinkler(a: string, b: string, options?: { caseSensitive?: boolean }): number;
}
