// A few lines instead of a framework: the page builds its DOM with these and rebuilds a part
// when its data changes (see README's "The policy explorer and playground" for the choice).

type Child = Node | string | number | null | undefined | false | readonly Child[];
type Attributes = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? (child as Node) : document.createTextNode(String(child)));
  }
}

function set(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
}

/** An HTML element: `h('p', { class: 'note' }, 'text', child)`; `on…` attributes are listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  set(element, attributes);
  append(element, children);
  return element;
}

/** An SVG element, as {@link h}. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  set(element, attributes);
  append(element, children);
  return element;
}

/** Replaces what `parent` shows, keeping keyboard focus on the control of the same id if it is rebuilt. */
export function replace(parent: Element, ...children: Child[]): void {
  const focused = document.activeElement?.id;
  parent.replaceChildren();
  append(parent, children);
  if (focused) {
    const again = document.getElementById(focused);
    if (again !== null && again !== document.activeElement && parent.contains(again)) again.focus();
  }
}
