/**
 * A token-text lookup that decodes each id once: building the name trie and reading the
 * constrained pass's candidates ask for the text of the same tokens again and again, and a
 * vocabulary's texts never change.
 */
export function memoizedTokenText(textOf: (token: number) => string): (token: number) => string {
  const texts = new Map<number, string>();
  return (token) => {
    let text = texts.get(token);
    if (text === undefined) texts.set(token, (text = textOf(token)));
    return text;
  };
}
