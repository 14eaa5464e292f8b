import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('element-plus', () => ({ ElMessage: () => undefined }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { vPerm } = await import('./perm')
const { session } = await import('@/store/session')

function mountWith(value: string | string[]) {
  const parent = { removed: [] as unknown[], removeChild(child: unknown) { this.removed.push(child) } }
  const el = { parentNode: parent } as unknown as HTMLElement
  const mounted = (vPerm as { mounted: (el: HTMLElement, binding: { value: string | string[] }) => void }).mounted
  mounted(el, { value })
  return parent.removed.length === 0 // true when the element stays
}

describe('v-perm', () => {
  beforeEach(() => {
    session.user = {
      id: 9,
      username: 'viewer',
      name: '查看员',
      department: null,
      roles: [],
      permissions: ['system:user:list'],
      data_scope: 'dept',
      must_change_password: false,
    }
  })

  it('keeps an element the user is allowed to see', () => {
    expect(mountWith('system:user:list')).toBe(true)
    expect(mountWith(['system:user:add', 'system:user:list'])).toBe(true)
  })

  it('removes an element the user lacks the permission for', () => {
    expect(mountWith('system:user:add')).toBe(false)
  })

  it('removes everything guarded when nobody is signed in', () => {
    session.user = null
    expect(mountWith('system:user:list')).toBe(false)
  })
})
