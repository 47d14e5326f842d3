import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/extension/i18n';
import type { Me } from '../../utils/core/identity/me';
import type { DirectoryEntries } from '../../utils/core/presence/directory';
import type { PresenceSnapshot } from '../../utils/core/presence/store';
import type { UserId } from '../../utils/core/protocol/schemas';
import { VirtualList } from '../VirtualList';
import { rowsPerPage } from '../../utils/pages/popup/virtual-window';
import { nameOrder } from '../../utils/pages/popup/collate';
import type { KeyTarget } from '../../utils/pages/popup/keyboard';
import { useLocale } from '../../utils/pages/popup/locale';
import { offlineIds, offlinePeople } from '../../utils/pages/popup/people';
import { peopleRows, type PeopleRow } from '../../utils/pages/popup/people-rows';
import { OfflineRow, OfflineToggle, OnlineRow } from './PeopleRows';
import { pinyinInitials } from '../../utils/pages/popup/pinyin';
import { queryTerms, SearchIndex } from '../../utils/pages/popup/search';
import { sortPeople } from '../../utils/pages/popup/sorted-online';
import { useSortedOnline } from './use-sorted-online';
import type { CallActions } from './use-call-actions';
import { usePeopleKeys } from './use-people-keys';

export const ROW_HEIGHT = 44;
const MAX_LIST_HEIGHT = 8 * ROW_HEIGHT;
/** Rows a Page Up/Down moves by. */
const PAGE = rowsPerPage(MAX_LIST_HEIGHT, ROW_HEIGHT);

interface Props {
  readonly presence: PresenceSnapshot;
  readonly names: DirectoryEntries;
  readonly me: Me | null;
  readonly connected: boolean;
  readonly now: number;
  readonly calls: CallActions;
  readonly announce: (text: string) => void;
}

function keyTarget(row: PeopleRow): KeyTarget {
  if (row.kind === 'online') return { kind: 'person', id: row.person.id };
  return row.kind === 'offline-toggle' && !row.fixed ? { kind: 'toggle' } : null;
}

/**
 * Who is online, searchable and callable from the keyboard: type to filter, arrows to move,
 * Enter to arm a call and Enter again to place it. Offline colleagues follow, collapsed.
 */
