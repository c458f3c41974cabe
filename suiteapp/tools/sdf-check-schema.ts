/**
 * Checks every object file in `Objects/` against the vendored SDF object schema
 * (`suiteapp/reference/sdf-object-schema.json`, see sdf-schema.ts), at every nesting level: elements
 * and attributes the type does not have, required ones that are missing or empty, enum values outside
 * the list, booleans that are not T/F, numbers, maximum lengths, id patterns, and elements that repeat
 * where SDF takes one.
 *
 * Severity: the schema's `_about` says SDF only warns about an unknown element and ignores it, while
 * an unknown enum value fails validation. Both are errors here: an ignored element is a setting we
 * meant to make that never happens. The message says when SDF itself would only warn.
 */
import type { SdfIssueSink } from './sdf-issue';
import type { SdfObjectFile } from './sdf-project';
import type { SdfElementSpec, SdfSchema } from './sdf-schema';
import { BUILTIN_STRING_LIST, VENDORED_SDF_SCHEMA } from './sdf-schema';
import type { XmlElement } from './sdf-xml';

/** Enums longer than this are not listed in full in a message; the closest values are. */
const MAX_LISTED_VALUES = 40;

interface Place {
  file: string;
  /** The object type (root element name). */
  type: string;
  /** The nearest script id at or above this element, for SdfIssue.id. */
  id: string;
  /** `usereventscript[customscript_x]/scriptdeployments/scriptdeployment[customdeploy_x]`. */
  path: string;
}

type Elements = Readonly<Record<string, SdfElementSpec>>;

function segment(element: XmlElement): string {
  const scriptid = element.attributes['scriptid'];
  return scriptid === undefined || scriptid === '' ? element.name : `${element.name}[${scriptid}]`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** Up to three candidates close to `value` (same prefix or few edits), best first. */
function closest(value: string, candidates: readonly string[]): string[] {
  const lower = value.toLowerCase();
  return candidates
    .map((candidate) => {
      const c = candidate.toLowerCase();
      const score = c.startsWith(lower) || lower.startsWith(c) ? 0 : distance(lower, c);
      return { candidate, score };
    })
    .filter(({ score }) => score <= Math.max(2, Math.floor(value.length / 3)))
    .sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate))
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}

function allowedValues(name: string, values: readonly string[], value: string): string {
  if (values.length <= MAX_LISTED_VALUES) return values.join(', ');
  const near = closest(value, values);
  return (
    `one of the ${values.length} values of ${name} in ${VENDORED_SDF_SCHEMA}` +
    (near.length > 0 ? ` (closest: ${near.join(', ')})` : '')
  );
}

function childNames(elements: Elements): string[] {
  return Object.entries(elements)
    .filter(([, spec]) => spec.attribute !== true)
    .map(([name]) => name)
    .sort();
}

function typeLabel(spec: SdfElementSpec, schema: SdfSchema): string {
  const type = spec.type;
  if (type === 'boolean') return 'T or F';
  if (type === 'number') return 'a number';
  if (typeof type === 'object' && 'enum' in type) {
    return `one of ${allowedValues(type.enum, schema.enums[type.enum] ?? [], '')}`;
  }
  if (typeof type === 'object') return 'its nested elements';
  return 'a value';
}

class SchemaChecker {
  constructor(
    private readonly schema: SdfSchema,
    private readonly sink: SdfIssueSink,
  ) {}

  checkFile(object: SdfObjectFile): void {
    const root = object.element;
    const place: Place = {
      file: object.file,
      type: root.name,
      id: object.scriptid || root.name,
      path: segment(root),
    };
    const definitions = this.schema.objects[root.name];
    if (definitions === undefined) {
      this.error(
        place,
        `object type <${root.name}> is not in the vendored SDF schema (${Object.keys(this.schema.objects).join(', ')}), so nothing in it can be checked`,
        `use one of those types, or add "${root.name}" to VENDORED_OBJECT_TYPES in suiteapp/tools/vendor-sdf-schema.ts and run npm run vendor:sdf-schema`,
      );
      return;
    }
    this.checkNested(root, root.name, place);
  }

  private error(place: Place, message: string, fix: string): void {
    this.sink.error({ file: place.file, id: place.id, message: `${place.path}: ${message}`, fix });
  }

  /** `element` holds elements described by the definition `definitionName` of the current type. */
  private checkNested(element: XmlElement, definitionName: string, place: Place): void {
    const elements: Elements | undefined = this.schema.objects[place.type]?.[definitionName];
    if (element.text !== '') {
      this.error(
        place,
        `<${element.name}> holds the text "${element.text}"; SDF expects only elements inside it`,
        `remove the text from <${element.name}>`,
      );
    }
    this.checkAttributes(element, elements ?? {}, place);
    const seen = new Map<string, number>();
    for (const child of element.children) {
      const count = (seen.get(child.name) ?? 0) + 1;
      seen.set(child.name, count);
      const spec = elements?.[child.name];
      const childPlace: Place = {
        ...place,
        id: child.attributes['scriptid'] || place.id,
        path: `${place.path}/${segment(child)}`,
      };
      if (spec === undefined || spec.attribute === true) {
        this.unknownElement(child, element, elements ?? {}, childPlace, spec !== undefined);
        continue;
      }
      const isList = typeof spec.type === 'object' && 'list' in spec.type;
      if (!isList && count === 2) {
        this.error(
          childPlace,
          `<${child.name}> appears more than once in <${element.name}>; SDF takes one`,
          `keep one <${child.name}>`,
        );
      }
      this.checkChild(child, spec, childPlace);
    }
    for (const [name, spec] of Object.entries(elements ?? {})) {
      if (spec.required !== true || spec.attribute === true || seen.has(name)) continue;
      this.error(
        place,
        `<${element.name}> has no <${name}>, which SDF requires`,
        `add <${name}> (${typeLabel(spec, this.schema)}${spec.default !== undefined ? `; SDF's default is ${spec.default}` : ''})`,
      );
    }
  }

