// What keeps a person or a target out of a draw (docs/api.md § Conflicts of interest and
// exemptions): 利害关系 (GET/POST /conflicts, the inspector's own POST /me/conflicts) and 免检免扰
// (GET/POST /exemptions). Both kinds share the list filters, POST /{kind}/{id}/revoke and the
// import (+ its XLSX template); their 导出 is api/exports.ts. Records are revoked, never
// deleted. A bad form is a 400 whose details.problems names every bad field; a second record in
// force for the same pair (or document) is a 409.
import { buildUrl, http, type Page } from '../http'
import { postImportFile, type ImportHooks, type ImportOptions } from './import'

/** The resource of each kind, as the routes name it. */
export type RestrictionKind = 'conflicts' | 'exemptions'

/** 有效, or 已撤销 once revoked. */
export type RestrictionStatus = '有效' | '已撤销'

/** What both kinds hold. */
interface RestrictionBase {
  id: number
  target_id: number
  target_name: string
  target_code: string
  /** YYYY-MM-DD. */
  valid_from: string
  /** YYYY-MM-DD, or '' for open-ended. */
  valid_until: string
  status: RestrictionStatus
  revoke_reason: string
  /** 有效, and today (Asia/Shanghai) lies within valid_from–valid_until. */
  in_force: boolean
  created_at: string
  updated_at: string
}

/** 利害关系: an inspector who must not inspect a target. */
export interface Conflict extends RestrictionBase {
  inspector_id: number
  inspector_name: string
  /** 执法证号, or the 证件号码 of someone without one. */
  inspector_code: string
  inspector_department: string
  reason: string
  source: '自行申报' | '工作人员登记'
}

/** 免检免扰: a target left out of draws for a scope and a period. */
export interface Exemption extends RestrictionBase {
  /** The target's supervising department. */
  department_name: string
  /** 全部事项, or the items it applies to. */
  scope: string
  source_document: string
}

export interface RestrictionQuery {
  page: number
  page_size: number
  /** Part of a name or code (or of an exemption's document). */
  q?: string
  status?: RestrictionStatus
  /** Only the records in force today. */
  current?: boolean
  inspector_id?: number
  target_id?: number
}

/** The list's filters without the page (what 导出 sends as its filter). */
export type RestrictionFilterQuery = Omit<RestrictionQuery, 'page' | 'page_size'>

export interface ConflictInput {
  /** An inspector id, or a 执法证号/证件号码. */
  inspector: number | string
  /** A target id, or its code. */
  target: number | string
  reason: string
  /** Default 工作人员登记. */
  source?: Conflict['source']
  /** Default today. */
  valid_from?: string
  /** '' or omitted: open-ended. */
  valid_until?: string
}

/** What an inspector declares about themself. */
export interface ConflictDeclaration {
  /** A target's code (an inspector cannot list targets), or its id. */
  target: number | string
  reason: string
  valid_until?: string
}

export interface ExemptionInput {
  target: number | string
  /** Default 全部事项. */
  scope?: string
  valid_from: string
  valid_until: string
  source_document: string
}

export function listConflicts(query: RestrictionQuery) {
  return http.get<Page<Conflict>>('/conflicts', { ...query })
}

export function listExemptions(query: RestrictionQuery) {
  return http.get<Page<Exemption>>('/exemptions', { ...query })
}

/** Quiet: the form shows each problem on the field it names. */
export function createConflict(input: ConflictInput) {
  return http.post<Conflict>('/conflicts', input, { quiet: true })
}

/** Quiet too: the page shows 403 conflict.not_an_inspector in its own words. */
export function declareConflict(input: ConflictDeclaration) {
  return http.post<Conflict>('/me/conflicts', input, { quiet: true })
}

export function createExemption(input: ExemptionInput) {
  return http.post<Exemption>('/exemptions', input, { quiet: true })
}

/** → the record, 已撤销. `reason` is required. */
export function revokeRestriction<T extends Conflict | Exemption>(kind: RestrictionKind, id: number, reason: string) {
  return http.post<T>(`/${kind}/${id}/revoke`, { reason })
}

/** The largest file POST /{kind}/import takes (a bigger body is a 413). */
export const kRestrictionImportMaxBytes = 64 * 1024 * 1024

/** GET: the XLSX import template of a kind, downloaded as an attachment. */
export function restrictionTemplateUrl(kind: RestrictionKind): string {
  return buildUrl(`/${kind}/import/template`)
}

/** POST /{kind}/import with the file itself as the body (see postImportFile). */
export function importRestrictions(
  kind: RestrictionKind,
  file: Blob,
  fileName: string,
  options: ImportOptions,
  hooks: ImportHooks = {},
) {
  return postImportFile(`/${kind}/import`, file, fileName, options, hooks)
}
