import { describe, expect, it } from 'vitest'
import {
  cannedResponseOperation,
  caseInput,
  caseOperation,
  checkCannedResponseDraft,
  checkCaseDraft,
  emptyCommboxTagDraft,
  parseCommboxTagDraft,
} from '../../../../src/renderer/components/forms/formInputs'

describe('the canned response form', () => {
  const draft = { name: 'Refund issued', content: 'Your refund is on its way.', visibility: 'shared' as const }

  it('accepts a name of 64 characters and content of 10,000, emoji counted as one', () => {
    expect(checkCannedResponseDraft({ ...draft, name: '🎉'.repeat(64), content: 'x'.repeat(10_000) }, [])).toEqual({})
  })

  it('names each field that breaks a documented limit', () => {
    expect(checkCannedResponseDraft({ name: ' ', content: 'x'.repeat(10_001), visibility: 'shared' }, [])).toEqual({
      name: "Name can't be empty",
      content: 'Content can be at most 10,000 characters (this one has 10,001)',
    })
    expect(checkCannedResponseDraft({ ...draft, name: 'x'.repeat(65) }, []).name).toMatch(/at most 64/)
  })

  it('catches a name the cache already has, before Oktopost answers 409', () => {
    expect(checkCannedResponseDraft({ ...draft, name: ' Refund issued ' }, ['Refund issued'])).toEqual({ name: 'A canned response with this name already exists' })
  })

  it('queues the trimmed name with the content as typed', () => {
    expect(cannedResponseOperation({ ...draft, name: '  Refund issued ', visibility: 'private' })).toEqual({
      kind: 'createCannedResponse',
      name: 'Refund issued',
      content: 'Your refund is on its way.',
      visibility: 'private',
    })
  })
})

describe('the Salesforce case form', () => {
  const empty = { integrationId: '', caseOwner: '', contactId: '', caseDescription: '' }

  it('needs the integration id and allows a description up to 10,000 characters', () => {
    expect(checkCaseDraft(empty)).toEqual({ integrationId: "Salesforce integration can't be empty" })
    expect(checkCaseDraft({ ...empty, integrationId: 'sf', caseDescription: 'x'.repeat(10_000) })).toEqual({})
    expect(checkCaseDraft({ ...empty, integrationId: 'sf', caseDescription: 'x'.repeat(10_001) }).caseDescription).toMatch(/at most 10,000/)
  })

  it('sends optional fields only when filled in', () => {
    expect(caseInput({ integrationId: ' sf-1 ', caseOwner: ' ', contactId: '003X', caseDescription: '' })).toEqual({ integrationId: 'sf-1', contactId: '003X' })
    expect(caseOperation('eit1', { integrationId: 'sf-1', caseOwner: 'owner@example.com', contactId: '', caseDescription: 'Refund' })).toEqual({
      kind: 'createCase',
      conversationId: 'eit1',
      integrationId: 'sf-1',
      caseOwner: 'owner@example.com',
      caseDescription: 'Refund',
    })
  })
})

describe('the CommBox tag form', () => {
  it('makes a free-standing Tag on conversations by default', () => {
    expect(parseCommboxTagDraft({ ...emptyCommboxTagDraft(), name: ' VIP ' })).toEqual({
      ok: true,
      input: { name: 'VIP', type: 1, tagGroupId: 0, objectTag: true, userTag: false, childTag: false },
    })
  })

  it('takes a tag group id as a whole number from 0', () => {
    expect(parseCommboxTagDraft({ ...emptyCommboxTagDraft(), name: 'VIP', tagGroupId: '12' })).toMatchObject({ ok: true, input: { tagGroupId: 12 } })
    for (const tagGroupId of ['', '-1', '1.5', 'seven']) {
      expect(parseCommboxTagDraft({ ...emptyCommboxTagDraft(), name: 'VIP', tagGroupId })).toEqual({
        ok: false,
        fields: { tagGroupId: 'Tag group must be a whole number; 0 makes a free-standing tag' },
      })
    }
  })

  it('needs a name', () => {
    expect(parseCommboxTagDraft(emptyCommboxTagDraft())).toEqual({ ok: false, fields: { name: "Tag name can't be empty" } })
  })
})
