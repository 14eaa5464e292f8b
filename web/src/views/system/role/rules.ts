// Client-side checks for the role form (the server re-checks).
import type { FormItemRule } from 'element-plus'

export const kRoleCodePattern = /^[a-z0-9_]{2,32}$/

export const roleRules = {
  name: [
    { required: true, message: '请输入角色名称', trigger: 'blur' },
    { min: 2, max: 32, message: '角色名称应为 2–32 个字', trigger: 'blur' },
  ],
  code: [
    { required: true, message: '请输入角色编码', trigger: 'blur' },
    { pattern: kRoleCodePattern, message: '2–32 位小写字母、数字或“_”', trigger: 'blur' },
  ],
  data_scope: [{ required: true, message: '请选择数据范围', trigger: 'change' }],
} satisfies Record<string, FormItemRule[]>
