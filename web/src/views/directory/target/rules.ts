// Client-side checks of the target form of each kind. The server applies the full rules of
// appendix B (GB 32100 check digits, resident ID numbers, GB/T 2260 and GB/T 4754 codes, dates)
// and names every bad field.
import type { FormItemRule } from 'element-plus'
import type { TargetKind } from '@/api/directory/targets'
import { codeLabel } from './helpers'
import type { TargetFormModel } from './kinds'

// Digits, "-", "+", "(", ")" and 转 (an extension), 7–20 characters, as the server accepts.
export const kTargetPhonePattern = /^[0-9+()\-转 ]{7,20}$/

export const targetRules = {
  name: [
    { required: true, message: '请输入名称', trigger: 'blur' },
    { max: 100, message: '名称最多 100 个字', trigger: 'blur' },
  ],
  nature: [{ required: true, message: '请选择行政相对人性质', trigger: 'change' }],
  division_code: [{ required: true, message: '请选择行政区划', trigger: 'change' }],
  address: [{ max: 200, message: '地址最多 200 个字', trigger: 'blur' }],
  phone: [{ pattern: kTargetPhonePattern, message: '请输入正确的联系电话，如 023-63890001', trigger: 'blur' }],
} satisfies Record<string, FormItemRule[]>

/** The code's rules name what the 性质 calls it (统一社会信用代码 or 身份证号码). */
export function codeRules(nature: string): FormItemRule[] {
  return [
    { required: true, message: `请输入${codeLabel(nature)}`, trigger: 'blur' },
    { max: 64, message: `${codeLabel(nature)}过长`, trigger: 'blur' },
  ]
}

/** The 性质 of a place's responsible unit, of a product's enterprise, of an entity. */
export function natureLabel(kind: TargetKind): string {
  return kind === 'place' ? '责任单位性质' : kind === 'product' ? '企业性质' : '性质'
}

/** What a place's and a product's checks share. */
function sharedKindRules(kind: 'place' | 'product') {
  return {
    nature: [{ required: true, message: `请选择${natureLabel(kind)}`, trigger: 'change' }],
    division_code: [{ required: true, message: '请选择所属区县', trigger: 'change' }],
    address: targetRules.address,
    phone: targetRules.phone,
  } satisfies Record<string, FormItemRule[]>
}

type Validator = (_rule: unknown, value: string, callback: (e?: Error) => void) => void

/** A place's checks: its name, and its unit's USCC unless it has a 场所编码 (`form` is read when a rule runs). */
export function placeRules(form: Pick<TargetFormModel, 'place_code'>) {
  const unitCode: Validator = (_rule, value, callback) =>
    !String(value ?? '').trim() && !form.place_code.trim()
      ? callback(new Error('未填写场所编码时，请填写责任单位统一社会信用代码'))
      : callback()
  return {
    ...sharedKindRules('place'),
    name: [
      { required: true, message: '请输入场地场所名称', trigger: 'blur' },
      { max: 100, message: '场地场所名称最多 100 个字', trigger: 'blur' },
    ],
    unit_code: [{ validator: unitCode, trigger: 'blur' }],
    place_code: [{ max: 64, message: '场所编码最多 64 个字符', trigger: 'blur' }],
  } satisfies Record<string, FormItemRule[]>
}

/** A product's checks: the licence and the enterprise, and a licence cannot run out before it was issued. */
export function productRules(form: Pick<TargetFormModel, 'issued_on'>) {
  const validUntil: Validator = (_rule, value, callback) =>
    value && form.issued_on && value < form.issued_on ? callback(new Error(`有效期至早于发证日期 ${form.issued_on}`)) : callback()
  return {
    ...sharedKindRules('product'),
    code: [
      { required: true, message: '请输入生产许可证编号', trigger: 'blur' },
      { max: 64, message: '生产许可证编号过长', trigger: 'blur' },
    ],
    name: [
      { required: true, message: '请输入企业名称', trigger: 'blur' },
      { max: 100, message: '企业名称最多 100 个字', trigger: 'blur' },
    ],
    valid_until: [{ validator: validUntil, trigger: 'change' }],
  } satisfies Record<string, FormItemRule[]>
}

/** The checks of a place's or a product's form (the entity's are targetRules and codeRules). */
export function kindRules(kind: 'place' | 'product', form: Pick<TargetFormModel, 'place_code' | 'issued_on'>): Record<string, FormItemRule[]> {
  return kind === 'place' ? placeRules(form) : productRules(form)
}
