import { describe, expect, it } from 'vitest'
import { mainWindowOptions, MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from '../../../../src/main/window/windowOptions'
import { DEFAULT_WINDOW_BOUNDS, restoreBounds } from '../../../../src/main/window/windowState'

describe('main window options', () => {
  const options = mainWindowOptions({ x: 10, y: 20, width: 1300, height: 820, isMaximized: false }, '/app/preload/index.cjs')

  it('isolates and sandboxes the renderer with no Node', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    })
  })

  it('uses the remembered bounds and waits to be shown until painted', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1300, height: 820, show: false })
  })

  it('lets the OS place a window that has no remembered position', () => {
    const placed = mainWindowOptions({ width: 1280, height: 800, isMaximized: false }, '/p.cjs')
    expect(placed).not.toHaveProperty('x')
    expect(placed).not.toHaveProperty('y')
  })
})

describe('restoreBounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }]
  const minimum = { width: MIN_WINDOW_WIDTH, height: MIN_WINDOW_HEIGHT }

  it('keeps a position that is on a screen', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1200, height: 800, isMaximized: true }, screen, minimum)).toEqual({
      x: 100, y: 50, width: 1200, height: 800, isMaximized: true,
    })
  })

  it('drops a position on a display that was unplugged', () => {
    const bounds = restoreBounds({ x: 2500, y: 100, width: 1200, height: 800 }, screen, minimum)
    expect(bounds).toEqual({ width: 1200, height: 800, isMaximized: false })
  })

  it('shrinks a size larger than the biggest screen and grows one below the minimum', () => {
    expect(restoreBounds({ width: 5000, height: 3000 }, screen, minimum)).toMatchObject({ width: 1920, height: 1080 })
    expect(restoreBounds({ width: 200, height: 100 }, screen, minimum)).toMatchObject({ width: MIN_WINDOW_WIDTH, height: MIN_WINDOW_HEIGHT })
  })

  it('falls back to defaults for a corrupt file', () => {
    expect(restoreBounds('garbage', screen, minimum)).toEqual(DEFAULT_WINDOW_BOUNDS)
    expect(restoreBounds({ width: -1, height: 'x' }, screen, minimum)).toEqual(DEFAULT_WINDOW_BOUNDS)
  })
})
