// Pure helpers of 名单变更 and 抽取过程附件 on a task's page, and of the head's 待审批变更 page:
// the kinds, categories and statuses of a change in words, which requests a task's state and the
// user's permissions allow, the people of the drawn teams (whom a withdrawal can name), the
// subject of a request in one line, the request body from the dialog's form, and the files the
// server takes as attachments. The rule they explain: nobody picks — a replacement takes the
// next reserve of its stratum, a substitute inspector is drawn with fresh dice.
import type {
  Attachment,
  ChangeInput,
  ChangeKind,
  ChangeStatus,
  DrawnTarget,
  ReplaceCategory,
  Task,
  TaskChange,
  TaskStatus,
  WithdrawCategory,
} from '@/api/task'
import { dictLabel, dictTag, type Dict } from '@/utils/dict'

export const kChangePerms = {
  request: 'task:change:request',
  approve: 'task:change:approve',
  apply: 'task:draw:run',
  attach: 'task:draw:run',
} as const

export const kChangeKinds: Dict<ChangeKind> = [
  { value: 'replace_target', label: '替换检查对象', tag: 'warning' },
  { value: 'withdraw_inspector', label: '检查人员退出', tag: 'primary' },
  { value: 'void', label: '作废', tag: 'danger' },
]

export const kChangeStatuses: Dict<ChangeStatus> = [
  { value: 'pending', label: '待审批', tag: 'warning' },
  { value: 'approved', label: '已批准', tag: 'primary' },
  { value: 'rejected', label: '已驳回', tag: 'danger' },
  { value: 'applied', label: '已执行', tag: 'success' },
]

export const changeKindLabel = (kind: string | null | undefined) => dictLabel(kChangeKinds, kind)
export const changeKindTag = (kind: string | null | undefined) => dictTag(kChangeKinds, kind)
export const changeStatusTag = (status: string | null | undefined) => dictTag(kChangeStatuses, status)

/** The status in words; an approved withdrawal still waits for its fresh dice. */
export function changeStatusLabel(change: Pick<TaskChange, 'kind' | 'status'>): string {
  if (change.status === 'approved' && change.kind === 'withdraw_inspector') return '已批准待补抽'
  if (change.status === 'approved') return '已批准生效'
  return dictLabel(kChangeStatuses, change.status)
}

export const kReplaceCategories: readonly ReplaceCategory[] = ['免检', '注销', '吊销', '迁出', '其他']
export const kWithdrawCategories: readonly WithdrawCategory[] = ['回避', '疾病', '工作调动', '其他']

/** The longest reason the server keeps (characters). */
export const kMaxReasonChars = 500

/** Why the reason cannot be sent ('' when it can). */
export function reasonProblem(reason: string, what = '变更理由'): string {
  const text = reason.trim()
  if (!text) return `请填写${what}`
  if ([...text].length > kMaxReasonChars) return `${what}最多 ${kMaxReasonChars} 个字`
  return ''
}

/** The drawn states: a list exists, so targets can be replaced and inspectors withdrawn. */
export function hasDrawnList(status: TaskStatus | string | null | undefined): boolean {
  return status === 'drawn' || status === 'confirmed' || status === 'inspecting'
}

export interface ChangeActions {
  /** 替换检查对象 and 检查人员退出: a drawn list. */
  change: boolean
  /** 申请作废: committed or drawn, not yet void. */
  void: boolean
  /** 录入新的骰子数字并补抽 of an approved withdrawal. */
  apply: boolean
}

export function changeActions(task: Pick<Task, 'status'> | null | undefined, can: (perm: string) => boolean): ChangeActions {
  const s = task?.status
  const request = can(kChangePerms.request)
  return {
    change: hasDrawnList(s) && request,
    void: (s === 'committed' || hasDrawnList(s)) && request,
    apply: hasDrawnList(s) && can(kChangePerms.apply),
  }
}

/** Whether `change` waits for fresh dice (an approved withdrawal). */
export function awaitsDice(change: Pick<TaskChange, 'kind' | 'status'>): boolean {
  return change.kind === 'withdraw_inspector' && change.status === 'approved'
}

/** What a request is about, in one line: “重庆某某有限公司（9150…）”, “王磊（渝执50103104）”, “整个任务”. */
export function changeSubject(change: Pick<TaskChange, 'kind' | 'target_name' | 'target_code' | 'inspector_name' | 'inspector_code'>): string {
  const who = (name: string, code: string) => (name ? (code ? `${name}（${code}）` : name) : code)
  if (change.kind === 'void') return '整个任务'
  if (change.kind === 'replace_target') return who(change.target_name, change.target_code) || '—'
  const inspector = who(change.inspector_name, change.inspector_code) || '—'
  return change.target_name ? `${inspector}，涉及 ${change.target_name}` : inspector
}

