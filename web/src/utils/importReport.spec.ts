import { describe, expect, it } from 'vitest'
import type { ImportProblem, ImportReport } from '@/api/directory/import'
import {
  csvCell,
  fileKind,
  fileProblem,
  formatFileSize,
  importContentType,
  importSummary,
  kExcelRefused,
  kImportAccept,
  kXlsxType,
  problemsCsv,
  problemsFileName,
  problemsNote,
  reportWorkbookRequest,
} from './importReport'

const report = (over: Partial<ImportReport>): ImportReport => ({
  rows: 0,
  invalid_rows: 0,
  inserted: 0,
  updated: 0,
  committed: true,
  problems: [],
  problems_dropped: 0,
  ...over,
})

const problem = (over: Partial<ImportProblem>): ImportProblem => ({
  line: 2,
  column: '行政相对人编码',
  value: '',
  message: '不能为空',
  level: 'error',
  ...over,
})

/** Splits CSV text into records of cells (RFC 4180), to read back what was written. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      record.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(cell)
      records.push(record)
      record = []
      cell = ''
      i++
    } else cell += ch
  }
  if (cell || record.length) records.push([...record, cell])
  return records
}

describe('problemsCsv', () => {
  it('starts with a UTF-8 BOM and the header 行号,列,值,问题,级别, CRLF line ends', () => {
    const text = problemsCsv([])
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toBe('\uFEFF行号,列,值,问题,级别\r\n')
  })

  it('writes one record per problem with 错误 / 提示', () => {
    const text = problemsCsv([
      problem({ line: 2, column: '行政区划代码', value: '500199', message: '不是有效的行政区划代码（GB/T 2260）' }),
      problem({ line: 5, column: '行政相对人编码', value: '91350100M0001TGQXM', message: '校验位存疑', level: 'warning' }),
    ])
    expect(text.slice(1).split('\r\n')).toEqual([
      '行号,列,值,问题,级别',
      '2,行政区划代码,500199,不是有效的行政区划代码（GB/T 2260）,错误',
      '5,行政相对人编码,91350100M0001TGQXM,校验位存疑,提示',
      '',
    ])
  })

  it('quotes cells with commas, quotes and line breaks, doubling the quotes', () => {
    const text = problemsCsv([
      problem({ column: '检查地址', value: '渝中区解放碑,1号', message: '含"引号"的说明' }),
      problem({ column: '行政相对人名称', value: '第一行\n第二行', message: '回车\r\n换行' }),
    ])
    const lines = text.slice(1).split('\r\n')
    expect(lines[1]).toBe('2,检查地址,"渝中区解放碑,1号","含""引号""的说明",错误')
    expect(parseCsv(text.slice(1))).toEqual([
      ['行号', '列', '值', '问题', '级别'],
      ['2', '检查地址', '渝中区解放碑,1号', '含"引号"的说明', '错误'],
      ['2', '行政相对人名称', '第一行\n第二行', '回车\r\n换行', '错误'],
    ])
  })

  it('leaves an empty value empty', () => {
    expect(problemsCsv([problem({ value: '' })]).split('\r\n')[1]).toBe('2,行政相对人编码,,不能为空,错误')
  })
})

describe('csvCell', () => {
  it('keeps plain text as it is', () => {
    expect(csvCell('91500103MA60K3T26X')).toBe('91500103MA60K3T26X')
    expect(csvCell(12)).toBe('12')
    expect(csvCell('-')).toBe('-')
  })

  it('keeps long digit strings and leading zeros as text for Excel', () => {
    expect(csvCell('500103198501011234')).toBe('\t500103198501011234')
    expect(csvCell('023')).toBe('\t023')
    expect(csvCell('500199')).toBe('500199')
  })

  it('defuses cells Excel would read as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('+8613800000000')).toBe("'+8613800000000")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
  })
})

describe('importSummary', () => {
  it('says how many rows were added and updated', () => {
    expect(importSummary(report({ rows: 3, inserted: 2, updated: 1 }))).toEqual({
      type: 'success',
      text: '共 3 行；新增 2 行，更新 1 行',
    })
  })

  it('says nothing was imported when the import was refused', () => {
    expect(importSummary(report({ rows: 5, invalid_rows: 2, committed: false }))).toEqual({
      type: 'error',
      text: '共 5 行，有 2 行错误，未导入任何数据',
    })
  })

  it('names the skipped rows of a partial import', () => {
    expect(importSummary(report({ rows: 5, invalid_rows: 2, inserted: 3 }))).toEqual({
      type: 'warning',
      text: '共 5 行；新增 3 行，更新 0 行；跳过有错误的 2 行',
    })
  })

  it('says when skipping left nothing to import', () => {
    expect(importSummary(report({ rows: 2, invalid_rows: 2 })).text).toBe('共 2 行，均有错误，未导入任何数据')
  })

  it('says when the file held no rows', () => {
    expect(importSummary(report({ rows: 0 }))).toEqual({ type: 'warning', text: '文件中没有数据行，未导入任何数据' })
  })
})

describe('problemsNote', () => {
  it('counts errors and warnings and names what was left out', () => {
    const r = report({
      problems: [problem({}), problem({}), problem({ level: 'warning' })],
      problems_dropped: 7,
    })
    expect(problemsNote(r)).toBe('以下列出 2 条错误、1 条提示（另有 7 条未列出）')
    expect(problemsNote(report({ problems: [problem({ level: 'warning' })] }))).toBe('以下列出 1 条提示')
    expect(problemsNote(report({}))).toBe('')
  })
})

describe('files', () => {
  it('tells CSV, XLSX and the spreadsheets it does not read apart by the extension', () => {
    expect(fileKind('名录.CSV')).toBe('csv')
    expect(fileKind('名录.xlsx')).toBe('xlsx')
    expect(fileKind('名录.XLSX')).toBe('xlsx')
    expect(fileKind('名录.xls')).toBe('excel')
    expect(fileKind('名录.et')).toBe('excel')
    expect(fileKind('名录.ods')).toBe('excel')
    expect(fileKind('名录.txt')).toBe('other')
    expect(fileKind('名录')).toBe('other')
    expect(kImportAccept).toBe('.csv,.xlsx')
  })

  it('takes CSV and XLSX; refuses an old workbook, another file, an empty or too big one', () => {
    expect(fileProblem({ name: '名录.xlsx', size: 10 }, 100)).toBe('')
    expect(fileProblem({ name: '名录.csv', size: 10 }, 100)).toBe('')
    expect(fileProblem({ name: '名录.xls', size: 10 }, 100)).toBe(kExcelRefused)
    expect(kExcelRefused).toContain('.xlsx 工作簿或 CSV')
    expect(fileProblem({ name: '名录.txt', size: 10 }, 100)).toBe('请选择 Excel 工作簿（.xlsx）或 CSV 文件')
    expect(fileProblem({ name: '名录.csv', size: 0 }, 100)).toMatch(/空/)
    expect(fileProblem({ name: '名录.xlsx', size: 0 }, 100)).toMatch(/空/)
    expect(fileProblem({ name: '名录.csv', size: 300 * 1024 * 1024 }, 256 * 1024 * 1024)).toBe(
      '文件过大（300 MB），单个文件不能超过 256 MB',
    )
  })

  it('sends a workbook as a workbook and anything else as CSV', () => {
    expect(importContentType('名录.xlsx')).toBe(kXlsxType)
    expect(kXlsxType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(importContentType('名录.csv')).toBe('text/csv')
  })

  it('formats sizes', () => {
    expect(formatFileSize(532)).toBe('532 B')
    expect(formatFileSize(12_800)).toBe('12.5 KB')
    expect(formatFileSize(3 * 1024 * 1024 + 200 * 1024)).toBe('3.2 MB')
    expect(formatFileSize(256 * 1024 * 1024)).toBe('256 MB')
  })

  it('names the problem list after the imported file', () => {
    expect(problemsFileName('名录.csv')).toBe('名录-问题清单.csv')
    expect(problemsFileName('2026.名录.CSV')).toBe('2026.名录-问题清单.csv')
    expect(problemsFileName('')).toBe('导入-问题清单.csv')
    expect(problemsFileName('利害关系.xlsx', 'xlsx')).toBe('利害关系-问题清单.xlsx')
    expect(problemsFileName('', 'xlsx')).toBe('导入-问题清单.xlsx')
  })

  it('asks for the workbook with the file name and the problems as the import answered them', () => {
    const problems = [problem({ line: 3, value: '9.15001E+17', message: '身份证号码被 Excel 转成了科学计数法' })]
    const body = reportWorkbookRequest('名录.xlsx', report({ problems, problems_dropped: 4, rows: 9, committed: false }))
    expect(body).toEqual({ file_name: '名录.xlsx', problems, problems_dropped: 4 })
    expect(Object.keys(body)).toEqual(['file_name', 'problems', 'problems_dropped'])
  })
})
