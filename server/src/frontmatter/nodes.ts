import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';

/** The YAML nodes behind one value of the frontmatter: the pair's key (for map entries) and the value. */
export interface NodeAt {
  key?: YamlNode;
  value?: YamlNode | null;
}

/** At most this many alias hops while following a path: a path never expands an alias's contents. */
const MAX_HOPS = 8;

/**
 * Finds the nodes at a JSON pointer (`/authors/1`, as ajv reports paths) in a YAML
 * document, following aliases one hop at a time. Undefined when the path leaves
 * the document (the caller then falls back to an enclosing node).
 */
export function nodeAtPointer(document: Document, pointer: string): NodeAt | undefined {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let at: NodeAt = { value: document.contents as YamlNode | null };
  for (const segment of segments) {
    const node = deref(document, at.value);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p) === segment) as Pair<YamlNode, YamlNode> | undefined;
      if (!pair) return undefined;
      at = { key: pair.key ?? undefined, value: pair.value };
    } else if (isSeq(node)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= node.items.length) return undefined;
      at = { value: node.items[index] as YamlNode | null };
    } else {
      return undefined;
    }
  }
  return at;
}

function deref(document: Document, node: YamlNode | null | undefined): YamlNode | null | undefined {
  let n = node;
  for (let hops = 0; hops < MAX_HOPS && isAlias(n); hops++) n = n.resolve(document) as YamlNode | undefined;
  return isAlias(n) ? undefined : n;
}

/** A map key as the plain data has it (scalars stringified); undefined for complex keys. */
export function keyText(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}
