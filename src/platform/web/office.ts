/**
 * Is an uploaded .docx, .xlsx, .odt or .ods a real Office document? Its first bytes only say "a ZIP file", so the
 * archive itself is read: a ZIP whose central directory is whole, whose every entry inflates to exactly the size
 * and checksum it declares, with at most MAX_UNPACKED_BYTES unpacked in all (a "zip bomb" is refused before it is
 * inflated beyond that), and holding the parts its kind needs: for Office Open XML `[Content_Types].xml` naming the
 * main part of a Word document or Excel workbook, and that part; for OpenDocument the `mimetype` entry with the
 * right type, and `content.xml`.
 *
 * Read with node:zlib (no ZIP library is a direct dependency; the XLSX writer beside it uses node:zlib too): only the
 * central directory and local headers are parsed here, and every inflation is bounded by the bytes still allowed.
 */
import { crc32, inflateRawSync } from 'node:zlib';

/** The most an accepted document may unpack to, all its entries together. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

export type OfficeKind = 'docx' | 'xlsx' | 'odt' | 'ods';

const MAIN_CONTENT_TYPE: Record<'docx' | 'xlsx', string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
};
const ODF_MIMETYPE: Record<'odt' | 'ods', string> = {
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

export type OfficeCheck = { ok: true } | { ok: false; reason: 'not-office' | 'too-large' };

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

class NotOffice extends Error {}
class TooLarge extends Error {}

/** The central directory's entries, or NotOffice when there is none to read (not a ZIP, cut short, ZIP64, split). */
function centralDirectory(zip: Buffer): Entry[] {
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < searchFrom || end + 22 > zip.length) throw new NotOffice();
  const count = zip.readUInt16LE(end + 10);
  const dirSize = zip.readUInt32LE(end + 12);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff || count > MAX_ENTRIES || at + dirSize > end)
    throw new NotOffice();
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== 0x02014b50) throw new NotOffice();
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = {
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff) throw new NotOffice();
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates every entry, at most MAX_UNPACKED_BYTES in all, checking each against its declared size and checksum. */
function unpack(zip: Buffer, entries: readonly Entry[]): Map<string, Buffer> {
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_UNPACKED_BYTES) throw new TooLarge();
  let budget = MAX_UNPACKED_BYTES;
  const parts = new Map<string, Buffer>();
  for (const e of entries) {
    const local = e.localOffset;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw new NotOffice();
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + e.compressedSize > zip.length) throw new NotOffice();
    const raw = zip.subarray(start, start + e.compressedSize);
    let data: Buffer;
    if (e.method === 0) data = raw;
    else if (e.method === 8) {
      try {
        // One byte more than it says it holds, so that a lie about its size shows; the declared sizes are within
        // the budget (checked above), so nothing inflates beyond it.
        data = inflateRawSync(raw, { maxOutputLength: Math.min(budget, e.size) + 1 });
      } catch {
        throw new NotOffice();
      }
    } else throw new NotOffice();
    if (data.length !== e.size || crc32(data) !== e.crc) throw new NotOffice();
    budget -= data.length;
    parts.set(e.name, data);
  }
  return parts;
}

function hasOfficeOpenXmlMain(parts: Map<string, Buffer>, kind: 'docx' | 'xlsx'): boolean {
  const types = parts.get('[Content_Types].xml')?.toString('utf8');
  if (!types) return false;
  const overrides = types.match(/<Override\b[^>]*>/g) ?? [];
  return overrides.some((o) => {
    const type = /ContentType="([^"]*)"/.exec(o)?.[1];
    const part = /PartName="\/?([^"]*)"/.exec(o)?.[1];
    return type === MAIN_CONTENT_TYPE[kind] && part !== undefined && parts.has(decodeURIComponent(part));
  });
}

/** Checks a ZIP-based document of the given kind; reads it whole (at most MAX_UNPACKED_BYTES), never keeps it. */
export function checkOfficeDocument(data: Buffer, kind: OfficeKind): OfficeCheck {
  try {
    const parts = unpack(data, centralDirectory(data));
    const ok =
      kind === 'docx' || kind === 'xlsx'
        ? hasOfficeOpenXmlMain(parts, kind)
        : parts.get('mimetype')?.toString('utf8').trim() === ODF_MIMETYPE[kind] && parts.has('content.xml');
    return ok ? { ok: true } : { ok: false, reason: 'not-office' };
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, reason: 'too-large' };
    if (error instanceof NotOffice || error instanceof RangeError || error instanceof URIError)
      return { ok: false, reason: 'not-office' };
    throw error;
  }
}
