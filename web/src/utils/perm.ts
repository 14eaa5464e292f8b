// Permission checks shared by the router guard, the v-perm directive and the menu.
// A user holds permission strings such as "system:user:add" (see docs/api.md).

const kAllPermissions = ['*', '*:*:*']

/**
 * True when `granted` satisfies `required`. An empty/undefined requirement is always met;
 * an array requirement is met by any one of its entries.
 */
export function hasPermission(
  granted: readonly string[] | undefined | null,
  required: string | readonly string[] | undefined | null,
): boolean {
  if (required == null) return true
  const wanted = typeof required === 'string' ? [required] : required
  if (wanted.length === 0) return true
  if (!granted || granted.length === 0) return false
  if (granted.some((p) => kAllPermissions.includes(p))) return true
  return wanted.some((p) => granted.includes(p))
}
