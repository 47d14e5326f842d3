import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ConnectionStatus } from '../../../../utils/core/messages/connection-status';
import { renderPopup } from './helpers/render-popup';
import { rosterState } from './helpers/state';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const down = (reason: ConnectionStatus['reason'], extra: Partial<ConnectionStatus> = {}): ConnectionStatus => ({
  phase: 'disconnected',
  reason,
  since: 0,
  attempt: 0,
  ...extra,
});

const banner = () => document.querySelector('.status')?.textContent ?? '';

describe('the connection in plain words', () => {
  test('connected', () => {
    renderPopup(rosterState());
    expect(document.querySelector('#status-headline')?.textContent).toBe('Connected');
    expect(document.querySelector('#status-headline')?.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
  });

  test('connecting', () => {
    renderPopup(rosterState({ connection: { phase: 'connecting', since: 0, attempt: 0 } }));
    expect(banner()).toBe('Connecting…');
  });

  test('lost and retrying: a countdown outside the live region, and retry now', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(1_000_000);
    const { client } = renderPopup(
      rosterState({ connection: down('server-closed', { attempt: 2, nextRetryAt: 1_004_200 }) }),
    );
    const live = document.querySelector('#status-headline');
    expect(live?.textContent).toBe('Connection lost');
    expect(banner()).toContain('Reconnecting in 5 s');
    vi.advanceTimersByTime(2_000);
    await waitFor(() => expect(banner()).toContain('Reconnecting in 3 s'));
    expect(live?.textContent).toBe('Connection lost');
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(client.ops('retryNow')).toHaveLength(1);
  });

  test.each<[string, ConnectionStatus['reason']]>([
    ['signed out', 'no-token'],
    ['sign-in refused', 'unauthorized'],
  ])('%s: a link opens the host site’s sign-in page in a new tab', (_, reason) => {
    renderPopup(rosterState({ connection: down(reason), me: null }));
    const link = screen.getByRole('link', { name: 'Open the sign-in page' });
    expect(link.getAttribute('href')).toBe('https://admin.example.com/login');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  test('signed out says so', () => {
    renderPopup(rosterState({ connection: down('no-token'), me: null }));
    expect(banner()).toContain('Sign in to the admin site to go online');
  });

  test('a site address that is not a web page is never a link', () => {
    renderPopup(
      rosterState({ connection: down('no-token'), setup: { siteUrl: 'javascript:alert(1)', missingOrigins: [] } }),
    );
    expect(screen.queryByRole('link')).toBeNull();
  });

  test('cannot reach the server: the last error, the countdown, retry now', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
    renderPopup(
      rosterState({
        connection: down('cannot-reach', {
          attempt: 6,
          nextRetryAt: 1_060_000,
          lastError: 'closed with 1006 before opening',
        }),
      }),
    );
    expect(banner()).toContain('Cannot reach the server');
    expect(banner()).toContain('closed with 1006 before opening');
    expect(banner()).toContain('Reconnecting in 60 s');
    expect(screen.getByRole('button', { name: 'Retry now' })).toBeTruthy();
  });

  test('not set up: a button opens the settings', async () => {
    const { actions } = renderPopup(rosterState({ connection: down('not-configured'), me: null }));
    expect(banner()).toContain('Not set up yet');
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(actions.openOptions).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(banner()).not.toContain('no settings page');
  });

  test('not set up, in a version without a settings page: it says so', async () => {
    const { actions } = renderPopup(rosterState({ connection: down('not-configured') }));
    actions.openOptions.mockResolvedValue(false);
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    await waitFor(() => expect(banner()).toContain('This version has no settings page yet.'));
  });

  test('host permission missing: the button asks for exactly the missing origins', async () => {
    const missingOrigins = ['https://admin.example.com/*', 'wss://push.example.com/*'];
    const { actions } = renderPopup(
      rosterState({
        connection: down('no-permission'),
        setup: { siteUrl: 'https://admin.example.com/', missingOrigins },
      }),
    );
    expect(banner()).toContain('Needed for: admin.example.com, push.example.com');
    actions.requestOrigins.mockResolvedValue(false);
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    expect(actions.requestOrigins).toHaveBeenCalledWith(missingOrigins);
    await waitFor(() => expect(banner()).toContain('Access was not granted.'));
  });

  test('no network', () => {
    renderPopup(rosterState({ connection: down('offline') }));
    expect(banner()).toContain('No network');
    expect(banner()).toContain('Roster reconnects as soon as the network is back.');
  });

  test('presence only with an admin page open: a link to the site', () => {
    renderPopup(rosterState({ connection: down('no-host-tab') }));
    expect(screen.getByRole('link', { name: 'Open the admin site' }).getAttribute('href')).toBe(
      'https://admin.example.com/login',
    );
  });

  test('the headline follows the state live', async () => {
    const { client } = renderPopup(rosterState());
    client.update((state) => ({ ...state, connection: down('offline') }));
    await waitFor(() => expect(document.querySelector('#status-headline')?.textContent).toBe('No network'));
  });
});

describe('before and after the first state', () => {
  test('no state yet: busy, no list, no spinner', () => {
    renderPopup(undefined);
    expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(document.querySelector('[class*="spinner"]')).toBeNull();
  });

  test('the state arrives: drawn at once', async () => {
    const { client } = renderPopup(undefined);
    client.publish(rosterState());
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Online (4)' })).toBeTruthy());
    expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false');
  });

  test('a known state is drawn in the first render', () => {
    renderPopup(rosterState());
    expect(document.querySelectorAll('.person')).toHaveLength(4);
  });

  test('everything is in Chinese for a Chinese browser', () => {
    renderPopup(rosterState({ connection: down('no-token') }), { language: 'zh_CN' });
    expect(banner()).toContain('请登录管理系统以上线');
    expect(screen.getByRole('link', { name: '打开登录页面' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '在线 (4)' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '勿扰' })).toBeTruthy();
  });
});

describe('when Roster does not know who I am', () => {
  test('connected but unknown: it says so, with the one thing to do, and opens the settings', async () => {
    const { actions } = renderPopup(rosterState({ me: null }));
    expect(document.querySelector('#unknown-me-headline')?.textContent).toBe('Roster does not know who you are yet');
    fireEvent.click(screen.getByRole('button', { name: 'Set up who I am' }));
    await waitFor(() => expect(actions.openOptions).toHaveBeenCalledOnce());
  });

  test('known: no such notice', () => {
    renderPopup(rosterState());
    expect(document.querySelector('#unknown-me-headline')).toBeNull();
  });

  test('not connected: the connection says what to do first', () => {
    renderPopup(rosterState({ me: null, connection: down('no-token') }));
    expect(document.querySelector('#unknown-me-headline')).toBeNull();
  });

  test('a call refused for want of an identity says why on the row', async () => {
    const { client } = renderPopup(rosterState({ me: null }));
    client.reply('sendCall', () => Promise.resolve({ ok: false, refusal: 'unknown-identity' }));
    fireEvent.click(screen.getByRole('button', { name: 'Call 李四' }));
    await screen.findByText('Roster does not know who you are yet. Set it under Sign-in in the settings.');
  });
});
