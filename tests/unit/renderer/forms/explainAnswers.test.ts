import { describe, expect, it } from 'vitest'
import {
  explainCannedResponseAnswer,
  explainCaseAnswer,
  explainCommboxAnswer,
  explainTagAnswer,
} from '../../../../src/renderer/components/forms/explainAnswers'

describe('what CommBox’s answers mean', () => {
  it.each([
    [{ kind: 'invalid', message: 'Bad Request: data.Name: Too big', fields: {} }, 'CommBox refused the tag (400)', /Bad Request: data\.Name: Too big/],
    [{ kind: 'unauthorized', message: 'Unauthorized' }, 'CommBox didn’t accept the API key (401)', /Settings → CommBox/],
    [{ kind: 'notFound', message: 'Not Found: tag group 99 does not exist' }, 'No such tag group in CommBox (404)', /Use 0 for a free-standing tag/],
    [{ kind: 'rateLimited', message: 'slow down' }, 'CommBox asked to slow down (429)', /sent again on its own/],
    [{ kind: 'server', message: 'CommBox had a problem (HTTP 500)', status: 500 }, 'CommBox had a problem (500)', /CommBox’s side/],
    [{ kind: 'server', message: 'CommBox had a problem (HTTP 501)', status: 501 }, 'CommBox had a problem (501)', /CommBox’s side/],
    [{ kind: 'forbidden', message: 'Forbidden' }, 'This CommBox key can’t create tags (403)', /administrator/],
    [{ kind: 'unknownOutcome', message: 'reset' }, 'The tag may have been created', /Look in CommBox/],
    [{ kind: 'network', message: 'offline' }, 'No connection', /when the connection returns/],
  ])('explains %j in plain words', (answer, title, detail) => {
    const explained = explainCommboxAnswer(answer)
    expect(explained.title).toBe(title)
    expect(explained.detail).toMatch(detail)
  })

  it('puts the 404 on the tag group field, where the agent fixes it', () => {
    expect(explainCommboxAnswer({ kind: 'notFound', message: 'Not Found' }).fields).toEqual({ tagGroupId: 'CommBox has no tag group with this id' })
  })

  it('reads a kind it does not know as an unexpected answer, not as a crash', () => {
    expect(explainCommboxAnswer({ kind: 'somethingNew', message: 'huh' }).title).toBe('CommBox answered in an unexpected way')
  })
})

describe('what Oktopost’s answers to a canned response mean', () => {
  it('shows the 409 as "a canned response with this name exists", on the name', () => {
    expect(explainCannedResponseAnswer({ kind: 'conflict', message: 'A canned response with this name already exists' })).toEqual({
      title: 'A canned response with this name exists',
      detail: expect.stringContaining('Choose another name'),
      fields: { name: 'A canned response with this name exists' },
    })
  })

  it('keeps the field messages of a 400 that belong to the form', () => {
    const explained = explainCannedResponseAnswer({ kind: 'invalid', message: 'Too long', fields: { content: 'Too long', api: 'other' } })
    expect(explained.fields).toEqual({ content: 'Too long' })
  })
})

describe('what Oktopost’s answers to a case mean', () => {
  it('explains "no active integration" and points at the integration field', () => {
    const explained = explainCaseAnswer({
      kind: 'invalid',
      message: 'No active Salesforce integration on this account',
      fields: { integrationId: 'No active Salesforce integration on this account' },
    })
    expect(explained.title).toBe('No active Salesforce integration')
    expect(explained.detail).toMatch(/Settings → Integrations → Salesforce/)
    expect(explained.fields).toEqual({ integrationId: 'The account has no active Salesforce integration' })
  })

  it('tells an unknown integration id from a missing integration', () => {
    const explained = explainCaseAnswer({ kind: 'invalid', message: 'Unknown Salesforce integration x', fields: { integration_id: 'Unknown Salesforce integration x' } })
    expect(explained.title).toBe('Oktopost doesn’t know this integration')
  })

  it('says a case whose answer was lost may exist, so it is not created twice', () => {
    expect(explainCaseAnswer({ kind: 'unknownOutcome', message: 'lost' }).title).toBe('The case may have been created')
  })

  it('says when the conversation is gone', () => {
    expect(explainCaseAnswer({ kind: 'notFound', message: 'Not found' }).title).toBe('The conversation is gone')
  })
})

describe('what Oktopost’s answers to a tag rename mean', () => {
  it('explains the 409 on the name', () => {
    expect(explainTagAnswer({ kind: 'conflict', message: 'A tag named "billing" already exists' })).toMatchObject({
      title: 'A tag with this name exists',
      fields: { name: 'A tag with this name exists' },
    })
  })
})
