import { t } from '../../utils/extension/i18n';
import { ToggleField } from './fields/ToggleField';
import { Section } from './Section';

/** What a call tells the colleague besides who is calling, and what goes on the wire for it. */
export function CallsSection() {
  return (
    <Section id="calls" title={t('optionsCallsTitle')} intro={t('optionsCallsIntro')} paths={['calls']}>
      <ToggleField
        path="calls.pageContext"
        label={t('optionsPageContext')}
        hint={
          <>
            {t('optionsPageContextHelp')}
            <span class="hint-example">
              {t('optionsPageContextExample')}{' '}
              <code>{'"url": "https://admin.example.com/#/orders/42", "title": "Order 42"'}</code>
            </span>
          </>
        }
      />
    </Section>
  );
}
