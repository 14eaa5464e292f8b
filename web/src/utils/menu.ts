// Sidebar menu built from the route table: an entry shows only if the user holds its
// permission (meta.perm, the page's list permission); a group with no visible entry is dropped.
import { hasPermission } from './perm'

export interface MenuRouteLike {
  path: string
  meta?: { title?: string; icon?: unknown; perm?: string | string[]; hidden?: boolean }
  children?: readonly MenuRouteLike[]
}

export interface MenuEntry {
  path: string // absolute
  title: string
  icon?: unknown
  children?: MenuEntry[]
}

function joinPath(base: string, path: string): string {
  if (path.startsWith('/')) return path
  const joined = `${base.replace(/\/$/, '')}/${path}`
  return joined.startsWith('/') ? joined : `/${joined}`
}

/** Menu entries visible to a user holding `perms`, from route records under `base`. */
export function buildMenu(
  routes: readonly MenuRouteLike[],
  perms: readonly string[],
  base = '/',
): MenuEntry[] {
  const entries: MenuEntry[] = []
  for (const route of routes) {
    const meta = route.meta ?? {}
    if (!meta.title || meta.hidden) continue
    if (!hasPermission(perms, meta.perm)) continue
    const path = joinPath(base, route.path)
    if (route.children && route.children.length > 0) {
      const children = buildMenu(route.children, perms, path)
      if (children.length === 0) continue
      entries.push({ path, title: meta.title, icon: meta.icon, children })
    } else {
      entries.push({ path, title: meta.title, icon: meta.icon })
    }
  }
  return entries
}

/** The first leaf path of a menu (where to land when the home page is not wanted). */
export function firstMenuPath(entries: readonly MenuEntry[]): string | undefined {
  for (const entry of entries) {
    if (!entry.children) return entry.path
    const inner = firstMenuPath(entry.children)
    if (inner) return inner
  }
  return undefined
}
