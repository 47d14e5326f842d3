/**
 * The recipe's host page (seed/000_6df9066a44d3f288.txt), as its readers built it: real Vue 2 with
 * its template compiler, real Element UI, an `el-table` with the selection column fixed left and
 * the actions fixed right, and the recipe's socket code: one WebSocket per page, the whole online
 * list stored on every frame, `onlineUser.includes(row.userId)` per row, a fixed 4 s retry.
 * `?socket=off` leaves the socket out: the same page is then Roster's host.
 *
 * Rows show users 1…R in order (row i is user i + 1), so the benchmark finds a user's row by index.
 * Left out of the recipe: its `console.log` of every frame (with a debugger attached, as here, it
 * would cost far more than in a user's browser) and the call notification (not measured).
 */

/** Where a user's state shows: the recipe's icon class, or Roster's mark. */
export type PeerView = 'recipe' | 'roster';

export interface Expectation {
  readonly userId: string;
  readonly online: boolean;
}

/** What the page's script offers the benchmark, as seen from `page.evaluate`. */
export interface PeerPageWindow {
  readonly peerBench: {
    /** Resolves once the table has rendered all its rows. */
    readonly ready: Promise<number>;
    /** Watches until every expectation shows; `done` then resolves with the epoch time (ms) it did. */
    arm(view: PeerView, expected: readonly Expectation[]): void;
    readonly done: Promise<number>;
    /** Whether the row shows the user online, offline, or neither (no mark, unknown). */
    stateOf(view: PeerView, userId: string): 'online' | 'offline' | 'other';
    /** The floor: one icon's class written by hand, nothing else. */
    floorFlip(userId: string, online: boolean): void;
    /** Closes the recipe's socket for good: the page becomes Roster's host, as with `?socket=off`. */
    stopSocket(): void;
  };
}