  private unknownElement(
    child: XmlElement,
    parent: XmlElement,
    elements: Elements,
    place: Place,
    isAttribute: boolean,
  ): void {
    const names = childNames(elements);
    const near = closest(child.name, names);
    const where = parent.name === place.type ? `a ${place.type}` : `<${parent.name}> in a ${place.type}`;
    const known =
      names.length === 0
        ? `${VENDORED_SDF_SCHEMA} lists no elements inside <${parent.name}>`
        : `the elements of <${parent.name}> are ${names.join(', ')}`;
    this.error(
      place,
      `<${child.name}> is not an element of ${where} in SDF's schema${isAttribute ? ` (it is an attribute)` : ''}; ` +
        `SDF would only warn and ignore it, so what it was meant to set would never happen (the validator refuses it)`,
      isAttribute
        ? `write it as the ${child.name}="..." attribute of <${parent.name}>`
        : `remove <${child.name}>${near.length > 0 ? ` or use ${near.map((n) => `<${n}>`).join(' / ')}` : ''}; ${known}`,
    );
  }

  private checkAttributes(element: XmlElement, elements: Elements, place: Place): void {
    for (const [name, value] of Object.entries(element.attributes)) {
      const spec = elements[name];
      if (spec === undefined || spec.attribute !== true) {
        this.error(
          place,
          `<${element.name}> has the attribute ${name}="${value}", which SDF's schema does not list; SDF would ignore it`,
          `remove ${name}="${value}"`,
        );
        continue;
      }
      this.checkText(value, `the ${name} attribute`, spec, place);
    }
    for (const [name, spec] of Object.entries(elements)) {
      if (spec.attribute !== true || spec.required !== true) continue;
      const value = element.attributes[name];
      if (value === undefined || value === '') {
        this.error(
          place,
          `<${element.name}> has no ${name} attribute, which SDF requires`,
          `add ${name}="..." to <${element.name}>${spec.regex !== undefined ? ` (matching ${spec.regex})` : ''}`,
        );
      }
    }
  }

  private checkChild(child: XmlElement, spec: SdfElementSpec, place: Place): void {
    const type = spec.type;
    if (typeof type === 'object' && 'object' in type) {
      this.checkNested(child, type.object, place);
      return;
    }
    if (typeof type === 'object' && 'list' in type && type.list !== BUILTIN_STRING_LIST) {
      this.checkNested(child, type.list, place);
      return;
    }
    this.checkAttributes(child, {}, place);
    if (child.children.length > 0) {
      this.error(
        place,
        `<${child.name}> holds elements (${child.children.map((c) => `<${c.name}>`).join(', ')}); SDF expects a value`,
        `write the value of <${child.name}> as text`,
      );
      return;
    }
    if (child.text === '') {
      if (spec.required === true) {
        this.error(
          place,
          `<${child.name}> is empty, and SDF requires a value`,
          `write ${typeLabel(spec, this.schema)} in <${child.name}>`,
        );
      }
      return;
    }
    this.checkText(child.text, `<${child.name}>`, spec, place);
  }

  /** A value (element text or attribute) against its type, length and pattern. */
  private checkText(value: string, what: string, spec: SdfElementSpec, place: Place): void {
    const type = spec.type;
    if (type === 'boolean' && value !== 'T' && value !== 'F') {
      this.error(place, `${what} is "${value}"; SDF booleans are T or F`, `write T or F`);
    } else if (type === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) {
      this.error(place, `${what} is "${value}", not a number`, `write a number`);
    } else if (typeof type === 'object' && 'enum' in type) {
      const values = this.schema.enums[type.enum] ?? [];
      if (!values.includes(value)) {
        this.error(
          place,
          `${what} is "${value}", which is not a value of ${type.enum} (${allowedValues(type.enum, values, value)}); SDF validation fails on it`,
          `write ${values.length <= MAX_LISTED_VALUES ? 'one of ' : ''}${allowedValues(type.enum, values, value)}`,
        );
      }
    }
    if (spec.maxLength !== undefined && value.length > spec.maxLength) {
      this.error(
        place,
        `${what} is ${value.length} characters long; SDF allows ${spec.maxLength}`,
        `shorten it to ${spec.maxLength} characters or fewer`,
      );
    }
    if (spec.regex !== undefined && !new RegExp(spec.regex).test(value)) {
      this.error(
        place,
        `${what} "${value}" does not match ${spec.regex}`,
        `write a value matching ${spec.regex}`,
      );
    }
  }
}

/** Every object file against the schema; each problem names the file, the element path and the fix. */
export function checkObjectsAgainstSchema(
  objectFiles: readonly SdfObjectFile[],
  schema: SdfSchema,
  sink: SdfIssueSink,
): void {
  const checker = new SchemaChecker(schema, sink);
  for (const object of objectFiles) checker.checkFile(object);
}
