/**
 * Expands a VS Code snippet body the way the editor's snippet parser reads it:
 * tab stops ($1, ${1:default}, ${1|a,b|}), variables ($NAME, ${NAME:default}),
 * escapes (\$ \} \\). Throws on syntax the editor would not accept as intended
 * (an unclosed ${, an unknown variable), so a test can tell a body parses.
 */
export function expandSnippet(body: string, variables: Record<string, string>): string {
  let i = 0;
  const values = new Map<string, string>();
  const parse = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i]!;
      if (c === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1]!)) {
        out += body[i + 1];
        i += 2;
      } else if (inPlaceholder && c === '}') {
        return out;
      } else if (c === '$') {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    if (inPlaceholder) throw new Error('unclosed ${ in snippet');
    return out;
  };
  const dollar = (): string => {
    i++;
    const simple = /^(\d+|[A-Z_]+)/.exec(body.slice(i));
    if (simple) {
      i += simple[1]!.length;
      return resolve(simple[1]!, undefined);
    }
    if (body[i] !== '{') return '$';
    i++;
    const head = /^(\d+|[A-Z_]+)/.exec(body.slice(i));
    if (!head) throw new Error(`bad \${ at ${i}`);
    const name = head[1]!;
    i += name.length;
    if (body[i] === '}') {
      i++;
      return resolve(name, undefined);
    }
    if (body[i] === ':') {
      i++;
      const def = parse(true);
      i++; // the closing }
      return resolve(name, def);
    }
    if (body[i] === '|') {
      const end = body.indexOf('|}', i + 1);
      if (end < 0) throw new Error('unclosed choice');
      const first = body.slice(i + 1, end).split(',')[0]!;
      i = end + 2;
      return resolve(name, first);
    }
    throw new Error(`unexpected ${body[i]} after \${${name}`);
  };
  const resolve = (name: string, def: string | undefined): string => {
    if (/^\d+$/.test(name)) {
      if (def !== undefined && !values.has(name)) values.set(name, def);
      return values.get(name) ?? def ?? '';
    }
    if (!(name in variables)) throw new Error(`unknown snippet variable ${name}`);
    return variables[name]!;
  };
  return parse(false);
}
