import { t } from '../../utils/extension/i18n';
import { getPath } from '../../utils/pages/options/paths';
import { NumberField } from './fields/NumberField';
import { ToggleField } from './fields/ToggleField';
import { VolumeField } from './fields/VolumeField';
import { useForm } from './form-context';
import { Section } from './Section';

/** How an incoming call gets my attention. */
export function NotificationsSection() {
  const { candidate, ports } = useForm();
  const system = getPath(candidate, 'notifications.system') === true;
  const sound = getPath(candidate, 'notifications.sound') === true;
  return (
    <Section
      id="notifications"
      title={t('optionsNotificationsTitle')}
      intro={t('optionsNotificationsIntro')}
      paths={['notifications']}
    >
      <ToggleField path="notifications.system" label={t('optionsNotifySystem')} hint={t('optionsNotifySystemHint')} />
      <ToggleField
        path="notifications.keepUntilDismissed"
        label={t('optionsNotifyKeep')}
        hint={ports.extension.browser === 'firefox' ? t('optionsNotifyKeepFirefox') : t('optionsNotifyKeepHint')}
        disabled={!system}
      />
      <ToggleField path="notifications.sound" label={t('optionsNotifySound')} />
      <VolumeField path="notifications.volume" label={t('optionsNotifyVolume')} disabled={!sound} />
      <ToggleField path="notifications.doNotDisturb" label={t('popupDnd')} hint={t('popupDndHint')} />
      <div class="row">
        <NumberField
          path="notifications.ringTimeoutSeconds"
          label={t('optionsRingTimeout')}
          unit={t('optionsUnitSeconds')}
          hint={t('optionsRingTimeoutHint')}
        />
        <NumberField path="notifications.historyLimit" label={t('optionsHistoryLimit')} unit={t('optionsUnitCalls')} />
      </div>
    </Section>
  );
}
