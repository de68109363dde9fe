/** Parses entity files into entities, or into problems that name the file, the field and the fault. */
import { entitySchema, type Entity } from './schema';

export interface FileProblem {
  file: string;
  field: string;
  message: string;
}

export function parseEntityFile(file: string, text: string): { entity?: Entity; problems: FileProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { problems: [{ file, field: '(file)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = entitySchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        file,
        field: issue.path.length ? issue.path.map(String).join('.') : '(root)',
        message: issue.message,
      })),
    };
  }
  const entity = parsed.data;
  const expected = file.replace(/\\/g, '/').split('/').slice(-2).join('/');
  if (expected !== `${entity.kind}/${entity.id}.json`) {
    return { problems: [{ file, field: 'id', message: `file should be ${entity.kind}/${entity.id}.json` }] };
  }
  return { entity, problems: [] };
}
