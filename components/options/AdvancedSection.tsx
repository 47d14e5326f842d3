import { useState } from 'preact/hooks';
import { t } from '../../utils/extension/i18n';
import { ChoiceField } from './fields/ChoiceField';
import { ListField } from './fields/ListField';
import { NumberField } from './fields/NumberField';
import { TextField } from './fields/TextField';
import { useForm } from './form-context';
import { Section } from './Section';

const PATHS = ['identity.idClaims', 'identity.nameClaims', 'identity.idPaths', 'identity.namePaths', 'connection'];

/** What most people never change: the protocol's details and the JWT claims. Folded until needed. */
export function AdvancedSection() {
  const { shownIssues } = useForm();
  const [open, setOpen] = useState(false);
  // A problem in here must be visible: it opens by itself.
  const troubled = shownIssues.some((issue) =>
    PATHS.some((path) => issue.field === path || issue.field.startsWith(`${path}.`)),
  );
  return (
    <Section id="advanced" title={t('optionsAdvancedTitle')} paths={PATHS}>
      <details class="advanced" open={open || troubled} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{t('optionsAdvancedSummary')}</summary>
        <div class="row">
          <ListField path="identity.idClaims" label={t('optionsIdClaims')} hint={t('optionsClaimsHint')} rows={5} />
          <ListField path="identity.nameClaims" label={t('optionsNameClaims')} hint={t('optionsClaimsHint')} rows={5} />
        </div>
        <div class="row">
          <ListField
            path="identity.idPaths"
            label={t('optionsIdentityIdPaths')}
            hint={t('optionsIdentityPathsHint')}
            rows={5}
          />
          <ListField
            path="identity.namePaths"
            label={t('optionsIdentityNamePaths')}
            hint={t('optionsIdentityPathsHint')}
            rows={5}
          />
        </div>
        <ChoiceField
          path="connection.idType"
          legend={t('optionsIdType')}
          hint={t('optionsIdTypeHint')}
          choices={[
            { value: 'auto', label: t('optionsIdTypeAuto') },
            { value: 'string', label: t('optionsIdTypeString') },
            { value: 'number', label: t('optionsIdTypeNumber') },
          ]}
        />
        <div class="row">
          <NumberField
            path="connection.heartbeatSeconds"
            label={t('optionsHeartbeat')}
            unit={t('optionsUnitSeconds')}
          />
          <TextField path="connection.heartbeatPayload" code label={t('optionsHeartbeatPayload')} />
        </div>
        <div class="row">
          <ListField
            path="connection.unauthorizedCloseCodes"
            numbers
            rows={1}
            label={t('optionsCloseCodes')}
            hint={t('optionsCloseCodesHint')}
          />
          <NumberField path="connection.maxFrameKiB" label={t('optionsMaxFrame')} unit={t('optionsUnitKiB')} />
        </div>
      </details>
    </Section>
  );
}
