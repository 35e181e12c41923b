/**
 * The improvement plan's forms: zod schemas carrying the GOV.UK messages users read, plus the cross-field rules
 * (evidence fields that depend on the kind of evidence, dates that must not be in the future).
 */
import { z } from 'zod';
import { BRAG_STATUSES, IMPROVEMENT_PLAN_KINDS, REPORT_AUDIENCES } from '../../platform/db/schema/index.ts';
import type { UploadedFile } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { optionalText, readDateInput, requiredText, fieldErrors } from '../../platform/web/forms.ts';
import { checkUploadedFile, cleanFileName, extensionOf } from '../../platform/web/files.ts';
import type { UpdateInput } from './service.ts';

export type FormOutcome<T> = { ok: true; data: T } | { ok: false; errors: FormErrors };

/** Builds GOV.UK errors from [field, message] pairs, in the order given (the form's order), first per field. */
export function errorsFrom(pairs: Array<[string, string]>, dateFields: readonly string[] = []): FormErrors {
  return fieldErrors(
    pairs.map(([field, message]) => ({ field, message })),
    { dateFields },
  );
}

function issues(result: z.ZodSafeParseResult<unknown>): Array<[string, string]> {
  if (result.success) return [];
  return result.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message]);
}

export const EVIDENCE_CHOICES = ['none', 'text', 'link', 'file', 'minutes', 'indicator'] as const;

const updateSchema = z.object({
  status: z.enum(BRAG_STATUSES, { error: 'Select the status of the action' }),
  body: requiredText(
    {
      empty: 'Enter what has happened since the last update',
      tooLong: 'The update must be 2,000 characters or fewer',
    },
    2000,
  ),
  evidenceKind: z.enum(EVIDENCE_CHOICES, { error: 'Select whether you are adding evidence' }),
  evidenceDescription: optionalText('The description of the evidence must be 500 characters or fewer', 500),
  evidenceUrl: optionalText('The link must be 500 characters or fewer', 500),
  evidenceMeeting: optionalText('The name of the meeting must be 200 characters or fewer', 200),
  indicatorName: optionalText('The name of the performance indicator must be 200 characters or fewer', 200),
  indicatorValue: optionalText('The value must be 20 characters or fewer', 20),
});

const UPDATE_ORDER = [
  'date',
  'status',
  'body',
  'evidenceKind',
  'evidenceDescription',
  'evidenceUrl',
  'evidenceFile',
  'evidenceMeeting',
  'meetingDate',
  'indicatorName',
  'indicatorValue',
];

/**
 * Reads the update form. `today` bounds the dates: an update cannot be dated in the future. `file` is the uploaded
 * evidence file, if one was chosen (the form is multipart); it is read only when the evidence is "A file".
 */
