import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FakePorts } from './helpers/fake-ports';
import { described } from './helpers/described';
import { renderOptions } from './helpers/render-options';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const field = (id: string) => {
  const element = document.getElementById(`field-${id.replace(/\./g, '-')}`);
  if (!(
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
  ))
    throw new Error(`no field ${id}`);
  return element;
};

function type(id: string, text: string): void {
  const input = field(id);
  fireEvent.input(input, { target: { value: text } });
  fireEvent.blur(input);
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('validation next to the field', () => {
  test('a wrong address is named under its field once the field is left, and linked to it', async () => {
    await renderOptions();
    const input = field('serverUrl');
    fireEvent.input(input, { target: { value: 'https://admin.example.com/ws' } });
    expect(screen.queryByText('Enter a ws:// or wss:// address.')).toBeNull();
    fireEvent.blur(input);
    expect(screen.getByText('Enter a ws:// or wss:// address.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(described(input)).toContain('Enter a ws:// or wss:// address.');
    // Fixed as typed: the message goes at once.
    fireEvent.input(input, { target: { value: 'wss://admin.example.com/ws' } });
    expect(screen.queryByText('Enter a ws:// or wss:// address.')).toBeNull();
  });

  test('numbers out of range say the range, in the user’s language', async () => {
    await renderOptions({ language: 'zh_CN' });
    type('notifications.ringTimeoutSeconds', '2');
    expect(screen.getByText('请输入 5 到 600 之间的整数。')).toBeTruthy();
  });

  test('a bad line in a list names the line', async () => {
    await renderOptions();
    type('sites.matches', 'https://admin.example.com/*\nexample.com');
    expect(
      screen.getByText('Line 2: Enter a match pattern with a host, e.g. https://admin.example.com/*.'),
    ).toBeTruthy();
  });

  test('ws:// to another machine is warned about, not refused', async () => {
    await renderOptions();
    type('serverUrl', 'ws://admin.example.com/ws');
    expect(screen.getByText(/sends your sign-in token unencrypted/)).toBeTruthy();
    expect(field('serverUrl').getAttribute('aria-invalid')).toBeNull();
  });
});

describe('saving', () => {
  test('a form with problems is not saved: every problem shows and focus goes to the first', async () => {
    const { ports } = await renderOptions();
    type('serverUrl', 'nope');
    fireEvent.input(field('connection.heartbeatSeconds'), { target: { value: '1' } });
    save();
    expect(ports.settings.save).not.toHaveBeenCalled();
    expect(screen.getByText('Not saved. Fields to fix: 2 (marked in red).')).toBeTruthy();
    // The heartbeat field was never left, yet its problem shows now, and the Advanced part opened for it.
    expect(screen.getByText('Enter a whole number from 5 to 300.')).toBeTruthy();
    expect(document.querySelector('details.advanced')?.hasAttribute('open')).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(field('serverUrl')));
  });

  test('a new origin is asked for from the click itself, then everything is saved at once', async () => {
    const { ports } = await renderOptions();
    type('serverUrl', 'wss://push.example.com/ws');
    save();
    // Asked synchronously inside the click: before anything was awaited, before saving.
    expect(ports.permissions.request).toHaveBeenCalledWith(['https://push.example.com/*']);
    expect(ports.settings.save).not.toHaveBeenCalled();
    await screen.findByText('Saved. Roster is using the new settings.');
    expect(ports.settings.save).toHaveBeenCalledTimes(1);
    expect(ports.editable().settings.serverUrl).toBe('wss://push.example.com/ws');
    expect(screen.queryByRole('button', { name: 'Discard changes' })).toBeNull();
  });

  test('access refused: saved anyway, and the page says what is missing with a way to allow it', async () => {
    const ports = new FakePorts({ own: { serverUrl: 'ws://localhost:8787/ws' } });
    ports.grant = false;
    await renderOptions({ ports });
    type('serverUrl', 'wss://push.example.com/ws');
    save();
    await screen.findByText('Saved, but without access to push.example.com Roster cannot connect or show dots there.');
    expect(ports.editable().settings.serverUrl).toBe('wss://push.example.com/ws');
    expect(screen.getAllByRole('button', { name: 'Allow access' }).length).toBeGreaterThan(0);
  });

  test('Discard puts the saved values back', async () => {
    await renderOptions();
    type('serverUrl', 'wss://other.example.com/ws');
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(field('serverUrl').value).toBe('ws://localhost:8787/ws');
    expect(screen.getByText('Changes discarded.')).toBeTruthy();
  });

  test('a change saved elsewhere (the popup’s do-not-disturb) shows up without touching my edits', async () => {
    const { ports } = await renderOptions();
    type('auth.cookieName', 'SESSION');
    ports.own = { ...(ports.own as object), notifications: { doNotDisturb: true } };
    ports.changed();
    await waitFor(() => expect((field('notifications.doNotDisturb') as HTMLInputElement).checked).toBe(true));
    expect(field('auth.cookieName').value).toBe('SESSION');
  });
});

describe('enterprise policy', () => {
  test('a forced field is locked, shows the policy’s value and says who set it', async () => {
    const ports = new FakePorts({
      own: { serverUrl: 'ws://localhost:8787/ws' },
      managed: { serverUrl: 'wss://corp.example.com/ws' },
    });
    await renderOptions({ ports });
    const input = field('serverUrl');
    expect(input.value).toBe('wss://corp.example.com/ws');
    expect(input.disabled).toBe(true);
    expect(described(input)).toContain('Set by your organisation');
    expect(screen.getByText('Managed by your organisation')).toBeTruthy();
  });

  test('saving other fields never copies the policy’s value into the user’s settings', async () => {
    const ports = new FakePorts({
      own: { serverUrl: 'ws://localhost:8787/ws' },
      managed: { serverUrl: 'wss://corp.example.com/ws' },
      granted: ['<all_urls>'],
    });
    await renderOptions({ ports });
    type('auth.cookieName', 'SESSION');
    save();
    await screen.findByText('Saved. Roster is using the new settings.');
    expect((ports.own as { serverUrl: string }).serverUrl).toBe('ws://localhost:8787/ws');
  });

  test('a policy change applies live', async () => {
    const ports = new FakePorts({ own: { serverUrl: 'ws://localhost:8787/ws' } });
    await renderOptions({ ports });
    expect(field('serverUrl').disabled).toBe(false);
    ports.managed = { serverUrl: 'wss://corp.example.com/ws' };
    ports.changed();
    await waitFor(() => expect(field('serverUrl').disabled).toBe(true));
    expect(field('serverUrl').value).toBe('wss://corp.example.com/ws');
  });

  test('policy values Roster cannot use are listed', async () => {
    const ports = new FakePorts({ managed: { serverUrl: 'https://not-a-socket/' } });
    await renderOptions({ ports });
    expect(screen.getByText(/Your organisation's policy has values Roster cannot use/)).toBeTruthy();
    expect(screen.getByText(': Enter a ws:// or wss:// address.', { exact: false })).toBeTruthy();
  });
});

describe('import, export, reset', () => {
  const importFile = (name: string, text: string) => {
    const input = document.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input');
    fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
  };

  test('a file that is not JSON is refused whole, with why; the form and the saved settings stay', async () => {
    const { ports } = await renderOptions();
    importFile('roster.json', '{"serverUrl": "wss://x/ws",');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('roster.json was not imported.');
    expect(alert.textContent).toContain('It is not valid JSON:');
    expect(alert.textContent).toContain('Nothing was changed.');
    expect(field('serverUrl').value).toBe('ws://localhost:8787/ws');
    expect(ports.settings.save).not.toHaveBeenCalled();
  });

  test('a file with wrong settings lists every field and reason', async () => {
    await renderOptions({ language: 'zh_CN' });
    importFile(
      'bad.json',
      JSON.stringify({ serverUrl: 'http://x/', connection: { heartbeatSeconds: 1 }, serverURL: 'ws://x/ws' }),
    );
    const alert = await screen.findByRole('alert');
    const items = [...alert.querySelectorAll('li')].map((item) => item.textContent);
    expect(items).toEqual([
      'serverUrl: 请输入 ws:// 或 wss:// 地址。',
      'connection.heartbeatSeconds: 请输入 5 到 300 之间的整数。',
      'serverURL: 不是 Roster 的设置项（请检查拼写）。',
    ]);
    expect(field('serverUrl').value).toBe('ws://localhost:8787/ws');
  });

  test('a good file fills the form for review; nothing is saved until Save', async () => {
    const { ports } = await renderOptions();
    importFile('team.json', JSON.stringify({ serverUrl: 'ws://127.0.0.1:9000/ws', presence: { mode: 'host-tab' } }));
    await screen.findByText('Loaded team.json. Check it, then Save to use it, or Discard.');
    expect(field('serverUrl').value).toBe('ws://127.0.0.1:9000/ws');
    expect(ports.settings.save).not.toHaveBeenCalled();
    save();
    await screen.findByText('Saved. Roster is using the new settings.');
    expect(ports.editable().settings.presence.mode).toBe('host-tab');
  });

  test('export offers the settings file and a policy file for this browser', async () => {
    const { ports } = await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export as a Chrome policy' }));
    expect(ports.download.mock.calls.map(([name]: unknown[]) => name)).toEqual([
      'roster-settings.json',
      'roster-policy.json',
    ]);
    const policy = JSON.parse(String(ports.download.mock.calls[1]?.[1])) as Record<string, unknown>;
    expect(policy).toEqual({
      '3rdparty': {
        extensions: {
          nehbojjjlciiofmcpheindobdgmmddph: {
            serverUrl: 'ws://localhost:8787/ws',
            auth: { cookieUrl: 'http://localhost:8787/' },
          },
        },
      },
    });
  });

  test('reset asks first, then loads the defaults for review', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Load defaults' }));
    expect(field('serverUrl').value).toBe('');
    expect(screen.getByText('Defaults loaded. Save to use them, or Discard.')).toBeTruthy();
  });
});

describe('tests run by the background', () => {
  test('Test connection sends what is typed, and says what happened', async () => {
    const { ports } = await renderOptions();
    type('serverUrl', 'ws://localhost:9999/ws');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText('Connected as 章三. 4 online now.');
    expect(ports.probes.connection).toHaveBeenCalledWith(
      expect.objectContaining({ probe: 'connection', serverUrl: 'ws://localhost:9999/ws' }),
      expect.any(AbortSignal),
    );
  });

  test('a refused token is said in words, with the detail', async () => {
    const ports = new FakePorts({ own: { serverUrl: 'ws://localhost:8787/ws' } });
    ports.connectionResult = { outcome: 'rejected', detail: 'closed with 4001 after 0 s: unauthorized' };
    await renderOptions({ ports });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText(
      'The server rejected your sign-in token. Sign in to the admin site again, then test again.',
    );
    expect(screen.getByText('Details: closed with 4001 after 0 s: unauthorized')).toBeTruthy();
  });

  test('the user list test says how many were read', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Test' }));
    await screen.findByText('Read 6 users, e.g. 章三, 李四, 王五.');
  });
});

describe('site profiles and the live tester', () => {
  test('a new profile can be edited and tried on an open tab, live', async () => {
    const ports = new FakePorts({
      own: { serverUrl: 'ws://localhost:8787/ws', auth: { cookieUrl: 'http://localhost:8787/' } },
    });
    ports.tabList = [{ id: 7, windowId: 1, title: 'Staff', url: 'http://localhost:8787/staff', active: false }];
    await renderOptions({ ports });
    fireEvent.click(screen.getByRole('button', { name: 'Add a profile' }));
    type('sites.profiles.0.rows', 'li.person');
    // Enabled once the open tabs are known.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Test on this tab' }).hasAttribute('disabled')).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Test on this tab' }));
    await waitFor(() => expect(ports.sentProfiles).toHaveLength(1));
    expect(ports.tester.start).toHaveBeenCalledWith(7, expect.any(Function), expect.any(AbortSignal));
    ports.testerReply?.(
      {
        type: 'result',
        url: 'http://localhost:8787/staff',
        rows: 3,
        users: 2,
        duplicates: 0,
        unread: 1,
        sample: [{ index: 1, id: '2', name: '李四' }],
        truncated: false,
      },
      0,
    );
    await screen.findByText('Rows matched: 3 · users read: 2. They are outlined in the tab while you test.');
    expect(screen.getByText('1 matched rows had no ID or name (dashed red outline).')).toBeTruthy();
    expect(screen.getByRole('cell', { name: '李四' })).toBeTruthy();
    // An edit reaches the tab without another click.
    type('sites.profiles.0.rows', 'li.person[data-uid]');
    await waitFor(() => expect(ports.sentProfiles).toHaveLength(2));
    expect(ports.sentProfiles[1]).toMatchObject({ rows: 'li.person[data-uid]' });
  });

  test('in a tab that shows pages in frames, each frame answers under its own address', async () => {
    const ports = new FakePorts({
      own: {
        serverUrl: 'ws://localhost:8787/ws',
        auth: { cookieUrl: 'http://localhost:8787/' },
        sites: { profiles: [{ rows: 'tr', name: { from: 'text' } }] },
      },
    });
    ports.tabList = [{ id: 7, windowId: 1, title: 'Shell', url: 'http://localhost:8787/shell.html', active: true }];
    await renderOptions({ ports });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Test on this tab' }).hasAttribute('disabled')).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Test on this tab' }));
    await waitFor(() => expect(ports.sentProfiles).toHaveLength(1));
    const result = {
      type: 'result' as const,
      rows: 0,
      users: 0,
      duplicates: 0,
      unread: 0,
      sample: [],
      truncated: false,
    };
    ports.testerReply?.(
      {
        ...result,
        url: 'http://localhost:8787/users.html',
        rows: 5,
        users: 5,
        sample: [{ index: 1, id: '2', name: '李四' }],
      },
      4,
    );
    ports.testerReply?.({ ...result, url: 'http://localhost:8787/shell.html' }, 0);
    ports.testerReply?.({ ...result, url: 'http://127.0.0.1:9/other.html', rows: 3 }, 6);
    await screen.findByText('This tab shows pages in frames: each of its 3 pages was tested.');
    const frames = [...document.querySelectorAll('.tester__frame')];
    expect(frames.map((frame) => frame.querySelector('h5')?.textContent)).toEqual([
      'The tab’s own page',
      'In a frame: localhost:8787/users.html',
      'In a frame: 127.0.0.1:9/other.html',
    ]);
    expect(frames[1]?.textContent).toContain('Rows matched: 5 · users read: 5.');
    // A frame of a site Roster does not run on says so, under its own address.
    expect(frames[2]?.textContent).toContain('Roster does not run on this page.');
    expect(frames[1]?.textContent).not.toContain('Roster does not run on this page.');
  });

  test('a profile with a problem cannot be tested until fixed', async () => {
    const ports = new FakePorts({
      own: { serverUrl: 'ws://localhost:8787/ws', sites: { profiles: [{ rows: 'tr', name: { from: 'text' } }] } },
    });
    ports.tabList = [{ id: 7, windowId: 1, title: 'Staff', url: 'http://localhost:8787/staff', active: false }];
    await renderOptions({ ports });
    type('sites.profiles.0.rows', 'tr[');
    expect(screen.getByText('Not a valid CSS selector.')).toBeTruthy();
    await screen.findByText("Fix this profile's marked fields to test it.");
    expect(screen.getByRole('button', { name: 'Test on this tab' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('the keyboard shortcut', () => {
  test('says which key opens the popup, and opens the browser’s shortcut page', async () => {
    const ports = new FakePorts({ own: { serverUrl: 'ws://localhost:8787/ws' } });
    await renderOptions({ ports });
    const section = document.getElementById('shortcut')!;
    await waitFor(() =>
      expect(section.querySelector('[role=status]')?.textContent).toBe('Alt+Shift+R opens the popup.'),
    );
    expect(section.textContent).toContain('The browser keeps extension shortcuts at chrome://extensions/shortcuts.');
    fireEvent.click(screen.getByRole('button', { name: 'Open the browser’s shortcut settings' }));
    expect(ports.shortcut.openSettings).toHaveBeenCalledTimes(1);
  });

  test('no key set (another extension holds it): says so, and what to do', async () => {
    const ports = new FakePorts({ own: { serverUrl: 'ws://localhost:8787/ws' } });
    ports.shortcutKey = undefined;
    await renderOptions({ ports });
    await waitFor(() =>
      expect(document.querySelector('#shortcut [role=status]')?.textContent).toBe(
        'No key is set. Another extension may already use Alt+Shift+R: choose another.',
      ),
    );
  });
});
