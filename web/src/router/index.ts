// Router and its guard: a session is required outside public pages, each navigation re-reads
// the current user (so permission changes and expired sessions show at once), and meta.perm
// is enforced. Also installs the API layer's "session expired" handler.
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { routes } from './routes'
import { fetchMe } from '@/api/org/auth'
import { isApiError, onUnauthenticated } from '@/api/http'
import { can, clearSession, hadSession, probeSession, session } from '@/store/session'

export const kExpiredMessage = '登录已过期，请重新登录'

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

function loginRoute(to: RouteLocationNormalized | null, expired: boolean) {
  const query: Record<string, string> = {}
  if (to && to.name !== 'login' && to.fullPath !== '/') query.redirect = to.fullPath
  if (expired) query.expired = '1'
  return { name: 'login', query }
}

let expiring = false

/** The session is gone (expired, ended elsewhere, cookie removed): back to login, once. */
function sessionExpired(target: RouteLocationNormalized | null) {
  clearSession()
  if (expiring) return
  expiring = true
  ElMessage({ type: 'warning', message: kExpiredMessage, grouping: true })
  const current = target ?? router.currentRoute.value
  void router.replace(loginRoute(current.meta.public ? null : current, true)).finally(() => {
    expiring = false
  })
}

onUnauthenticated(() => sessionExpired(null))

/** A page of the public site: it never needs to know who is signed in. */
export function isPublicSite(path: string): boolean {
  return path === '/public' || path.startsWith('/public/')
}

router.beforeEach(async (to) => {
  if (!session.probed && !isPublicSite(to.path)) {
    try {
      await probeSession()
    } catch {
      // The server could not be reached: public pages still open; others go to login,
      // which shows the connection error when the person tries again.
    }
  } else if (session.user && !to.meta.public) {
    // Re-read the user on every navigation: permissions apply at once, expiry shows at once.
    try {
      session.user = await fetchMe(true)
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        clearSession()
        ElMessage({ type: 'warning', message: kExpiredMessage, grouping: true })
        return loginRoute(to, true)
      }
      // Network trouble: keep the known user and let the page report its own errors.
    }
  }

  if (to.meta.public) {
    if (to.name === 'login' && session.user) {
      const redirect = typeof to.query.redirect === 'string' ? to.query.redirect : '/'
      return redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : '/'
    }
    return true
  }

  if (!session.user) {
    const expired = hadSession()
    clearSession()
    if (expired) ElMessage({ type: 'warning', message: kExpiredMessage, grouping: true })
    return loginRoute(to, expired)
  }

  if (to.meta.perm && !can(to.meta.perm)) {
    return { name: 'forbidden', query: { from: to.fullPath } }
  }
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - ssj 双随机一公开监管平台` : 'ssj 双随机一公开监管平台'
})
