/**
 * Open shadow roots of the elements a site names as shadow hosts (`sites.shadowHosts`), nested ones
 * included: where web-component hosts keep their tables. Closed roots are not entered.
 */
export function openShadowRoots(node: Node, hosts: string): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (scope: Element | ShadowRoot) => {
    const candidates = [...scope.querySelectorAll(hosts)];
    if (scope.nodeType === 1 && (scope as Element).matches(hosts)) candidates.unshift(scope as Element);
    for (const host of candidates) {
      const root = host.shadowRoot;
      if (root && !found.includes(root)) {
        found.push(root);
        visit(root);
      }
    }
  };
  if (hosts !== '' && (node.nodeType === 1 || node instanceof ShadowRoot)) visit(node as Element | ShadowRoot);
  return found;
}

/** Hosts that match but have no root yet: a custom element defined after it was inserted. */
export function hostsAwaitingRoot(node: Node, hosts: string): Element[] {
  if (hosts === '' || node.nodeType !== 1) return [];
  const element = node as Element;
  const candidates = [...element.querySelectorAll(hosts)];
  if (element.matches(hosts)) candidates.unshift(element);
  return candidates.filter((host) => !host.shadowRoot);
}
