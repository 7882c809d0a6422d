import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { commandById, commands, isCommandId, type CommandId } from '../keyboard/commands'
import { findKeyConflict } from '../keyboard/conflicts'
import { bindingLabel } from '../keyboard/display'
import { detectPlatform, isValidBinding, parseBinding, type KeyBindingPress } from '../keyboard/keys'
import { KEYMAP_STORAGE_KEY, parseStoredKeymap, serializeKeymap } from '../keyboard/keymapStorage'
import { keyboardStrings } from '../strings/keyboard'

export type RemapResult = { ok: true } | { ok: false; message: string; conflictingCommandId?: CommandId }

type Overrides = Partial<Record<CommandId, readonly string[]>>

function readStoredKeymap(): string | null {
  try {
    return globalThis.localStorage?.getItem(KEYMAP_STORAGE_KEY) ?? null
  } catch {
    // Storage can be switched off; the defaults still work.
    return null
  }
}

function writeStoredKeymap(overrides: Overrides): void {
  try {
    globalThis.localStorage?.setItem(KEYMAP_STORAGE_KEY, serializeKeymap(overrides))
  } catch {
    // Full or switched-off storage: the change still applies until the app closes.
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index])
}

/** The user's key bindings: the registry's defaults plus their changes, kept in localStorage. */
export const useKeymapStore = defineStore('keymap', () => {
  const platform = detectPlatform(typeof navigator === 'undefined' ? undefined : navigator)
  const overrides = ref<Overrides>({})

  function keysFor(id: CommandId): readonly string[] {
    return overrides.value[id] ?? commandById(id).defaultKeys
  }

  function isRemapped(id: CommandId): boolean {
    return overrides.value[id] !== undefined
  }

  const parsed = computed(
    () => new Map<CommandId, KeyBindingPress[][]>(commands.map((command) => [command.id, keysFor(command.id).map((keys) => parseBinding(keys, platform))])),
  )

  function pressesOf(id: CommandId): readonly KeyBindingPress[][] {
    return parsed.value.get(id) ?? []
  }

  function check(id: CommandId, keys: readonly string[]): RemapResult {
    const invalid = keys.find((binding) => !isValidBinding(binding))
    if (invalid !== undefined) return { ok: false, message: keyboardStrings.remap.invalidKeys(invalid) }
    const conflict = findKeyConflict(commandById(id), keys, keysFor, platform)
    if (conflict === null) return { ok: true }
    const label = (binding: string) => bindingLabel(binding, platform)
    const otherTitle = commandById(conflict.otherId).title
    const message =
      conflict.kind === 'same'
        ? keyboardStrings.remap.conflict(label(conflict.binding), otherTitle)
        : keyboardStrings.remap.prefixConflict(label(conflict.binding), label(conflict.otherBinding), otherTitle)
    return { ok: false, message, conflictingCommandId: conflict.otherId }
  }

  function apply(id: CommandId, keys: readonly string[]): RemapResult {
    const checked = check(id, keys)
    if (!checked.ok) return checked
    const { [id]: _previous, ...others } = overrides.value
    overrides.value = sameKeys(keys, commandById(id).defaultKeys) ? others : { ...others, [id]: keys }
    return checked
  }

  /** Gives a command new keys (none at all leaves it to the palette); refused on a conflict. */
  function remap(id: CommandId, keys: readonly string[]): RemapResult {
    const result = apply(id, [...new Set(keys.map((binding) => binding.trim()))])
    if (result.ok) writeStoredKeymap(overrides.value)
    return result
  }

  /** Back to the default keys, unless another command has taken them meanwhile. */
  function reset(id: CommandId): RemapResult {
    return remap(id, commandById(id).defaultKeys)
  }

  function resetAll(): void {
    overrides.value = {}
    writeStoredKeymap(overrides.value)
  }

  /** Stored changes go through the same checks as new ones; whatever fails them is dropped. */
  function load(): void {
    overrides.value = {}
    for (const [id, keys] of Object.entries(parseStoredKeymap(readStoredKeymap()))) {
      if (isCommandId(id)) apply(id, keys)
    }
  }

  load()

  return { platform, overrides, keysFor, isRemapped, pressesOf, remap, reset, resetAll, load }
})
