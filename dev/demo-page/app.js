/*
 * The demo host page: an admin system in the style Roster was made for (Vue 2 + Element UI).
 * Vue's runtime-only build with render functions, because the page's CSP allows no 'unsafe-eval'
 * (in-DOM templates would need Vue's compiler, which uses `new Function`).
 * Names are always rendered as text (render-function children), never as HTML.
 * This page opens no WebSocket: the host system never had presence; the extension adds it.
 * Like a Vue 2 app with vuex-persistedstate, it keeps its store in localStorage under `vuex`,
 * including who is signed in: some hosts expose the user to scripts only that way.
 */
(function () {
  'use strict';

  var Vue = window.Vue;
  var PAGE_SIZE = 10;
  // Element UI's UMD build installs itself when it finds window.Vue; be explicit if it did not.
  if (window.ELEMENT && !Vue.prototype.$message) Vue.use(window.ELEMENT);

  var ACTIVITY = [
    '更新了订单 Updated order',
    '导出了报表 Exported a report',
    '审批了请假 Approved leave',
    '修改了权限 Changed roles',
    '登录 Signed in',
    '上传了合同 Uploaded a contract',
  ];

  function getJson(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (res) {
      if (res.status === 401) return null;
      if (!res.ok) throw new Error(path + ': HTTP ' + res.status);
      return res.json();
    });
  }

  // vuex-persistedstate's default key; the value is the JSON of the whole store state.
  var STORE_KEY = 'vuex';

  function readStore() {
    try {
      var state = JSON.parse(window.localStorage.getItem(STORE_KEY) || 'null');
      return state && typeof state === 'object' && !Array.isArray(state) ? state : {};
    } catch (error) {
      // Not JSON, or storage blocked: start from an empty state, as the plugin does.
      console.warn('vuex state not restored: ' + error.message);
      return {};
    }
  }

  // The signed-in user as the store holds it (`null` once signed out), in the server's id type.
  function persistUser(user) {
    var state = readStore();
    state.user = user ? { id: user.id, name: user.name, department: user.department } : null;
    if (!state.app) state.app = { sidebar: { opened: true } };
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch (error) {
      // Storage full or blocked: the page works without it.
      console.warn('vuex state not saved: ' + error.message);
    }
  }

  // `GET /api/me` answers like a Vue admin template: `{code: 20000, data: {id, userName, department}}`.
  function userFromMe(answer) {
    var data = answer && answer.code === 20000 ? answer.data : null;
    return data ? { id: data.id, name: data.userName, department: data.department || '' } : null;
  }

  function compareBy(prop) {
    return function (a, b) {
      if (prop === 'id') return Number(a.id) - Number(b.id) || String(a.id).localeCompare(String(b.id));
      return String(a[prop]).localeCompare(String(b[prop]), 'zh-CN');
    };
  }

  // Made-up but stable details, so the table looks like a real one.
  function phoneOf(id) {
    return '138 ' + String(1000 + ((Number(id) * 7919) % 9000)) + ' ' + String(1000 + ((Number(id) * 104729) % 9000));
  }
  function createdOf(id) {
    var day = 1 + ((Number(id) * 37) % 28);
    var month = 1 + ((Number(id) * 5) % 12);
    return '2023-' + (month < 10 ? '0' : '') + month + '-' + (day < 10 ? '0' : '') + day;
  }

  new Vue({
    el: '#app',
    data: function () {
      return {
        loading: true,
        error: '',
        me: null,
        signInUsers: [],
        selectedUserId: '',
        users: [],
        search: '',
        page: 1,
        sortProp: '',
        sortOrder: '',
        selection: [],
      };
    },
    computed: {
      filtered: function () {
        var query = this.search.trim().toLowerCase();
        if (!query) return this.users;
        return this.users.filter(function (user) {
          return [user.name, user.id, user.email, user.department].some(function (field) {
            return String(field).toLowerCase().indexOf(query) >= 0;
          });
        });
      },
      sorted: function () {
        if (!this.sortProp || !this.sortOrder) return this.filtered;
        var rows = this.filtered.slice().sort(compareBy(this.sortProp));
        return this.sortOrder === 'descending' ? rows.reverse() : rows;
      },
      pageRows: function () {
        var start = (this.page - 1) * PAGE_SIZE;
        return this.sorted.slice(start, start + PAGE_SIZE).map(function (user) {
          return Object.assign({ phone: phoneOf(user.id), created: createdOf(user.id) }, user);
        });
      },
      recent: function () {
        var byId = {};
        this.users.forEach(function (user) {
          byId[user.id] = user;
        });
        return ['3', '7', '13', '2', '21', '9']
          .filter(function (id) {
            return byId[id];
          })
          .map(function (id, index) {
            return {
              user: byId[id],
              action: ACTIVITY[index % ACTIVITY.length],
              when: index * 7 + 2 + ' 分钟前 min ago',
            };
          });
      },
      // Includes the hostile and the very long name on purpose.
      team: function () {
        var byId = {};
        this.users.forEach(function (user) {
          byId[user.id] = user;
        });
        return ['1', '2', '3', '4', '6', '7', '13', '21', '30']
          .filter(function (id) {
            return byId[id];
          })
          .map(function (id) {
            return byId[id];
          });
      },
    },
    created: function () {
      this.load();
    },
    methods: {
      load: function () {
        var vm = this;
        vm.loading = true;
        // Who is signed in comes from "who am I"; the session API only lists whom to sign in as.
        Promise.all([getJson('/api/me'), getJson('/api/session')])
          .then(function (answers) {
            vm.signInUsers = answers[1].signInUsers;
            vm.setMe(userFromMe(answers[0]));
            return vm.me ? getJson('/api/users') : null;
          })
          .then(function (users) {
            if (vm.me && users === null) vm.setMe(null); // the session ended meanwhile
            vm.users = users || [];
          })
          .catch(function (error) {
            vm.error = String(error.message || error);
          })
          .then(function () {
            vm.loading = false;
          });
      },
      setMe: function (user) {
        this.me = user;
        persistUser(user);
      },
      onSort: function (sort) {
        this.sortProp = sort.prop || '';
        this.sortOrder = sort.order || '';
        this.page = 1;
      },
      onEdit: function (row) {
        this.$message({ message: 'Demo: editing ' + row.name + ' is not implemented', type: 'info' });
      },
      onDisable: function (row) {
        var vm = this;
        vm.$confirm('Disable ' + row.name + '? (demo: nothing changes)', '确认 Confirm', { type: 'warning' })
          .then(function () {
            vm.$message({ message: 'Nothing was changed: this is a demo', type: 'success' });
          })
          .catch(function () {});
      },
    },
    render: function (h) {
      var vm = this;
      return h('el-container', { class: 'layout' }, [
        renderHeader(h, vm),
        h('el-container', { class: 'body' }, [
          renderAside(h, vm),
          h('el-main', { class: 'main' }, [
            h('el-breadcrumb', { class: 'crumbs', props: { separatorClass: 'el-icon-arrow-right' } }, [
              h('el-breadcrumb-item', '首页 Home'),
              h('el-breadcrumb-item', '系统管理 System'),
              h('el-breadcrumb-item', '用户管理 Users'),
            ]),
            vm.error
              ? h('el-alert', { props: { type: 'error', title: vm.error, showIcon: true, closable: false } })
              : null,
            vm.loading && !vm.me
              ? h('div', { class: 'placeholder', directives: [{ name: 'loading', value: true }] })
              : null,
            !vm.loading && !vm.me ? renderSignIn(h, vm) : null,
            vm.me ? renderUsersCard(h, vm) : null,
            vm.me ? renderBottomRow(h, vm) : null,
          ]),
        ]),
      ]);
    },
  });

  function renderHeader(h, vm) {
    var right = vm.me
      ? [
          h('i', { class: 'el-icon-bell header-icon', attrs: { title: '通知 Notifications' } }),
          h('span', { class: 'header-user' }, [
            h('i', { class: 'el-icon-user-solid' }),
            h('span', { class: 'header-user-name', attrs: { 'data-current-user-id': vm.me.id } }, vm.me.name),
          ]),
          // Signing out forgets the user at once, not only when the next page load asks /api/me.
          h(
            'form',
            {
              class: 'inline-form',
              attrs: { method: 'post', action: '/logout' },
              on: {
                submit: function () {
                  persistUser(null);
                },
              },
            },
            [h('el-button', { props: { size: 'mini', nativeType: 'submit', icon: 'el-icon-switch-button' } }, 'Logout')]
          ),
        ]
      : [h('span', { class: 'header-muted' }, '未登录 Not signed in')];
    return h('el-header', { class: 'header', props: { height: '56px' } }, [
      h('div', { class: 'brand' }, [
        h('span', { class: 'brand-mark' }, 'R'),
        h('span', '星辰后台管理系统'),
        h('small', 'Demo Admin'),
      ]),
      h('div', { class: 'header-right' }, right),
    ]);
  }

  function renderAside(h, vm) {
    var items = [
      ['dashboard', 'el-icon-s-home', '仪表盘 Dashboard'],
      ['users', 'el-icon-user', '用户管理 Users'],
      ['orders', 'el-icon-s-order', '订单管理 Orders'],
      ['reports', 'el-icon-s-data', '报表 Reports'],
      ['settings', 'el-icon-setting', '系统设置 Settings'],
    ];
    return h('el-aside', { class: 'aside', props: { width: '210px' } }, [
      h(
        'el-menu',
        {
          class: 'menu',
          props: {
            defaultActive: 'users',
            backgroundColor: '#304156',
            textColor: '#bfcbd9',
            activeTextColor: '#409EFF',
          },
        },
        items.map(function (item) {
          return h('el-menu-item', { key: item[0], props: { index: item[0] } }, [
            h('i', { class: item[1] }),
            h('span', item[2]),
          ]);
        })
      ),
      vm.me ? renderTeam(h, vm) : null,
    ]);
  }

  // Markup kind 3 for the extension: any element carrying data-user-id.
  function renderTeam(h, vm) {
    return h('div', { class: 'team' }, [
      h('div', { class: 'team-title' }, '团队 Team'),
      h(
        'ul',
        { class: 'team-list' },
        vm.team.map(function (user) {
          return h('li', { key: user.id, class: 'team-item' }, [
            h(
              'span',
              { class: 'team-name', attrs: { 'data-user-id': user.id, 'data-user-name': user.name, title: user.name } },
              user.name
            ),
          ]);
        })
      ),
    ]);
  }

  function renderSignIn(h, vm) {
    return h('el-card', { class: 'sign-in', props: { shadow: 'hover' } }, [
      h('div', { slot: 'header', class: 'card-header' }, [h('span', '登录 Sign in')]),
      h(
        'p',
        { class: 'hint' },
        'Demo sign-in: pick a user. The server sets the USERTOKEN cookie, as the real host system does.'
      ),
      h('form', { class: 'sign-in-form', attrs: { method: 'post', action: '/login' } }, [
        h(
          'el-select',
          {
            class: 'sign-in-select',
            props: {
              value: vm.selectedUserId,
              filterable: true,
              placeholder: '选择用户 Choose a user',
              popperClass: 'sign-in-dropdown',
            },
            on: {
              input: function (value) {
                vm.selectedUserId = value;
              },
            },
          },
          vm.signInUsers.map(function (user) {
            return h('el-option', {
              key: user.id,
              props: { value: user.id, label: user.name + '  (#' + user.id + ')' },
            });
          })
        ),
        h('input', { attrs: { type: 'hidden', name: 'userId', value: vm.selectedUserId } }),
        h('el-button', { props: { type: 'primary', nativeType: 'submit', disabled: !vm.selectedUserId } }, 'Sign in'),
      ]),
    ]);
  }

  // Markup kind 1: an el-table with fixed columns, so each row exists up to three times.
  function renderUsersCard(h, vm) {
    var column = function (props, cell) {
      return h('el-table-column', {
        props: props,
        scopedSlots: cell
          ? {
              default: function (scope) {
                return cell(scope.row);
              },
            }
          : undefined,
      });
    };
    return h('el-card', { class: 'users-card', props: { shadow: 'never' } }, [
      h('div', { slot: 'header', class: 'card-header' }, [
        h('span', { class: 'card-title' }, '用户列表 / Users'),
        h('el-input', {
          class: 'search',
          props: { value: vm.search, size: 'small', prefixIcon: 'el-icon-search', clearable: true },
          // el-input passes native attributes such as placeholder through $attrs, not props.
          attrs: { placeholder: '搜索 Search name, ID, email' },
          on: {
            input: function (value) {
              vm.search = value;
              vm.page = 1;
            },
          },
        }),
      ]),
      h(
        'el-table',
        {
          class: 'users-table',
          props: {
            data: vm.pageRows,
            rowKey: 'id',
            border: true,
            stripe: true,
            size: 'small',
            headerCellClassName: 'table-head',
          },
          on: {
            'sort-change': vm.onSort,
            'selection-change': function (rows) {
              vm.selection = rows;
            },
          },
          directives: [{ name: 'loading', value: vm.loading }],
        },
        [
          column({ type: 'selection', width: 46, fixed: 'left' }),
          column(
            { label: '用户名', prop: 'name', sortable: 'custom', minWidth: 200, showOverflowTooltip: true },
            function (row) {
              return h('span', { class: 'user-name' }, row.name);
            }
          ),
          column({ label: 'ID', prop: 'id', sortable: 'custom', width: 80 }),
          column({ label: 'Department', prop: 'department', sortable: 'custom', width: 190 }),
          column({ label: 'Email', prop: 'email', minWidth: 230, showOverflowTooltip: true }),
          column({ label: 'Phone', prop: 'phone', width: 140 }),
          column({ label: 'Status', width: 90 }, function () {
            return h('el-tag', { props: { size: 'mini', type: 'success' } }, '启用 Active');
          }),
          column({ label: 'Created', prop: 'created', width: 110 }),
          column({ label: 'Actions', width: 150, fixed: 'right' }, function (row) {
            return h('span', { class: 'row-actions' }, [
              h(
                'el-button',
                {
                  props: { type: 'text', size: 'mini', icon: 'el-icon-edit' },
                  on: {
                    click: function () {
                      vm.onEdit(row);
                    },
                  },
                },
                'Edit'
              ),
              h(
                'el-button',
                {
                  class: 'danger',
                  props: { type: 'text', size: 'mini', icon: 'el-icon-remove-outline' },
                  on: {
                    click: function () {
                      vm.onDisable(row);
                    },
                  },
                },
                'Disable'
              ),
            ]);
          }),
        ]
      ),
      h('div', { class: 'pager' }, [
        h('span', { class: 'selected-count' }, vm.selection.length ? '已选 ' + vm.selection.length + ' selected' : ''),
        h('el-pagination', {
          props: {
            background: true,
            layout: 'total, prev, pager, next, jumper',
            pageSize: PAGE_SIZE,
            total: vm.filtered.length,
            currentPage: vm.page,
          },
          on: {
            'current-change': function (page) {
              vm.page = page;
            },
          },
        }),
      ]),
    ]);
  }

  function renderBottomRow(h, vm) {
    return h('el-row', { class: 'bottom-row', props: { gutter: 16 } }, [
      h('el-col', { props: { span: 15 } }, [renderRecent(h, vm)]),
      h('el-col', { props: { span: 9 } }, [renderAbout(h)]),
    ]);
  }

  // Markup kind 2: a plain <table> whose header says "User".
  function renderRecent(h, vm) {
    return h('el-card', { class: 'recent-card', props: { shadow: 'never' } }, [
      h('div', { slot: 'header', class: 'card-header' }, [
        h('span', { class: 'card-title' }, '最近活动 / Recently active'),
      ]),
      h('table', { class: 'plain-table recent-table' }, [
        h('thead', [h('tr', [h('th', 'User'), h('th', 'ID'), h('th', 'Action'), h('th', 'When')])]),
        h(
          'tbody',
          vm.recent.map(function (entry) {
            return h('tr', { key: entry.user.id }, [
              h('td', { class: 'recent-user' }, entry.user.name),
              h('td', entry.user.id),
              h('td', entry.action),
              h('td', { class: 'muted' }, entry.when),
            ]);
          })
        ),
      ]),
    ]);
  }

  function renderAbout(h) {
    return h('el-card', { class: 'about-card', props: { shadow: 'never' } }, [
      h('div', { slot: 'header', class: 'card-header' }, [h('span', { class: 'card-title' }, '关于 About this demo')]),
      h('p', 'This page stands in for an existing admin system. It has no presence and no calling of its own.'),
      h(
        'p',
        'With the Roster extension loaded, green dots show who is online in the tables above, and colleagues can ring you.'
      ),
    ]);
  }
})();