/** What approving does, for the approver (the rule, not a choice). */
export function approvalEffect(change: Pick<TaskChange, 'kind'>): string {
  switch (change.kind) {
    case 'replace_target':
      return '批准后，该对象由同一类别备选名单中的下一户按顺序递补，不由任何人指定。'
    case 'withdraw_inspector':
      return '批准后，由业务处室录入见证人新掷的骰子数字，按抽取规则随机补抽替代人员。'
    default:
      return '批准后任务即作废，抽取记录和作废理由保留并公示；如需重新抽取须新建任务、重新公布承诺值。'
  }
}

/** One person of the drawn teams, with the targets they are on. */
export interface TeamPerson {
  /** Undefined when the server does not send it: the person cannot be named in a request. */
  inspector_id: number | undefined
  code: string
  name: string
  department_name: string
  targets: { target_id: number; name: string; lead: boolean }[]
}

/** The people of the drawn teams, each once (by code), in the order they first appear. */
export function teamPeople(targets: readonly DrawnTarget[]): TeamPerson[] {
  const byCode = new Map<string, TeamPerson>()
  for (const target of targets) {
    for (const member of target.team) {
      let person = byCode.get(member.code)
      if (!person) {
        person = { inspector_id: member.inspector_id, code: member.code, name: member.name, department_name: member.department_name, targets: [] }
        byCode.set(member.code, person)
      }
      person.inspector_id ??= member.inspector_id
      person.targets.push({ target_id: target.target_id, name: target.name, lead: member.slot === 0 })
    }
  }
  return [...byCode.values()]
}

/** The form of the 申请变更 dialog. */
export interface ChangeForm {
  kind: ChangeKind
  target_id: number | undefined
  inspector_id: number | undefined
  category: ReplaceCategory | WithdrawCategory | ''
  reason: string
}

export function blankChangeForm(kind: ChangeKind): ChangeForm {
  return { kind, target_id: undefined, inspector_id: undefined, category: '', reason: '' }
}

/** The problems of the form by field ('' none): what the server would refuse. */
export function changeFormProblems(form: ChangeForm): Record<'target_id' | 'inspector_id' | 'category' | 'reason', string> {
  return {
    target_id: form.kind === 'replace_target' && !form.target_id ? '请选择要替换的检查对象' : '',
    inspector_id: form.kind === 'withdraw_inspector' && !form.inspector_id ? '请选择退出的检查人员' : '',
    category: form.kind !== 'void' && !form.category ? (form.kind === 'replace_target' ? '请选择替换原因' : '请选择退出原因') : '',
    reason: reasonProblem(form.reason, form.kind === 'void' ? '作废理由' : '变更理由'),
  }
}

/** The body of POST /tasks/{id}/changes: only the fields of the kind. */
export function changeInputOf(form: ChangeForm): ChangeInput {
  const input: ChangeInput = { kind: form.kind, reason: form.reason.trim() }
  if (form.kind === 'void') return input
  if (form.category) input.category = form.category
  if (form.kind === 'replace_target') input.target_id = form.target_id
  else {
    input.inspector_id = form.inspector_id
    if (form.target_id) input.target_id = form.target_id
  }
  return input
}

// ---------------------------------------------------------------------------------------------
// 抽取过程附件

/** The server's limits (ceremony/attachments.h). */
export const kMaxAttachmentBytes = 50 * 1024 * 1024
export const kMaxAttachments = 50

/** What the file picker offers; the server reads the type from the file's first bytes. */
export const kAttachmentAccept = '.jpg,.jpeg,.png,.mp4,.pdf,image/jpeg,image/png,video/mp4,application/pdf'

/** Attachments are added between the commit and the confirmation. */
export function attachmentsOpen(status: TaskStatus | string | null | undefined): boolean {
  return status === 'committed' || status === 'drawn'
}

/** Why `file` cannot be uploaded ('' when it can be tried; the server checks the bytes). */
export function attachmentProblem(file: { name: string; size: number }, count: number): string {
  if (count >= kMaxAttachments) return `每个任务最多 ${kMaxAttachments} 个附件`
  if (!/\.(jpe?g|png|mp4|pdf)$/i.test(file.name)) return '只能上传 JPEG/PNG 照片、MP4 录像或 PDF 文件'
  if (file.size <= 0) return '文件是空的'
  if (file.size > kMaxAttachmentBytes) return `文件超过 50 MB（${formatBytes(file.size)}）`
  if ([...file.name].length > 100) return '文件名最多 100 个字'
  return ''
}

/** “812 B”, “1.5 KB”, “23.4 MB”. */
export function formatBytes(size: number): string {
  if (!Number.isFinite(size) || size < 0) return '—'
  if (size < 1024) return `${size} B`
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`
  return `${(size / 1024 / 1024).toFixed(1)} MB`
}

/** 照片 / 录像 / PDF 文件 by the server's content type. */
export function attachmentKind(a: Pick<Attachment, 'content_type'>): string {
  if (a.content_type.startsWith('image/')) return '照片'
  if (a.content_type.startsWith('video/')) return '录像'
  if (a.content_type === 'application/pdf') return 'PDF 文件'
  return '文件'
}
