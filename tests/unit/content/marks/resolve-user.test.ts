import * as v from 'valibot';
import { expect, test } from 'vitest';
import { UserIdSchema, type UserId } from '../../../../utils/core/protocol/schemas';
import { NameIndex } from '../../../../utils/content/marks/name-index';
import { asUserId, resolveUser, type Identified } from '../../../../utils/content/marks/resolve-user';

const names = new NameIndex({
  ['1' as UserId]: '章三',
  ['2' as UserId]: 'Alice  Martin',
  ['3' as UserId]: 'Bob',
  ['4' as UserId]: 'Bob',
});

const guess = (id: string) => () => id;

test.each<[string, Identified, object]>([
  ['a stated id the directory knows', { id: '1', name: '章三' }, { userId: '1' }],
  ['a stated id and a new name: learned', { id: '9', name: 'Zed' }, { userId: '9', learned: ['9', 'Zed'] }],
  ['a stated id is believed over the name', { id: '1', name: 'Alice Martin' }, { userId: '1' }],
  ['a name only, unique', { name: 'Alice Martin' }, { userId: '2' }],
  ['a name two people share waits', { name: 'Bob' }, { waitingFor: 'Bob' }],
  ['an unknown name waits for the directory', { name: 'Nobody' }, { waitingFor: 'Nobody' }],
  [
    'a known name: the guessed id is not even read',
    {
      name: 'Alice Martin',
      guessId: () => {
        throw new Error('read');
      },
    },
    { userId: '2' },
  ],
  [
    'an unknown name: the guessed id places it, and is learned',
    { name: 'Zed', guessId: guess('9') },
    { userId: '9', learned: ['9', 'Zed'] },
  ],
  ['a shared name: the guessed id decides', { name: 'Bob', guessId: guess('4') }, { userId: '4' }],
  [
    'a guessed id the directory gives someone else: another numbering, so wait',
    { name: 'Zed', guessId: guess('1') },
    { waitingFor: 'Zed' },
  ],
  ['an empty stated id falls back to the name', { id: '  ', name: '章三' }, { userId: '1' }],
  ['an overlong id is no id', { id: 'x'.repeat(500) }, {}],
  ['nothing', {}, {}],
])('%s', (_, row, expected) => {
  expect(resolveUser(row, names)).toEqual(expected);
});

test('a renamed user is found by the new name, not the old one', () => {
  const index = new NameIndex({ ['5' as UserId]: 'Old' });
  expect(index.update({ ['5' as UserId]: 'New' }).sort()).toEqual(['New', 'Old']);
  expect(index.idFor('New')).toBe('5');
  expect(index.idFor('Old')).toBeUndefined();
});

test.each(['42', ' 42 ', '', '   ', 'u-7', 'x'.repeat(128), 'x'.repeat(129), '李四'])(
  'row ids follow the protocol’s id rule: %j',
  (text) => {
    const parsed = v.safeParse(UserIdSchema, text);
    expect(asUserId(text)).toBe(parsed.success ? parsed.output : undefined);
  },
);
