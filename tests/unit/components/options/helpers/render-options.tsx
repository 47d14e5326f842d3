import { render, waitFor, type RenderResult } from '@testing-library/preact';
import { OptionsApp } from '../../../../../components/options/OptionsApp';
import type { RosterState } from '../../../../../utils/core/messages/roster-state';
import { FakeClient } from '../../popup/helpers/fake-client';
import { useMessages } from '../../popup/helpers/i18n';
import type { Language } from '../../popup/helpers/messages';
import { rosterState } from '../../popup/helpers/state';
import { FakePorts } from './fake-ports';

export interface RenderedOptions extends RenderResult {
  readonly ports: FakePorts;
  readonly client: FakeClient;
}

/** The options page over fake ports and a fake background, in English unless asked. */
export async function renderOptions(
  options: { ports?: FakePorts; state?: RosterState; language?: Language } = {},
): Promise<RenderedOptions> {
  useMessages(options.language ?? 'en');
  const ports =
    options.ports ??
    new FakePorts({ own: { serverUrl: 'ws://localhost:8787/ws', auth: { cookieUrl: 'http://localhost:8787/' } } });
  const client = new FakeClient(options.state ?? rosterState());
  const result = render(<OptionsApp ports={ports} client={client} />);
  await waitFor(() => {
    if (!result.container.querySelector('#field-serverUrl')) throw new Error('the form has not loaded');
  });
  return { ...result, ports, client };
}