export function readUpdateForm(
  values: Record<string, string>,
  today: string,
  file?: UploadedFile,
): FormOutcome<UpdateInput> {
  const pairs: Array<[string, string]> = [];
  const date = readDateInput(values, 'date', 'Date of the update');
  if (date.error) pairs.push(['date', date.error]);
  else if (!date.value) pairs.push(['date', 'Enter the date of the update']);
  else if (date.value > today) pairs.push(['date', 'Date of the update must be today or in the past']);
  const parsed = updateSchema.safeParse(values);
  pairs.push(...issues(parsed));
  const meetingDate = readDateInput(values, 'meetingDate', 'Date of the meeting');
  let checked: ReturnType<typeof checkUploadedFile> | undefined;
  if (parsed.success) {
    const v = parsed.data;
    if (v.evidenceKind !== 'none' && !v.evidenceDescription) {
      pairs.push(['evidenceDescription', 'Describe the evidence']);
    }
    if (v.evidenceKind === 'link') {
      if (!v.evidenceUrl) pairs.push(['evidenceUrl', 'Enter the link to the evidence']);
      else if (!/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v.evidenceUrl)) {
        pairs.push([
          'evidenceUrl',
          'Enter a link in the correct format, like https://www.example.org/report',
        ]);
      }
    }
    if (v.evidenceKind === 'file') {
      if (!file) pairs.push(['evidenceFile', 'Select a file']);
      else {
        checked = checkUploadedFile(file);
        if (!checked.ok) pairs.push(['evidenceFile', checked.message]);
      }
    } else if (file) {
      pairs.push(['evidenceKind', 'Select “A file” to add the file you chose as evidence']);
    }
    if (v.evidenceKind === 'minutes') {
      if (!v.evidenceMeeting) pairs.push(['evidenceMeeting', 'Enter the name of the meeting']);
      if (meetingDate.error) pairs.push(['meetingDate', meetingDate.error]);
      else if (meetingDate.value && meetingDate.value > today) {
        pairs.push(['meetingDate', 'Date of the meeting must be today or in the past']);
      }
    }
    if (v.evidenceKind === 'indicator') {
      if (!v.indicatorName) pairs.push(['indicatorName', 'Enter the name of the performance indicator']);
      if (!v.indicatorValue) pairs.push(['indicatorValue', 'Enter the value of the performance indicator']);
      else if (!/^-?\d+(\.\d+)?$/.test(v.indicatorValue)) {
        pairs.push(['indicatorValue', 'The value must be a number, like 72 or 72.5']);
      }
    }
  }
  if (pairs.length > 0 || !parsed.success || !date.value) {
    pairs.sort((a, b) => UPDATE_ORDER.indexOf(a[0]) - UPDATE_ORDER.indexOf(b[0]));
    return { ok: false, errors: errorsFrom(pairs, ['date', 'meetingDate']) };
  }
  const v = parsed.data;
  const upload = checked?.ok ? checked : undefined;
  return {
    ok: true,
    data: {
      date: date.value,
      status: v.status,
      body: v.body,
      evidence:
        v.evidenceKind === 'none'
          ? undefined
          : {
              kind: v.evidenceKind,
              description: v.evidenceDescription ?? '',
              url: v.evidenceKind === 'link' ? v.evidenceUrl : undefined,
              fileName: upload?.fileName,
              contentType: upload?.contentType,
              content: upload?.content,
              meeting: v.evidenceKind === 'minutes' ? v.evidenceMeeting : undefined,
              meetingDate: v.evidenceKind === 'minutes' ? meetingDate.value : undefined,
              indicatorName: v.evidenceKind === 'indicator' ? v.indicatorName : undefined,
              indicatorValue: v.evidenceKind === 'indicator' ? Number(v.indicatorValue) : undefined,
            },
    },
  };
}

/** The import form: a title, the kind of plan, and the plan as an uploaded CSV file or CSV text pasted in. */
export const importSchema = z.object({
  title: requiredText(
    { empty: 'Enter a title for the plan', tooLong: 'The title must be 200 characters or fewer' },
    200,
  ),
  kind: z.enum(IMPROVEMENT_PLAN_KINDS, { error: 'Select the kind of plan' }),
});

/** The largest CSV file the import page reads (the pasted text's limit is 900,000 characters). */
export const MAX_IMPORT_FILE_BYTES = 900 * 1000;
const MAX_IMPORT_CHARACTERS = 900_000;

export const IMPORT_FILE_MESSAGES = {
  neither: 'Choose a CSV file or paste the plan in CSV form',
  both: 'Choose a CSV file or paste the plan, not both',
  type: 'The selected file must be a CSV. Save the spreadsheet as “CSV UTF-8” and choose that file',
  size: 'The selected file must be smaller than 900 KB',
  encoding:
    'The selected file must be saved as CSV UTF-8. In your spreadsheet, choose “Save as” and then “CSV UTF-8”',
} as const;

