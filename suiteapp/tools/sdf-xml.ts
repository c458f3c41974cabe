/**
 * A small typed XML tree for SDF files, read with fast-xml-parser (order preserved, every value a
 * string, repeated elements kept as separate children).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** The element's own text (trimmed), `''` when it has none. */
  text: string;
}

/** Malformed XML: names the file, the line and column, and the problem. */
export class SdfXmlError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: malformed XML: ${problem}`);
    this.name = 'SdfXmlError';
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

const TEXT_KEY = '#text';
const ATTRIBUTES_KEY = ':@';

type OrderedNode = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toAttributes(value: unknown): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (isRecord(value)) {
    for (const [key, raw] of Object.entries(value)) attributes[key] = String(raw);
  }
  return attributes;
}

function toElements(nodes: unknown): { elements: XmlElement[]; text: string } {
  const elements: XmlElement[] = [];
  const texts: string[] = [];
  if (!Array.isArray(nodes)) return { elements, text: '' };
  for (const node of nodes as OrderedNode[]) {
    if (!isRecord(node)) continue;
    const name = Object.keys(node).find((key) => key !== ATTRIBUTES_KEY);
    if (name === undefined) continue;
    if (name === TEXT_KEY) {
      texts.push(String(node[TEXT_KEY]));
      continue;
    }
    const inner = toElements(node[name]);
    elements.push({
      name,
      attributes: toAttributes(node[ATTRIBUTES_KEY]),
      children: inner.elements,
      text: inner.text,
    });
  }
  return { elements, text: texts.join('').trim() };
}

/** Parses one XML document and returns its root element; throws SdfXmlError when it is malformed. */
export function parseXmlDocument(xml: string, file: string): XmlElement {
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    throw new SdfXmlError(file, verdict.err.line, verdict.err.col ?? 1, verdict.err.msg);
  }
  const roots = toElements(parser.parse(xml)).elements;
  const first = roots[0];
  if (first === undefined) throw new SdfXmlError(file, 1, 1, 'the document has no root element');
  if (roots.length > 1) {
    throw new SdfXmlError(
      file,
      1,
      1,
      `the document has ${roots.length} root elements; it must have exactly one`,
    );
  }
  return first;
}

/** The first child element called `name`. */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** Every child element called `name`. */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The text of the first child element called `name`, or undefined when there is no such child. */
export function childText(element: XmlElement, name: string): string | undefined {
  return childElement(element, name)?.text;
}

/** Follows a path of child element names (`['dependencies', 'features', 'feature']`) and returns every match. */
export function descendants(element: XmlElement, path: readonly string[]): XmlElement[] {
  let level: XmlElement[] = [element];
  for (const name of path) level = level.flatMap((parent) => childElements(parent, name));
  return level;
}
