import { z } from 'zod'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
  isMaximized: boolean
}

export const DEFAULT_WINDOW_BOUNDS: WindowBounds = { width: 1280, height: 800, isMaximized: false }

const savedBoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  isMaximized: z.boolean().default(false),
})

/** How much of the title bar must be on a screen for a saved position to be reused. */
const MIN_VISIBLE_PX = 100

/**
 * Turns what was saved last time into bounds that fit today's screens: a corrupt file gives
 * the defaults, a position on a display that is gone is dropped (the OS centres the window),
 * and the size never exceeds the largest work area.
 */
export function restoreBounds(saved: unknown, workAreas: readonly Rectangle[], minimum: { width: number; height: number }): WindowBounds {
  const parsed = savedBoundsSchema.safeParse(saved)
  if (!parsed.success) return { ...DEFAULT_WINDOW_BOUNDS }
  const { x, y, isMaximized } = parsed.data
  const maxWidth = Math.max(minimum.width, ...workAreas.map((area) => area.width))
  const maxHeight = Math.max(minimum.height, ...workAreas.map((area) => area.height))
  const width = clamp(parsed.data.width, minimum.width, workAreas.length > 0 ? maxWidth : Number.POSITIVE_INFINITY)
  const height = clamp(parsed.data.height, minimum.height, workAreas.length > 0 ? maxHeight : Number.POSITIVE_INFINITY)
  if (x === undefined || y === undefined) return { width, height, isMaximized }
  const isVisible = workAreas.some((area) => overlap(area, { x, y, width, height }) >= MIN_VISIBLE_PX)
  return isVisible ? { x, y, width, height, isMaximized } : { width, height, isMaximized }
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max))
}

function overlap(a: Rectangle, b: Rectangle): number {
  const horizontal = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const vertical = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return horizontal > 0 && vertical > 0 ? Math.min(horizontal, vertical) : 0
}
