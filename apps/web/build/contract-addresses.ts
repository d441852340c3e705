import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/** The parts of a contract the browser never runs: the server parses with them, the client trusts it. */
const SCHEMA_KEYS = new Set(['params', 'query', 'body', 'response']);

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function walk(node: Node, visit: (node: Node) => void) {
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) isNode(child) && walk(child, visit);
    else if (isNode(value)) walk(value, visit);
  }
}

/**
 * Drops the Zod schemas from the contracts of an API module, keeping their method,
 * path and the rest. The browser's client needs only the address (`call()` does not parse the
 * answer, and forms import the schemas they check with directly), so a screen that shows a list
 * no longer carries Zod and every schema the list's module names. Types are untouched: they are
 * the contracts' own, read by TypeScript before this runs.
 */
export function stripContractSchemas(
  code: string,
  parse: (code: string) => Node,
): { code: string; map: unknown } | null {
  const program = parse(code);
  const out = new MagicString(code);
  let changed = false;
  walk(program, (node) => {
    // Every object literal of an API module, not only `contract({...})`'s own argument: shared
    // fragments (`{ tags, params: zIdParams }`) are spread into several contracts.
    if (node.type !== 'ObjectExpression') return;
    for (const prop of node.properties as Node[]) {
      const key = prop.key as Node | undefined;
      if (
        prop.type !== 'Property' ||
        !key ||
        key.type !== 'Identifier' ||
        !SCHEMA_KEYS.has(key.name as string)
      )
        continue;
      // The property and one comma: `{ a, body: zX, b }` becomes `{ a, b }`, `{ a, body: zX }` `{ a }`.
      const after = code.slice(prop.end).match(/^\s*,\s*/);
      const before = after ? null : code.slice(0, prop.start).match(/,\s*$/);
      out.remove(prop.start - (before?.[0].length ?? 0), prop.end + (after?.[0].length ?? 0));
      changed = true;
    }
  });
  return changed ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
}

export function contractAddresses(): Plugin {
  return {
    name: 'komek:contract-addresses',
    // After TypeScript is stripped: the parser reads plain JavaScript.
    enforce: 'post',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]packages[\\/]domain[\\/]src[\\/]api[\\/][^\\/]+\.api\.ts$/ },
      handler(code) {
        return stripContractSchemas(code, (source) => this.parse(source) as unknown as Node) as never;
      },
    },
  };
}
