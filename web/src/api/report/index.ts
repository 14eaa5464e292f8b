// Follow-up, reports and archives, docs/api.md § Follow-up, reports and archives: the follow-up
// actions of handed-in records (后续处置) and closing one with its outcome; a target's inspection
// history; a task's report (抽查情况报告: live figures, four text sections edited until it is
// final) with its XLSX of details; one record's archive (一对象一档案, a zip with a SHA-256
// manifest) and the note that it was archived; and the year's summary (年度统计) with its XLSX.
// Files are plain same-origin links (the session cookie goes with them), as the task's XLSX are.
// The pages handle the refusals in place (quiet), except where noted.
import { buildUrl, http, type Items } from '../http'
import type { RecordStatus } from '../inspection'
import type { Deadline } from '../publicity'

// ---------------------------------------------------------------------------------------------
// Follow-up (后续处置)

export type FollowUpStatus = 'open' | 'closed'

/** One follow-up action of a handed-in record (submitted or later). */
export interface FollowUp {
  id: number
  inspection_id: number
  task_id: number
  task_code: string
  target_id: number
  target_code: string
  target_name: string
  /** 责令改正, 移送办案机构, … */
  kind: string
  detail: string
  /** "YYYY-MM-DD", or '' when the action has none. */
  deadline: string
  /** Open and past its deadline (by the server's today). */
  overdue: boolean
  status: FollowUpStatus
  /** 办结情况: the re-check result, the case number … ('' while open). */
  outcome: string
  created_at: string
  closed_by_name: string
  closed_at: string
}

/** inspection:record:list. Open ones come by deadline. Quiet: the page shows the error in place. */
export function listFollowUps(status: FollowUpStatus) {
  return http.get<Items<FollowUp>>('/follow-ups', { status }, { quiet: true })
}

/**
 * inspection:followup:edit → the action, closed. Quiet: the dialog shows 400 (outcome, 2–500
 * characters) on its field and 409 inspection.followup_closed (someone closed it meanwhile).
 */
export function closeFollowUp(id: number, outcome: string) {
  return http.post<FollowUp>(`/follow-ups/${id}/close`, { outcome }, { quiet: true })
}

// ---------------------------------------------------------------------------------------------
// A target's history

/** One inspection record of a target, newest task first. */
export interface TargetInspection {
  id: number
  task_id: number
  task_code: string
  task_name: string
  department_name: string
  start_date: string
  end_date: string
  status: RecordStatus
  status_name: string
  /** The published result's categories, 、-joined ('' until published). */
  summary: string
  /** The published result was corrected (a version after the first). */
  corrected: boolean
  submitted_at: string
}

export interface TargetInspections {
  records: TargetInspection[]
  open_follow_ups: FollowUp[]
}

/** directory:target:list, the target in scope. Quiet: the drawer's section shows the error. */
export function getTargetInspections(targetId: number) {
  return http.get<TargetInspections>(`/targets/${targetId}/inspections`, undefined, { quiet: true })
}

// ---------------------------------------------------------------------------------------------
// A task's report (抽查情况报告)

export type ReportStatus = 'draft' | 'final'

/** The sections: 基本情况, 检查发现的问题, 处理情况, 意见和建议 (views/task/report/helpers orders them). */
export type ReportSectionKey = 'overview' | 'findings' | 'handling' | 'opinions'
export type ReportSections = Record<ReportSectionKey, string>

export interface ReportTitle {
  key: ReportSectionKey
  /** “一、基本情况” */
  title: string
}

/** The task as the figures describe it. */
export interface ReportTask {
  code: string
  name: string
  department_name: string
  start_date: string
  end_date: string
  items: { code: string; name: string }[]
}

export interface ReportCategory {
  code: string
  text: string
  /** The category says a problem was found. */
  problem: boolean
  /** Records (handed in) carrying it. */
  count: number
}

export interface ReportAction {
  kind: string
  count: number
  /** Not closed yet. */
  open: number
}

