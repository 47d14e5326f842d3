/**
 * A generated admin page in Element UI's markup (the real theme CSS, no Vue): an el-table with
 * the selection column fixed left and the actions fixed right, so each row exists three times,
 * like the recipe's host pages. `window.rosterBench.render(count, offset)` replaces every row at
 * once, as Vue does on a page change or a sort.
 */
/** What the page's script offers the benchmark, as seen from `page.evaluate`. */
export interface MarkingPageWindow {
  readonly rosterBench: { render(count: number, offset: number): void };
}

export function markingPageHtml(themeCssUrl: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Marking benchmark</title>
<link rel="stylesheet" href="${themeCssUrl}">
<style>body { margin: 16px; font-family: sans-serif; } .el-table__body-wrapper { max-height: none; }</style>
</head><body><div id="table"></div><script src="/page.js"></script></body></html>`;
}

export const MARKING_PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var USERS = 2000;
  var columns = [
    { label: '', fixed: 'left', width: 46 },
    { label: '用户名', width: 200 },
    { label: 'ID', width: 80 },
    { label: '部门 Department', width: 190 },
    { label: 'Email', width: 230 },
    { label: '操作', fixed: 'right', width: 150 },
  ];
  var WIDTH = columns.reduce(function (sum, column) { return sum + column.width; }, 0);
  // Element writes a colgroup with every column's width into each of its tables.
  function colgroup() {
    var group = el('colgroup');
    columns.forEach(function (column, index) {
      var col = el('col');
      col.setAttribute('name', 'el-table_1_column_' + (index + 1));
      col.setAttribute('width', String(column.width));
      group.append(col);
    });
    return group;
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  // Element hides, in each body, the cells another body shows.
  function hidden(column, body) {
    if (body === 'left') return column.fixed !== 'left';
    if (body === 'right') return column.fixed !== 'right';
    return !!column.fixed;
  }
  function header(body) {
    var table = el('table', 'el-table__header');
    table.style.width = WIDTH + 'px';
    table.append(colgroup());
    var tr = el('tr');
    columns.forEach(function (column, index) {
      var th = el('th', 'el-table_1_column_' + (index + 1) + ' is-leaf el-table__cell' + (hidden(column, body) ? ' is-hidden' : ''));
      th.append(el('div', 'cell', column.label));
      tr.append(th);
    });
    var thead = el('thead');
    thead.append(tr);
    table.append(thead);
    return table;
  }
  function row(index, body) {
    var user = (index % USERS) + 1;
    var tr = el('tr', 'el-table__row' + (index % 2 ? ' el-table__row--striped' : ''));
    var texts = ['', '用户 ' + user, String(user), '研发部 Engineering', 'user' + user + '@example.com', '编辑 Edit'];
    columns.forEach(function (column, col) {
      var td = el('td', 'el-table_1_column_' + (col + 1) + ' el-table__cell' + (hidden(column, body) ? ' is-hidden' : ''));
      var cell = el('div', col === 1 ? 'cell el-tooltip' : 'cell');
      if (col === 1) cell.append(el('span', 'user-name', texts[col]));
      else cell.textContent = texts[col];
      td.append(cell);
      tr.append(td);
    });
    return tr;
  }
  var root = el('div', 'el-table el-table--fit el-table--border el-table--small');
  var bodies = {};
  function section(className, body) {
    var wrapper = el('div', className);
    var headerWrapper = el('div', body === 'main' ? 'el-table__header-wrapper' : 'el-table__fixed-header-wrapper');
    headerWrapper.append(header(body));
    var bodyWrapper = el('div', body === 'main' ? 'el-table__body-wrapper' : 'el-table__fixed-body-wrapper');
    var table = el('table', 'el-table__body');
    table.style.width = WIDTH + 'px';
    table.append(colgroup());
    var tbody = el('tbody');
    table.append(tbody);
    bodyWrapper.append(table);
    wrapper.append(headerWrapper, bodyWrapper);
    bodies[body] = tbody;
    return body === 'main' ? [headerWrapper, bodyWrapper] : [wrapper];
  }
  root.append.apply(root, section('', 'main').concat(section('el-table__fixed', 'left'), section('el-table__fixed-right', 'right')));
  document.getElementById('table').append(root);

  window.rosterBench = {
    render: function (count, offset) {
      ['main', 'left', 'right'].forEach(function (body) {
        var rows = [];
        for (var index = 0; index < count; index++) rows.push(row(index + offset, body));
        bodies[body].replaceChildren.apply(bodies[body], rows);
      });
    },
  };
})();
`;
