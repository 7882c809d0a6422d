import { describe, expect, it } from 'vitest'
import { endpointKey, endpointLabel, initialsOf } from '../../../../src/renderer/components/settings/accountLabels'

describe('how an account is named', () => {
  it('says where it lives', () => {
    expect(endpointLabel({ endpoint: { region: 'eu' }, isDemo: false })).toBe('EU data centre')
    expect(endpointLabel({ endpoint: { baseUrl: 'https://proxy.example.com/v2' }, isDemo: false })).toBe('proxy.example.com')
    expect(endpointLabel({ endpoint: { baseUrl: 'http://127.0.0.1:4010/v2' }, isDemo: true })).toBe('Demo workspace')
  })

  it('draws two initials', () => {
    expect(initialsOf('Acme Inc')).toBe('AI')
    expect(initialsOf('globex')).toBe('G')
    expect(initialsOf('  ')).toBe('?')
  })

  it('names its cache as the workspace does', () => {
    expect(endpointKey({ endpoint: { region: 'us' } })).toBe('us')
    expect(endpointKey({ endpoint: { baseUrl: 'http://127.0.0.1:4010/v2' } })).toBe('http://127.0.0.1:4010/v2')
  })
})
