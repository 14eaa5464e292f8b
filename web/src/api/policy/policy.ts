// Policy profiles (docs/api.md § 制度模板): the policy in force with each value's source, the
// shipped profiles side by side, and the administrator's choice and adjustments.
import { http } from '../http'

export type SettingKind = 'working_days' | 'count' | 'flag' | 'month_day' | 'choice' | 'choices'

/** A setting's value: null is 未规定 (the document does not say). */
export type SettingValue = number | boolean | string | string[] | null

export interface SettingOption {
  value: string
  label: string
}

/** What a setting is: the same for every profile. */
export interface SettingSpec {
  key: string
  label: string
  group: string
  kind: SettingKind
  unit: string
  required: boolean
  help: string
  /** working_days and count. */
  min?: number
  max?: number
  /** Why the minimum, when a rule sets it (min_inspectors). */
  min_reason?: string
  /** choice and choices. */
  options?: SettingOption[]
}

/** Where a value comes from. */
export interface Citation {
  /** "001 第十五条", "003「公示检查结果」"; empty when the document is silent. */
  source: string
  quote: string
  note: string
  /** A national rule applied where the document says nothing. */
  national: boolean
}

export interface PolicyDocument {
  /** The seed file's number, "001". */
  file: string
  title: string
  number: string
  issuer: string
  issued: string
  effective: string
  /** YYYY-MM-DD, or empty. */
  valid_until: string
  note: string
}

export interface ProfileSetting extends Citation {
  key: string
  value: SettingValue
}

export interface PolicyProfile {
  id: string
  name: string
  short_name: string
  document: PolicyDocument
  /** Working days from the end of an inspection to publication (Zibo: 5 + 2). */
  publication_days: number | null
  settings: ProfileSetting[]
}

export interface PolicyProfiles {
  items: PolicyProfile[]
  specs: SettingSpec[]
  default_profile_id: string
}

/** A setting of the policy in force. */
export interface PolicySetting extends Citation {
  key: string
  label: string
  group: string
  kind: SettingKind
  unit: string
  value: SettingValue
  /** The shipped profile's value, which `source` cites. */
  base_value: SettingValue
  adjusted: boolean
  /** When adjusted: why, by whom, when. */
  reason?: string
  adjusted_by?: string
  adjusted_at?: string
}

export interface Policy {
  profile_id: string
  name: string
  short_name: string
  document: PolicyDocument
  default_profile_id: string
  /** false: nobody chose yet; the default profile applies. */
  configured: boolean
  reason: string
  changed_by: string
  changed_at: string
  adjusted_count: number
  publication_days: number | null
  values: Record<string, SettingValue>
  settings: PolicySetting[]
}

export interface PolicyChange {
  /** Omitted: the profile in force. */
  profile_id?: string
  /** The whole set of adjustments: a setting not listed follows the profile. */
  overrides: Record<string, SettingValue>
  /** 调整依据, 1–200 characters. */
  reason: string
}

export function getPolicy() {
  return http.get<Policy>('/policy')
}

export function listProfiles() {
  return http.get<PolicyProfiles>('/policy/profiles')
}

/** Picks a profile and/or adjusts values. Quiet: the dialog shows the error on the setting it names. */
export function savePolicy(change: PolicyChange) {
  return http.put<Policy>('/policy', change, { quiet: true })
}
