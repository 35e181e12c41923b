/**
 * Documents attached to advice: PDF, Word, OpenDocument text or plain text. The kind is decided by the extension and
 * checked against the file's first bytes (the browser's claimed type is not trusted), using the improvement plan's
 * evidence-file checks. Stored with the advice and only ever served as a download (see advice/routes.ts).
 */
import type { UploadedFile } from '../../platform/web/app.ts';
import { checkUploadedFile, cleanFileName, type CheckedFile } from '../../platform/web/files.ts';

export const ADVICE_DOCUMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'odt', 'txt'] as const;

export const ADVICE_DOCUMENT_ACCEPT = ADVICE_DOCUMENT_EXTENSIONS.map((e) => `.${e}`).join(',');

export const ADVICE_DOCUMENT_MESSAGE =
  'The selected file must be a PDF, a Word document, an OpenDocument text file or a text file';

export function checkAdviceDocument(file: UploadedFile): CheckedFile {
  const name = cleanFileName(file.filename);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!(ADVICE_DOCUMENT_EXTENSIONS as readonly string[]).includes(ext))
    return { ok: false, message: ADVICE_DOCUMENT_MESSAGE };
  return checkUploadedFile(file);
}