/** Live from the records until the report is final, then fixed. */
export interface ReportFigures {
  task: ReportTask
  /** The targets on the list (records of every state). */
  targets: number
  by_status: Partial<Record<RecordStatus, number>>
  /** Records handed in (submitted, reviewed, published). */
  inspected: number
  /** Handed-in records with a problem category. */
  problems: number
  /** Handed-in records of targets that could not be inspected. */
  uninspectable: number
  by_category: ReportCategory[]
  actions: ReportAction[]
}

export interface TaskReport {
  task_id: number
  status: ReportStatus
  titles: ReportTitle[]
  sections: ReportSections
  figures: ReportFigures
  updated_by_name: string
  updated_at: string
  finalized_by_name: string
  finalized_at: string
  /** The report's deadline in working days after the window ends; null once final or unset. */
  due: Deadline | null
}

/** task:task:list. Quiet: the page shows the error in place. */
export function getTaskReport(taskId: number) {
  return http.get<TaskReport>(`/tasks/${taskId}/report`, undefined, { quiet: true })
}

/**
 * inspection:report:edit → the report. Only the sections sent change. Quiet: the page shows 409
 * report.final and 400 sections.<key> (at most 5 000 characters) by the sections.
 */
export function saveTaskReport(taskId: number, sections: Partial<ReportSections>) {
  return http.put<TaskReport>(`/tasks/${taskId}/report`, { sections }, { quiet: true })
}

/**
 * inspection:report:edit → the final report (figures fixed). Quiet: the page shows 409
 * report.records_open (a record still 待录入, 退回 or 待审核), 409 report.final and 400
 * sections.opinions (意见和建议 must be written).
 */
export function finalizeTaskReport(taskId: number) {
  return http.post<TaskReport>(`/tasks/${taskId}/report/finalize`, undefined, { quiet: true })
}

/** GET: one row per target (status, result, follow-up) as XLSX. */
export function taskReportXlsxUrl(taskId: number): string {
  return buildUrl(`/tasks/${taskId}/report.xlsx`)
}

// ---------------------------------------------------------------------------------------------
// Archives (一对象一档案)

export interface ManifestFile {
  path: string
  size: number
  sha256: string
}

/** manifest.json of an archive. */
export interface ArchiveManifest {
  record_id: number
  task_code: string
  target_code: string
  subject_name: string
  algorithm: string
  files: ManifestFile[]
}

export interface ArchiveAnswer {
  inspection_id: number
  archived_at: string
  /** The SHA-256 of manifest.json itself. */
  manifest_sha256: string
  manifest: ArchiveManifest
}

/** GET (inspection:record:list, published records): the archive as a zip. */
export function archiveZipUrl(inspectionId: number): string {
  return buildUrl(`/inspections/${inspectionId}/archive.zip`)
}

/** inspection:report:edit. Quiet: the panel shows the refusal (409 report.not_published …). */
export function archiveRecord(inspectionId: number) {
  return http.post<ArchiveAnswer>(`/inspections/${inspectionId}/archive`, undefined, { quiet: true })
}

// ---------------------------------------------------------------------------------------------
// The year's summary (年度统计)

export interface SummaryDepartment {
  department_id: number
  name: string
  /** Tasks of the year past their draft (not void). */
  tasks: number
  /** Targets drawn by them. */
  drawn: number
  /** Records handed in. */
  inspected: number
  /** Of those, with a problem. */
  problems: number
  /** Targets in the department's directory. */
  directory_targets: number
  /** Distinct targets inspected over directory_targets, a fraction 0–1. */
  coverage: number
}

/** One row of a breakdown (by item, district or industry). */
export interface SummaryRate {
  key: string
  name: string
  inspected: number
  problems: number
  /** problems / inspected, a fraction 0–1. */
  rate: number
}

export interface YearSummary {
  year: number
  departments: SummaryDepartment[]
  by_item: SummaryRate[]
  by_district: SummaryRate[]
  by_industry: SummaryRate[]
}

/** inspection:record:list, the caller's scope. Quiet: the page shows the error in place. */
export function getYearSummary(year: number) {
  return http.get<YearSummary>('/reports/summary', { year }, { quiet: true })
}

/** GET: the summary as XLSX. */
export function yearSummaryXlsxUrl(year: number): string {
  return buildUrl('/reports/summary.xlsx', { year })
}
