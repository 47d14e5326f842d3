import type { ComponentChildren } from 'preact';
import { t } from '../../utils/extension/i18n';
import { anyLockedWithin } from '../../utils/pages/options/locks';
import { LockIcon } from './fields/FieldParts';
import { useForm } from './form-context';

interface Props {
  /** The anchor the navigation links to. */
  readonly id: string;
  readonly title: string;
  readonly intro?: ComponentChildren;
  /** Settings paths this section shows: a policy lock on any of them is said in the heading. */
  readonly paths?: readonly string[];
  readonly children: ComponentChildren;
}

/** One card of the page, with its heading and a sentence on what it is for. */
export function Section({ id, title, intro, paths = [], children }: Props) {
  const { state } = useForm();
  const managed = paths.some((path) => anyLockedWithin(state.locked, path));
  return (
    <section class="card" id={id} aria-labelledby={`${id}-title`} tabIndex={-1}>
      <div class="card__head">
        <h2 id={`${id}-title`}>{title}</h2>
        {managed && (
          <span class="card__managed">
            <LockIcon />
            {t('optionsSectionManaged')}
          </span>
        )}
      </div>
      {intro && <p class="card__intro">{intro}</p>}
      {children}
    </section>
  );
}
