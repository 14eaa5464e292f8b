// Tree helpers for flat lists linked by parent_id (departments) and for nested trees
// (permissions). Pure functions: inputs are never mutated; output order follows input order.

export interface FlatNode {
  id: number
  parent_id: number | null
}

export type TreeNode<T> = T & { children?: TreeNode<T>[] }

/**
 * Builds a forest from a flat list. A node whose parent is absent from the list (for example
 * outside the user's data scope) becomes a root, so nothing in scope is ever hidden.
 * Sibling order is the input order (the server sends `sort, id`).
 */
export function buildTree<T extends FlatNode>(items: readonly T[]): TreeNode<T>[] {
  const byId = new Map<number, TreeNode<T>>()
  for (const item of items) byId.set(item.id, { ...item })
  const roots: TreeNode<T>[] = []
  for (const item of items) {
    const node = byId.get(item.id)!
    const parent = item.parent_id == null ? undefined : byId.get(item.parent_id)
    if (parent && parent !== node) {
      ;(parent.children ??= []).push(node)
    } else {
      roots.push(node)
    }
  }
  return roots
}

/** Ids of `id` and every node below it in a flat list (cycle-safe). */
export function descendantIds(items: readonly FlatNode[], id: number): Set<number> {
  const childrenOf = new Map<number, number[]>()
  for (const item of items) {
    if (item.parent_id == null) continue
    const list = childrenOf.get(item.parent_id) ?? []
    list.push(item.id)
    childrenOf.set(item.parent_id, list)
  }
  const found = new Set<number>([id])
  const stack = [id]
  while (stack.length > 0) {
    const current = stack.pop()!
    for (const child of childrenOf.get(current) ?? []) {
      if (!found.has(child)) {
        found.add(child)
        stack.push(child)
      }
    }
  }
  return found
}

/** Ancestors of `id` from the root down to the node itself; empty when `id` is unknown. */
export function ancestorChain<T extends FlatNode>(items: readonly T[], id: number): T[] {
  const byId = new Map(items.map((item) => [item.id, item]))
  const chain: T[] = []
  const seen = new Set<number>()
  let current = byId.get(id)
  while (current && !seen.has(current.id)) {
    seen.add(current.id)
    chain.unshift(current)
    current = current.parent_id == null ? undefined : byId.get(current.parent_id)
  }
  return chain
}

interface Nested<T> {
  children?: readonly T[]
}

/**
 * Keeps the nodes that match, plus the ancestors of matching nodes (so the path stays
 * visible). A matching node keeps its whole subtree.
 */
export function filterTree<T extends Nested<T>>(nodes: readonly T[], match: (node: T) => boolean): T[] {
  const result: T[] = []
  for (const node of nodes) {
    if (match(node)) {
      result.push(node)
      continue
    }
    const children = filterTree(node.children ?? [], match)
    if (children.length > 0) result.push({ ...node, children })
  }
  return result
}

/** Values of `key` on every leaf (node without children) of a nested tree, depth first. */
export function leafValues<T extends Nested<T>, K extends keyof T>(nodes: readonly T[], key: K): T[K][] {
  const values: T[K][] = []
  const walk = (list: readonly T[]) => {
    for (const node of list) {
      const children = node.children ?? []
      if (children.length === 0) values.push(node[key])
      else walk(children)
    }
  }
  walk(nodes)
  return values
}

/** Values of `key` on every node of a nested tree, depth first. */
export function allValues<T extends Nested<T>, K extends keyof T>(nodes: readonly T[], key: K): T[K][] {
  const values: T[K][] = []
  const walk = (list: readonly T[]) => {
    for (const node of list) {
      values.push(node[key])
      walk(node.children ?? [])
    }
  }
  walk(nodes)
  return values
}
