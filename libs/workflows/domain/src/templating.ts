/**
 * `{{record.number}}`-style templates for action parameters: dotted paths into a context object.
 * Unknown paths render as empty text; nothing is evaluated.
 */
export function renderTemplate(template: string, context: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}/g, (_, path: string) => {
    const value = path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), context);
    return value === undefined || value === null ? '' : String(value);
  });
}
