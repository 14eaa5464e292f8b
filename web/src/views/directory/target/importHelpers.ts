// Pure helpers of the 导入 dialog: the summary of an import report, the 问题清单 CSV (the same
// columns as the CLI's `--errors FILE.csv`: 行号, 列, 值, 问题, 级别; UTF-8 with BOM for Excel),
// file names and sizes.
import type { ImportProblem, ImportReport } from '@/api/directory/targets'

export const kExcelRefused = '暂不支持直接导入 Excel 工作簿，请在 Excel 中“另存为”CSV 后再导入'

/** What a chosen file is, by its name: only CSV is imported. */
export function fileKind(name: string): 'csv' | 'excel' | 'other' {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? ''
  if (ext === 'csv') return 'csv'
  if (['xlsx', 'xls', 'xlsm', 'xlsb', 'et', 'ods'].includes(ext)) return 'excel'
  return 'other'
}

/** Why a chosen file cannot be imported, or '' when it can be sent. */
export function fileProblem(file: { name: string; size: number }, maxBytes: number): string {
  const kind = fileKind(file.name)
  if (kind === 'excel') return kExcelRefused
  if (kind === 'other') return '请选择 CSV 文件（文件名以 .csv 结尾）'
  if (file.size === 0) return '文件是空的，请检查后重新选择'
  if (file.size > maxBytes) return `文件过大（${formatFileSize(file.size)}），单个文件不能超过 ${formatFileSize(maxBytes)}`
  return ''
}

/** 532 B, 12.5 KB, 3.2 MB, 256 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const text = value >= 100 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1)
  return `${text} ${units[unit]}`
}

export interface ImportSummary {
  type: 'success' | 'warning' | 'error'
  text: string
}

/** The one-line outcome of an import, as shown atop the report. */
export function importSummary(report: ImportReport): ImportSummary {
  const { rows, invalid_rows: invalid, inserted, updated } = report
  if (!report.committed) {
    return {
      type: 'error',
      text: invalid > 0 ? `共 ${rows} 行，有 ${invalid} 行错误，未导入任何数据` : `共 ${rows} 行，未导入任何数据`,
    }
  }
  if (rows === 0) return { type: 'warning', text: '文件中没有数据行，未导入任何数据' }
  if (inserted + updated === 0 && invalid > 0) {
    return { type: 'error', text: `共 ${rows} 行，均有错误，未导入任何数据` }
  }
  let text = `共 ${rows} 行；新增 ${inserted} 行，更新 ${updated} 行`
  if (invalid > 0) text += `；跳过有错误的 ${invalid} 行`
  return { type: invalid > 0 ? 'warning' : 'success', text }
}

/** The counts above the problem table: "以下列出 3 条错误、1 条提示（另有 5 条未列出）". */
export function problemsNote(report: ImportReport): string {
  const errors = report.problems.filter((p) => p.level === 'error').length
  const warnings = report.problems.length - errors
  const parts: string[] = []
  if (errors) parts.push(`${errors} 条错误`)
  if (warnings) parts.push(`${warnings} 条提示`)
  if (!parts.length) return ''
  let text = `以下列出 ${parts.join('、')}`
  if (report.problems_dropped > 0) text += `（另有 ${report.problems_dropped} 条未列出）`
  return text
}

export const levelLabel = (level: ImportProblem['level']) => (level === 'warning' ? '提示' : '错误')

/**
 * One CSV cell: quoted when it holds a comma, quote or line break (quotes doubled). A long digit
 * string or one with a leading zero (an ID number, a division code) gets a leading tab so Excel
 * keeps it as text instead of showing 9.15E+17 or dropping the zero; a cell that Excel would
 * take for a formula (=, +, -, @) gets a leading apostrophe.
 */
export function csvCell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string') {
    if (/^\d{12,}$/.test(text) || /^0\d+$/.test(text)) text = `\t${text}`
    else if (/^[=+\-@]/.test(text) && text.length > 1) text = `'${text}`
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The 问题清单 as CSV text for Excel: UTF-8 BOM, CRLF line ends. */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  const lines = ['行号,列,值,问题,级别']
  for (const p of problems) {
    lines.push([p.line, p.column, p.value, p.message, levelLabel(p.level)].map(csvCell).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** 名录.csv → 名录-问题清单.csv. */
export function problemsFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.\\/]*$/, '').trim()
  return `${base || '导入'}-问题清单.csv`
}
