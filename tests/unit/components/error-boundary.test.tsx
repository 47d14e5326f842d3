import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ErrorBoundary } from '../../../components/ErrorBoundary';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { Popup } from '../../../components/popup/Popup';
import type { RosterState } from '../../../utils/core/messages/roster-state';
import { FakePorts } from './options/helpers/fake-ports';
import { FakeClient } from './popup/helpers/fake-client';
import { useMessages } from './popup/helpers/i18n';
import { rosterState } from './popup/helpers/state';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Broken(): never {
  throw new Error('state no one foresaw');
}

describe('a view that cannot draw shows why, and a way out', () => {
  test.each([
    ['en', 'Something went wrong while drawing this page. Nothing you saved is lost.', 'Reload'],
    ['zh_CN', '显示此页面时出错。已保存的内容不会丢失。', '重新加载'],
  ] as const)('in %s', (language, message, button) => {
    useMessages(language);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reload = vi.fn();
    render(
      <ErrorBoundary reload={reload}>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain(message);
    fireEvent.click(screen.getByRole('button', { name: button }));
    expect(reload).toHaveBeenCalledOnce();
  });

  test('children that draw are left alone', () => {
    useMessages('en');
    render(
      <ErrorBoundary>
        <p>fine</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('the popup is not blank when its state is broken beyond repair', () => {
    useMessages('en');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A state the background never sends (no presence at all): drawing it throws.
    const broken = { ...rosterState(), presence: undefined } as unknown as RosterState;
    render(
      <Popup
        client={new FakeClient(broken)}
        actions={{
          openOptions: () => Promise.resolve(true),
          requestOrigins: () => Promise.resolve(true),
          shortcut: { current: () => Promise.resolve(undefined), openSettings: () => Promise.resolve() },
        }}
        locale="en-US"
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong while drawing this page.');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  test('nor is the options page', async () => {
    useMessages('en');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { ...rosterState(), identity: undefined } as unknown as RosterState;
    render(<OptionsApp ports={new FakePorts({ own: {} })} client={new FakeClient(broken)} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong while drawing this page.');
  });
});