/**
 * Reads an uploaded plan: a `.csv` file (by its name; the browser's claimed type is not trusted), at most
 * MAX_IMPORT_FILE_BYTES, in UTF-8 (a byte order mark is allowed and dropped), and text: no control characters but
 * tabs and line breaks (a zip or an old Excel file renamed .csv has them).
 */
export function readCsvFile(file: UploadedFile): { ok: true; text: string } | { ok: false; message: string } {
  if (extensionOf(cleanFileName(file.filename)) !== 'csv')
    return { ok: false, message: IMPORT_FILE_MESSAGES.type };
  if (file.data.length > MAX_IMPORT_FILE_BYTES) return { ok: false, message: IMPORT_FILE_MESSAGES.size };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.data);
  } catch {
    return { ok: false, message: IMPORT_FILE_MESSAGES.encoding };
  }
  // Control characters other than tabs and line breaks mean a spreadsheet or other binary file renamed .csv.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) {
    return { ok: false, message: IMPORT_FILE_MESSAGES.type };
  }
  return { ok: true, text };
}

export interface ImportFormData {
  title: string;
  kind: (typeof IMPROVEMENT_PLAN_KINDS)[number];
  csv: string;
  /** The uploaded file's cleaned name, when the plan came from a file. */
  fileName?: string | undefined;
}

const IMPORT_ORDER = ['title', 'kind', 'csvFile', 'csv'];

/**
 * Reads the import form: the plan is either an uploaded CSV file (`file`) or the text pasted in `csv`, never both.
 * The confirm step posts the text back in `csv`, without a file.
 */
export function readImportForm(
  values: Record<string, string>,
  file?: UploadedFile,
): FormOutcome<ImportFormData> {
  const pairs: Array<[string, string]> = [];
  const parsed = importSchema.safeParse(values);
  pairs.push(...issues(parsed));
  const pasted = values.csv ?? '';
  let csv = pasted;
  if (file && pasted.trim() !== '') pairs.push(['csvFile', IMPORT_FILE_MESSAGES.both]);
  else if (file) {
    const read = readCsvFile(file);
    if (read.ok) csv = read.text;
    else pairs.push(['csvFile', read.message]);
  } else if (pasted.trim() === '') pairs.push(['csvFile', IMPORT_FILE_MESSAGES.neither]);
  else if (pasted.length > MAX_IMPORT_CHARACTERS) {
    pairs.push(['csv', 'The plan must be 900,000 characters or fewer']);
  }
  if (pairs.length > 0 || !parsed.success) {
    pairs.sort((a, b) => IMPORT_ORDER.indexOf(a[0]) - IMPORT_ORDER.indexOf(b[0]));
    return { ok: false, errors: errorsFrom(pairs) };
  }
  return {
    ok: true,
    data: { ...parsed.data, csv, fileName: file ? cleanFileName(file.filename) : undefined },
  };
}

const audienceSchema = z.object({
  audience: z.enum(REPORT_AUDIENCES, { error: 'Select who the report is for' }),
});

export function readReportForm(values: Record<string, string>) {
  const pairs: Array<[string, string]> = [];
  const date = readDateInput(values, 'meetingDate', 'Date of the meeting');
  if (date.error) pairs.push(['meetingDate', date.error]);
  else if (!date.value) pairs.push(['meetingDate', 'Enter the date of the meeting']);
  const parsed = audienceSchema.safeParse(values);
  pairs.push(...issues(parsed));
  if (pairs.length > 0 || !parsed.success || !date.value) {
    return { ok: false as const, errors: errorsFrom(pairs, ['meetingDate']) };
  }
  return { ok: true as const, data: { meetingDate: date.value, audience: parsed.data.audience } };
}

/** An "as of" date in a GET filter; empty means today. */
export function readAsOf(values: Record<string, string>, today: string) {
  const date = readDateInput(values, 'asOf', 'Date');
  if (date.error) return { asOf: today, errors: errorsFrom([['asOf', date.error]], ['asOf']) };
  return { asOf: date.value ?? today, errors: undefined };
}
