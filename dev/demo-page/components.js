/*
 * The demo's web-component page: <user-table> renders the directory into its own shadow root
 * (open, or closed with data-mode="closed") and re-renders it whole on "Refresh". Text only.
 */
(function () {
  'use strict';

  var users = [];

  function render(root) {
    var table = document.createElement('table');
    var head = table.createTHead().insertRow();
    ['用户 User', '部门 Department'].forEach(function (label) {
      var th = document.createElement('th');
      th.textContent = label;
      head.appendChild(th);
    });
    var body = table.createTBody();
    users.forEach(function (user) {
      var row = body.insertRow();
      row.setAttribute('data-user-id', String(user.id));
      row.insertCell().textContent = user.name;
      row.insertCell().textContent = user.department || '';
    });
    var old = root.querySelector('table');
    if (old) root.replaceChild(table, old);
    else root.appendChild(table);
  }

  var roots = new WeakMap();
  var tables = [];

  function UserTable() {
    return Reflect.construct(HTMLElement, [], UserTable);
  }
  UserTable.prototype = Object.create(HTMLElement.prototype);
  UserTable.prototype.constructor = UserTable;
  UserTable.prototype.connectedCallback = function () {
    if (roots.has(this)) return;
    var root = this.attachShadow({ mode: this.getAttribute('data-mode') === 'closed' ? 'closed' : 'open' });
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/components-table.css';
    root.appendChild(link);
    roots.set(this, root);
    tables.push(this);
    render(root);
  };
  Object.setPrototypeOf(UserTable, HTMLElement);

  function rerenderAll() {
    tables.forEach(function (table) {
      render(roots.get(table));
    });
  }

  fetch('/api/users', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (res) {
      return res.ok ? res.json() : [];
    })
    .then(function (list) {
      users = list.slice(0, 12);
      // Defined after the elements are in the page: they get their roots only now.
      setTimeout(function () {
        customElements.define('user-table', UserTable);
      }, 300);
    });

  document.getElementById('refresh').addEventListener('click', rerenderAll);
})();
