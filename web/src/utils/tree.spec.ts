import { describe, expect, it } from 'vitest'
import { allValues, ancestorChain, buildTree, descendantIds, filterTree, leafValues } from './tree'

const depts = [
  { id: 1, parent_id: null, name: '重庆市经济和信息化委员会' },
  { id: 3, parent_id: 1, name: '综合执法处' },
  { id: 4, parent_id: 1, name: '政策法规处' },
  { id: 9, parent_id: 3, name: '一科' },
  { id: 20, parent_id: null, name: '渝中区经济和信息化委员会' },
]

describe('buildTree', () => {
  it('nests children under parents in input order', () => {
    const tree = buildTree(depts)
    expect(tree.map((n) => n.id)).toEqual([1, 20])
    expect(tree[0].children!.map((n) => n.id)).toEqual([3, 4])
    expect(tree[0].children![0].children!.map((n) => n.id)).toEqual([9])
    expect(tree[1].children).toBeUndefined()
  })

  it('makes a node whose parent is out of scope a root', () => {
    const tree = buildTree([
      { id: 3, parent_id: 1 },
      { id: 9, parent_id: 3 },
    ])
    expect(tree.map((n) => n.id)).toEqual([3])
    expect(tree[0].children!.map((n) => n.id)).toEqual([9])
  })

  it('handles a child listed before its parent and does not mutate input', () => {
    const input = [
      { id: 2, parent_id: 1 },
      { id: 1, parent_id: null },
    ]
    const tree = buildTree(input)
    expect(tree).toHaveLength(1)
    expect(tree[0].children![0].id).toBe(2)
    expect(input[1]).not.toHaveProperty('children')
  })

  it('returns an empty forest for an empty list', () => {
    expect(buildTree([])).toEqual([])
  })

  it('treats a self-parented node as a root', () => {
    expect(buildTree([{ id: 5, parent_id: 5 }]).map((n) => n.id)).toEqual([5])
  })
})

describe('descendantIds', () => {
  it('includes the node and everything below it', () => {
    expect([...descendantIds(depts, 1)].sort((a, b) => a - b)).toEqual([1, 3, 4, 9])
    expect([...descendantIds(depts, 3)].sort()).toEqual([3, 9])
    expect([...descendantIds(depts, 20)]).toEqual([20])
  })

  it('terminates on a cycle', () => {
    const cyclic = [
      { id: 1, parent_id: 2 },
      { id: 2, parent_id: 1 },
    ]
    expect([...descendantIds(cyclic, 1)].sort()).toEqual([1, 2])
  })
})

describe('ancestorChain', () => {
  it('lists root to node', () => {
    expect(ancestorChain(depts, 9).map((d) => d.id)).toEqual([1, 3, 9])
    expect(ancestorChain(depts, 404)).toEqual([])
  })
})

interface Perm {
  code: string
  name: string
  children?: Perm[]
}

const perms: Perm[] = [
  {
    code: 'system',
    name: '系统管理',
    children: [
      {
        code: 'system:user',
        name: '用户管理',
        children: [
          { code: 'system:user:list', name: '查询用户' },
          { code: 'system:user:add', name: '新增用户' },
        ],
      },
      { code: 'system:role', name: '角色管理', children: [{ code: 'system:role:list', name: '查询角色' }] },
    ],
  },
  { code: 'system:audit:list', name: '操作日志' },
]

describe('nested tree helpers', () => {
  it('leafValues returns only leaves', () => {
    expect(leafValues(perms, 'code')).toEqual([
      'system:user:list',
      'system:user:add',
      'system:role:list',
      'system:audit:list',
    ])
  })

  it('allValues returns every node depth first', () => {
    expect(allValues(perms, 'code')).toHaveLength(7)
  })

  it('filterTree keeps matches with their ancestors', () => {
    const result = filterTree(perms, (n) => n.name.includes('角色'))
    expect(result).toHaveLength(1)
    expect(result[0].children!.map((c) => c.code)).toEqual(['system:role'])
    expect(result[0].children![0].children).toHaveLength(1)
  })

  it('filterTree keeps a matching node whole', () => {
    const result = filterTree(perms, (n) => n.code === 'system:user')
    expect(result[0].children![0].children).toHaveLength(2)
  })
})
