/**
 * Pinyin initials of Han characters ("章三" → "zs"), so colleagues can be found the way Chinese
 * users type them, with no pinyin dictionary: the browser's pinyin collation already knows where
 * each character sorts, and the first character of each initial is a known boundary.
 */

const LETTERS = 'abcdefghjklmnopqrstwxyz';
/** The first character, in pinyin collation, of each initial in LETTERS (no i, u, v initials). */
const BOUNDARIES: readonly string[] = [
  '阿',
  '八',
  '嚓',
  '哒',
  '妸',
  '发',
  '旮',
  '哈',
  '讥',
  '咔',
  '垃',
  '妈',
  '拏',
  '噢',
  '妑',
  '七',
  '呥',
  '扨',
  '它',
  '穵',
  '夕',
  '丫',
  '帀',
];
const isHan = /\p{Script=Han}/u;

export type Initials = (text: string) => string;

/**
 * Returns a function giving the initials of the Han characters in a text ('' where unsupported).
 * The collator is made on the first Han character, not before: names without any cost nothing.
 */
export function pinyinInitials(): Initials {
  let initialOf: ((char: string) => string) | undefined;
  return (text) => {
    let initials = '';
    for (const char of text) if (isHan.test(char)) initials += (initialOf ??= createInitialOf())(char);
    return initials;
  };
}

function createInitialOf(): (char: string) => string {
  const collator = new Intl.Collator('zh-u-co-pinyin');
  // An engine without pinyin collation data orders the boundaries some other way: then give up
  // rather than invent initials.
  const ordered = BOUNDARIES.every(
    (char, index) => index === 0 || collator.compare(BOUNDARIES[index - 1] ?? '', char) < 0,
  );
  if (!ordered || collator.compare('李', '垃') < 0 || collator.compare('李', '妈') > 0) return () => '';
  const cache = new Map<string, string>();
  const initialOf = (char: string): string => {
    let initial = cache.get(char);
    if (initial !== undefined) return initial;
    let low = 0;
    let high = BOUNDARIES.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (collator.compare(char, BOUNDARIES[middle] ?? '') >= 0) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    initial = found < 0 ? '' : (LETTERS[found] ?? '');
    cache.set(char, initial);
    return initial;
  };
  return initialOf;
}
