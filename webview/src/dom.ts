/**
 * The page's only way to build elements. Children given as strings become text
 * nodes, and attribute names are fixed by the code that calls `el`, so document
 * text can only ever be text: never markup, never an attribute name, never a URL.
 */

export type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  /** Attribute values may hold document text; names must be literals in the calling code. */
  attrs?: Record<string, string>;
}

/** Creates `<tag>` with the given classes, attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (!SAFE_ATTRIBUTE.test(name)) throw new Error(`attribute ${name} is not allowed`);
    node.setAttribute(name, value);
  }
  append(node, ...children);
  return node;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/**
 * Attributes the page may set: ARIA, data-, and a few harmless ones. No event
 * handlers (on*), no URLs (href, src, action…), no style (the CSP forbids it).
 */
const SAFE_ATTRIBUTE = /^(?:aria-[a-z]+|data-[a-z-]+|role|tabindex|title|type|name|value|id|for|checked|disabled)$/;
