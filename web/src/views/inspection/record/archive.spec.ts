import { describe, expect, it } from 'vitest'
import type { ArchiveAnswer, ArchiveManifest } from '@/api/report'
import { archiveFileName, archiveState, baseName, manifestGroups, manifestTotals } from './archive'

const manifest: ArchiveManifest = {
  record_id: 12,
  task_code: 'T2026-00012',
  target_code: '91500103MA5U0000X1',
  subject_name: '重庆某某食品有限公司',
  algorithm: 'SHA-256',
  files: [
    { path: '检查记录表.html', size: 4000, sha256: 'a1' },
    { path: '证据/01-现场照片.jpg', size: 200000, sha256: 'b1' },
    { path: '检查通知书.html', size: 2000, sha256: 'a2' },
    { path: '签字/signature.png', size: 9000, sha256: 'c1' },
    { path: '证据/02-营业执照.pdf', size: 50000, sha256: 'b2' },
    { path: '公示结果.json', size: 700, sha256: 'a3' },
  ],
}

const answer: ArchiveAnswer = { inspection_id: 12, archived_at: '2027-01-05T02:00:00.000Z', manifest_sha256: 'ff00', manifest }

describe('archiveFileName', () => {
  it('names the zip after the subject, safe for a file system', () => {
    expect(archiveFileName({ id: 12, target_code: 'X', header: { subject_name: '重庆某某食品有限公司' } as never })).toBe('重庆某某食品有限公司检查档案.zip')
    expect(archiveFileName({ id: 12, target_code: 'X', header: { subject_name: 'A/B 公司' } as never })).toBe('A_B_公司检查档案.zip')
    expect(archiveFileName({ id: 12, target_code: '', header: { subject_name: '' } as never })).toBe('检查记录12检查档案.zip')
  })
})

describe('archiveState', () => {
  it('prefers the answer of 归档, then what the record says, else none', () => {
    expect(archiveState({ archived_at: '2026-12-01T00:00:00.000Z' }, answer)).toEqual({ archived_at: answer.archived_at, manifest_sha256: 'ff00', manifest })
    expect(archiveState({ archived_at: '2026-12-01T00:00:00.000Z', archive_sha256: 'ab' }, null)).toEqual({
      archived_at: '2026-12-01T00:00:00.000Z',
      manifest_sha256: 'ab',
      manifest: null,
    })
    expect(archiveState({ archived_at: '' }, null)).toBeNull()
    expect(archiveState({}, null)).toBeNull()
    expect(archiveState(null, undefined)).toBeNull()
  })
})

describe('manifest', () => {
  it('adds up files and bytes', () => {
    expect(manifestTotals(manifest)).toEqual({ files: 6, bytes: 265700 })
    expect(manifestTotals(null)).toEqual({ files: 0, bytes: 0 })
  })

  it('groups by folder, the top-level files first, keeping the order within', () => {
    const groups = manifestGroups(manifest)
    expect(groups.map((g) => g.folder)).toEqual(['', '证据', '签字'])
    expect(groups[0].files.map((f) => f.path)).toEqual(['检查记录表.html', '检查通知书.html', '公示结果.json'])
    expect(groups[1].files.map((f) => baseName(f.path))).toEqual(['01-现场照片.jpg', '02-营业执照.pdf'])
    expect(manifestGroups(undefined)).toEqual([])
  })

  it('keeps a top-level file named without a folder', () => {
    expect(baseName('manifest.json')).toBe('manifest.json')
  })
})
