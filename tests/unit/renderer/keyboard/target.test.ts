import { describe, expect, it } from 'vitest'
import { isControlActivation, isTypingTarget, type TargetDescription } from '../../../../src/renderer/keyboard/target'

const on = (tagName: string, extra: Partial<TargetDescription> = {}): TargetDescription => ({
  tagName,
  inputType: tagName === 'INPUT' ? 'text' : null,
  isContentEditable: false,
  isInComposer: false,
  isControl: tagName === 'BUTTON' || tagName === 'A',
  ...extra,
})

describe('the typing guard', () => {
  it.each([
    ['a text input', on('INPUT')],
    ['a search input', on('INPUT', { inputType: 'search' })],
    ['a password input', on('INPUT', { inputType: 'password' })],
    ['a radio button (arrows move it)', on('INPUT', { inputType: 'radio' })],
    ['a textarea', on('TEXTAREA')],
    ['a select', on('SELECT')],
    ['a contenteditable element', on('DIV', { isContentEditable: true })],
  ])('holds single keys back in %s', (_name, target) => {
    expect(isTypingTarget(target)).toBe(true)
  })

  it.each([
    ['the page itself', on('BODY')],
    ['a button', on('BUTTON')],
    ['a checkbox (bulk selection)', on('INPUT', { inputType: 'checkbox' })],
    ['a submit input', on('INPUT', { inputType: 'submit' })],
    ['a list row', on('DIV')],
    ['no element', on('')],
  ])('lets single keys through on %s', (_name, target) => {
    expect(isTypingTarget(target)).toBe(false)
  })
})

describe('a focused button or link', () => {
  const keys = (key: string, modifiers: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey'>> = {}) => ({
    key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers,
  })

  it('keeps Enter and Space for itself, so shortcuts like "open" never swallow its click', () => {
    expect(isControlActivation(on('BUTTON'), keys('Enter'))).toBe(true)
    expect(isControlActivation(on('A'), keys(' '))).toBe(true)
  })

  it('leaves other keys and modified Enter (send) to the shortcuts', () => {
    expect(isControlActivation(on('BUTTON'), keys('j'))).toBe(false)
    expect(isControlActivation(on('BUTTON'), keys('Enter', { ctrlKey: true }))).toBe(false)
    expect(isControlActivation(on('DIV'), keys('Enter'))).toBe(false)
  })
})
