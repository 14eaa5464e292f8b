// The remote searches of the 利害关系 and 免检免扰 forms: people from /inspectors (by name) and
// targets from /targets (by name, or exactly by a whole code), as RecordSelect options. Each needs
// the list permission of its directory; without it the form asks for the code as text instead.
import { listInspectors } from '@/api/directory/inspectors'
import { listTargets } from '@/api/directory/targets'
import type { RecordOption } from '@/components/RecordSelect.vue'
import { can } from '@/store/session'
import { inspectorOption, inspectorSearchQuery, targetOption, targetSearchQuery } from './helpers'

export async function searchInspectors(text: string): Promise<RecordOption[]> {
  return (await listInspectors(inspectorSearchQuery(text))).items.map(inspectorOption)
}

export async function searchTargets(text: string): Promise<RecordOption[]> {
  return (await listTargets(targetSearchQuery(text))).items.map(targetOption)
}

/** Whether the user may search people (else they type a 执法证号 or 证件号码). */
export const canSearchInspectors = () => can('directory:inspector:list')

/** Whether the user may search targets (else they type the code). */
export const canSearchTargets = () => can('directory:target:list')
