/*
 * The demo iframe shell: a menu opens admin pages as tabs, each an <iframe>; only the selected
 * tab's frame is shown (the others are display:none, as layui and RuoYi do). Plain ES5, text only.
 */
(function () {
  'use strict';

  var tabs = document.querySelector('.tabs');
  var panes = document.querySelector('.panes');
  var open = {};

  // The "other site" is this very server under its other loopback name: another host, another site.
  var otherOrigin =
    location.protocol +
    '//' +
    (location.hostname === 'localhost' ? '127.0.0.1' : 'localhost') +
    (location.port ? ':' + location.port : '');
  function otherSite() {
    return otherOrigin + '/plain-users.html';
  }
  // `?pages=other`: the shell is a portal of another site, and the admin pages come from this server's
  // other name (Roster's site is then the frames', not the top page's).
  var pagesFrom = /[?&]pages=other(&|$)/.test(location.search) ? otherOrigin : '';

  var pages = {
    users: { title: '用户管理', src: pagesFrom + '/' },
    'users-2': { title: '用户管理 (2)', src: pagesFrom + '/index.html' },
    quick: { title: '快速名单', fill: fillQuickList },
    foreign: { title: '外部系统', src: otherSite },
  };

  /** An about:blank frame the shell fills by script, as some shells render small lists. */
  function fillQuickList(frame) {
    var doc = frame.contentDocument;
    if (!doc) return;
    fetch('/api/users', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) {
        return res.ok ? res.json() : [];
      })
      .then(function (users) {
        var table = doc.createElement('table');
        table.className = 'quick-list';
        var head = table.createTHead().insertRow();
        ['用户 User', '部门 Department'].forEach(function (label) {
          var th = doc.createElement('th');
          th.textContent = label;
          head.appendChild(th);
        });
        var body = table.createTBody();
        users.slice(0, 8).forEach(function (user) {
          var row = body.insertRow();
          row.setAttribute('data-user-id', String(user.id));
          row.insertCell().textContent = user.name;
          row.insertCell().textContent = user.department || '';
        });
        doc.body.appendChild(table);
      });
  }

  function select(key) {
    Object.keys(open).forEach(function (other) {
      if (open[other] === null) return;
      var selected = other === key;
      open[other].tab.setAttribute('aria-selected', String(selected));
      open[other].frame.style.display = selected ? 'block' : 'none';
    });
  }

  function close(key) {
    var entry = open[key];
    if (!entry) return;
    tabs.removeChild(entry.tab);
    panes.removeChild(entry.frame);
    open[key] = null;
    var left = Object.keys(open).filter(function (other) {
      return open[other] !== null;
    });
    if (left.length > 0) select(left[left.length - 1]);
  }

  function openPage(key) {
    var page = pages[key];
    if (!page) return;
    if (open[key]) return select(key);
    var tab = document.createElement('div');
    tab.className = 'tab';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('data-page', key);
    var label = document.createElement('button');
    label.type = 'button';
    label.className = 'tab-label';
    label.textContent = page.title;
    label.addEventListener('click', function () {
      select(key);
    });
    var closer = document.createElement('button');
    closer.type = 'button';
    closer.className = 'tab-close';
    closer.setAttribute('aria-label', 'Close ' + page.title);
    closer.textContent = '×';
    closer.addEventListener('click', function () {
      close(key);
    });
    tab.appendChild(label);
    tab.appendChild(closer);
    tabs.appendChild(tab);

    var frame = document.createElement('iframe');
    frame.className = 'pane';
    frame.setAttribute('data-page', key);
    frame.title = page.title;
    if (page.src) frame.src = typeof page.src === 'function' ? page.src() : page.src;
    panes.appendChild(frame);
    if (page.fill) page.fill(frame);
    open[key] = { tab: tab, frame: frame };
    select(key);
  }

  Array.prototype.forEach.call(document.querySelectorAll('.menu button'), function (button) {
    button.addEventListener('click', function () {
      openPage(button.getAttribute('data-page'));
    });
  });
  openPage('users');
})();
