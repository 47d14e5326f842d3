import { t } from '../../utils/extension/i18n';
import { identitySources, type Me } from '../../utils/core/identity/me';
import type { Ambiguity } from '../../utils/core/identity/server-evidence';
import type { IdentityStatus } from '../../utils/core/identity/status';
import { fromWords, sourceLabel, sourceWords, youAreWords } from '../../utils/pages/options/identity-text';
import type { DirectoryEntries } from '../../utils/core/presence/directory';
import { ownValue } from '../../utils/core/presence/id-table';

interface Props {
  /** "Right now" or "With these settings". */
  readonly heading: string;
  readonly me: Me | null;
  readonly signedIn: boolean;
  readonly sources: IdentityStatus['sources'];
  readonly ambiguity?: Ambiguity | undefined;
  readonly names: DirectoryEntries;
}

/** Who I am and where that came from, in words, with how every source stands. */
export function IdentityReport({ heading, me, signedIn, sources, ambiguity, names }: Props) {
  const name = me ? me.name || ownValue(names, me.id) || '' : '';
  const headline = youAreWords(me, signedIn, name, me ? t(fromWords(me)) : '');
  return (
    <div class="identity">
      <p class={`probe__line probe--${headline.tone === 'muted' ? 'busy' : headline.tone}`}>
        <span class="status__dot" aria-hidden="true" />
        <span class="identity__heading">{heading}:</span> {t(headline.key, ...headline.substitutions)}
      </p>
      <dl class="identity__sources">
        {identitySources.map((source) => {
          const line = sourceWords(source, sources[source], ambiguity);
          return (
            <div key={source} class={`identity__source identity__source--${line.tone}`} data-source={source}>
              <dt>{t(sourceLabel[source])}</dt>
              <dd>{t(line.key, ...line.substitutions)}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