export function recipePageHtml(): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>用户管理 · recipe</title>
<link rel="stylesheet" href="/vendor/element-ui/theme-chalk/index.css">
<style>
body { margin: 16px; font-family: sans-serif; }
.online { color: forestgreen; }
.offline { color: gainsboro; }
</style>
</head><body><div id="app"></div>
<script src="/vendor/vue.min.js"></script>
<script src="/vendor/element-ui/index.js"></script>
<script src="/recipe.js"></script>
</body></html>`;
}

export const RECIPE_PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var ROWS = Number(params.get('rows') || 1000);
  // The recipe's global config: window.g.WEBSOCKETPATH.
  window.g = { WEBSOCKETPATH: params.get('ws') || '' };

  // A Vuex-like store: the recipe's module state, reactive as Vuex makes it.
  var storeOnlineuser = { state: Vue.observable({ onlineUser: [] }) };
  Vue.prototype.$store = { state: { online: storeOnlineuser.state } };

  // js-cookie's Cookies.get, for the one cookie the recipe reads.
  function getCookie(name) {
    var parts = document.cookie.split('; ');
    for (var i = 0; i < parts.length; i++) {
      var at = parts[i].indexOf('=');
      if (parts[i].slice(0, at) === name) return decodeURIComponent(parts[i].slice(at + 1));
    }
    return undefined;
  }

  // ---- socket.js, as in the recipe ----
  var socket = null;
  var lockReconnet = false;
  var TokenKey = 'USERTOKEN';
  var wsUrl = window.g.WEBSOCKETPATH + '?token=' + getCookie(TokenKey);
  var isReconnet = false;

  var stopped = false; // the benchmark's switch (stopSocket), not the recipe's
  function createSocket(url) {
    if (stopped) return false;
    if (!getCookie(TokenKey)) return false;
    try {
      socket = new WebSocket(url);
      Vue.prototype.socket = socket;
      initSocket();
    } catch (e) {
      reconnet(url);
    }
  }
  function initSocket() {
    socket.onopen = function () {
      if (isReconnet) isReconnet = false;
    };
    socket.onmessage = function (ev) {
      var res = JSON.parse(ev.data);
      if (res.Type == 'Event') {
        // A call: the recipe's $notify (not part of this benchmark).
      } else if (res.Type == 'Chat') {
        Vue.prototype.onlineUserRes = res.Message;
        storeOnlineuser.state.onlineUser = res.Message;
      }
    };
    socket.onerror = function () {
      reconnet(wsUrl);
    };
    socket.onclose = function () {
      reconnet(wsUrl);
    };
  }
  function reconnet(url) {
    if (!getCookie(TokenKey)) return false;
    if (lockReconnet) return false;
    isReconnet = true;
    lockReconnet = true;
    setTimeout(function () {
      createSocket(url);
      lockReconnet = false;
    }, 4000);
  }

  // socket.js ends with this: it runs when main.js imports it, before the app mounts.
  if (params.get('socket') !== 'off') createSocket(wsUrl);

  // ---- the page ----
  var patList = [];
  for (var i = 0; i < ROWS; i++) {
    patList.push({ userName: '用户 ' + (i + 1), userId: String(i + 1), department: '研发部 Engineering' });
  }
  var ready;
  var readyAt = new Promise(function (resolve) {
    ready = resolve;
  });

  new Vue({
    el: '#app',
    template:
      '<div class="app-container">' +
      '<el-table :data="patList" border max-height="580" :highlight-current-row="true">' +
      '<el-table-column type="selection" width="46" fixed="left"></el-table-column>' +
      '<el-table-column prop="userName" label="用户名" width="160"></el-table-column>' +
      '<el-table-column prop="userId" label="ID" width="90"></el-table-column>' +
      '<el-table-column prop="department" label="部门" width="190"></el-table-column>' +
      '<el-table-column label="在线" width="80">' +
      '<template slot-scope="scope">' +
      '<i class="el-icon-user-solid" :class="onlineUser && onlineUser.includes(scope.row.userId) ? \'online\' : \'offline\'"></i>' +
      '</template>' +
      '</el-table-column>' +
      '<el-table-column label="操作" width="120" fixed="right">' +
      '<template slot-scope="scope"><el-button type="text" size="mini">呼叫</el-button></template>' +
      '</el-table-column>' +
      '</el-table>' +
      '</div>',
    data: function () {
      return { patList: patList, onlineUser: [] };
    },
    watch: {
      '$store.state.online.onlineUser': {
        immediate: true,
        handler: function () {
          this.$nextTick(function () {
            this.onlineUser = this.onlineUserRes;
          });
        },
      },
    },
    mounted: function () {
      this.$nextTick(function () {
        setTimeout(function () {
          ready(performance.now());
        }, 0);
      });
    },
  });

  // ---- what the benchmark reads ----
  function mainBody() {
    return document.querySelector('.el-table__body-wrapper > table > tbody');
  }
  function rowOf(userId) {
    var body = mainBody();
    return body ? body.rows[Number(userId) - 1] : undefined;
  }
  function stateOf(view, userId) {
    var row = rowOf(userId);
    if (!row) return 'other';
    if (view === 'recipe') {
      var icon = row.querySelector('i.el-icon-user-solid');
      if (!icon) return 'other';
      return icon.classList.contains('online') ? 'online' : 'offline';
    }
    var mark = row.querySelector('roster-mark');
    var state = mark && mark.getAttribute('data-roster-state');
    return state === 'online' || state === 'offline' ? state : 'other';
  }
  function holds(view, expected) {
    for (var i = 0; i < expected.length; i++) {
      if (stateOf(view, expected[i].userId) !== (expected[i].online ? 'online' : 'offline')) return false;
    }
    return true;
  }
  var bench = {
    ready: readyAt,
    done: Promise.resolve(0),
    stateOf: stateOf,
    arm: function (view, expected) {
      var resolveDone;
      bench.done = new Promise(function (resolve) {
        resolveDone = resolve;
      });
      // Rows may be replaced (the host re-renders): watch the whole table, not one element.
      var observer = new MutationObserver(function () {
        if (!holds(view, expected)) return;
        var at = performance.timeOrigin + performance.now();
        observer.disconnect();
        resolveDone(at);
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['class', 'data-roster-state'],
      });
      if (holds(view, expected)) {
        observer.disconnect();
        resolveDone(performance.timeOrigin + performance.now());
      }
    },
    stopSocket: function () {
      stopped = true;
      if (!socket) return;
      socket.onclose = socket.onerror = socket.onmessage = null;
      socket.close();
      socket = null;
    },
    floorFlip: function (userId, online) {
      var icon = rowOf(userId).querySelector('i.el-icon-user-solid');
      icon.className = 'el-icon-user-solid ' + (online ? 'online' : 'offline');
    },
  };
  window.peerBench = bench;
})();
`;
