// Client-side checks of the 利害关系 and 免检免扰 forms (and of an inspector's own declaration):
// what is required, the lengths the server accepts (200 Chinese characters for a 说明 or 免检范围,
// 100 for a 依据文件) and a period that does not end before it starts. The server checks that
// the person and the target exist and are in the caller's data scope.
import type { FormItemRule } from 'element-plus'

/** Why an end date cannot go with a start date, or ''; either may be empty (no check then). */
export function periodProblem(from: string | null | undefined, until: string | null | undefined): string {
  if (!from || !until) return ''
  return until < from ? '有效期至不能早于有效期起' : ''
}

/** The 有效期至 rule: required or not, and not before what `from()` holds. */
export function untilRule(from: () => string, required: boolean): FormItemRule {
  return {
    required,
    trigger: 'change',
    validator: (_rule, value: unknown, callback: (error?: Error) => void) => {
      const until = typeof value === 'string' ? value : ''
      if (required && !until) callback(new Error('请选择有效期至'))
      else {
        const problem = periodProblem(from(), until)
        if (problem) callback(new Error(problem))
        else callback()
      }
    },
  }
}

// The target is picked from a search (`target`) or typed (`target_code`); only the shown one is
// validated.
const targetRules: Record<string, FormItemRule[]> = {
  target: [{ required: true, message: '请选择检查对象', trigger: 'change' }],
  target_code: [{ required: true, whitespace: true, message: '请输入检查对象的统一社会信用代码或编码', trigger: 'blur' }],
}

const reasonRules: FormItemRule[] = [
  { required: true, whitespace: true, message: '请填写利害关系说明', trigger: 'blur' },
  { max: 200, message: '利害关系说明最多 200 个字', trigger: 'blur' },
]

export function conflictRules(from: () => string): Record<string, FormItemRule[]> {
  return {
    inspector: [{ required: true, message: '请选择人员', trigger: 'change' }],
    inspector_code: [{ required: true, whitespace: true, message: '请输入执法证号或证件号码', trigger: 'blur' }],
    ...targetRules,
    reason: reasonRules,
    valid_until: [untilRule(from, false)],
  }
}

export function exemptionRules(from: () => string): Record<string, FormItemRule[]> {
  return {
    ...targetRules,
    scope: [{ max: 200, message: '免检范围最多 200 个字', trigger: 'blur' }],
    valid_from: [{ required: true, message: '请选择有效期起', trigger: 'change' }],
    valid_until: [untilRule(from, true)],
    source_document: [
      { required: true, whitespace: true, message: '请填写依据文件', trigger: 'blur' },
      { max: 100, message: '依据文件最多 100 个字', trigger: 'blur' },
    ],
  }
}

/** An inspector's own declaration: the target by its code, the 说明, an optional end (from today). */
export function declarationRules(today: string): Record<string, FormItemRule[]> {
  return {
    target: [
      { required: true, whitespace: true, message: '请输入检查对象的统一社会信用代码或编码', trigger: 'blur' },
      { max: 40, message: '编码最多 40 个字符', trigger: 'blur' },
    ],
    reason: reasonRules,
    valid_until: [untilRule(() => today, false)],
  }
}
