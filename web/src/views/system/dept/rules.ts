// Client-side checks for the department form, mirroring docs/api.md (the server re-checks).
import type { FormRules } from 'element-plus'

export const kDeptCodePattern = /^[A-Z0-9_-]{2,32}$/

export const deptRules: FormRules = {
  code: [
    { required: true, message: '请输入部门编码', trigger: 'blur' },
    { pattern: kDeptCodePattern, message: '2–32 位大写字母、数字、“-”或“_”', trigger: 'blur' },
  ],
  name: [
    { required: true, message: '请输入部门名称', trigger: 'blur' },
    { min: 2, max: 64, message: '部门名称应为 2–64 个字', trigger: 'blur' },
  ],
  level: [{ required: true, message: '请选择层级', trigger: 'change' }],
  division_code: [{ required: true, message: '请选择行政区划', trigger: 'change' }],
  type: [{ required: true, message: '请选择部门类型', trigger: 'change' }],
  sort: [{ required: true, message: '请输入排序号', trigger: 'blur' }],
}
