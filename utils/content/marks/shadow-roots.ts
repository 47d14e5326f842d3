export interface ShadowHosts {
  /** Their open roots, nested ones included. */
  readonly roots: readonly ShadowRoot[];
  /** Hosts with no root yet: a custom element defined after it was inserted (or one with a closed root). */
  readonly awaiting: readonly Element[];
}

/**
 * The elements a site names as shadow hosts (`sites.shadowHosts`) in and under `node`, in one
 * pass: where web-component hosts keep their tables. Closed roots are not entered.
 */
export function findShadowHosts(node: Node, hosts: string): ShadowHosts {
  const roots = new Set<ShadowRoot>();
  const awaiting: Element[] = [];
  const visit = (scope: Element | ShadowRoot) => {
    const candidates = [...scope.querySelectorAll(hosts)];
    if (scope.nodeType === 1 && (scope as Element).matches(hosts)) candidates.unshift(scope as Element);
    for (const host of candidates) {
      const root = host.shadowRoot;
      if (!root) awaiting.push(host);
      else if (!roots.has(root)) {
        roots.add(root);
        visit(root);
      }
    }
  };
  // An element, or a shadow root (a document fragment with a host).
  if (hosts !== '' && (node.nodeType === 1 || (node.nodeType === 11 && 'host' in node)))
    visit(node as Element | ShadowRoot);
  return { roots: [...roots], awaiting };
}
