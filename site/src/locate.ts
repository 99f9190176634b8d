// Where an issue's path sits in the rule file's text, so that the editor can select it: the
// schema knows paths, a textarea knows offsets.

/**
 * The offsets of the value at `path` in the JSON `text` (text that parses), or of the deepest
 * part of the path that is there: a missing key points at the object that lacks it. Only the
 * path is followed down; every other value is skipped in one pass, however deep it nests.
 */
export function locate(text: string, path: readonly (string | number)[]): [number, number] {
  let at = 0;
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const string = (): string => {
    const start = at++;
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  /** Moves past the value at `at`, counting brackets rather than recursing. */
  const skip = () => {
    let depth = 0;
    do {
      const char = text[at]!;
      if (char === '"') string();
      else if (char === '{' || char === '[') (depth++, at++);
      else if (char === '}' || char === ']') (depth--, at++);
      // A number, true, false or null on its own: up to the next delimiter.
      else if (depth === 0) while (at < text.length && !',}] \t\n\r'.includes(text[at]!)) at++;
      else at++;
    } while (depth > 0);
  };
  /** Where `path[depth…]` is inside the value at `at`. */
  const find = (depth: number): [number, number] => {
    space();
    const start = at;
    const open = text[at];
    if (depth < path.length && (open === '{' || open === '[')) {
      at++;
      for (let index = 0; ; index++) {
        space();
        if (text[at] === '}' || text[at] === ']') break;
        let name: string | number = index;
        if (open === '{') {
          name = string();
          space();
          at++; // the colon
        }
        space();
        if (name === path[depth]) return find(depth + 1);
        skip();
        space();
        if (text[at] === ',') at++;
      }
      at++;
      return [start, at];
    }
    skip();
    return [start, at];
  };
  return find(0);
}
