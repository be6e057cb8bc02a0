/** A small XML tree: enough for CAP and Atom, with escaping done in one place. */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string>;
  /** Text content, or child elements; undefined children are skipped (optional elements). */
  content?: string | Array<XmlElement | undefined>;
}

// Characters XML 1.0 forbids even when escaped (C0 controls except tab, LF, CR; lone surrogates).
const INVALID_XML_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An element with text content, or undefined when the value is absent (optional elements). */
export function textElement(
  name: string,
  value: string | null | undefined,
): XmlElement | undefined {
  return value === null || value === undefined ? undefined : { name, content: value };
}

function renderElement(element: XmlElement, indent: string): string {
  const attrs = Object.entries(element.attrs ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  const open = `${indent}<${element.name}${attrs}`;
  if (element.content === undefined) return `${open}/>`;
  if (typeof element.content === 'string') {
    return `${open}>${escapeXml(element.content)}</${element.name}>`;
  }
  const children = element.content
    .filter((child): child is XmlElement => child !== undefined)
    .map((child) => renderElement(child, `${indent}  `));
  return `${open}>\n${children.join('\n')}\n${indent}</${element.name}>`;
}

export function renderXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderElement(root, '')}\n`;
}
