/**
 * Uploaded documents (improvement evidence, advice documents): which kinds of document are accepted, checking that a
 * file is what its name says, and the safe name and type it is downloaded with.
 *
 * The type is decided by the file's extension and checked against its first bytes, and a ZIP-based Office document
 * (.docx, .xlsx, .odt, .ods) by its structure too (office.ts); the browser's own claim (the
 * part's Content-Type) is not trusted. Features keep files in the database (bytea, for example
 * `improvement_evidence.content`), and they are only ever served as attachments with `X-Content-Type-Options:
 * nosniff`, so an uploaded page can never run in the service's origin.
 */
import type { UploadedFile } from './app.ts';
import { checkOfficeDocument, MAX_UNPACKED_BYTES, type OfficeKind } from './office.ts';

const isOfficeKind = (ext: string): ext is OfficeKind => ['docx', 'xlsx', 'odt', 'ods'].includes(ext);

interface FileType {
  contentType: string;
  /** The first bytes a real file of this type starts with (any of them), or 'text' for plain text. */
  signature: readonly number[][] | 'text';
}

const ZIP = [[0x50, 0x4b, 0x03, 0x04]];
const OLE = [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];

/** Accepted extensions, lower case, without the dot. */
export const UPLOAD_FILE_TYPES: Readonly<Record<string, FileType>> = {
  pdf: { contentType: 'application/pdf', signature: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  doc: { contentType: 'application/msword', signature: OLE },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    signature: ZIP,
  },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', signature: ZIP },
  xls: { contentType: 'application/vnd.ms-excel', signature: OLE },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    signature: ZIP,
  },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', signature: ZIP },
  csv: { contentType: 'text/csv', signature: 'text' },
  txt: { contentType: 'text/plain', signature: 'text' },
  jpg: { contentType: 'image/jpeg', signature: [[0xff, 0xd8, 0xff]] },
  jpeg: { contentType: 'image/jpeg', signature: [[0xff, 0xd8, 0xff]] },
  png: { contentType: 'image/png', signature: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  gif: {
    contentType: 'image/gif',
    signature: [
      [0x47, 0x49, 0x46, 0x38, 0x37, 0x61],
      [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
    ],
  },
};

/** The `accept` attribute of the file input. */
export const UPLOAD_FILE_ACCEPT = Object.keys(UPLOAD_FILE_TYPES)
  .map((e) => `.${e}`)
  .join(',');

export const FILE_TYPE_MESSAGE =
  'The selected file must be a PDF, Word document, Excel spreadsheet, CSV, text file or image (JPG, PNG or GIF)';

/**
 * The name as the user's computer called it, without any folder (some browsers send "C:\fakepath\x.pdf"), control
 * characters or characters that are unsafe in a file name, at most 200 characters and keeping the extension.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const trimmed = cleaned.replace(/^\.+/, '');
  return shortenFileName(trimmed, 200) || 'evidence';
}

/**
 * A name cut to `max` characters keeping its extension (the last dot and at most 5 characters after it), so a long
 * name is still recognised by its type.
 */
export function shortenFileName(name: string, max: number): string {
  if (name.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : '';
  return name.slice(0, max - ext.length) + ext;
}

/** A file name's extension, lower case, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function looksLikeText(data: Buffer): boolean {
  // Plain text and CSV: no NUL bytes, and readable as UTF-8 (or a legacy single-byte encoding from a spreadsheet).
  return !data.subarray(0, 64 * 1024).includes(0);
}

export type CheckedFile =
  { ok: true; fileName: string; contentType: string; content: Uint8Array } | { ok: false; message: string };

/** Checks an uploaded file: an accepted kind of document whose contents match its extension. */
export function checkUploadedFile(file: UploadedFile): CheckedFile {
  const fileName = cleanFileName(file.filename);
  const type = UPLOAD_FILE_TYPES[extensionOf(fileName)];
  if (!type) return { ok: false, message: FILE_TYPE_MESSAGE };
  const matches =
    type.signature === 'text'
      ? looksLikeText(file.data)
      : type.signature.some((sig) => sig.every((byte, i) => file.data[i] === byte));
  const kind = extensionOf(fileName);
  const notReal = {
    ok: false as const,
    message: `The selected file is not a real .${kind} file. Check the file and choose it again`,
  };
  if (!matches) return notReal;
  if (isOfficeKind(kind)) {
    const office = checkOfficeDocument(file.data, kind);
    if (!office.ok && office.reason === 'too-large')
      return {
        ok: false,
        message: `The selected file unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`,
      };
    if (!office.ok) return notReal;
  }
  return { ok: true, fileName, contentType: type.contentType, content: new Uint8Array(file.data) };
}

/**
 * The headers' file name: an ASCII fallback (`filename=`, letters, digits, spaces, dots, hyphens and underscores) and
 * the full name encoded for browsers that read it (`filename*=UTF-8''...`, RFC 6266).
 */
export function contentDisposition(name: string): string {
  const clean = cleanFileName(name);
  const ascii =
    clean
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9 ._-]+/g, '')
      .replace(/^\.+/, '')
      .trim() || 'evidence';
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The type a stored file is served as: its accepted type, or a download of unknown bytes. */
export function servedContentType(fileName: string | null): string {
  return UPLOAD_FILE_TYPES[extensionOf(fileName ?? '')]?.contentType ?? 'application/octet-stream';
}
