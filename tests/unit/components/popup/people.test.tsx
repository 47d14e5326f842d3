import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { renderPopup } from './helpers/render-popup';
import { id, NOW, rosterState } from './helpers/state';

afterEach(cleanup);

const listed = () => [...document.querySelectorAll('.person .name')].map((element) => element.textContent);
const search = () => screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search colleagues by name or ID' });
const type = (text: string) => fireEvent.input(search(), { target: { value: text } });

describe('who is online', () => {
  test('names from the directory, sorted, the count in the tab, me apart', () => {
    renderPopup(rosterState());
    expect(listed()).toEqual(['<img src=x onerror=alert(1)>', 'Alice Martin', '李四', '王五']);
    expect(screen.getByRole('tab', { name: 'Online (4)' }).getAttribute('aria-selected')).toBe('true');
    expect(document.querySelector('.me')?.textContent).toContain('You: 章三');
  });

  test('in Chinese, Chinese names come first, by pinyin', () => {
    renderPopup(rosterState(), { language: 'zh_CN' });
    expect(listed()).toEqual(['<img src=x onerror=alert(1)>', '李四', '王五', 'Alice Martin']);
  });

  test('someone the directory does not know is shown by id', () => {
    renderPopup(rosterState({ presence: { version: 1, online: [id('1'), id('77')], lastSeen: {} } }));
    expect(listed()).toEqual(['77']);
  });

  test('a name is text, never markup', () => {
    renderPopup(rosterState());
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Call <img src=x onerror=alert(1)>' })).toBeTruthy();
  });

  test('the list follows the background live', async () => {
    const { client } = renderPopup(rosterState());
    client.update((state) => ({ ...state, presence: { ...state.presence, version: 2, online: [id('1'), id('5')] } }));
    await waitFor(() => expect(listed()).toEqual(['赵六']));
    expect(screen.getByRole('tab', { name: 'Online (1)' })).toBeTruthy();
  });

  test('nobody else online', () => {
    renderPopup(rosterState({ presence: { version: 1, online: [id('1')], lastSeen: {} }, names: {} }));
    expect(screen.getByText('Nobody else is online.')).toBeTruthy();
  });

  test('not connected and nobody known: the list waits for the connection', () => {
    renderPopup(
      rosterState({
        connection: { phase: 'connecting', since: 0, attempt: 0 },
        presence: { version: 0, online: [], lastSeen: {} },
        names: {},
      }),
    );
    expect(screen.getByText('The list appears once Roster is connected.')).toBeTruthy();
  });

  test('not connected with a list: it is marked as the last known one', () => {
    renderPopup(rosterState({ connection: { phase: 'connecting', since: 0, attempt: 1 } }));
    expect(screen.getByText('Not connected: this is the last known list.')).toBeTruthy();
  });
});

describe('search', () => {
  test('has the focus when the popup opens', () => {
    renderPopup(rosterState());
    expect(document.activeElement).toBe(search());
  });

  test.each([
    ['a Latin name, any case', 'ALICE', ['Alice Martin']],
    ['a Chinese name', '李', ['李四']],
    ['pinyin initials', 'ww', ['王五']],
    ['an id', '13', ['<img src=x onerror=alert(1)>']],
  ])('finds %s', (_, query, names) => {
    renderPopup(rosterState());
    type(query);
    expect(listed()).toEqual(names);
    expect(screen.getByText(`${names.length} of 4 online`)).toBeTruthy();
  });

  test('lists offline matches too, saying they are offline', () => {
    renderPopup(rosterState());
    type('chloe');
    expect(listed()).toEqual([]);
    expect(document.querySelector('.absent')?.textContent).toContain('Chloé Dubois');
    expect(document.querySelector('.section-toggle--fixed')?.textContent).toBe('Offline (1)');
  });

  test('nobody matches', () => {
    renderPopup(rosterState());
    type('zzz');
    expect(screen.getByText('No one matches “zzz”.')).toBeTruthy();
  });
});

describe('offline colleagues', () => {
  test('are collapsed under a count, and open with last-seen times', () => {
    renderPopup(
      rosterState({
        presence: { version: 1, online: ['1', '2'].map(id), lastSeen: { [id('5')]: Date.now() - 3 * 3_600_000 } },
      }),
    );
    const toggle = screen.getByRole('button', { name: 'Offline (6)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelectorAll('.absent')).toHaveLength(0);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const absent = [...document.querySelectorAll('.absent')].map((row) => row.textContent);
    expect(absent).toContain('赵六offline — last seen 3 hours agoID 5');
    expect(absent).toContain('Alice Martinoffline' + 'ID 4');
  });

  test('a last-seen time counts from now', () => {
    renderPopup(rosterState({ presence: { version: 1, online: [id('1')], lastSeen: { [id('5')]: NOW } } }));
    fireEvent.click(screen.getByRole('button', { name: /^Offline/ }));
    expect(document.querySelector('.absent')?.textContent).toBeTruthy();
  });
});

describe('a long list', () => {
  test('5,000 online put only what fits in the DOM, each row knowing its place', () => {
    const online = Array.from({ length: 5_000 }, (_, index) => id(String(10_000 + index)));
    renderPopup(rosterState({ presence: { version: 1, online: [id('1'), ...online], lastSeen: {} }, names: {} }));
    expect(screen.getByRole('tab', { name: 'Online (5000)' })).toBeTruthy();
    const rows = document.querySelectorAll('.person');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('5000');
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('1');
  });

  test('scrolling brings the next rows in; the active row stays, so its focus survives', () => {
    const online = Array.from({ length: 500 }, (_, index) => id(String(10_000 + index)));
    renderPopup(rosterState({ presence: { version: 1, online, lastSeen: {} }, names: {} }));
    const viewport = document.querySelector('.virtual-list') as HTMLElement;
    viewport.scrollTop = 44 * 200;
    fireEvent.scroll(viewport);
    expect(listed()).toContain('10200');
    expect(listed()).not.toContain('10001');
    expect(listed()).toContain('10000');
  });
});
