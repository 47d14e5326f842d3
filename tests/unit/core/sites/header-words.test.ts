import { expect, test } from 'vitest';
import { findUserColumns } from '../../../../utils/core/sites/header-words';

test.each([
  [['User', 'ID', 'Action'], { name: 0, id: 1, idGuessed: true }],
  [['用户名', 'ID', '部门'], { name: 0, id: 1, idGuessed: true }],
  [['姓名 ▲', '部门'], { name: 0, id: undefined, idGuessed: true }],
  [['  Username  ', 'Email'], { name: 0, id: undefined, idGuessed: true }],
  [['Order', 'User ID', 'Total'], { name: undefined, id: 1, idGuessed: false }],
  [['部门', '用户ID', '姓名'], { name: 2, id: 1, idGuessed: false }],
  [['Order', 'ID', 'Total'], undefined],
  [['序号', 'Product', 'Price'], undefined],
  [[], undefined],
])('headers %j → %j', (headers, expected) => {
  expect(findUserColumns(headers)).toEqual(expected);
});
