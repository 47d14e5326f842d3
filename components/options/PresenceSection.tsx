import { t } from '../../utils/extension/i18n';
import { ChoiceField } from './fields/ChoiceField';
import { NumberField } from './fields/NumberField';
import { Section } from './Section';

/** When I count as online, and when as away. */
export function PresenceSection() {
  return (
    <Section id="presence" title={t('optionsPresenceTitle')} paths={['presence']}>
      <ChoiceField
        path="presence.mode"
        legend={t('optionsPresenceMode')}
        choices={[
          { value: 'always', label: t('optionsPresenceAlways'), hint: t('optionsPresenceAlwaysHint') },
          { value: 'host-tab', label: t('optionsPresenceHostTab'), hint: t('optionsPresenceHostTabHint') },
        ]}
      />
      <NumberField
        path="presence.awayAfterMinutes"
        label={t('optionsAwayAfter')}
        unit={t('optionsUnitMinutes')}
        hint={t('optionsAwayAfterHint')}
      />
    </Section>
  );
}
