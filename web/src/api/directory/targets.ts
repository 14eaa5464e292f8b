// Target directory resource (检查对象名录库): GET/POST /targets, GET/PUT /targets/{id},
// GET /targets/options, and the import of each kind with its XLSX template: POST /targets/import
// (B.1 行政相对人), /places/import (B.2 场地场所), /products/import (B.3 产品). One table holds
// the three kinds (`kind`); a place's and a product's own columns come in `extra`. A bad
// create/edit is a 400 whose details.problems names every bad field (useFieldErrors puts each on
// its form item); a duplicate is a 409 on `code` (a place: `place_code`, or `name` when it is
// known by its unit's USCC and its name).
import { buildUrl, http, type Page } from '../http'
import { postImportFile, type ImportHooks, type ImportOptions } from './import'

/** B.1 行政相对人, B.2 场地场所, B.3 产品. */
export type TargetKind = 'entity' | 'place' | 'product'

/** The action that wrote a version of a target. */
export type HistoryAction = 'create' | 'update' | 'import'

export interface Target {
  id: number
  kind: TargetKind
  /** 统一社会信用代码, or the resident ID number of a 自然人. */
  code: string
  name: string
  /** 行政相对人性质: 企业, 个体工商户, …, 自然人. */
  nature: string
  division_code: string
  /** The division's name (所属区县), filled by the server. */
  district: string
  address: string
  phone: string
  /** GB/T 4754 门类 letter (A–T) or "". */
  industry_section: string
  /** GB/T 4754 大类, two digits, or "". */
  industry_division: string
  status: string
  /** A–D, or "" for 未分类. */
  credit_class: string
  tags: string[]
  department_id: number
  department_name: string
  /** Non-empty for an early USCC whose check digit differs from GB 32100 (kept, with a warning). */
  code_warning: string
  /**
   * The kind's own fields (all strings): a place's area, region, unit, unit_code, person,
   * person_id_type, person_id (personal data: the detail only), use, scale, in_use_since,
   * service_life, place_code; a product's uscc, issued_on, valid_until, product. Dates are
   * YYYY-MM-DD. Empty for an entity.
   */
  extra: Record<string, string>
  version: number
  created_at: string
  updated_at: string
}

/** One stored version: `data` is the target's fields as saved by that version. */
export interface TargetVersion {
  version: number
  action: HistoryAction
  data: Record<string, unknown>
  /** The name of the person who saved it. */
  changed_by: string
  changed_at: string
}

export interface TargetDetail extends Target {
  /** Newest first. */
  history: TargetVersion[]
}

export interface TargetQuery {
  page: number
  page_size: number
  name?: string
  code?: string
  division?: string
  industry_section?: string
  industry_division?: string
  status?: string
  credit_class?: string
  tag?: string
  department_id?: number
  kind?: TargetKind
}

export interface TargetInput {
  name: string
  code: string
  nature: string
  division_code: string
  address: string
  phone: string
  /** Optional cross-check of division_code; empty lets the server derive it. */
  district: string
  status: string
  credit_class: string
  industry_section: string
  industry_division: string
  tags: string[]
  /** A department id, or its code; omitted: the caller's own department. */
  department?: number | string
}

/**
 * The body of a create or edit of any kind: `kind` and the kind's fields by their API names
 * (views/directory/target/kinds.ts lists them): strings, `tags` as a list, `department` as an id.
 */
export type TargetBody = { kind: TargetKind } & Record<string, string | string[] | number | undefined>

export interface IndustrySection {
  code: string
  name: string
  division_from: number
  division_to: number
}

export interface TargetOptions {
  natures: string[]
  statuses: string[]
  classes: string[]
  tags: string[]
  industry_sections: IndustrySection[]
}

export function listTargets(query: TargetQuery) {
  return http.get<Page<Target>>('/targets', { ...query })
}

export function getTargetOptions() {
  return http.get<TargetOptions>('/targets/options')
}

export function getTarget(id: number) {
  return http.get<TargetDetail>(`/targets/${id}`)
}

/** Quiet: the form shows each problem on the field it names. */
export function createTarget(input: TargetInput | TargetBody) {
  return http.post<Target>('/targets', input, { quiet: true })
}

/** A target keeps its kind: the body has the fields of the target's kind. */
export function updateTarget(id: number, input: TargetInput | TargetBody) {
  return http.put<Target>(`/targets/${id}`, input, { quiet: true })
}

export type { ImportHooks, ImportOptions, ImportProblem, ImportReport } from './import'
export { kImportMaxBytes } from './import'

/** Where each kind is imported (its template: the same path + /template). */
export const kImportPaths: Record<TargetKind, string> = {
  entity: '/targets/import',
  place: '/places/import',
  product: '/products/import',
}

/** GET: a kind's XLSX import template, downloaded as an attachment (the session cookie authenticates it). */
export function targetTemplateUrl(kind: TargetKind): string {
  return buildUrl(`${kImportPaths[kind]}/template`)
}

/** The template of B.1 行政相对人. */
export const kImportTemplateUrl = targetTemplateUrl('entity')

/** POSTs a file of `kind` to its import path, the file itself as the body (see postImportFile). */
export function importTargetsOf(kind: TargetKind) {
  return (file: Blob, fileName: string, options: ImportOptions, hooks: ImportHooks = {}) =>
    postImportFile(kImportPaths[kind], file, fileName, options, hooks)
}

/** POST /targets/import (B.1 行政相对人). */
export const importTargets = importTargetsOf('entity')
