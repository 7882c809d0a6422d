/**
 * The floor of the keyboard figure: a list whose cursor moves on `j` with no other work,
 * measured exactly as the app's list is. At 60 frames a second a key lands anywhere in a
 * 16.7 ms frame, so even this page cannot show every move within 16 ms.
 */
const ROWS = 20
const list = document.querySelector<HTMLElement>('[data-testid="conversation-list"]')!
const rows = Array.from({ length: ROWS }, (_, index) => {
  const row = document.createElement('div')
  row.setAttribute('role', 'option')
  row.dataset['conversationId'] = `floor-${index}`
  row.textContent = `Row ${index}`
  list.append(row)
  return row
})
let cursor = 0
rows[cursor]!.dataset['cursor'] = ''

window.addEventListener('keydown', (event) => {
  if (event.key !== 'j') return
  delete rows[cursor]!.dataset['cursor']
  cursor = (cursor + 1) % ROWS
  rows[cursor]!.dataset['cursor'] = ''
})
