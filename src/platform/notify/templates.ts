/**
 * Message templates, in the GOV.UK Notify style: ((placeholders)) filled from personalisation. Each says exactly
 * what changed and what happens next, never just "there is new information". Each feature declares its templates in
 * its module (`templates` in its index.ts) and the composition root registers them at start, before anything is sent.
 * In production each template's Notify id comes from NOTIFY_TEMPLATE_<NAME> (upper case, dashes as underscores).
 */
export interface Template {
  readonly subject: string;
  readonly body: string;
}

export const templates = {
  'test-message': {
    subject: 'Test message from Goldthread',
    body: 'Hello ((name)),\n\nThis is a test message from Goldthread. Nothing has changed.',
  },
} satisfies Record<string, Template>;

const registry: Record<string, Template> = { ...templates };

export type TemplateName = string;

/** Adds templates (the composition root, at start). A name can only be registered once with one text. */
export function registerTemplates(more: Record<string, Template>): void {
  for (const [name, template] of Object.entries(more)) {
    const existing = registry[name];
    if (existing && (existing.body !== template.body || existing.subject !== template.subject)) {
      throw new Error(`Template ${name} is already registered differently`);
    }
    registry[name] = template;
  }
}

export function getTemplate(name: string): Template {
  const template = registry[name];
  if (!template) throw new Error(`Unknown template ${name}`);
  return template;
}

/** Fills ((placeholders)); a placeholder with no value is an error, so nobody gets a message with a gap in it. */
export function render(text: string, personalisation: Record<string, string>): string {
  return text.replace(/\(\(([a-z0-9_ -]+)\)\)/gi, (_m, key: string) => {
    const value = personalisation[key];
    if (value === undefined) throw new Error(`Missing personalisation: ${key}`);
    return value;
  });
}
