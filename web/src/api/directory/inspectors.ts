// Inspector directory and expert library (执法检查人员名录库, 专家和辅助人员库): one resource,
// told apart by `category`. GET/POST /inspectors, GET/PUT /inspectors/{id}, GET
// /inspectors/options, POST /inspectors/import (+ its XLSX template), each of kind
// `inspectors` or `experts`; and the public directory GET /public/inspectors (no login, no phone
// or ID numbers). Create/edit errors are those of the targets: details.problems names every bad
// field; a taken key (cert_no or id_number) is a 409.
import { buildUrl, http, type Page } from '../http'
import { postImportFile, type ImportHooks, type ImportOptions } from './import'
import type { TargetVersion } from './targets'

/** 执法人员 is the inspector directory; the three others make the expert library. */
export type InspectorCategory = '执法人员' | '辅助人员' | '专家' | '第三方机构'

/** `inspectors` = 执法人员; `experts` = 专家, 辅助人员 and 第三方机构. */
export type InspectorGroup = 'inspectors' | 'experts'

export interface Inspector {
  id: number
  category: InspectorCategory
  /** A person's name, or the institution's name for a 第三方机构. */
  name: string
  /** 男 or 女; empty for an institution. */
  gender: string
  phone: string
  /** 身份证号码 of a 专家/辅助人员, 统一社会信用代码 of a 第三方机构; often empty for 执法人员. */
  id_number: string
  /** 执法证号 (required for 执法人员). */
  cert_no: string
  /** YYYY-MM-DD, or "". */
  cert_valid_until: string
  /** cert_valid_until is before today (Asia/Shanghai). */
  cert_expired: boolean
  /** 工作单位 (experts). */
  organisation: string
  /** 职称 (experts). */
  title: string
  /** 岗位/职务. */
  post: string
  department_id: number
  department_name: string
  division_code: string
  /** The division's name (所属区县), filled by the server. */
  district: string
  /** Names from the specialty dictionary. */
  specialties: string[]
  /** 在岗, 离岗 or 停用. */
  status: string
  /** Can be drawn: 在岗, and for 执法人员 a certificate valid today. */
  drawable: boolean
  /** The login account linked to this person (an inspector sees their assignments through it). */
  user_id: number | null
  /** That account's username and name; "" when none is linked. */
  account_username: string
  account_name: string
  version: number
  created_at: string
  updated_at: string
}

/** One stored version, the same shape as a target's. */
export type InspectorVersion = TargetVersion

export interface InspectorDetail extends Inspector {
  /** Newest first. */
  history: InspectorVersion[]
}

export interface InspectorQuery {
  page: number
  page_size: number
  name?: string
  category?: string
  group?: InspectorGroup
  department_id?: number
  /** A division code: that division and everything under it. */
  division?: string
  specialty?: string
  status?: string
  cert?: 'valid' | 'expired'
}

export interface InspectorInput {
  category: string
  name: string
  gender: string
  phone: string
  id_number: string
  cert_no: string
  cert_valid_until: string
  organisation: string
  title: string
  post: string
  /** A department id (or code or name); omitted: the caller's own department. */
  department?: number | string
  division_code: string
  specialties: string[]
  status: string
}

export interface Specialty {
  code: string
  name: string
}

export interface InspectorOptions {
  categories: string[]
  genders: string[]
  statuses: string[]
  specialties: Specialty[]
}

export function listInspectors(query: InspectorQuery) {
  return http.get<Page<Inspector>>('/inspectors', { ...query })
}

export function getInspectorOptions() {
  return http.get<InspectorOptions>('/inspectors/options')
}

export function getInspector(id: number) {
  return http.get<InspectorDetail>(`/inspectors/${id}`)
}

/** Quiet: the form shows each problem on the field it names. */
export function createInspector(input: InspectorInput) {
  return http.post<Inspector>('/inspectors', input, { quiet: true })
}

export function updateInspector(id: number, input: InspectorInput) {
  return http.put<Inspector>(`/inspectors/${id}`, input, { quiet: true })
}

/** An active account of the person's department, and whom it is linked to now. */
export interface InspectorAccount {
  user_id: number
  username: string
  name: string
  inspector_id: number | null
  inspector_name: string
}

/** GET /inspectors/{id}/accounts: the accounts PUT /inspectors/{id}/account accepts. */
export function listInspectorAccounts(id: number) {
  return http.get<{ items: InspectorAccount[] }>(`/inspectors/${id}/accounts`)
}

/**
 * Links an account (moving it from whoever had it: `moved_from` names them) or, with null,
 * unlinks it. Audited as directory:inspector:account.
 */
export function linkInspectorAccount(id: number, userId: number | null) {
  return http.put<Inspector & { moved_from?: { id: number; name: string } }>(`/inspectors/${id}/account`, { user_id: userId }, { quiet: true })
}

/** The largest file POST /inspectors/import takes (a bigger body is a 413). */
export const kInspectorImportMaxBytes = 64 * 1024 * 1024

/** GET: the XLSX import template of one kind, downloaded as an attachment. */
export function inspectorTemplateUrl(kind: InspectorGroup): string {
  return buildUrl('/inspectors/import/template', { kind })
}

/** POST /inspectors/import?kind=… with the file itself as the body (see postImportFile). */
export function importInspectors(
  kind: InspectorGroup,
  file: Blob,
  fileName: string,
  options: ImportOptions,
  hooks: ImportHooks = {},
) {
  return postImportFile('/inspectors/import', file, fileName, options, hooks, { kind })
}

// ---------------------------------------------------------------------------------------------
// 执法检查人员名录公示 (no login)

/** What the public directory shows of a 执法人员 who is 在岗: never a phone or an ID number. */
export interface PublicInspector {
  name: string
  gender: string
  post: string
  cert_no: string
  cert_valid_until: string
  department_name: string
}

export interface PublicInspectorQuery {
  page: number
  page_size: number
  /** Part of a name, or of a 执法证号. */
  q?: string
  /** Part of a department's name. */
  department?: string
}

/** noAuthRedirect: a visitor has no session, and a 401 here must not send them to the login page. */
export function listPublicInspectors(query: PublicInspectorQuery) {
  return http.get<Page<PublicInspector>>('/public/inspectors', { ...query }, { noAuthRedirect: true })
}
