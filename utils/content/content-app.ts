import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../extension/i18n';
import { createLogger } from '../core/log';
import type { RosterClient } from '../core/roster-client';
import { ownValue } from '../core/presence/id-table';
import { Marker } from './marks/marker';
import { loadHoverCardOnUse } from './card/card-loader';
import { contextTimers } from './page/host-client';
import { markLabels } from './marks/labels';
import { createMarkRenderer, isMark } from './marks/mark-element';
import { createNameLearner } from './marks/name-learner';
import { pageAddress } from './page/page-address';
import { createPageScope, wantsCustomProfiles } from './page/page-scope';
import { loadProfilesOnUse } from './tables/profiles-loader';
import { followPresenceInterest } from './marks/presence-interest';
import { syncPresence } from './marks/presence-sync';
import type { PageSettings } from './page/page-settings';
import { observeRows } from './marks/row-observer';
import { styleShadowRootsOnUse } from './marks/shadow-styles';
import { onSiteUnlisted } from './page/sites-listener';
import { measured } from './marks/timing';

const log = createLogger('content');

/**
 * Presence marks in a host page: the page's rows are observed, marked through the site profiles,
 * and kept in step with the background's presence. Everything ends with `ctx`: extension reload,
 * update, or the site leaving Roster's list removes every mark and listener.
 */
export function startPresenceMarks(ctx: ContentScriptContext, client: RosterClient, settings: PageSettings): void {
  const { signal } = ctx;
  const doc = document;
  const timers = contextTimers(ctx);
  const learn = createNameLearner(
    {
      send: (names) => client.request({ op: 'learnNames', names }),
      // Own keys only: an id such as `constructor` must not find Object.prototype's member.
      known: (id) => (client.state ? ownValue(client.state.names, id) : undefined),
      timers,
    },
    signal,
  );
  const labels = markLabels();
  const marker = new Marker(createMarkRenderer(doc, labels), learn);
  const card = loadHoverCardOnUse(
    {
      window,
      timers,
      text: t,
      labels,
      subjectOf: (mark) => {
        const owner = marker.ownerOf(mark);
        return owner && { userId: owner.userId, name: marker.nameOf(owner.userId) ?? owner.shownName ?? owner.userId };
      },
      stateOf: (id) => marker.stateOf(id),
      // About this page: the background sends it only if the settings allow and it is a site's page.
      call: (to) => client.request({ op: 'sendCall', to, page: { url: location.href, title: document.title } }),
    },
    () => client.request({ op: 'loadPart', part: 'hover-card' }),
    signal,
  );
  // `rows` is used only from callbacks, which run after it exists.
  const presence = syncPresence(
    client,
    marker,
    { timers, now: () => Date.now(), rescan: (found) => rows.enqueue(found), changed: (ids) => card.refresh(ids) },
    signal,
  );
  const interest = followPresenceInterest(client, { timers, quieted: () => presence.quieted() }, signal);
  const rows = observeRows(
    doc.documentElement,
    ({ rows: changed, containers, removed }) => {
      if (removed) marker.sweep();
      marker.scan(changed, containers);
      interest.rows(marker.hasRows);
    },
    {
      // The whole frame's work is timed, the reading of the host's mutation records included.
      schedule: (callback) => ctx.requestAnimationFrame(measured('roster:mark-rows', callback)),
      isOwn: (node) => isMark(node) || card.isOwn(node),
      enterRoot: styleShadowRootsOnUse(() => client.request({ op: 'loadPart', part: 'shadow-styles' }), signal),
      timers,
    },
    signal,
  );

  const scope = createPageScope();
  const customProfiles = loadProfilesOnUse(() => client.request({ op: 'loadPart', part: 'site-profiles' }), signal);
  const applyScope = () => {
    const current = settings.current();
    if (!current) return;
    const href = pageAddress(document, origin);
    // Custom profiles come first: marking by the built-ins meanwhile would move marks once they came.
    if (!customProfiles.compile && !customProfiles.tried && wantsCustomProfiles(current, href)) {
      void customProfiles.load().then(applyScope);
      return;
    }
    const profiles = scope(current, href, customProfiles.compile);
    if (!profiles) return;
    card.close();
    marker.setProfiles(profiles);
    rows.watch(marker.selector, marker.attributes, current.sites.shadowHosts);
    // No profile for this page: nothing will ever be marked here.
    if (marker.selector === '') interest.rows(false);
    log.debug(`profiles: ${profiles.map((profile) => profile.key).join(', ') || 'none (page not in scope)'}`);
  };
  settings.subscribe(applyScope, signal);
  ctx.addEventListener(window, 'wxt:locationchange', applyScope);
  onSiteUnlisted(
    () => pageAddress(document, origin),
    () => ctx.abort('site no longer listed'),
    signal,
  );

  signal.addEventListener('abort', () => marker.clear(), { once: true });
}
