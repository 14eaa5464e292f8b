// The signed-in user, shared by the router, layout, directive and pages. Plain reactive state:
// the app has one session and no need for a store library. The CSRF token lives in api/http.ts.
import { reactive } from 'vue'
import { fetchMe, login as apiLogin, logout as apiLogout, type Me } from '@/api/org/auth'
import { isApiError } from '@/api/http'
import { hasPermission } from '@/utils/perm'

// Remembers, for this tab only, that a session existed, so that finding none at startup can
// be told apart from never having logged in ("登录已过期" vs. a plain login page).
const kHadSessionKey = 'ssj.had_session'

export const session = reactive({
  user: null as Me | null,
  /** True once the startup /auth/me probe has answered. */
  probed: false,
})

function remember(had: boolean) {
  try {
    if (had) sessionStorage.setItem(kHadSessionKey, '1')
    else sessionStorage.removeItem(kHadSessionKey)
  } catch {
    /* storage disabled: the hint is optional */
  }
}

export function hadSession(): boolean {
  try {
    return sessionStorage.getItem(kHadSessionKey) === '1'
  } catch {
    return false
  }
}

/**
 * Loads the current user once at startup. Resolves to the user or null (no session).
 * Errors other than 401 are rethrown so the page can show them.
 */
export async function probeSession(): Promise<Me | null> {
  if (session.probed) return session.user
  try {
    session.user = await fetchMe(true)
  } catch (e) {
    if (!(isApiError(e) && e.status === 401)) {
      session.probed = true
      throw e
    }
    session.user = null
  }
  session.probed = true
  return session.user
}

export async function signIn(username: string, password: string): Promise<Me> {
  const result = await apiLogin(username, password, true)
  session.user = result.user
  session.probed = true
  remember(true)
  return result.user
}

export async function signOut(): Promise<void> {
  try {
    await apiLogout()
  } finally {
    clearSession()
  }
}

/** Forgets the user locally (logout, or the server said the session is gone). */
export function clearSession(): void {
  session.user = null
  remember(false)
}

/** Re-reads the current user (after a change that may alter name or permissions). */
export async function refreshMe(): Promise<void> {
  session.user = await fetchMe()
}

export function can(required: string | readonly string[] | undefined): boolean {
  return hasPermission(session.user?.permissions, required)
}
