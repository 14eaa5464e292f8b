// Pure helpers of the 导入 dialog: which files it takes (CSV or XLSX), the summary of an import
// report, the 问题清单 CSV (the same columns as the CLI's `--errors FILE.csv`: 行号, 列, 值, 问题,
// 级别; UTF-8 with BOM for Excel) and the body asking the server for it as a workbook, file names
// and sizes.
import type { ImportProblem, ImportReport } from '@/api/directory/import'

/** What an import dialog brings in, as its texts name it. */
export interface ImportSubject {
  /** The dialog's title: 导入检查对象. */
  title: string
  /** 对象, 人员: "更新已有对象". */
  noun: string
  /** What makes a row already held: 编码, 执法证号. */
  key: string
  /** Where the rows go: 名录库, 专家库. */
  library: string
  /** How to find an imported row in the list: 名称或编码. */
  searchBy: string
}

/** What the file chooser offers: the server reads CSV (UTF-8 or GBK) and XLSX workbooks. */
export const kImportAccept = '.csv,.xlsx'

export const kXlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const kExcelRefused = '不能直接导入旧版 Excel（.xls）或其他表格格式，请在 Excel 中“另存为” .xlsx 工作簿或 CSV 后再导入'

/** What a chosen file is, by its name: CSV and XLSX are imported; other spreadsheets are not. */
export function fileKind(name: string): 'csv' | 'xlsx' | 'excel' | 'other' {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? ''
  if (ext === 'csv') return 'csv'
  if (ext === 'xlsx') return 'xlsx'
  if (['xls', 'xlsm', 'xlsb', 'et', 'ods', 'numbers'].includes(ext)) return 'excel'
  return 'other'
}

/** The Content-Type an upload is sent with (the server tells the formats by their first bytes). */
export function importContentType(name: string): string {
  return fileKind(name) === 'xlsx' ? kXlsxType : 'text/csv'
}

/** Why a chosen file cannot be imported, or '' when it can be sent. */
export function fileProblem(file: { name: string; size: number }, maxBytes: number): string {
  const kind = fileKind(file.name)
  if (kind === 'excel') return kExcelRefused
  if (kind === 'other') return '请选择 Excel 工作簿（.xlsx）或 CSV 文件'
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

/** 名录.csv → 名录-问题清单.csv (or .xlsx for the workbook). */
export function problemsFileName(fileName: string, ext: 'csv' | 'xlsx' = 'csv'): string {
  const base = fileName.replace(/\.[^.\\/]*$/, '').trim()
  return `${base || '导入'}-问题清单.${ext}`
}

/** The body of POST /imports/report.xlsx: the report's problems, as the import answered them. */
export interface ReportWorkbookRequest {
  file_name: string
  problems: ImportProblem[]
  problems_dropped: number
}

export function reportWorkbookRequest(fileName: string, report: Pick<ImportReport, 'problems' | 'problems_dropped'>): ReportWorkbookRequest {
  return { file_name: fileName, problems: report.problems, problems_dropped: report.problems_dropped }
}
