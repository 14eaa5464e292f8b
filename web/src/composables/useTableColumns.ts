// Which columns of a list table are shown: the state behind RightToolbar's column chooser.
// Phones start with fewer columns (a column marked `phone: false` is hidden there until chosen),
// and a wide table may leave its least used columns out everywhere (`hidden: true`) until chosen;
// a person's choice is remembered per page and per layout in localStorage.
import { reactive, watch } from 'vue'
import { useResponsive } from './useResponsive'

export interface ColumnDef {
  key: string
  label: string
  /** Shown by default on phones; default true. */
  phone?: boolean
  /** Left out by default on every screen (offered in the chooser); default false. */
  hidden?: boolean
}

/** A column as the chooser edits it. */
export interface TableColumn {
  key: string
  label: string
  visible: boolean
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

function readHidden(key: string): string[] | null {
  try {
    const text = storage()?.getItem(key)
    const value: unknown = text ? JSON.parse(text) : null
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null
  } catch {
    return null
  }
}

/**
 * `pageKey` names the page ("directory-target"). Returns the columns (bind to RightToolbar's
 * v-model:columns) and `show(key)` for each el-table-column's v-if.
 */
export function useTableColumns(pageKey: string, defs: readonly ColumnDef[]) {
  const { isMobile } = useResponsive()
  const columns = reactive<TableColumn[]>(defs.map((d) => ({ key: d.key, label: d.label, visible: true })))
  const storageKey = () => `ssj.columns.${pageKey}.${isMobile.value ? 'phone' : 'desktop'}`

  function restore() {
    const hidden = readHidden(storageKey())
    for (const [i, def] of defs.entries()) {
      columns[i].visible = hidden
        ? !hidden.includes(def.key)
        : !def.hidden && (!isMobile.value || def.phone !== false)
    }
  }

  restore()
  watch(isMobile, restore)
  watch(
    () => columns.map((c) => c.visible),
    () => {
      try {
        storage()?.setItem(storageKey(), JSON.stringify(columns.filter((c) => !c.visible).map((c) => c.key)))
      } catch {
        /* storage full or disabled: the choice lasts for this page only */
      }
    },
  )

  function show(key: string): boolean {
    return columns.find((c) => c.key === key)?.visible ?? true
  }

  return { columns, show }
}
