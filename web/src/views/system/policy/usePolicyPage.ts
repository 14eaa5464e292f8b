// State of the 制度模板 page: the policy in force and the shipped profiles with the settings'
// descriptions, read together; the policy's settings by group for the table.
import { computed, shallowRef, ref } from 'vue'
import { isApiError } from '@/api/http'
import { getPolicy, listProfiles, type Policy, type PolicyProfiles } from '@/api/policy/policy'
import { shanghaiToday } from '@/utils/time'
import { expiryWarning, groupBy } from './helpers'

export function usePolicyPage() {
  const policy = shallowRef<Policy | null>(null)
  const profiles = shallowRef<PolicyProfiles | null>(null)
  const loading = ref(false)
  const error = ref('')

  const groups = computed(() => (policy.value ? groupBy(policy.value.settings) : []))
  const expired = computed(() => (policy.value ? expiryWarning(policy.value.document, shanghaiToday()) : ''))
  /** The shipped profile the deployment follows, as shipped. */
  const baseProfile = computed(() => profiles.value?.items.find((p) => p.id === policy.value?.profile_id) ?? null)

  async function load() {
    loading.value = true
    error.value = ''
    try {
      const [current, shipped] = await Promise.all([getPolicy(), listProfiles()])
      policy.value = current
      profiles.value = shipped
    } catch (e) {
      error.value = isApiError(e) ? e.message : '加载失败'
    } finally {
      loading.value = false
    }
  }

  return { policy, profiles, loading, error, groups, expired, baseProfile, load }
}
