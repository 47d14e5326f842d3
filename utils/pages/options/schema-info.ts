import { SettingsSchema } from '../../core/settings/schema';

/**
 * What the settings schema says about one field, read from the schema itself so the form's limits
 * (`min`, `max`, the numbers in its error messages) can never drift from what saving enforces.
 */

interface Node {
  readonly type: string;
  readonly wrapped?: Node;
  readonly entries?: Readonly<Record<string, Node>>;
  readonly pipe?: readonly { readonly type: string; readonly requirement?: unknown }[];
}

function unwrap(node: Node | undefined): Node | undefined {
  return node?.type === 'optional' ? unwrap(node.wrapped) : node;
}

/** The schema of the (object) field at a dotted path; `undefined` inside arrays and variants. */
function schemaAt(path: string): Node | undefined {
  let node: Node | undefined = SettingsSchema;
  for (const segment of path.split('.')) node = unwrap(unwrap(node)?.entries?.[segment]);
  return node;
}

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** A number field's bounds, e.g. `connection.heartbeatSeconds` → 5…300, whole numbers. */
export function numberRange(path: string): NumberRange | undefined {
  const node = schemaAt(path);
  if (node?.type !== 'number') return undefined;
  const actions = node.pipe ?? [];
  const requirement = (type: string) => actions.find((action) => action.type === type)?.requirement;
  const min = requirement('min_value');
  const max = requirement('max_value');
  if (typeof min !== 'number' || typeof max !== 'number') return undefined;
  return { min, max, integer: actions.some((action) => action.type === 'integer') };
}