export function PeoplePanel({ presence, names, me, connected, now, calls, announce }: Props) {
  const locale = useLocale();
  const order = useMemo(() => nameOrder(locale), [locale]);
  const index = useMemo(() => new SearchIndex(pinyinInitials()), []);
  const meId = me?.id;
  const sorted = useSortedOnline(presence.online, names, meId, order);
  const online = sorted.people;
  const [expanded, setExpanded] = useState(false);
  const [query, setQuery] = useState('');
  const terms = useMemo(() => queryTerms(query), [query]);
  const searching = terms.length > 0;
  const absentIds = useMemo(
    () => offlineIds(presence.online, names, presence.lastSeen, meId),
    [presence.online, presence.lastSeen, names, meId],
  );
  // Offline people are built only once someone looks at them, and only the ones shown are sorted.
  const offline = useMemo(
    () => (expanded || searching ? offlinePeople(absentIds, names, presence.lastSeen) : []),
    [expanded, searching, absentIds, names, presence.lastSeen],
  );
  const shownOnline = useMemo(() => {
    const matches = index.filter(online, terms);
    // A search in the first moments, before the whole list is in order: order the matches.
    return sorted.complete || !searching ? matches : sortPeople(matches, order);
  }, [index, online, terms, sorted.complete, searching, order]);
  const shownOffline = useMemo(() => sortPeople(index.filter(offline, terms), order), [index, offline, terms, order]);
  const rows = useMemo(
    () => peopleRows(shownOnline, { total: absentIds.length, shown: shownOffline }, expanded, searching),
    [shownOnline, absentIds, shownOffline, expanded, searching],
  );
  const targets = useMemo(() => rows.map(keyTarget), [rows]);

  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [listFocused, setListFocused] = useState(false);
  // The active row is highlighted once the keyboard is in use: a search, or focus in the list.
  const highlight = query !== '' || listFocused;

  const toggleOffline = () => {
    // Opening the section scrolls it up into view: the people it holds are what was asked for.
    const head = rows.findIndex((row) => row.kind === 'offline-toggle');
    if (!expanded && head >= 0) keys.revealRow(head + PAGE - 1);
    setExpanded((open) => !open);
  };
  // Read through a ref: someone coming or going while a call is armed must not announce it again.
  const latestOnline = useRef(online);
  latestOnline.current = online;
  const armedAloud = useCallback(
    (id: UserId) =>
      announce(t('popupConfirmCall', latestOnline.current.find((person) => person.id === id)?.name ?? id)),
    [announce],
  );
  const keys = usePeopleKeys({
    targets,
    pageSize: PAGE,
    hasQuery: query !== '',
    search,
    list,
    call: calls.call,
    toggleOffline,
    clearQuery: () => setQuery(''),
    armedAloud,
  });
  const { active, armed: armedId } = keys;

  useEffect(() => {
    // Most visits start by typing a name. After the first paint: focusing forces a layout.
    search.current?.focus();
  }, []);
  useEffect(() => {
    // Build the search keys after the first paint, not on the first keystroke.
    const timer = setTimeout(() => index.warm(online), 50);
    return () => clearTimeout(timer);
  }, [index, online]);

  const renderRow = (row: number) => {
    const item = rows[row];
    const isActive = row === active;
    const activeClass = isActive ? ' is-active' : '';
    if (!item) return { key: `missing:${row}`, children: null };
    switch (item.kind) {
      case 'online': {
        const { person } = item;
        const isArmed = armedId === person.id;
        return {
          key: `online:${person.id}`,
          class: `person${activeClass}${isArmed ? ' is-armed' : ''}`,
          children: (
            <OnlineRow
              person={person}
              status={calls.status(person.id, now)}
              armed={isArmed}
              tabStop={isActive}
              blocked={!calls.canCall(person.id, now)}
              onFocus={() => keys.focusRow(row)}
              onCall={() => {
                keys.clicked(row);
                calls.call(person.id);
              }}
            />
          ),
        };
      }
      case 'offline-toggle':
        return {
          key: 'offline-toggle',
          class: `section${activeClass}`,
          children: (
            <OfflineToggle
              count={item.count}
              expanded={item.expanded}
              fixed={item.fixed}
              tabStop={isActive}
              onFocus={() => keys.focusRow(row)}
              onToggle={toggleOffline}
            />
          ),
        };
      case 'offline':
        return {
          key: `offline:${item.person.id}`,
          class: 'absent',
          children: <OfflineRow person={item.person} now={now} />,
        };
    }
  };

  return (
    <div class={`people${highlight ? ' people--highlight' : ''}`}>
      <div class="search">
        <label class="sr-only" for="people-search">
          {t('popupSearchLabel')}
        </label>
        <input
          ref={search}
          id="people-search"
          class="search__input"
          type="search"
          autoFocus
          autoComplete="off"
          spellcheck={false}
          placeholder={t('popupSearchPlaceholder')}
          aria-describedby="people-search-help"
          aria-controls={rows.length > 0 ? 'people-list' : undefined}
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            keys.restart();
          }}
          onKeyDown={keys.onKeyDown('search')}
        />
        <p id="people-search-help" class="sr-only">
          {t('popupKeyboardHelp')}
        </p>
      </div>
      {!connected && online.length > 0 && <p class="note">{t('popupStaleList')}</p>}
      {searching && <p class="note">{t('popupMatches', shownOnline.length, online.length)}</p>}
      {online.length === 0 && !searching && <p class="empty">{t(connected ? 'nobodyOnline' : 'popupListWaiting')}</p>}
      {rows.length === 0 && searching && <p class="empty">{t('popupNoMatch', query.trim())}</p>}
      {rows.length > 0 && (
        <div
          ref={list}
          onKeyDown={keys.onKeyDown('list')}
          onFocusIn={() => setListFocused(true)}
          onFocusOut={() => setListFocused(false)}
        >
          <VirtualList
            id="people-list"
            class="people__list"
            label={t('popupPeopleLabel')}
            count={rows.length}
            rowHeight={ROW_HEIGHT}
            maxHeight={MAX_LIST_HEIGHT}
            keep={active}
            reveal={keys.reveal}
            row={renderRow}
          />
        </div>
      )}
    </div>
  );
}
