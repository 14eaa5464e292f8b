// Pure helpers of the print pages of a drawn task (抽取记录, 检查通知书, 备案表): dates in Chinese
// (“2026年11月22日”), the departments of a task in one line, the per-stratum rows of the record
// (population, rule and how many the engine drew), the people and teams of the drawn list, the
// default 需准备的材料 of a notice, and the document number of a notice.
import type { DrawRecord, DrawnTarget, StratumRule, Task } from '@/api/task'
import { expectedCount, ruleText, sortedCounts, stratumLabel } from '@/views/task/list/helpers'

/** “2026年11月22日” of “2026-11-22” (or an ISO time, read in China's time zone); '' when unreadable. */
export function chineseDate(value: string | null | undefined): string {
  if (!value) return ''
  let day = value
  if (value.length > 10) {
    const date = new Date(value)
    if (Number.isNaN(date.getTime())) return ''
    day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ''
}

/** “2026年12月1日至2026年12月31日”. */
export function chinesePeriod(task: Pick<Task, 'start_date' | 'end_date'>): string {
  return `${chineseDate(task.start_date)}至${chineseDate(task.end_date)}`
}

/** The initiating department and the participants: “节能与综合利用处、综合执法处”. */
export function departmentsText(task: Pick<Task, 'department_name' | 'participants'>): string {
  return [task.department_name, ...(task.participants ?? []).map((p) => p.department_name)].filter(Boolean).join('、')
}

export interface StratumRow {
  id: string
  label: string
  population: number
  rule: string
  /** What the engine drew (the record's k), else what the rule asks for. */
  drawn: number | null
}

/** One row per stratum of the frozen pool: population, rule and the number drawn. */
export function stratumRows(
  task: Pick<Task, 'pool_counts' | 'strata'>,
  record: Pick<DrawRecord, 'strata'> | null | undefined,
): StratumRow[] {
  return sortedCounts(task.pool_counts).map(([id, population]) => {
    const rule: StratumRule | undefined = task.strata.find((s) => s.id === id)
    const drawn = record?.strata?.find((s) => s.id === id)
    return {
      id,
      label: stratumLabel(id),
      population,
      rule: rule ? ruleText(rule) : '—',
      drawn: drawn ? drawn.k : expectedCount(population, rule),
    }
  })
}

/** The people of the teams, each once by code. */
export function distinctInspectors(targets: readonly DrawnTarget[]): number {
  const codes = new Set<string>()
  for (const t of targets) for (const m of t.team) codes.add(m.code)
  return codes.size
}

/** “王磊（组长）、李静”: a team in the order of its slots. */
export function teamNames(target: Pick<DrawnTarget, 'team'>): string {
  return [...target.team]
    .sort((a, b) => a.slot - b.slot)
    .map((m) => (m.slot === 0 ? `${m.name}（组长）` : m.name))
    .join('、')
}

/** “王磊（渝执50103104，渝中区经济和信息化委员会）” for each member, leader first. */
export function teamLines(target: Pick<DrawnTarget, 'team'>): string[] {
  return [...target.team]
    .sort((a, b) => a.slot - b.slot)
    .map((m) => `${m.name}${m.slot === 0 ? '（组长）' : ''}，执法证号 ${m.code}，${m.department_name}`)
}

/** The materials a notice asks the firm to prepare, before anyone edits them. */
export function defaultMaterials(items: readonly { name: string }[]): string {
  const lines = [
    '1. 营业执照（或其他主体资格证明）复印件，法定代表人（负责人）身份证明；',
    '2. 与本次抽查事项相关的许可证件、台账、记录和管理制度；',
  ]
  if (items.some((i) => /节能|能源|能耗/.test(i.name))) {
    lines.push('3. 近三年能源消费统计报表、能源计量器具配备和检定（校准）记录、主要用能设备清单；')
  } else {
    lines.push('3. 与抽查事项相关的生产、检验或经营记录；')
  }
  lines.push(`${lines.length + 1}. 委托他人办理的，提供授权委托书和受托人身份证明。`)
  return lines.join('\n')
}

/** The number of a notice: “T2026-00012-003” (the task's code and the target's position). */
export function noticeNumber(task: Pick<Task, 'code'>, target: Pick<DrawnTarget, 'position'>): string {
  return `${task.code}-${String(target.position).padStart(3, '0')}`
}

/** The digits in groups of five, as read aloud at the ceremony. */
export function digitGroups(value: string | null | undefined): string {
  const digits = (value ?? '').replace(/[^0-9]/g, '')
  return (digits.match(/.{1,5}/g) ?? []).join(' ')
}
