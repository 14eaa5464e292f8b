// Pure helpers of 检查档案 (ArchivePanel.vue): the file name a downloaded archive is saved as, the
// archive state a record may carry (archived_at, archive_sha256, when the server sends them with the
// record) or the answer of 归档 gave, the manifest's totals, and the files grouped by folder in
// the order the archive holds them.
import type { InspectionRecord } from '@/api/inspection'
import type { ArchiveAnswer, ArchiveManifest, ManifestFile } from '@/api/report'

/** “重庆某某食品有限公司检查档案.zip” (characters a file system refuses replaced). */
export function archiveFileName(record: Pick<InspectionRecord, 'id' | 'header' | 'target_code'>): string {
  const base = (record.header?.subject_name || record.target_code || `检查记录${record.id}`).replace(/[\\/:*?"<>|\s]+/g, '_')
  return `${base}检查档案.zip`
}

export interface ArchiveState {
  archived_at: string
  manifest_sha256: string
  manifest: ArchiveManifest | null
}

/**
 * What is known of the record's archive: the answer of 归档 (this visit) first, else what the
 * record says (archived_at and archive_sha256, if the server sends them); null when not archived.
 */
export function archiveState(record: object | null | undefined, answer: ArchiveAnswer | null | undefined): ArchiveState | null {
  if (answer?.archived_at) return { archived_at: answer.archived_at, manifest_sha256: answer.manifest_sha256, manifest: answer.manifest ?? null }
  const r = (record ?? {}) as { archived_at?: unknown; archive_sha256?: unknown }
  if (typeof r.archived_at === 'string' && r.archived_at) {
    return { archived_at: r.archived_at, manifest_sha256: typeof r.archive_sha256 === 'string' ? r.archive_sha256 : '', manifest: null }
  }
  return null
}

export interface ManifestTotals {
  files: number
  bytes: number
}

export function manifestTotals(manifest: Pick<ArchiveManifest, 'files'> | null | undefined): ManifestTotals {
  const files = manifest?.files ?? []
  return { files: files.length, bytes: files.reduce((n, f) => n + (f.size || 0), 0) }
}

export interface ManifestGroup {
  /** '' for the files at the top of the archive. */
  folder: string
  files: ManifestFile[]
}

/** The files by folder (证据, 签字, 抽取记录 …), the top-level files first, each in archive order. */
export function manifestGroups(manifest: Pick<ArchiveManifest, 'files'> | null | undefined): ManifestGroup[] {
  const groups: ManifestGroup[] = []
  for (const f of manifest?.files ?? []) {
    const slash = f.path.indexOf('/')
    const folder = slash > 0 ? f.path.slice(0, slash) : ''
    let g = groups.find((x) => x.folder === folder)
    if (!g) {
      g = { folder, files: [] }
      if (folder) groups.push(g)
      else groups.unshift(g)
    }
    g.files.push(f)
  }
  return groups
}

/** The part of a path after its folder. */
export const baseName = (path: string) => path.slice(path.indexOf('/') + 1)
