/** The part of mark.js 8.11 the bench uses (the package ships no types). */
declare module 'mark.js' {
  interface MarkOptions {
    separateWordSearch?: boolean;
    acrossElements?: boolean;
    diacritics?: boolean;
    done?: (total: number) => void;
    noMatch?: (term: string) => void;
    filter?: (node: Text, term: string, totalMatches: number, termMatches: number) => boolean;
  }
  export default class Mark {
    constructor(context: Element | Document);
    mark(keywords: string | string[], options?: MarkOptions): void;
  }
}
