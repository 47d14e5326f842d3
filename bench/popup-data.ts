/** 5,000 colleagues for the popup benchmarks: Chinese and Latin names, as a mixed office has them. */

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '欧阳',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
];
const FIRST = [
  'Alice',
  'Bruno',
  'Chloé',
  'Diego',
  'Emma',
  'Farid',
  'Grace',
  'Hiroshi',
  'Inès',
  'John',
  'Karin',
  'Lukas',
  'Maria',
  'Noah',
  'Olga',
  'Priya',
];
const LAST = [
  'Martin',
  'Silva',
  'Dubois',
  'Fernández',
  'Schulz',
  'Haddad',
  "O'Neil",
  'Tanaka',
  'Kowalska',
  'Smith',
  'Berg',
  'Novak',
  'Rossi',
  'Meyer',
];

export interface BenchPerson {
  readonly id: string;
  readonly name: string;
}

/** `count` people with ids from 10,000 up; every other one has a Chinese name. */
export function benchPeople(count: number): BenchPerson[] {
  return Array.from({ length: count }, (_, index) => {
    const name =
      index % 2 === 0
        ? `${SURNAMES[index % SURNAMES.length] ?? ''}${GIVEN[Math.floor(index / SURNAMES.length) % GIVEN.length] ?? ''}`
        : `${FIRST[index % FIRST.length] ?? ''} ${LAST[Math.floor(index / FIRST.length) % LAST.length] ?? ''}`;
    return { id: String(10_000 + index), name };
  });
}

/** What a person types, one keystroke at a time: Latin, pinyin initials, an id; each then erased. */
export const TYPED = ['mar', 'zw', '12345', 'chloe d'];
