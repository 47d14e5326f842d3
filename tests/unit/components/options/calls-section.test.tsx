import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FakePorts } from './helpers/fake-ports';
import { described } from './helpers/described';
import { renderOptions } from './helpers/render-options';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const pageContext = () => document.getElementById('field-calls-pageContext') as HTMLInputElement;

describe('the Calls section', () => {
  test('says what is sent, is on by default, and off is saved', async () => {
    const { ports } = await renderOptions({ ports: new FakePorts({ granted: ['<all_urls>'] }) });
    expect(screen.getByRole('link', { name: 'Calls' }).getAttribute('href')).toBe('#calls');
    const box = pageContext();
    expect(box.checked).toBe(true);
    expect(described(box)).toContain('sends that page');
    expect(described(box)).toContain('"url"');
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved. Roster is using the new settings.');
    expect(ports.editable().settings.calls.pageContext).toBe(false);
  });

  test('IT can force it off: locked, with who set it', async () => {
    await renderOptions({ ports: new FakePorts({ managed: { calls: { pageContext: false } } }) });
    const box = pageContext();
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(true);
    expect(described(box)).toContain('Set by your organisation');
  });

  test('in Chinese', async () => {
    await renderOptions({ language: 'zh_CN' });
    expect(screen.getByRole('heading', { name: '呼叫' })).toBeTruthy();
    expect(described(pageContext())).toContain('只会发送上面这些站点的页面');
  });
});
